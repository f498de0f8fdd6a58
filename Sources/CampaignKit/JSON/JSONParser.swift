/// A strict RFC 8259 parser that reports every syntax error with line, column and an actionable
/// message, and records the position of every value and key.
///
/// It works on raw UTF-8 bytes: no Foundation, no per-character `String` work. Strings are built
/// in one go from the input bytes (or from a scratch buffer when they contain escapes); numbers are
/// converted exactly (Clinger's fast path for short mantissas, the standard library's correctly
/// rounded `Double(String)` otherwise).
///
/// Accepted: any single JSON value (not only objects) surrounded by optional whitespace.
/// Rejected with a dedicated message: empty input, a UTF-8 byte-order mark, invalid UTF-8,
/// trailing and missing commas, missing colons, unquoted keys, single quotes, comments, `NaN`,
/// `Infinity`, malformed numbers, numbers too large for a `Double`, raw control characters and
/// invalid escapes in strings, unterminated constructs, trailing content, nesting deeper than
/// `maximumDepth`.
public enum JSONParser {
  /// Arrays and objects may be nested this deep; one more level is an error.
  public static let maximumDepth = 512

  public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
    let result = bytes.withUnsafeBufferPointer { buffer in parseResult(buffer) }
    return try result.get()
  }

  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
    var text = text
    let result = text.withUTF8 { buffer in parseResult(buffer) }
    return try result.get()
  }

  /// Parses UTF-8 bytes in place (for example from a memory-mapped file).
  public static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONNode {
    try parseResult(buffer).get()
  }

  private static func parseResult(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONNode, JSONSyntaxError> {
    var parser = ByteParser(buffer)
    do {
      return .success(try parser.parseDocument())
    } catch {
      return .failure(error)
    }
  }
}

// MARK: - Bytes

private enum Ascii {
  static let tab: UInt8 = 0x09
  static let newline: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D
  static let space: UInt8 = 0x20
  static let quote: UInt8 = 0x22  // "
  static let apostrophe: UInt8 = 0x27  // '
  static let plus: UInt8 = 0x2B
  static let comma: UInt8 = 0x2C
  static let minus: UInt8 = 0x2D
  static let dot: UInt8 = 0x2E
  static let slash: UInt8 = 0x2F
  static let zero: UInt8 = 0x30
  static let nine: UInt8 = 0x39
  static let colon: UInt8 = 0x3A
  static let equals: UInt8 = 0x3D
  static let star: UInt8 = 0x2A
  static let openBracket: UInt8 = 0x5B  // [
  static let backslash: UInt8 = 0x5C
  static let closeBracket: UInt8 = 0x5D  // ]
  static let openBrace: UInt8 = 0x7B  // {
  static let closeBrace: UInt8 = 0x7D  // }
  static let lowerE: UInt8 = 0x65
  static let upperE: UInt8 = 0x45

  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- zero < 10 }
  @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
    (b | 0x20) &- 0x61 < 26 || b &- zero < 10 || b == 0x5F || b == 0x24
  }
}

/// Exactly representable powers of ten for Clinger's fast path (the report fast path
/// reads its numbers the same way).
let exactPowersOfTen: [Double] = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

// MARK: - The parser

