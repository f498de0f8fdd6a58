import CampaignKit

/// The formats a view can be printed in (`chuangwen snapshot --format`).
public enum SnapshotFormat: String, CaseIterable, Sendable {
  /// Plain UTF-8, the screen's canvas: for a printer, `lp`, or an email.
  case text
  /// The same canvas with the theme's colours as SGR sequences, for `less -R`.
  case ansi
  /// Headings and tables, for a report or a chat.
  case markdown
  /// One self-contained page that prints on A4, in the print palette.
  case html
  /// The page's tables with raw figures (`chuangwen-page/1`), for other tools.
  case json

  /// The usual file name extension.
  public var fileExtension: String {
    switch self {
    case .text: "txt"
    case .ansi: "ans"
    case .markdown: "md"
    case .html: "html"
    case .json: "json"
    }
  }
}

/// Prints a view. Text and ANSI are the screen's canvas (``SnapshotRender``): the same code,
/// the same layout, every row. Markdown, HTML and JSON write the same page's ``PageModel``.
/// Pure: the same inputs give the same bytes; the only time that appears is `stamp`, which the
/// caller passes when the user asks for one.
public enum Snapshot {
  public static func render(
    _ format: SnapshotFormat, page: Page, data: DashboardData, width: Int = 100,
    options: RenderOptions = RenderOptions(), palette: StylePalette = .defaultDark,
    sort: SortOrder = .lagging,
    stamp: String? = nil
  ) -> String {
    switch format {
    case .text, .ansi:
      let canvas = SnapshotRender.canvas(page: page, data: data, width: width, options: options, sort: sort)
      var out =
        format == .text ? CanvasWriter.text(canvas) : CanvasWriter.ansi(canvas, palette: palette)
      if let stamp { out += "\n  " + Strings(options.language).generated + SafeText.sanitize(stamp) + "\n" }
      return out
    case .markdown:
      return MarkdownWriter.write(
        document(page: page, data: data, width: width, options: options, sort: sort, stamp: stamp))
    case .html:
      return HTMLWriter.write(
        document(page: page, data: data, width: width, options: options, sort: sort, stamp: stamp))
    case .json:
      return PageJSON.write(
        document(page: page, data: data, width: width, options: options, sort: sort, stamp: stamp),
        campaign: data.campaign)
    }
  }

  /// The page's model, as every sink reads it.
  public static func model(
    page: Page, data: DashboardData, width: Int = 100, options: RenderOptions = RenderOptions(),
    sort: SortOrder = .lagging
  ) -> PageModel {
    Pages.model(page, context(data: data, width: width, options: options, sort: sort))
  }

  static func document(
    page: Page, data: DashboardData, width: Int, options: RenderOptions, sort: SortOrder, stamp: String?
  ) -> PageDocument {
    let ctx = context(data: data, width: width, options: options, sort: sort)
    let s = ctx.s
    // A page's path from the root of its tab: 指挥体系 › [3] 市场, 红黑榜 › 城管局 排名, 问题台账.
    let root: Page =
      switch page {
      case .indicators, .problems, .rankings, .audit: page
      case .problem: .problems
      case .rankHistory: .rankings
      default: .overview
      }
    var crumbs = [Chrome.crumb(root, data: data, s: s)]
    if page != root { crumbs.append(Chrome.crumb(page, data: data, s: s)) }
    return PageDocument(
      title: data.campaign.info.title, campaignID: data.campaign.info.id,
      view: crumbs.joined(separator: " › "),
      viewName: SnapshotViews.name(of: page, campaign: data.campaign), asOf: data.asOf,
      daysLeft: data.standing.daysLeft, header: HeaderFigures(data), model: Pages.model(page, ctx),
      stamp: stamp,
      s: s)
  }

  static func context(data: DashboardData, width: Int, options: RenderOptions, sort: SortOrder) -> PageContext
  {
    var app = App(width: max(Screens.minimumWidth, width), height: Screens.minimumHeight)
    app.sort = sort
    return PageContext(app: app, data: data, s: Strings(options.language), options: options)
  }
}

