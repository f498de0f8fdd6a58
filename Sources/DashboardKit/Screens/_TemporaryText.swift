// TEMPORARY: stands in for the Canvas text layer (branch h3) until it lands.
public enum Truncation: Sendable { case clip, ellipsis }
public enum Language: String, Sendable, CaseIterable { case zh, en }
public enum DisplayWidth {
  public static func of(_ c: Character) -> Int {
    guard let s = c.unicodeScalars.first else { return 0 }
    let v = s.value
    if v < 0x20 { return 1 }
    if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
      || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
      || (0x20000...0x3FFFD).contains(v)
    {
      return 2
    }
    return 1
  }
  public static func of(_ s: some StringProtocol) -> Int { s.reduce(0) { $0 + of($1) } }
}
extension Canvas {
  @discardableResult
  public mutating func draw(
    _ text: String, x: Int, y: Int, maxWidth: Int? = nil, role: StyleRole, truncation: Truncation = .clip
  ) -> Int {
    let limit = min(maxWidth ?? (width - x), width - x)
    guard limit > 0, y >= 0, y < height else { return 0 }
    let total = DisplayWidth.of(text)
    var used = 0
    let room = total > limit && truncation == .ellipsis ? limit - 1 : limit
    for ch in text {
      let w = DisplayWidth.of(ch)
      if used + w > room {
        if w == 2 && used + 1 <= room {
          put(Cell(text: " ", width: 1, role: role), x: x + used, y: y)
          used += 1
        }
        break
      }
      put(Cell(text: String(ch), width: UInt8(w), role: role), x: x + used, y: y)
      used += w
    }
    if total > limit && truncation == .ellipsis {
      put(Cell(text: "…", width: 1, role: role), x: x + used, y: y)
      used += 1
    }
    return used
  }
}
