import CampaignKit

/// Composes the dashboard: `(App, DashboardData, options, size) -> Canvas`, the only way the
/// screen and the printed snapshot are made. Pure: no files, no clock, no terminal.
public enum Screens {
  public static let minimumWidth = 80
  public static let minimumHeight = 24

  /// Rows above the body: title, score, tabs, breadcrumbs.
  static let headerHeight = 4

  /// The header's rows for this data: one more while the last reload of the files failed.
  static func headerHeight(_ data: DashboardData) -> Int { headerHeight + (data.live.errors.isEmpty ? 0 : 1) }
  /// Rows below the body: the key line.
  static let footerHeight = 1

  public static func render(_ app: App, _ data: DashboardData, options: RenderOptions = RenderOptions())
    -> Canvas
  {
    var canvas = Canvas(width: app.width, height: app.height)
    let s = Strings(options.language)
    guard app.width >= minimumWidth, app.height >= minimumHeight else {
      drawTooSmall(&canvas, s: s)
      return canvas
    }
    Chrome.header(&canvas, app: app, data: data, s: s, options: options)
    let laid = laidOut(app, data, options: options)
    let lines = laid.lines
    let plan = laid.plan
    let level = app.current
    let selectedLine = plan.lineOfRow.indices.contains(level.selection) ? plan.lineOfRow[level.selection] : -1
    let first = level.scroll
    for row in 0..<plan.bodyHeight {
      let i = first + row
      guard i < lines.count else { break }
      let y = plan.bodyTop + row
      lines[i].draw(&canvas, y, app.width)
      if let subject = lines[i].subject, let change = data.live.changes[subject] {
        Chrome.changed(&canvas, y: y, change: change, s: s, ascii: options.ascii)
      }
      if i == selectedLine { Chrome.highlight(&canvas, y: y, ascii: options.ascii) }
    }
    Chrome.scrollHint(&canvas, plan: plan, scroll: first, ascii: options.ascii)
    Chrome.footer(&canvas, app: app, s: s, glyphs: options.glyphs)
    if let t = app.toast {
      Toast(t.text, position: .bottomRight, role: t.isError ? .error : .toast, glyphs: options.glyphs)
        .draw(into: &canvas, in: Rect(x: 0, y: 0, width: canvas.width, height: canvas.height - footerHeight))
    }
    if lines.allSatisfy({ !$0.selectable }), !app.filter.isEmpty, plan.bodyHeight > 1 {
      // `/` found nothing here: say so, and offer the palette, which searches everything.
      canvas.draw(
        s.filterNothing(app.filter), x: 2, y: plan.bodyTop + min(lines.count, plan.bodyHeight - 1),
        maxWidth: app.width - 4, role: .behind)
    }
    if app.palette != nil { PaletteScreen.draw(&canvas, app: app, data: data, s: s, glyphs: options.glyphs) }
    if let f = app.form { FormScreen.draw(&canvas, form: f, data: data, s: s, glyphs: options.glyphs) }
    if app.showHelp { HelpScreen.overlay(&canvas, s: s, glyphs: options.glyphs, page: app.page) }
    if options.ascii { canvas.applyAsciiFallback() }
    return canvas
  }

  /// The navigation plan of the page on screen for `app` (what `App.update` needs).
  public static func plan(_ app: App, _ data: DashboardData, options: RenderOptions = RenderOptions())
    -> NavigationPlan
  {
    guard app.width >= minimumWidth, app.height >= minimumHeight else { return .empty }
    var plan = laidOut(app, data, options: options).plan
    let s = Strings(options.language)
    (plan.tabs, plan.crumbs) = Chrome.clickSpans(app: app, data: data, s: s, glyphs: options.glyphs)
    if app.palette != nil { plan.jumps = PaletteScreen.matches(app, data, s: s).entries.map(\.target) }
    return plan
  }

  static func plan(app: App, lines: [ScreenLine], data: DashboardData) -> NavigationPlan {
    let top = headerHeight(data)
    var targets: [Page?] = []
    var lineOfRow: [Int] = []
    for (i, l) in lines.enumerated() where l.selectable {
      targets.append(l.target)
      lineOfRow.append(i)
    }
    return NavigationPlan(
      targets: targets, lineOfRow: lineOfRow, lineCount: lines.count, bodyTop: top,
      bodyHeight: app.height - top - footerHeight)
  }

  /// The page's lines and plan, from the memo when nothing they depend on changed.
  static func laidOut(_ app: App, _ data: DashboardData, options: RenderOptions) -> LayoutMemo.Entry {
    LayoutMemo.lines(app, data, options: options) { visibleLines(app, data, options: options) }
  }

  /// The body lines of the current page after the filter.
  static func visibleLines(_ app: App, _ data: DashboardData, options: RenderOptions) -> [ScreenLine] {
    let ctx = PageContext(app: app, data: data, s: Strings(options.language), options: options)
    return PageScreen.lines(Pages.model(app.page, ctx).filtered(app.filter), ctx: ctx)
  }

  static func drawTooSmall(_ c: inout Canvas, s: Strings) {
    let msg =
      s.tooSmall(need: "\(minimumWidth)×\(minimumHeight)", now: "\(c.width)×\(c.height)")
    let lines = TextWrap.lines(msg, width: max(1, c.width))
    let top = max(0, (c.height - lines.count) / 2)
    for (i, l) in lines.enumerated() {
      let w = DisplayWidth.of(l)
      c.draw(l, x: max(0, (c.width - w) / 2), y: top + i, role: .error)
    }
  }
}
