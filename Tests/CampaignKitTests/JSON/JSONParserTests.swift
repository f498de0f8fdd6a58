import CampaignKit
import Testing

@Suite struct JSONParserTests {
  @Test func parsesAllValueKinds() throws {
    let node = try JSONParser.parse(
      #"{"n": null, "t": true, "f": false, "i": -12, "d": 0.5, "e": 1E+2, "s": "x", "a": [], "o": {}}"#)
    let expected: JSONValue = [
      "n": nil, "t": true, "f": false, "i": -12, "d": 0.5, "e": 100, "s": "x", "a": [], "o": [:],
    ]
    #expect(node.value == expected)
    #expect(node.position == SourcePosition(line: 1, column: 1))
  }

  @Test func acceptsAnyTopLevelValueAndSurroundingWhitespace() throws {
    #expect(try JSONParser.parse(" \r\n\t42 \n").value == 42)
    #expect(try JSONParser.parse("\"中\"").value == "中")
    #expect(try JSONParser.parse("null").value == .null)
    #expect(try JSONParser.parse("[]").value == [])
  }

  @Test func decodesEscapes() throws {
    let node = try JSONParser.parse(#"["\"\\\/\b\f\n\r\t", "\u00e9\u4E2D\uD83D\uDE00", "a\u0000b", "中\n文"]"#)
    let expected: JSONValue = ["\"\\/\u{8}\u{C}\n\r\t", "é中😀", "a\u{0}b", "中\n文"]
    #expect(node.value == expected)
  }

  @Test func stringsAreExactUTF8() throws {
    let text = "[\"创建文明城市 ✓ 😀 e\u{301}\"]"
    #expect(try JSONParser.parse(text).value == ["创建文明城市 ✓ 😀 e\u{301}"])
    #expect(try JSONParser.parse(Array(text.utf8)).value == ["创建文明城市 ✓ 😀 e\u{301}"])
  }

  @Test func recordsPositionsOfValuesAndKeys() throws {
    let text = """
      {
        "名称": "创文", "数": [1, "二", 3],
        "o": {"k": null}
      }
      """
    let root = try JSONParser.parse(text)
    let object = try #require(root.value.objectValue)
    #expect(
      object.members.map(\.keyPosition) == [
        SourcePosition(line: 2, column: 3), SourcePosition(line: 2, column: 15),
        SourcePosition(line: 3, column: 3),
      ])
    #expect(object["名称"]?.position == SourcePosition(line: 2, column: 9))
    let array = try #require(object["数"])
    #expect(array.position == SourcePosition(line: 2, column: 20))
    #expect(
      array.value.arrayValue?.map(\.position) == [
        SourcePosition(line: 2, column: 21), SourcePosition(line: 2, column: 24),
        SourcePosition(line: 2, column: 29),
      ])
    let inner = try #require(object["o"]?.value.objectValue)
    #expect(inner.members[0].keyPosition == SourcePosition(line: 3, column: 9))
    #expect(inner["k"]?.position == SourcePosition(line: 3, column: 14))
  }

  @Test func crlfLineEndings() throws {
    let root = try JSONParser.parse("{\r\n  \"a\": 1,\r\n  \"b\": \"中\"\r\n}\r\n")
    #expect(root.value.objectValue?["b"]?.position == SourcePosition(line: 3, column: 8))
    #expect(syntaxError("{\r\n  \"a\": x}")?.position == SourcePosition(line: 2, column: 8))
  }

