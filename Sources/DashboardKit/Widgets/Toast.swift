/// A short boxed message near the bottom of the screen ("已重新载入", "snapshot written"),
/// drawn over the canvas. Expiry is the App's business; this only draws.
public struct Toast: Sendable, Equatable {
  public enum Position: Sendable, Equatable {
    case bottomRight, bottomCenter
  }

  public var message: String
  public var position: Position
  public var role: StyleRole
  public var glyphs: GlyphSet

  public init(
    _ message: String, position: Position = .bottomRight, role: StyleRole = .toast,
    glyphs: GlyphSet = .unicode
  ) {
    self.message = message
    self.position = position
    self.role = role
    self.glyphs = glyphs
  }

  /// The toast's rect in `area`: three rows high, sitting on `area`'s bottom edge (screens
  /// pass the area above the footer), message ellipsised to fit.
  public func frame(in area: Rect) -> Rect {
    let w = min(area.width, DisplayWidth.of(SafeText.sanitize(message)) + 4)
    let h = min(area.height, 3)
    let x: Int
    switch position {
    case .bottomRight: x = area.maxX - w - (area.width > w ? 1 : 0)
    case .bottomCenter: x = area.x + (area.width - w) / 2
    }
    return Rect(x: x, y: area.maxY - h, width: w, height: h)
  }

  @discardableResult
  public func draw(into canvas: inout Canvas, in area: Rect? = nil) -> Rect {
    let rect = frame(in: area ?? canvas.bounds)
    Box.draw(into: &canvas, rect: rect, glyphs: glyphs, borderRole: role, fillRole: role)
    let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
    if inner.width > 0, inner.height > 0 {
      canvas.draw(
        message, x: inner.x, y: inner.y, maxWidth: inner.width, role: role,
        ellipsis: glyphs.ellipsis)
    }
    return rect
  }
}
