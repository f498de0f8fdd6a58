/// The footer's key hints: `↑↓ 移动  Enter 进入  Esc 返回  ? 帮助`.
///
/// Hints are listed most important first; when the row is too narrow, whole hints are dropped
/// from the end (a half-shown hint is worse than none) and, if even the first does not fit,
/// it is cut with an ellipsis.
public struct KeyHints: Sendable, Equatable {
  public struct Hint: Sendable, Equatable {
    public var key: String
    public var label: String
    public init(key: String, label: String) {
      self.key = key
      self.label = label
    }
  }

  public var hints: [Hint]
  public var glyphs: GlyphSet
  /// Between hints: two spaces.
  public static let gap = "  "

  public init(_ hints: [(key: String, label: String)], glyphs: GlyphSet = .unicode) {
    self.hints = hints.map { Hint(key: $0.key, label: $0.label) }
    self.glyphs = glyphs
  }

  /// The hints that fit in `width`, as (hint, column offset) pairs.
  public func layout(width: Int) -> [(hint: Hint, x: Int)] {
    var out: [(hint: Hint, x: Int)] = []
    var col = 0
    for h in hints {
      let w = DisplayWidth.of(SafeText.sanitize(h.key)) + 1 + DisplayWidth.of(SafeText.sanitize(h.label))
      let start = out.isEmpty ? 0 : col + Self.gap.count
      if start + w > width { break }
      out.append((h, start))
      col = start + w
    }
    return out
  }

  /// The hints as one line of text, at most `width` columns.
  public func text(width: Int) -> String {
    let placed = layout(width: width)
    if placed.isEmpty, let first = hints.first {
      return TextLayout.fit(first.key + " " + first.label, width: width, ellipsis: glyphs.ellipsis)
    }
    return placed.map { $0.hint.key + " " + $0.hint.label }.joined(separator: Self.gap)
  }

  /// Draws keys in `keyRole` and labels in `labelRole` from (`x`, `y`), in at most `width`
  /// columns; returns columns used.
  @discardableResult
  public func draw(
    into canvas: inout Canvas, x: Int, y: Int, width: Int, keyRole: StyleRole = .key,
    labelRole: StyleRole = .dim
  ) -> Int {
    let placed = layout(width: width)
    if placed.isEmpty {
      return canvas.draw(text(width: width), x: x, y: y, maxWidth: width, role: labelRole)
    }
    var end = x
    for (hint, off) in placed {
      let k = canvas.draw(hint.key, x: x + off, y: y, maxWidth: width - off, role: keyRole)
      let l = canvas.draw(
        hint.label, x: x + off + k + 1, y: y, maxWidth: width - off - k - 1, role: labelRole)
      end = x + off + k + 1 + l
    }
    return end - x
  }
}