  @Test func duplicateKeysAreKeptInOrder() throws {
    let root = try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3, "a": 4}"#)
    let object = try #require(root.value.objectValue)
    #expect(object.keys == ["a", "b", "a", "a"])
    #expect(object["a"]?.value == 1)
    #expect(object.duplicateMembers.map { $0.value.value } == [3, 4])
    #expect(
      object.duplicateMembers.map(\.keyPosition) == [
        SourcePosition(line: 1, column: 18), SourcePosition(line: 1, column: 26),
      ])
  }

  @Test func deepNestingParses() throws {
    var text = ""
    for n in 0..<511 { text += n % 2 == 0 ? "[" : "{\"k\":" }
    text += "\"bottom\""
    for n in (0..<511).reversed() { text += n % 2 == 0 ? "]" : "}" }
    var value = try JSONParser.parse(text).value
    var depth = 0
    while true {
      if case .array(let a) = value {
        value = a[0].value
      } else if case .object(let o) = value {
        value = o["k"]!.value
      } else {
        break
      }
      depth += 1
    }
    #expect(depth == 511)
    #expect(value == "bottom")
    // Writing and re-parsing such a value works too.
    #expect(
      try JSONParser.parse(JSONWriter.write(JSONParser.parse(text).value)).value
        == JSONParser.parse(text).value)
  }

  @Test func typeNames() {
    let values: [JSONValue] = [nil, true, 1, "s", [], [:]]
    #expect(values.map(\.typeName) == ["null", "a boolean", "a number", "a string", "an array", "an object"])
  }

  @Test func accessors() {
    let v: JSONValue = ["i": 3, "d": 2.5, "big": 1e300]
    let o = v.objectValue
    #expect(o?["i"]?.value.intValue == 3)
    #expect(o?["d"]?.value.intValue == nil)
    #expect(o?["d"]?.value.numberValue == 2.5)
    #expect(o?["big"]?.value.intValue == nil)
    #expect(o?["missing"] == nil)
    #expect(o?.member("d")?.keyPosition == .synthesized)
  }

  // MARK: Numbers

  @Test func numbersMatchDoubleInitExactly() throws {
    var fixed = [
      "0", "-0", "1", "-1", "0.1", "0.2", "0.30000000000000004", "123456789", "9007199254740993",
      "18446744073709551615", "18446744073709551616", "1e22", "1e23", "1.7976931348623157e308",
      "2.2250738585072014e-308", "4.9e-324", "5e-324", "2e-324", "1e-400", "0.000001", "123.456e-7",
      "3.141592653589793238462643383279", "100000000000000000000000000000000000001",
      "0.00000000000000000000000000000000000000000000001", "1E5", "1e+5", "1e-5", "0e999", "-0.0e-5",
      "8.98846567431158e307", "4503599627370497.5", "2.0000000000000002", "9007199254740991.4999",
    ]
    var rng = SplitMix64(seed: 0x5EED)
    for _ in 0..<5000 { fixed.append(randomNumberText(&rng)) }
    for text in fixed {
      let reference = Double(text)!
      if !reference.isFinite {
        #expect(syntaxError(text)?.message.hasPrefix("number is too large") == true, "\(text)")
        continue
      }
      let parsed = try JSONParser.parse(text).value.numberValue
      #expect(parsed?.bitPattern == reference.bitPattern, "\(text)")
    }
  }

  @Test func negativeZeroKeepsItsSign() throws {
    #expect(try JSONParser.parse("-0").value.numberValue?.sign == .minus)
    #expect(try JSONParser.parse("-0.0").value.numberValue?.sign == .minus)
  }
}

/// A JSON number in text: integer part, optional fraction and exponent, with lengths that exercise
/// both the fast path and the fallback.
func randomNumberText(_ rng: inout SplitMix64) -> String {
  var s = rng.next(2) == 0 ? "-" : ""
  let intDigits = Int(rng.next(25))
  if intDigits == 0 {
    s += "0"
  } else {
    s += String(Character(Unicode.Scalar(UInt8(0x31 + rng.next(9)))))
    for _ in 1..<intDigits { s += String(rng.next(10)) }
  }
  if rng.next(2) == 0 {
    s += "."
    for _ in 0...Int(rng.next(22)) { s += String(rng.next(10)) }
  }
  if rng.next(3) == 0 {
    s += rng.next(2) == 0 ? "e" : "E"
    s += ["", "+", "-"][Int(rng.next(3))]
    s += String(rng.next(rng.next(2) == 0 ? 30 : 330))
  }
  return s
}

/// A small deterministic random generator (SplitMix64).
struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in 0..<bound.
  mutating func next(_ bound: UInt64) -> UInt64 { next() % bound }
}
