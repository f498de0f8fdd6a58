/// A rectangle of cells, the unit of layout: screens carve the canvas into rects (header,
/// body, footer, columns) and hand each widget the rect it may draw in.
///
/// Slicing never produces negative sizes, so layout code can subtract freely on a tiny
/// terminal and widgets simply get empty rects.
public struct Rect: Equatable, Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public var maxX: Int { x + width }
  public var maxY: Int { y + height }
  public var isEmpty: Bool { width == 0 || height == 0 }

  public func contains(x px: Int, y py: Int) -> Bool {
    px >= x && px < maxX && py >= y && py < maxY
  }

  /// The overlap of two rects (empty, at `self`'s origin, when they do not meet).
  public func intersection(_ other: Rect) -> Rect {
    let nx = max(x, other.x)
    let ny = max(y, other.y)
    let w = min(maxX, other.maxX) - nx
    let h = min(maxY, other.maxY) - ny
    if w <= 0 || h <= 0 { return Rect(x: x, y: y, width: 0, height: 0) }
    return Rect(x: nx, y: ny, width: w, height: h)
  }

  /// Shrunk by `top`/`left`/`bottom`/`right` cells (e.g. the inside of a border).
  public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
    Rect(
      x: x + left, y: y + top,
      width: width - left - right, height: height - top - bottom)
  }

  /// Shrunk by `n` cells on every side.
  public func inset(by n: Int) -> Rect { inset(top: n, left: n, bottom: n, right: n) }

  /// Row `i` of this rect as a one-row rect.
  public func row(_ i: Int) -> Rect { Rect(x: x, y: y + i, width: width, height: 1) }

  /// The top `n` rows and what remains below.
  public func splitTop(_ n: Int) -> (top: Rect, rest: Rect) {
    let n = min(max(0, n), height)
    return (
      Rect(x: x, y: y, width: width, height: n),
      Rect(x: x, y: y + n, width: width, height: height - n)
    )
  }

  /// The bottom `n` rows and what remains above.
  public func splitBottom(_ n: Int) -> (rest: Rect, bottom: Rect) {
    let n = min(max(0, n), height)
    return (
      Rect(x: x, y: y, width: width, height: height - n),
      Rect(x: x, y: y + height - n, width: width, height: n)
    )
  }

  /// The left `n` columns and what remains to the right.
  public func splitLeft(_ n: Int) -> (left: Rect, rest: Rect) {
    let n = min(max(0, n), width)
    return (
      Rect(x: x, y: y, width: n, height: height),
      Rect(x: x + n, y: y, width: width - n, height: height)
    )
  }

  /// The right `n` columns and what remains to the left.
  public func splitRight(_ n: Int) -> (rest: Rect, right: Rect) {
    let n = min(max(0, n), width)
    return (
      Rect(x: x, y: y, width: width - n, height: height),
      Rect(x: x + width - n, y: y, width: n, height: height)
    )
  }

  /// A `width`×`height` rect centred in this one (clamped to fit).
  public func centered(width w: Int, height h: Int) -> Rect {
    let w = min(max(0, w), width)
    let h = min(max(0, h), height)
    return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
  }
}
