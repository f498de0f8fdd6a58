/// What navigation needs to know about the page on screen: which rows can be selected, where
/// each one is drawn, and where each one leads. Screens build it from the same row list they
/// draw, so a click lands on the row the user sees.
public struct NavigationPlan: Sendable {
  /// For each selectable row, the page Enter opens (nil: nothing to open).
  public var targets: [Page?]
  /// For each selectable row, its line within the scrolling body.
  public var lineOfRow: [Int]
  /// Lines in the scrolling body.
  public var lineCount: Int
  /// First screen row of the body, and its height in rows.
  public var bodyTop: Int
  public var bodyHeight: Int
  /// While the palette is open: what Enter on each shown match does, best first.
  public var jumps: [JumpTarget] = []
  /// The tab bar's row and each tab's columns, so a click on a tab opens it.
  public var tabRow = 2
  public var tabs: [(tab: Tab, columns: Range<Int>)] = []
  /// The breadcrumb row and each crumb's columns with its depth in the stack.
  public var crumbRow = 3
  public var crumbs: [(depth: Int, columns: Range<Int>)] = []

  public init(targets: [Page?], lineOfRow: [Int], lineCount: Int, bodyTop: Int, bodyHeight: Int) {
    self.targets = targets
    self.lineOfRow = lineOfRow
    self.lineCount = lineCount
    self.bodyTop = bodyTop
    self.bodyHeight = bodyHeight
  }

  public static let empty = NavigationPlan(
    targets: [], lineOfRow: [], lineCount: 0, bodyTop: 0, bodyHeight: 0)
}
