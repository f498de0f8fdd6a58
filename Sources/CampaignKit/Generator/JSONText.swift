/// A minimal streaming JSON emitter for generated files: the generator knows its shapes, so
/// it writes text directly instead of building trees (the 50× campaign has ~100k entries).
struct JSONText {
  private(set) var out = ""

  static func quote(_ s: String) -> String {
    var r = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": r += "\\\""
      case "\\": r += "\\\\"
      case "\n": r += "\\n"
      case "\t": r += "\\t"
      case "\r": r += "\\r"
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          r += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          r.unicodeScalars.append(u)
        }
      }
    }
    return r + "\""
  }

  static func number(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
    return String(d)
  }

  /// `{"k": v, ...}` from already-encoded values, in the given order.
  static func object(_ pairs: [(String, String)]) -> String {
    "{" + pairs.map { quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
  }

  static func array(_ items: [String], multiline: Bool = false) -> String {
    if items.isEmpty { return "[]" }
    return multiline
      ? "[\n    " + items.joined(separator: ",\n    ") + "\n  ]" : "[" + items.joined(separator: ", ") + "]"
  }

  /// A top-level file: `{"schema": ..., key: [ one record per line ]}` plus a trailing newline.
  static func file(_ head: [(String, String)], listKey: String, list: [String]) -> String {
    var pairs = [("schema", quote(FileDecoder.schema))] + head
    pairs.append((listKey, array(list, multiline: true)))
    return "{\n  " + pairs.map { quote($0.0) + ": " + $0.1 }.joined(separator: ",\n  ") + "\n}\n"
  }
}
