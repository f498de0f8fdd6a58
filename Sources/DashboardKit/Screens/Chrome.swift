import CampaignKit

/// The parts of every screen around the body: header, breadcrumbs, footer, selection.
enum Chrome {
  static func header(_ c: inout Canvas, app: App, data: DashboardData, s: Strings, options: RenderOptions) {
    let w = c.width
    let info = data.campaign.info
    c.fill(row: 0, role: .header)
    // The date, marked when it is not the campaign's own: a past view (回看) or a projection.
    var marker = ""
    if data.asOf < info.defaultAsOf {
      marker = " \(s.pastView) "
    } else if data.asOf > info.defaultAsOf {
      marker = " \(s.projected) "
    }
    let right = "\(s.asOf) \(data.asOf) · \(s.daysLeft(data.standing.daysLeft)) "
    let rw = DisplayWidth.of(right)
    let mw = DisplayWidth.of(marker)
    c.draw(
      " " + info.title, x: 0, y: 0, maxWidth: max(0, w - rw - mw - 2), role: .header, truncation: .ellipsis)
    if mw > 0 { c.draw(marker, x: w - rw - mw - 1, y: 0, role: .error) }
    c.draw(right, x: w - rw, y: 0, role: .header)
    scoreLine(&c, figures: HeaderFigures(data), s: s, glyphs: options.glyphs)

    // The tab bar.
    var x = 1
    for t in Tab.available {
      let label = " \(s.tab(t)) "
      x += c.draw(label, x: x, y: 2, maxWidth: max(0, w - x), role: t == app.tab ? .tabActive : .tabInactive)
      x += 1
    }
    // Breadcrumbs from the tab's root page; sort and filter state on the right.
    let state = rightState(app: app, data: data, s: s)
    let sw = DisplayWidth.of(state)
    let from = crumbStart(app)
    let crumbs = app.stack[from...].map { crumb($0.page, data: data, s: s) }
    Breadcrumbs(crumbs, glyphs: options.glyphs).draw(
      into: &c, x: 1, y: 3, width: max(0, w - sw - 2), role: .dim, lastRole: .title)
    c.draw(state, x: w - sw, y: 3, role: .dim)

    // The last reload's error: file, line, what is wrong; the figures stay the last good ones.
    if let first = data.live.errors.first {
      let more = data.live.errors.count - 1
      let text = " ⚠ \(first)"
      // The count of further errors goes with the right-hand part, which is never cut: a long
      // first error must not hide that there are more.
      let count = more > 0 ? s.moreErrors(more) : ""
      let keep = count + (data.live.keptFiles.contains(first.file) ? s.keptLastGood : s.fileLeftOut)
      let kw = DisplayWidth.of(keep)
      c.fill(row: 4, role: .error)
      c.draw(text, x: 0, y: 4, maxWidth: max(0, w - kw), role: .error, truncation: .ellipsis)
      c.draw(keep, x: max(0, w - kw), y: 4, maxWidth: w, role: .error)
    }
  }

  /// The breadcrumb line's right side: live state, filter, sort order.
  static func rightState(app: App, data: DashboardData, s: Strings) -> String {
    // The live line belongs to the live date only: a past view or a projection is not live.
    var state = data.asOf == data.campaign.info.defaultAsOf ? liveState(data.live, s: s) : ""
    if !app.filter.isEmpty || app.filterEditing { state += "\(s.filter): \(app.filter)  " }
    switch app.page {
    case .subCommand, .unit: state += s.sort(app.sort) + " "
    default: break
    }
    return state
  }

  /// The stack index the breadcrumbs start from: the tab's root page.
  static func crumbStart(_ app: App) -> Int { app.stack.lastIndex { $0.page.tabRoot != nil } ?? 0 }

  /// Where each tab and each breadcrumb is drawn, for clicks: the same arithmetic as `header`.
  static func clickSpans(app: App, data: DashboardData, s: Strings, glyphs: GlyphSet)
    -> (tabs: [(tab: Tab, columns: Range<Int>)], crumbs: [(depth: Int, columns: Range<Int>)])
  {
    var tabs: [(tab: Tab, columns: Range<Int>)] = []
    var x = 1
    for t in Tab.available {
      let w = DisplayWidth.of(" \(s.tab(t)) ")
      tabs.append((t, x..<min(x + w, app.width)))
      x += w + 1
    }
    let from = crumbStart(app)
    let names = app.stack[from...].map { SafeText.sanitize(crumb($0.page, data: data, s: s)) }
    let sep = DisplayWidth.of(glyphs.breadcrumbSeparator)
    let room = max(0, app.width - DisplayWidth.of(rightState(app: app, data: data, s: s)) - 2)
    let total = names.reduce(0) { $0 + DisplayWidth.of($1) } + sep * max(0, names.count - 1)
    // A path too long is cut on the left: shift everything left by what does not fit.
    var at = 1 - max(0, total - room)
    var crumbs: [(depth: Int, columns: Range<Int>)] = []
    for (i, n) in names.enumerated() {
      let w = DisplayWidth.of(n)
      let lo = max(1, at)
      if at + w > lo { crumbs.append((from + i, lo..<(at + w))) }
      at += w + sep
    }
    return (tabs, crumbs)
  }

