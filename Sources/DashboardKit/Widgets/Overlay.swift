/// A bordered panel drawn over whatever is on the canvas (help, details, confirmations),
/// centred, with a title and lines of body text.
public struct Overlay: Sendable, Equatable {
  public var title: String
  public var lines: [String]
  public var glyphs: GlyphSet

  public init(title: String, lines: [String], glyphs: GlyphSet = .unicode) {
    self.title = title
    self.lines = lines
    self.glyphs = glyphs
  }

  /// The panel's rect inside `area`: as wide as the widest line (or title) plus border and one
  /// space of padding each side, as tall as the lines plus border; clamped to `area`.
  public func frame(in area: Rect) -> Rect {
    let textWidth = max(
      DisplayWidth.of(SafeText.sanitize(title)) + 4,
      lines.map { DisplayWidth.of(SafeText.sanitize($0)) }.max() ?? 0)
    return area.centered(width: textWidth + 4, height: lines.count + 2)
  }

  /// Draws the panel centred in `area` (the whole canvas by default); returns its rect. Lines
  /// that do not fit are ellipsised; rows that do not fit are dropped, the last visible one
  /// showing an ellipsis.
  @discardableResult
  public func draw(into canvas: inout Canvas, in area: Rect? = nil) -> Rect {
    let rect = frame(in: area ?? canvas.bounds)
    Box.draw(into: &canvas, rect: rect, title: title, glyphs: glyphs)
    let body = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
    for (i, line) in lines.prefix(body.height).enumerated() {
      let truncated = i == body.height - 1 && lines.count > body.height
      canvas.draw(
        truncated ? String(glyphs.ellipsis) : line, x: body.x, y: body.y + i,
        maxWidth: body.width, ellipsis: glyphs.ellipsis)
    }
    return rect
  }
}
