/// The navigation path, `创文总指挥部 › 第三分指挥部 › 城管局`, shown above a drilled-into view.
///
/// When the path is too long it loses its *beginning* (`…第三分指挥部 › 城管局`): where you are
/// matters more than where you started.
public struct Breadcrumbs: Sendable, Equatable {
  public var segments: [String]
  public var glyphs: GlyphSet

  public init(_ segments: [String], glyphs: GlyphSet = .unicode) {
    self.segments = segments
    self.glyphs = glyphs
  }

  /// The full path, sanitised (a segment cannot smuggle in its own separator-like controls).
  public var text: String {
    segments.map { SafeText.sanitize($0) }.joined(separator: glyphs.breadcrumbSeparator)
  }

  /// The path fitted into `width` columns, ellipsised from the left.
  public func fitted(width: Int) -> String {
    TextLayout.fit(text, width: width, truncation: .leadingEllipsis, ellipsis: glyphs.ellipsis)
  }

  /// Draws the path at (`x`, `y`) in at most `width` columns; the last segment in `lastRole`.
  @discardableResult
  public func draw(
    into canvas: inout Canvas, x: Int, y: Int, width: Int, role: StyleRole = .dim,
    lastRole: StyleRole = .title
  ) -> Int {
    let line = fitted(width: width)
    let used = canvas.draw(line, x: x, y: y, maxWidth: width, role: role, truncation: .clip)
    if let last = segments.last {
      let lastWidth = DisplayWidth.of(SafeText.sanitize(last))
      let start = x + used - min(lastWidth, used)
      canvas.setRole(lastRole, x: start, y: y, width: x + used - start, height: 1)
    }
    return used
  }
}
