/// One line of a page's scrolling body. Pages build the whole list (cheap values), but only the
/// lines inside the viewport are ever drawn, so a 10,000-row list costs what a screenful costs.
struct ScreenLine {
  /// Selectable rows can be highlighted and, when `target` is set, opened with Enter.
  var selectable: Bool
  var target: Page?
  /// The text a filter matches against (empty: never filtered out).
  var filterText: String
  /// What the row shows (a sub-command, unit, indicator or task id), so that features such as
  /// change highlighting can find the rows of a thing; nil for decoration.
  var subject: String? = nil
  /// Draws the line at row `y`, across `width` columns starting at column 0.
  var draw: (inout Canvas, _ y: Int, _ width: Int) -> Void

  static func row(
    target: Page?, filter: String, subject: String? = nil, draw: @escaping (inout Canvas, Int, Int) -> Void
  ) -> ScreenLine {
    ScreenLine(
      selectable: true, target: target, filterText: filter, subject: subject ?? target?.subjectID, draw: draw)
  }

  static func text(_ draw: @escaping (inout Canvas, Int, Int) -> Void) -> ScreenLine {
    ScreenLine(selectable: false, target: nil, filterText: "", draw: draw)
  }

  static var blank: ScreenLine {
    ScreenLine(selectable: false, target: nil, filterText: "", draw: { _, _, _ in })
  }
}

/// Options that change how screens look but not what they say.
public struct RenderOptions: Sendable, Equatable {
  public var language: Language
  /// ASCII glyphs for box drawing, bars and sparklines (printers, terminals that misalign
  /// ambiguous-width box drawing).
  public var ascii: Bool
  /// Printing on paper (the text and ANSI snapshots): table cells wrap inside their column
  /// instead of being cut, because paper cannot scroll sideways or show a tooltip.
  public var paper: Bool

  public init(language: Language = .zh, ascii: Bool = false, paper: Bool = false) {
    self.language = language
    self.ascii = ascii
    self.paper = paper
  }

  public var glyphs: GlyphSet { ascii ? .ascii : .unicode }
}
