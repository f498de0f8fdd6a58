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
    for b in s.utf8 {
      switch b {
      case 0x22: out.append(contentsOf: [0x5C, 0x22])
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x08: out.append(contentsOf: [0x5C, 0x62])
      case 0x0C: out.append(contentsOf: [0x5C, 0x66])
      case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: out.append(contentsOf: [0x5C, 0x72])
      case 0x09: out.append(contentsOf: [0x5C, 0x74])
      case 0..<0x20:
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, digits[Int(b >> 4)], digits[Int(b & 0xF)]])
      default: out.append(b)
      }
    }
    out.append(0x22)
  }
}