private struct ByteParser {
  let bytes: UnsafeBufferPointer<UInt8>
  let end: Int
  /// The read offset.
  var i = 0
  /// Line bookkeeping for positions: the current line number, the offset where it starts, and the
  /// number of UTF-8 continuation bytes seen so far (in the whole input and before `lineStart`).
  /// Non-ASCII bytes only occur inside strings, where they are validated and counted, so the
  /// column of an offset on the current line is its byte distance minus the continuation bytes.
  var line = 1
  var lineStart = 0
  var continuationBytes = 0
  var continuationBytesAtLineStart = 0
  /// Reused buffer for strings with escapes.
  var scratch: [UInt8] = []

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    self.end = bytes.count
  }

  // MARK: Positions

  /// The position of `offset`, which must lie on the current line at or after every counted byte.
  @inline(__always) func position(at offset: Int) -> SourcePosition {
    SourcePosition(
      line: line,
      column: offset - lineStart - (continuationBytes - continuationBytesAtLineStart) + 1)
  }

  /// The position of any offset whose preceding bytes are valid UTF-8 (slow; for errors only).
  func errorPosition(at offset: Int) -> SourcePosition {
    var line = 1
    var lineStart = 0
    var k = 0
    while k < offset {
      if bytes[k] == Ascii.newline {
        line += 1
        lineStart = k + 1
      }
      k += 1
    }
    var column = 1
    k = lineStart
    while k < offset {
      if bytes[k] & 0xC0 != 0x80 { column += 1 }
      k += 1
    }
    return SourcePosition(line: line, column: column)
  }

  func error(_ message: String, at offset: Int) -> JSONSyntaxError {
    JSONSyntaxError(message: message, position: errorPosition(at: offset))
  }

  // MARK: Document

  mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
    if let encoding = UnicodeSniffer.otherUnicode(UnsafeBufferPointer(rebasing: bytes[0..<end])) {
      throw error(UnicodeSniffer.message(encoding), at: 0)
    }
    if end >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      throw error(
        "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM", at: 0)
    }
    skipWhitespace()
    if i == end { throw error("the file is empty (expected a JSON object)", at: 0) }
    let node = try parseValue(depth: 0)
    skipWhitespace()
    if i < end {
      throw trailingContent(at: i)
    }
    return node
  }

  @inline(__always) mutating func skipWhitespace() {
    while i < end {
      let b = bytes[i]
      if b == Ascii.space || b == Ascii.tab || b == Ascii.carriageReturn {
        i += 1
      } else if b == Ascii.newline {
        i += 1
        line += 1
        lineStart = i
        continuationBytesAtLineStart = continuationBytes
      } else {
        return
      }
    }
  }

  // MARK: Values

  /// Parses the value at `i` (whitespace already skipped, `i < end`).
  mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
    let start = i
    let position = self.position(at: start)
    let b = bytes[start]
    switch b {
    case Ascii.quote:
      return JSONNode(value: .string(try parseString()), position: position)
    case Ascii.openBrace:
      return JSONNode(value: .object(try parseObject(depth: depth)), position: position)
    case Ascii.openBracket:
      return JSONNode(value: .array(try parseArray(depth: depth)), position: position)
    case Ascii.minus, Ascii.zero...Ascii.nine:
      return JSONNode(value: .number(try parseNumber()), position: position)
    case 0x74, 0x66, 0x6E:  // t f n
      let wordEnd = endOfWord(from: start)
      let word = UnsafeBufferPointer(rebasing: bytes[start..<wordEnd])
      if word.elementsEqual("true".utf8) {
        i = wordEnd
        return JSONNode(value: .bool(true), position: position)
      }
      if word.elementsEqual("false".utf8) {
        i = wordEnd
        return JSONNode(value: .bool(false), position: position)
      }
      if word.elementsEqual("null".utf8) {
        i = wordEnd
        return JSONNode(value: .null, position: position)
      }
      throw unexpected(at: start, expected: "a value")
    case Ascii.plus:
      throw error("a number cannot start with '+' (remove the '+')", at: start)
    case Ascii.dot:
      throw error("a number cannot start with '.' (write 0.5, not .5)", at: start)
    default:
      throw unexpected(at: start, expected: "a value")
    }
  }

  mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONNode] {
    let open = i
    if depth >= JSONParser.maximumDepth { throw tooDeep(at: open) }
    i += 1
    var elements: [JSONNode] = []
    skipWhitespace()
    if i < end && bytes[i] == Ascii.closeBracket {
      i += 1
      return elements
    }
    while true {
      guard i < end else { throw unterminated(array: true, open: open) }
      elements.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard i < end else { throw unterminated(array: true, open: open) }
      let b = bytes[i]
      if b == Ascii.comma {
        let comma = i
        i += 1
        skipWhitespace()
        if i < end && bytes[i] == Ascii.closeBracket {
          throw error("trailing comma before ']' (remove the comma)", at: comma)
        }
      } else if b == Ascii.closeBracket {
        i += 1
        return elements
      } else {
        throw afterElement(at: i, array: true, open: open)
      }
    }
  }

  mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONObject {
    let open = i
    if depth >= JSONParser.maximumDepth { throw tooDeep(at: open) }
    i += 1
    var members: [JSONMember] = []
    skipWhitespace()
    if i < end && bytes[i] == Ascii.closeBrace {
      i += 1
      return JSONObject(members: members)
    }
    while true {
      guard i < end else { throw unterminated(array: false, open: open) }
      guard bytes[i] == Ascii.quote else { throw badKey(at: i) }
      let keyPosition = position(at: i)
      let key = try parseString()
      skipWhitespace()
      guard i < end else { throw unterminated(array: false, open: open) }
      guard bytes[i] == Ascii.colon else { throw missingColon(at: i, key: key) }
      i += 1
      skipWhitespace()
      guard i < end else { throw unterminated(array: false, open: open) }
      let value = try parseValue(depth: depth + 1)
      members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
      skipWhitespace()
      guard i < end else { throw unterminated(array: false, open: open) }
      let b = bytes[i]
      if b == Ascii.comma {
        let comma = i
        i += 1
        skipWhitespace()
        if i < end && bytes[i] == Ascii.closeBrace {
          throw error("trailing comma before '}' (remove the comma)", at: comma)
        }
      } else if b == Ascii.closeBrace {
        i += 1
        return JSONObject(members: members)
      } else {
        throw afterElement(at: i, array: false, open: open)
      }
    }
  }

  // MARK: Strings

  /// Parses the string whose opening quote is at `i`.
  mutating func parseString() throws(JSONSyntaxError) -> String {
    let open = i
    var j = open + 1
    while j < end {
      let b = bytes[j]
      if b == Ascii.quote {
        i = j + 1
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<j]), as: UTF8.self)
      }
      if b == Ascii.backslash { return try parseEscapedString(open: open, firstEscape: j) }
      if b < 0x20 { throw controlCharacter(at: j, open: open) }
      if b >= 0x80 {
        j = try skipMultiByteScalar(at: j)
      } else {
        j += 1
      }
    }
    throw unterminatedString(open: open)
  }

  /// The slow path: the string contains escapes; decode into `scratch`.
  mutating func parseEscapedString(open: Int, firstEscape: Int) throws(JSONSyntaxError) -> String {
    scratch.removeAll(keepingCapacity: true)
    var runStart = open + 1
    var j = firstEscape
    while j < end {
      let b = bytes[j]
      if b == Ascii.quote {
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<j]))
        i = j + 1
        return String(decoding: scratch, as: UTF8.self)
      }
      if b == Ascii.backslash {
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<j]))
        j = try decodeEscape(at: j, open: open)
        runStart = j
      } else if b < 0x20 {
        throw controlCharacter(at: j, open: open)
      } else if b >= 0x80 {
        j = try skipMultiByteScalar(at: j)
      } else {
        j += 1
      }
    }
    throw unterminatedString(open: open)
  }

  /// Decodes the escape whose backslash is at `j` into `scratch`; returns the offset after it.
  mutating func decodeEscape(at j: Int, open: Int) throws(JSONSyntaxError) -> Int {
    guard j + 1 < end else { throw unterminatedString(open: open) }
    let e = bytes[j + 1]
    let simple: UInt8
    switch e {
    case Ascii.quote: simple = Ascii.quote
    case Ascii.backslash: simple = Ascii.backslash
    case Ascii.slash: simple = Ascii.slash
    case 0x62: simple = 0x08  // b
    case 0x66: simple = 0x0C  // f
    case 0x6E: simple = 0x0A  // n
    case 0x72: simple = 0x0D  // r
    case 0x74: simple = 0x09  // t
    case 0x75:  // u
      return try decodeUnicodeEscape(at: j)
    default:
      let shown =
        e >= 0x20 && e < 0x7F
        ? "\\\(Character(Unicode.Scalar(e)))" : "\\ followed by \(describeByte(at: j + 1))"
      throw error(
        "invalid escape '\(shown)' in a string (valid escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX; "
          + "write \\\\ for a backslash)", at: j)
    }
    scratch.append(simple)
    return j + 2
  }

  func hex4(at k: Int) -> UInt32? {
    guard k + 4 <= end else { return nil }
    var v: UInt32 = 0
    for n in k..<(k + 4) {
      let b = bytes[n]
      let d: UInt8
      if Ascii.isDigit(b) {
        d = b - Ascii.zero
      } else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 {
        d = (b | 0x20) - 0x61 + 10
      } else {
        return nil
      }
      v = v << 4 | UInt32(d)
    }
    return v
  }

  mutating func decodeUnicodeEscape(at j: Int) throws(JSONSyntaxError) -> Int {
    guard let unit = hex4(at: j + 2) else {
      throw error("invalid \\u escape: expected 4 hexadecimal digits after \\u (e.g. \\u00E9)", at: j)
    }
    var scalarValue = unit
    var next = j + 6
    if unit >= 0xD800 && unit <= 0xDBFF {
      guard next + 1 < end, bytes[next] == Ascii.backslash, bytes[next + 1] == 0x75,
        let low = hex4(at: next + 2), low >= 0xDC00 && low <= 0xDFFF
      else {
        throw error(
          "invalid \\u escape: lone surrogate \\u\(hex(unit)) (a high surrogate must be followed by "
            + "a low surrogate \\uDC00-\\uDFFF; write the character itself instead)", at: j)
      }
      scalarValue = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
      next += 6
    } else if unit >= 0xDC00 && unit <= 0xDFFF {
      throw error(
        "invalid \\u escape: lone surrogate \\u\(hex(unit)) (a low surrogate must follow a high "
          + "surrogate \\uD800-\\uDBFF; write the character itself instead)", at: j)
    }
    appendUTF8(scalarValue)
    return next
  }

  mutating func appendUTF8(_ v: UInt32) {
    switch v {
    case 0..<0x80:
      scratch.append(UInt8(v))
    case 0x80..<0x800:
      scratch.append(UInt8(0xC0 | (v >> 6)))
      scratch.append(UInt8(0x80 | (v & 0x3F)))
    case 0x800..<0x10000:
      scratch.append(UInt8(0xE0 | (v >> 12)))
      scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      scratch.append(UInt8(0x80 | (v & 0x3F)))
    default:
      scratch.append(UInt8(0xF0 | (v >> 18)))
      scratch.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
      scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      scratch.append(UInt8(0x80 | (v & 0x3F)))
    }
  }

  /// Validates the multi-byte UTF-8 sequence starting at `j` (a byte ≥ 0x80), counts its
  /// continuation bytes, and returns the offset after it.
  @inline(__always) mutating func skipMultiByteScalar(at j: Int) throws(JSONSyntaxError) -> Int {
    guard let length = utf8SequenceLength(at: j) else { throw invalidUTF8(at: j) }
    continuationBytes += length - 1
    return j + length
  }

  /// The length of the valid UTF-8 sequence starting at `j`, or nil (RFC 3629 table).
  func utf8SequenceLength(at j: Int) -> Int? {
    let b0 = bytes[j]
    @inline(__always) func cont(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
      k < end && bytes[k] >= low && bytes[k] <= high
    }
    switch b0 {
    case 0xC2...0xDF:
      return cont(j + 1) ? 2 : nil
    case 0xE0:
      return cont(j + 1, 0xA0) && cont(j + 2) ? 3 : nil
    case 0xE1...0xEC, 0xEE...0xEF:
      return cont(j + 1) && cont(j + 2) ? 3 : nil
    case 0xED:
      return cont(j + 1, 0x80, 0x9F) && cont(j + 2) ? 3 : nil
    case 0xF0:
      return cont(j + 1, 0x90) && cont(j + 2) && cont(j + 3) ? 4 : nil
    case 0xF1...0xF3:
      return cont(j + 1) && cont(j + 2) && cont(j + 3) ? 4 : nil
    case 0xF4:
      return cont(j + 1, 0x80, 0x8F) && cont(j + 2) && cont(j + 3) ? 4 : nil
    default:
      return nil
    }
  }

  // MARK: Numbers

  /// Parses the number at `i` (a '-' or a digit).
  mutating func parseNumber() throws(JSONSyntaxError) -> Double {
    let start = i
    var k = i
    let negative = bytes[k] == Ascii.minus
    if negative {
      k += 1
      guard k < end, Ascii.isDigit(bytes[k]) else {
        if k < end && bytes[k] == 0x49 && endOfWord(from: k) - k == 8
          && UnsafeBufferPointer(rebasing: bytes[k..<(k + 8)]).elementsEqual("Infinity".utf8)
        {
          throw error("-Infinity is not valid JSON; write a number or null", at: start)
        }
        throw error("expected a digit after '-'", at: k < end ? k : start)
      }
    }
    var mantissa: UInt64 = 0
    var significantDigits = 0  // digits accumulated into `mantissa`, leading zeros excluded
    var droppedDigits = false
    var exponent = 0  // decimal exponent to apply to `mantissa`

    if bytes[k] == Ascii.zero {
      k += 1
      if k < end && Ascii.isDigit(bytes[k]) {
        throw error("numbers cannot have leading zeros (write 7, not 07; or quote it as a string)", at: start)
      }
    } else {
      while k < end {
        let d = bytes[k] &- Ascii.zero
        if d >= 10 { break }
        if significantDigits < 19 {
          mantissa = mantissa &* 10 &+ UInt64(d)
          significantDigits += 1
        } else {
          exponent += 1
          droppedDigits = true
        }
        k += 1
      }
    }
    if k < end && bytes[k] == Ascii.dot {
      k += 1
      guard k < end, Ascii.isDigit(bytes[k]) else {
        throw error(
          "expected a digit after the decimal point (write 1.0 or 1, not 1.)", at: k < end ? k : k - 1)
      }
      while k < end {
        let d = bytes[k] &- Ascii.zero
        if d >= 10 { break }
        if mantissa == 0 && d == 0 {
          exponent -= 1
        } else if significantDigits < 19 {
          mantissa = mantissa &* 10 &+ UInt64(d)
          significantDigits += 1
          exponent -= 1
        } else {
          droppedDigits = true
        }
        k += 1
      }
    }
    if k < end && (bytes[k] == Ascii.lowerE || bytes[k] == Ascii.upperE) {
      k += 1
      var exponentNegative = false
      if k < end && (bytes[k] == Ascii.minus || bytes[k] == Ascii.plus) {
        exponentNegative = bytes[k] == Ascii.minus
        k += 1
      }
      guard k < end, Ascii.isDigit(bytes[k]) else {
        throw error("expected a digit in the exponent (write 1e5, not 1e)", at: k < end ? k : k - 1)
      }
      var e = 0
      while k < end {
        let d = bytes[k] &- Ascii.zero
        if d >= 10 { break }
        if e < 100_000 { e = e * 10 + Int(d) }
        k += 1
      }
      exponent += exponentNegative ? -e : e
    }
    i = k

    // Clinger's fast path: exact mantissa and an exactly representable power of ten give a
    // correctly rounded result with one IEEE operation.
    if !droppedDigits && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
      var value = Double(mantissa)
      if exponent < 0 {
        value /= exactPowersOfTen[-exponent]
      } else if exponent > 0 {
        value *= exactPowersOfTen[exponent]
      }
      if value.isFinite { return negative ? -value : value }
    }
    if mantissa == 0 && !droppedDigits { return negative ? -0.0 : 0.0 }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<k]), as: UTF8.self)
    guard let value = Double(text) else {
      throw error("this number cannot be read", at: start)
    }
    if !value.isFinite {
      throw error("number is too large (the largest allowed is about 1.8e308)", at: start)
    }
    return value
  }

  // MARK: Errors

  func endOfWord(from k: Int) -> Int {
    var e = k
    while e < end && Ascii.isWordByte(bytes[e]) { e += 1 }
    return e
  }

  func hex(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
  }

  /// "'x'", "U+0009 (tab)", "'中' (U+4E2D)", or "byte 0xFF".
  func describeByte(at k: Int) -> String {
    let b = bytes[k]
    if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
    if b < 0x80 {
      let names: [UInt8: String] = [0x09: "tab", 0x0A: "line break", 0x0D: "carriage return", 0x20: "space"]
      return "U+\(hex(UInt32(b)))" + (names[b].map { " (\($0))" } ?? "")
    }
    if let length = utf8SequenceLength(at: k) {
      let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<(k + length)]), as: UTF8.self)
      let value = scalar.unicodeScalars.first!.value
      return "'\(scalar)' (U+\(hex(value)))"
    }
    return "byte 0x\(String(b, radix: 16, uppercase: true))"
  }

  func invalidUTF8(at k: Int) -> JSONSyntaxError {
    error(
      "invalid UTF-8 (byte 0x\(String(bytes[k], radix: 16, uppercase: true))); the file may be in "
        + "another encoding such as GBK: save it as UTF-8", at: k)
  }

  func tooDeep(at k: Int) -> JSONSyntaxError {
    error("nesting is too deep (more than \(JSONParser.maximumDepth) levels of arrays and objects)", at: k)
  }

  func unterminated(array: Bool, open: Int) -> JSONSyntaxError {
    array
      ? error("unterminated array: the '[' here is never closed (add ']')", at: open)
      : error("unterminated object: the '{' here is never closed (add '}')", at: open)
  }

  func unterminatedString(open: Int) -> JSONSyntaxError {
    error("unterminated string: the '\"' here is never closed (add '\"')", at: open)
  }

  func controlCharacter(at k: Int, open: Int) -> JSONSyntaxError {
    let b = bytes[k]
    if b == Ascii.newline || b == Ascii.carriageReturn {
      return error(
        "unterminated string: the '\"' here is not closed on its line (add '\"'; "
          + "write a line break inside a string as \\n)", at: open)
    }
    let escape =
      b == Ascii.tab ? "\\t" : b == 0x08 ? "\\b" : b == 0x0C ? "\\f" : "\\u00\(hex(UInt32(b)).suffix(2))"
    return error("control character \(describeByte(at: k)) inside a string (write it as \(escape))", at: k)
  }

  /// Full-width punctuation that Chinese input methods produce in place of JSON's.
  func fullWidthReplacement(_ scalar: UInt32) -> String? {
    switch scalar {
    case 0xFF0C, 0x3001: ","
    case 0xFF1A: ":"
    case 0x201C, 0x201D, 0xFF02: "\""
    case 0x2018, 0x2019: "\""
    case 0xFF5B: "{"
    case 0xFF5D: "}"
    case 0xFF3B, 0x3010: "["
    case 0xFF3D, 0x3011: "]"
    default: nil
    }
  }

  /// A message for an unexpected character at `k` (`k < end`) where `expected` was expected;
  /// recognises common mistakes.
  func unexpected(at k: Int, expected: String) -> JSONSyntaxError {
    let b = bytes[k]
    if b == Ascii.slash && k + 1 < end && (bytes[k + 1] == Ascii.slash || bytes[k + 1] == Ascii.star) {
      let kind = bytes[k + 1] == Ascii.slash ? "//" : "/* */"
      return error("comments are not allowed in JSON (remove the \(kind) comment)", at: k)
    }
    if b == Ascii.apostrophe {
      return error("strings must use double quotes (\"), not single quotes (')", at: k)
    }
    if b >= 0x80 {
      guard let length = utf8SequenceLength(at: k) else { return invalidUTF8(at: k) }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<(k + length)]), as: UTF8.self)
      if let ascii = fullWidthReplacement(text.unicodeScalars.first!.value) {
        return error(
          "full-width '\(text)' is not JSON punctuation (use the ASCII '\(ascii)'; "
            + "switch the input method to half-width)", at: k)
      }
      return error(
        "expected \(expected), found \(describeByte(at: k)) (text must be inside double quotes)", at: k)
    }
    if Ascii.isWordByte(b) {
      let wordEnd = endOfWord(from: k)
      let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<wordEnd]), as: UTF8.self)
      switch word {
      case "NaN", "Infinity":
        return error("\(word) is not valid JSON; write a number or null", at: k)
      case "True", "TRUE", "False", "FALSE", "Null", "NULL":
        return error(
          "'\(word)' is not valid JSON; write \(word.lowercased()) (JSON literals are lowercase)", at: k)
      case "None", "nil", "undefined":
        return error("'\(word)' is not valid JSON; write null", at: k)
      default:
        let shown = word.count > 20 ? String(word.prefix(20)) + "..." : word
        return error(
          "expected \(expected), found '\(shown)' (text must be inside double quotes: \"\(shown)\")", at: k)
      }
    }
    return error("expected \(expected), found \(describeByte(at: k))", at: k)
  }

  func trailingContent(at k: Int) -> JSONSyntaxError {
    let b = bytes[k]
    if b == Ascii.slash || b >= 0x80 { return unexpected(at: k, expected: "the end of the file") }
    return error(
      "unexpected \(describeByte(at: k)) after the end of the JSON value (a file holds exactly one "
        + "value; remove it, or put the values in an array)", at: k)
  }

  func badKey(at k: Int) -> JSONSyntaxError {
    let b = bytes[k]
    if Ascii.isWordByte(b) && !Ascii.isDigit(b) {
      let wordEnd = endOfWord(from: k)
      let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<wordEnd]), as: UTF8.self)
      return error("unquoted key '\(word)' (object keys must be in double quotes: \"\(word)\")", at: k)
    }
    if b == Ascii.closeBrace || b == Ascii.closeBracket || b == Ascii.comma {
      return error("expected a key in double quotes, found \(describeByte(at: k))", at: k)
    }
    return unexpected(at: k, expected: "a key in double quotes")
  }

  func missingColon(at k: Int, key: String) -> JSONSyntaxError {
    let b = bytes[k]
    if b == Ascii.equals {
      return error("expected ':' after the key \"\(key)\", found '=' (use ':')", at: k)
    }
    if b >= 0x80, let length = utf8SequenceLength(at: k),
      String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<(k + length)]), as: UTF8.self) == "："
    {
      return unexpected(at: k, expected: "':'")
    }
    return error("missing ':' after the key \"\(key)\" (found \(describeByte(at: k)))", at: k)
  }

  /// After an array element or object member: neither ',' nor the closing bracket.
  func afterElement(at k: Int, array: Bool, open: Int) -> JSONSyntaxError {
    let b = bytes[k]
    let close = array ? "]" : "}"
    let what = array ? "array elements" : "object members"
    if b == (array ? Ascii.closeBrace : Ascii.closeBracket) {
      let opening = errorPosition(at: open)
      return error(
        "expected ',' or '\(close)', found '\(array ? "}" : "]")' (the '\(array ? "[" : "{")' at "
          + "\(opening) is closed with the wrong bracket)", at: k)
    }
    if b == Ascii.quote || b == Ascii.openBrace || b == Ascii.openBracket || b == Ascii.minus
      || Ascii.isDigit(b)
    {
      return error("missing ',' between \(what) (add a comma before this)", at: k)
    }
    if Ascii.isWordByte(b) {
      let wordEnd = endOfWord(from: k)
      let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<wordEnd]), as: UTF8.self)
      // In an object a word here is most likely an unquoted key after a missing comma.
      if !array || word == "true" || word == "false" || word == "null" {
        return error("missing ',' between \(what) (add a comma before this)", at: k)
      }
    }
    return unexpected(at: k, expected: "',' or '\(close)'")
  }
}