/// Writes a canvas as lines of text: continuation cells skipped (a wide grapheme is one
/// character spanning two columns), trailing blanks and trailing empty lines dropped.
enum CanvasWriter {
  static func text(_ canvas: Canvas) -> String {
    // One buffer for the whole text; each row written up to its last cell that is not a
    // blank (nor the right half of one), which is what trimming the row's trailing spaces
    // gives, unless a space could join the grapheme before it (a scalar outside
    // ``DisplayWidth/plainWidth(_:)``'s set): then the row is trimmed whole, as before.
    var out = ""
    out.reserveCapacity(canvas.cells.count + canvas.height)
    var newlines = 0  // owed before the next non-empty row: trailing empty rows are dropped
    let w = canvas.width
    for y in 0..<canvas.height {
      let row = canvas.cells[y * w..<(y + 1) * w]
      var end = row.endIndex
      while end > row.startIndex, row[end - 1].text == " " || row[end - 1].text.isEmpty { end -= 1 }
      var line = ""
      if end > row.startIndex, DisplayWidth.plainWidth(row[end - 1].text.utf8) == nil {
        line = canvas.line(y)
        while line.last == " " { line.removeLast() }
      } else {
        for cell in row[row.startIndex..<end] { line += cell.text }
      }
      if line.isEmpty {
        newlines += 1
        continue
      }
      for _ in 0..<newlines { out += "\n" }
      out += line
      newlines = 1
    }
    return out + "\n"
  }

  /// Text with SGR colours: the style changes only where the role does; every line ends with
  /// a reset, so a pager can start anywhere. Trailing cells that paint nothing are dropped.
  static func ansi(_ canvas: Canvas, palette: StylePalette) -> String {
    var lines: [String] = []
    for y in 0..<canvas.height {
      var end = canvas.width
      while end > 0 {
        let cell = canvas[end - 1, y]
        if cell.isContinuation || cell.text != " " || paintsBlank(palette[cell.role]) { break }
        end -= 1
      }
      var line = ""
      var current = TextStyle.plain
      for x in 0..<end {
        let cell = canvas[x, y]
        if cell.isContinuation { continue }
        let style = palette[cell.role]
        if style != current {
          line += SGR.sequence(style)
          current = style
        }
        line += cell.text
      }
      if current != .plain { line += SGR.reset }
      lines.append(line)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Whether a blank in this style is visible (a background, reverse video or an underline).
  static func paintsBlank(_ s: TextStyle) -> Bool {
    if case .terminalDefault = s.bg.kind {} else { return true }
    return s.reverse || s.underline
  }
}

/// Select Graphic Rendition sequences for a ``TextStyle``.
enum SGR {
  static let reset = "\u{1B}[0m"

  /// A full reset followed by the style's attributes and colours, e.g. `ESC[0;1;31m`.
  static func sequence(_ s: TextStyle) -> String {
    var codes = ["0"]
    if s.bold { codes.append("1") }
    if s.dim { codes.append("2") }
    if s.underline { codes.append("4") }
    if s.reverse { codes.append("7") }
    if let fg = color(s.fg, base: 30, bright: 90, extended: 38) { codes.append(fg) }
    if let bg = color(s.bg, base: 40, bright: 100, extended: 48) { codes.append(bg) }
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }

  static func color(_ c: TermColor, base: Int, bright: Int, extended: Int) -> String? {
    switch c.kind {
    case .terminalDefault: nil
    case .indexed(let i) where i < 8: "\(base + Int(i))"
    case .indexed(let i) where i < 16: "\(bright + Int(i) - 8)"
    case .indexed(let i): "\(extended);5;\(i)"
    case .rgb(let r, let g, let b): "\(extended);2;\(r);\(g);\(b)"
    }
  }
}
