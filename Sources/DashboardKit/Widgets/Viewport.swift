/// The scrolling arithmetic of a list: which rows are visible, given the selection.
///
/// List screens render only `visibleRange`, so a 10,000-row ledger costs what a 20-row one does.
/// Scrolling is minimal: the view moves only as far as needed to keep the selection in view,
/// so the list does not jump around as the user walks through it.
public struct Viewport: Sendable, Equatable {
  /// First visible row.
  public var offset: Int
  /// Rows visible on screen.
  public var height: Int
  /// All rows in the list.
  public var total: Int

  public init(offset: Int = 0, height: Int, total: Int) {
    self.height = max(0, height)
    self.total = max(0, total)
    self.offset = Self.clampOffset(offset, height: self.height, total: self.total)
  }

  /// The visible rows, always within `0..<total`.
  public var visibleRange: Range<Int> { offset..<min(total, offset + height) }

  /// The viewport after moving the selection to `selection` (clamped to the rows), starting
  /// from `previousOffset`. Also removes blank space at the bottom when the list shrank or the
  /// screen grew.
  public static func scrolled(
    total: Int, selection: Int, height: Int, previousOffset: Int
  ) -> Viewport {
    let total = max(0, total)
    let height = max(0, height)
    guard total > 0, height > 0 else { return Viewport(offset: 0, height: height, total: total) }
    let sel = min(max(0, selection), total - 1)
    var off = clampOffset(previousOffset, height: height, total: total)
    if sel < off { off = sel }
    if sel >= off + height { off = sel - height + 1 }
    return Viewport(offset: off, height: height, total: total)
  }

  /// Whether rows are hidden above / below (for scroll markers).
  public var hasMoreAbove: Bool { offset > 0 }
  public var hasMoreBelow: Bool { offset + height < total }

  static func clampOffset(_ offset: Int, height: Int, total: Int) -> Int {
    min(max(0, offset), max(0, total - height))
  }
}
