import CampaignKit

/// A status shown as glyph + label, e.g. `✓ 完成` or `▲ at risk`: legible without colour
/// (the glyph) and without knowing the glyph (the label).
public struct StatusLamp: Sendable, Equatable {
  public var status: Status
  public var language: Language
  public var glyphs: GlyphSet
  /// Whether to show the label after the glyph (off in narrow columns).
  public var showsLabel: Bool

  public init(
    _ status: Status, language: Language = .zh, glyphs: GlyphSet = .unicode,
    showsLabel: Bool = true
  ) {
    self.status = status
    self.language = language
    self.glyphs = glyphs
    self.showsLabel = showsLabel
  }

  /// The text the lamp shows.
  public var text: String {
    let g = String(glyphs.statusGlyph(status))
    return showsLabel ? g + " " + status.label(language) : g
  }

  /// Display width of ``text``.
  public var width: Int { DisplayWidth.of(text) }

  /// Draws the lamp at (`x`, `y`) in at most `maxWidth` columns; returns columns used.
  @discardableResult
  public func draw(into canvas: inout Canvas, x: Int, y: Int, maxWidth: Int? = nil) -> Int {
    canvas.draw(
      text, x: x, y: y, maxWidth: maxWidth, role: status.role, truncation: .clip,
      ellipsis: glyphs.ellipsis)
  }
}