  /// The score line: total points, bar, percent to one decimal, the change since the previous
  /// meeting in signs (points with their unit at every width, and percentage points from 120
  /// columns), the indicators counted
  /// by mark (glyphs only below 120 columns), and 需关注, the sum the rows' columns add up to.
  static func scoreLine(_ c: inout Canvas, figures h: HeaderFigures, s: Strings, glyphs: GlyphSet) {
    let w = c.width
    // The status words need about 120 columns; below that the glyphs stand for them.
    let wide = w >= 120
    let f = CellFormat(s: s, glyphs: glyphs, medium: .screen, width: w)
    var x = c.draw(" \(s.total) ", x: 0, y: 1, role: .title)
    x += c.draw("\(Format.points(h.earned))/\(Format.points(h.points))", x: x, y: 1, role: .title)
    x += 1
    let counts = StatusMark.allCases.map { m in
      wide ? "\(glyphs.statusGlyph(m))\(s.status(m)) \(h.count(m))" : "\(glyphs.statusGlyph(m))\(h.count(m))"
    }
    let attention = "\(s.needsAttention) \(h.needsAttention)"
    // The change keeps its unit at every width: next to a percentage a bare "+3.4" reads as
    // percentage points, and it is points (分).
    let withUnit = CellFormat(s: s, glyphs: glyphs, medium: .screen, width: max(w, 100))
    var change = h.change.map { withUnit.delta($0.points, .points) } ?? ""
    if wide, let d = h.change { change += " " + f.delta(d.progress, .percentPoints) }
    let percent = " " + Format.percent(h.progress, digits: 1)
    let tail =
      DisplayWidth.of(percent) + 1 + DisplayWidth.of(change) + 2
      + counts.reduce(0) { $0 + DisplayWidth.of($1) + 1 } + 1 + DisplayWidth.of(attention)
    let barWidth = max(10, min(40, w - x - tail - 1))
    ProgressBar(fraction: h.progress, status: h.mark, showsPercent: false, showsGlyph: true, glyphs: glyphs)
      .draw(into: &c, x: x, y: 1, width: barWidth)
    x += barWidth
    x += c.draw(percent, x: x, y: 1, role: .text)
    if !change.isEmpty {
      let role: StyleRole = change.hasPrefix("+") ? .deltaUp : change.hasPrefix("-") ? .deltaDown : .dim
      x += 1 + c.draw(change, x: x + 1, y: 1, role: role)
    }
    x += 2
    for (i, m) in StatusMark.allCases.enumerated() {
      guard x < w else { break }
      x += c.draw(counts[i], x: x, y: 1, maxWidth: w - x, role: m.role) + 1
    }
    if x < w {
      c.draw(
        attention, x: x + 1, y: 1, maxWidth: max(0, w - x - 1), role: h.needsAttention > 0 ? .behind : .dim)
    }
  }

  /// "live · updated 14:03:22" for the breadcrumb line's right side (empty when not live).
  static func liveState(_ live: LiveStatus, s: Strings) -> String {
    let mode: String
    switch live.mode {
    case .off: return ""
    case .watching: mode = s.live
    case .polling: mode = s.livePolling
    }
    guard let t = live.updated else { return mode + "  " }
    return mode + " · " + s.updated + t.description + "  "
  }

  /// Marks a row whose figures just changed: the highlight role on its text and the change
  /// (+3.2% / -1 分, in signs, never a status glyph) at the right edge.
  static func changed(_ c: inout Canvas, y: Int, change: RecentChanges.Change, s: Strings, ascii: Bool) {
    c.recolor(row: y) { role in
      switch role {
      case .text, .dim, .title, .key, .border: .highlight
      default: role
      }
    }
    let up = change.delta >= 0
    let sign = up ? "+" : "-"
    let amount: String
    switch change.amount {
    case .value(let d, let unit):
      amount = Format.value(abs(d)) + (unit.isEmpty ? "" : unit == "%" ? "%" : " " + unit)
    case .points(let d):
      amount = Format.fixed(abs(d), 1) + " " + s.pointsShort
    }
    let text = " \(sign)\(amount) "
    let tw = DisplayWidth.of(text)
    c.draw(text, x: max(0, c.width - tw), y: y, role: up ? .deltaUp : .deltaDown)
  }

