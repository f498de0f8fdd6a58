/// What navigation needs to know about the page on screen: which rows can be selected, where
/// each one is drawn, and where each one leads. Screens build it from the same row list they
/// draw, so a click lands on the row the user sees.
public struct NavigationPlan: Sendable, Equatable {
  /// For each selectable row, the page Enter opens (nil: nothing to open).
  public var targets: [Page?]
  /// For each selectable row, its line within the scrolling body.
  public var lineOfRow: [Int]
  /// Lines in the scrolling body.
  public var lineCount: Int
  /// First screen row of the body, and its height in rows.
  public var bodyTop: Int
  public var bodyHeight: Int

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
