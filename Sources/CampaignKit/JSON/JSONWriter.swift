/// A deterministic JSON writer: the same value always gives the same text.
///
/// - Object members keep their order (duplicates are written as they are).
/// - `pretty: true`: 2-space indent, `"key": value`; empty arrays and objects as `[]` and `{}`; an
///   array whose elements are all scalars goes on one line (`[1, 2, "三"]`) when that line takes at
///   most `JSONWriter.inlineArrayLimit` UTF-8 bytes, otherwise one element per line.
///   `pretty: false`: no whitespace at all.
/// - Both forms end with a newline.
/// - Strings: non-ASCII is written as UTF-8 (not `\u` escapes); `"` and `\` are escaped, control
///   characters as `\b \f \n \r \t` or `\u00XX`. `/` is not escaped.
/// - Numbers: integral values below 2^53 in magnitude without a fraction (`3`, not `3.0`); `-0` for
///   negative zero; everything else in Swift's shortest round-trip form (`0.1`, `1e-05`,
///   `1.5e+300`), which is valid JSON and parses back to the identical `Double`. Non-finite
///   numbers, which JSON cannot express, are written as `null`.
public enum JSONWriter {
  /// The longest one-line form (in UTF-8 bytes) of an all-scalar array in pretty output.
  public static let inlineArrayLimit = 72

  public static func write(_ node: JSONValue, pretty: Bool = true) -> String {
    var writer = Writer(pretty: pretty)
    writer.write(node, indent: 0)
    writer.out.append(0x0A)
    return String(decoding: writer.out, as: UTF8.self)
  }

  public static func write(_ node: JSONNode, pretty: Bool = true) -> String {
    write(node.value, pretty: pretty)
  }

  /// The text of a number as the writer writes it (e.g. "3", "0.25", "-0", "1e+300").
  public static func numberText(_ d: Double) -> String {
    if !d.isFinite { return "null" }
    if d == 0 { return d.sign == .minus ? "-0" : "0" }
    // (Int64(exactly:) and rounded() call into libm, which this target does not link.)
    if d.magnitude < 9_007_199_254_740_992, Double(Int64(d)) == d {
      return String(Int64(d))
    }
    return d.description
  }
}

private struct Writer {
  let pretty: Bool
  var out: [UInt8] = []

  init(pretty: Bool) {
    self.pretty = pretty
    out.reserveCapacity(4096)
  }

  mutating func newline(indent: Int) {
    out.append(0x0A)
    for _ in 0..<indent { out.append(0x20) }
  }

  mutating func write(_ value: JSONValue, indent: Int) {
    switch value {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .number(let d): out.append(contentsOf: JSONWriter.numberText(d).utf8)
    case .string(let s): writeString(s)
    case .array(let elements): writeArray(elements, indent: indent)
    case .object(let object): writeObject(object, indent: indent)
    }
  }

  mutating func writeArray(_ elements: [JSONNode], indent: Int) {
    guard !elements.isEmpty else {
      out.append(contentsOf: "[]".utf8)
      return
    }
    if !pretty {
      out.append(0x5B)
      for (n, element) in elements.enumerated() {
        if n > 0 { out.append(0x2C) }
        write(element.value, indent: 0)
      }
      out.append(0x5D)
      return
    }
    let allScalars = elements.allSatisfy {
      switch $0.value {
      case .array, .object: false
      default: true
      }
    }
    if allScalars {
      let mark = out.count
      out.append(0x5B)
      for (n, element) in elements.enumerated() {
        if n > 0 { out.append(contentsOf: ", ".utf8) }
        write(element.value, indent: 0)
      }
      out.append(0x5D)
      if out.count - mark <= JSONWriter.inlineArrayLimit { return }
      out.removeSubrange(mark...)
    }
    out.append(0x5B)
    for (n, element) in elements.enumerated() {
      if n > 0 { out.append(0x2C) }
      newline(indent: indent + 2)
      write(element.value, indent: indent + 2)
    }
    newline(indent: indent)
    out.append(0x5D)
  }

  mutating func writeObject(_ object: JSONObject, indent: Int) {
    guard !object.members.isEmpty else {
      out.append(contentsOf: "{}".utf8)
      return
    }
    out.append(0x7B)
    for (n, member) in object.members.enumerated() {
      if n > 0 { out.append(0x2C) }
      if pretty { newline(indent: indent + 2) }
      writeString(member.key)
      out.append(0x3A)
      if pretty { out.append(0x20) }
      write(member.value.value, indent: indent + 2)
    }
    if pretty { newline(indent: indent) }
    out.append(0x7D)
  }

  mutating func writeString(_ s: String) {
    out.append(0x22)
    let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
    func escaped(_ v: UInt32) {
      out.append(contentsOf: [0x5C, 0x75])
      for shift in [12, 8, 4, 0] as [UInt32] { out.append(digits[Int((v >> shift) & 0xF)]) }
    }
    let bytes = Array(s.utf8)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      switch b {
      case 0x22: out.append(contentsOf: [0x5C, 0x22])
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x08: out.append(contentsOf: [0x5C, 0x62])
      case 0x0C: out.append(contentsOf: [0x5C, 0x66])
      case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: out.append(contentsOf: [0x5C, 0x72])
      case 0x09: out.append(contentsOf: [0x5C, 0x74])
      case 0..<0x20, 0x7F: escaped(UInt32(b))
      case 0xC2, 0xD8, 0xE2:
        // C1 controls, the bidi controls and the line separators are written as escapes too:
        // the same string once parsed, but inert when the JSON reaches a terminal (in UTF-8 a
        // C1 CSI is as live as ESC [).
        if let v = Self.inertScalar(bytes, at: i) {
          escaped(v)
          i += v < 0x800 ? 2 : 3
          continue
        }
        out.append(b)
      default: out.append(b)
      }
      i += 1
    }
    out.append(0x22)
  }

  /// The scalar starting at `i` when it is one to escape (U+0080…009F, U+061C, U+200E/F,
  /// U+2028…202E, U+2066…2069).
  static func inertScalar(_ b: [UInt8], at i: Int) -> UInt32? {
    guard i + 1 < b.count else { return nil }
    let b1 = b[i + 1]
    switch b[i] {
    case 0xC2 where b1 >= 0x80 && b1 <= 0x9F: return UInt32(b1)
    case 0xD8 where b1 == 0x9C: return 0x061C
    case 0xE2 where i + 2 < b.count:
      let v = 0x2000 | (UInt32(b1 & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
      let known =
        (0x200E...0x200F).contains(v) || (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v)
      return known && (b1 == 0x80 || b1 == 0x81) ? v : nil
    default: return nil
    }
  }

}
