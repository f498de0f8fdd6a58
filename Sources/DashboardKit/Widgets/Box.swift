/// A bordered, filled panel: the frame shared by ``Overlay`` and ``Toast``.
public enum Box {
  /// Clears `rect` to spaces in `fillRole` and draws a border around its edge, with an optional
  /// title set into the top border (`┌─ 帮助 ──┐`). Rects smaller than 2×2 are only filled.
  public static func draw(
    into canvas: inout Canvas, rect: Rect, title: String? = nil, glyphs: GlyphSet = .unicode,
    borderRole: StyleRole = .border, fillRole: StyleRole = .text, titleRole: StyleRole = .title
  ) {
    canvas.fill(rect, role: fillRole)
    guard rect.width >= 2, rect.height >= 2 else { return }
    let h = String(glyphs.horizontal)
    let v = Cell(text: String(glyphs.vertical), width: 1, role: borderRole)
    let inner = rect.width - 2
    let top = String(glyphs.topLeft) + String(repeating: h, count: inner) + String(glyphs.topRight)
    let bottom =
      String(glyphs.bottomLeft) + String(repeating: h, count: inner) + String(glyphs.bottomRight)
    canvas.draw(top, x: rect.x, y: rect.y, maxWidth: rect.width, role: borderRole, truncation: .clip)
    canvas.draw(
      bottom, x: rect.x, y: rect.maxY - 1, maxWidth: rect.width, role: borderRole,
      truncation: .clip)
    for yy in (rect.y + 1)..<(rect.maxY - 1) {
      canvas.put(v, x: rect.x, y: yy)
      canvas.put(v, x: rect.maxX - 1, y: yy)
    }
    if let title, inner >= 5 {
      // "─ title ─": a space either side, at least one rule before and after.
      canvas.draw(
        " " + title + " ", x: rect.x + 2, y: rect.y, maxWidth: inner - 2, role: titleRole,
        ellipsis: glyphs.ellipsis)
    }
  }
}
