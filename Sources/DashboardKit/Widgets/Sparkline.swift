/// A one-row trend of values (weekly scores, problem counts): `▁▂▄▆█ ▇`.
///
/// `nil` values are gaps (no report that week) and draw as the gap glyph, not as zero, so a
/// missing report is never mistaken for a collapse.
public struct Sparkline: Sendable, Equatable {
  public enum Scale: Sendable, Equatable {
    /// Lowest value → lowest level, highest → highest (all-equal values sit in the middle).
    case minMax
    /// Fractions: 0 → lowest level, 1 → highest, clamped.
    case unit
  }

  public var values: [Double?]
  public var scale: Scale
  public var glyphs: GlyphSet

  public init(_ values: [Double?], scale: Scale = .minMax, glyphs: GlyphSet = .unicode) {
    self.values = values
    self.scale = scale
    self.glyphs = glyphs
  }

  /// The level index (0 ..< levels) of every value, `nil` for gaps and non-finite values.
  public func levels() -> [Int?] {
    let n = glyphs.sparkLevels.count
    let finite = values.compactMap { $0 }.filter(\.isFinite)
    let (lo, hi): (Double, Double)
    switch scale {
    case .unit: (lo, hi) = (0, 1)
    case .minMax: (lo, hi) = (finite.min() ?? 0, finite.max() ?? 0)
    }
    return values.map { v -> Int? in
      guard let v, v.isFinite else { return nil }
      if hi <= lo { return n / 2 }
      let t = min(1, max(0, (v - lo) / (hi - lo)))
      return min(n - 1, Int(t * Double(n - 1) + 0.5))  // round half up, t ≥ 0
    }
  }

  /// The sparkline as text, one column per value.
  public var text: String {
    String(levels().map { $0.map { glyphs.sparkLevels[$0] } ?? glyphs.sparkGap })
  }

  /// Draws the last `maxWidth` values (the most recent matter most) at (`x`, `y`).
  @discardableResult
  public func draw(
    into canvas: inout Canvas, x: Int, y: Int, maxWidth: Int? = nil, role: StyleRole = .text
  ) -> Int {
    let all = Array(text)
    let shown = maxWidth.map { Array(all.suffix(max(0, $0))) } ?? all
    return canvas.draw(String(shown), x: x, y: y, maxWidth: maxWidth, role: role, truncation: .clip)
  }
}