  static func crumb(_ page: Page, data: DashboardData, s: Strings) -> String {
    let c = data.campaign
    switch page {
    case .overview: return s.overviewTab
    case .subCommand(let id):
      guard let n = c.node(id) else { return id }
      return "[\(n.key ?? 0)] \(n.shortName)"
    case .unit(let id): return c.node(id)?.shortName ?? id
    case .indicator(let id): return c.indicator(id)?.name ?? id
    case .task(let id): return c.task(id)?.name ?? id
    case .help: return s.help
    case .brief: return s.circular
    case .missing: return s.missingReports
    case .indicators: return s.tab(.indicators)
    case .problems: return s.tab(.problems)
    case .rankings: return s.tab(.rankings)
    case .audit: return s.tab(.audit)
    case .problem(let id):
      guard let p = c.problems.first(where: { $0.id == id }) else { return id }
      return "\(p.kind) · \(p.place)"
    case .rankHistory(let id): return "\(c.node(id)?.shortName ?? id) \(s.rankHistoryCrumb)"
    case .grid(let id): return c.node(id)?.shortName ?? id
    }
  }

  /// Marks the selected row: a pointer in the gutter and the selection role on the row's label
  /// — its first run of text, up to a dim column or a bar, trailing blanks left out. The bars
  /// keep their colours, and a move re-sends only two labels: a few dozen bytes per key on a
  /// live screen instead of two whole rows.
  static func highlight(_ c: inout Canvas, y: Int, ascii: Bool) {
    c.draw(String((ascii ? GlyphSet.ascii : GlyphSet.unicode).selectionMarker), x: 0, y: y, role: .selection)
    guard y >= 0, y < c.height, c.width > 1 else { return }
    var x = 1
    while x < c.width, c[x, y].text == " " { x += 1 }
    guard x < c.width else { return }
    let start = x
    // A row that starts with a dim column (a date) keeps going through dim text.
    let throughDim = c[x, y].role == .dim
    var last = start - 1
    while x < c.width {
      let cell = c[x, y]
      if isBar(cell.role) || (cell.role == .dim && !throughDim) { break }
      if cell.text != " " { last = x }
      x += 1
    }
    guard last >= start else { return }
    for x in start...last {
      var cell = c[x, y]
      guard [.text, .dim, .title, .key, .border].contains(cell.role) else { continue }
      cell.role = .selection
      c.replace(cell, x: x, y: y)
    }
  }

  static func isBar(_ role: StyleRole) -> Bool {
    switch role {
    case .done, .onTrack, .behind, .atRisk, .overdue, .barTrack: true
    default: false
    }
  }

  /// An arrow at the right edge when there is more above or below.
  static func scrollHint(_ c: inout Canvas, plan: NavigationPlan, scroll: Int, ascii: Bool) {
    guard plan.bodyHeight > 0 else { return }
    if scroll > 0 { c.draw(ascii ? "^" : "▲", x: c.width - 1, y: plan.bodyTop, role: .dim) }
    if scroll + plan.bodyHeight < plan.lineCount {
      c.draw(ascii ? "v" : "▼", x: c.width - 1, y: plan.bodyTop + plan.bodyHeight - 1, role: .dim)
    }
  }

  static func footer(_ c: inout Canvas, app: App, s: Strings, glyphs: GlyphSet) {
    let y = c.height - 1
    c.fill(row: y, role: .dim)
    if app.filterEditing {
      c.draw(
        " \(s.filter): \(app.filter)\(glyphs.isASCII ? "_" : "▏")  Enter \(s.apply)  Esc \(s.cancel)  Ctrl-K \(s.paletteJump)",
        x: 0, y: y, role: .key)
      return
    }
    if app.palette != nil {
      c.draw(
        " Enter \(s.keyOpenWord)  ↑↓ \(s.paletteChoose)  Esc \(s.cancel)", x: 0, y: y, role: .key)
      return
    }
    if let r = app.rotation {
      let text =
        " \(s.rotating) · \(s.every(Format.value(r.interval))) · \(s.pressAnyKeyToStop) "
      c.draw(text, x: 1, y: y, maxWidth: c.width - 2, role: .highlight)
      return
    }
    // From the key table: the lowest priorities go first when the line is too narrow.
    var keys = Keymap.footer(app, language: s.language).map { ($0.key, $0.label, $0.priority) }
    let width = c.width - 2
    func fits(_ list: [(String, String, Int)]) -> Bool {
      KeyHints(list.map { (key: $0.0, label: $0.1) }, glyphs: glyphs).layout(width: width).count == list.count
    }
    while !fits(keys), let low = keys.indices.min(by: { keys[$0].2 < keys[$1].2 }) { keys.remove(at: low) }
    KeyHints(keys.map { (key: $0.0, label: $0.1) }, glyphs: glyphs).draw(
      into: &c, x: 1, y: y, width: width, keyRole: .key, labelRole: .dim)
  }
}

extension Canvas {
  /// Changes the role of every cell in a row through `map`, keeping the text.
  mutating func recolor(row y: Int, _ map: (StyleRole) -> StyleRole) {
    guard y >= 0, y < height else { return }
    for x in 0..<width {
      var cell = self[x, y]
      let r = map(cell.role)
      if r != cell.role {
        cell.role = r
        replace(cell, x: x, y: y)
      }
    }
  }

  /// Paints a whole row blank in `role` (a bar of colour for headers and footers).
  mutating func fill(row y: Int, role: StyleRole) {
    for x in 0..<width { put(Cell(text: " ", width: 1, role: role), x: x, y: y) }
  }

}
