import CampaignKit
import Testing

@Suite struct JSONWriterTests {
  static let sample: JSONValue = [
    "schema": "chuangwen/1",
    "title": "洪江市创建省级文明城市",
    "totalPoints": 134,
    "pace": ["amber": 0.9, "red": 0.7],
    "meetings": ["2016-01-08", "2016-01-15"],
    "empty": [],
    "none": [:],
    "nested": [["id": "a", "ok": true, "note": nil], [1, 2]],
  ]

  @Test func prettyLayout() {
    let expected = """
      {
        "schema": "chuangwen/1",
        "title": "洪江市创建省级文明城市",
        "totalPoints": 134,
        "pace": {
          "amber": 0.9,
          "red": 0.7
        },
        "meetings": ["2016-01-08", "2016-01-15"],
        "empty": [],
        "none": {},
        "nested": [
          {
            "id": "a",
            "ok": true,
            "note": null
          },
          [1, 2]
        ]
      }

      """
    #expect(JSONWriter.write(Self.sample) == expected)
  }

  @Test func compactLayout() {
    #expect(
      JSONWriter.write(Self.sample, pretty: false)
        == #"{"schema":"chuangwen/1","title":"洪江市创建省级文明城市","totalPoints":134,"pace":{"amber":0.9,"red":0.7},"meetings":["2016-01-08","2016-01-15"],"empty":[],"none":{},"nested":[{"id":"a","ok":true,"note":null},[1,2]]}"#
        + "\n")
  }

  @Test func longScalarArraysGoOnePerLine() {
    let short: JSONValue = ["a": .array(values: (1...20).map { .number(Double($0)) })]
    #expect(
      JSONWriter.write(short).contains(
        "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]"))
    let long: JSONValue = .array(values: (1...30).map { .number(Double($0)) })
    let text = JSONWriter.write(long)
    #expect(text.hasPrefix("[\n  1,\n  2,\n"))
    #expect(text.hasSuffix("  30\n]\n"))
  }

  /// Controls (C0, DEL, C1), line separators and bidi controls are escaped, so JSON that
  /// reaches a terminal is inert; everything else is written as UTF-8.
  @Test func stringEscaping() {
    let value: JSONValue = [
      "q\"k":
        "a\"b\\c/d\n\r\t\u{8}\u{C}\u{1}\u{1F}\u{7F}é中😀\u{2028}\u{9B}\u{202E}\u{2066}\u{200F}\u{61C}\u{A0}\u{2030}"
    ]
    #expect(
      JSONWriter.write(value, pretty: false)
        == #"{"q\"k":"a\"b\\c/d\n\r\t\b\f\u0001\u001F\u007F"# + "é中😀"
        + #"\u2028\u009B\u202E\u2066\u200F\u061C"# + "\u{A0}\u{2030}\"}\n")
    // And it reads back as the same string.
    let parsed = try? JSONParser.parse(JSONWriter.write(value, pretty: false))
    #expect(parsed.map { JSONWriter.write($0, pretty: false) } == JSONWriter.write(value, pretty: false))
  }

  @Test func numberForms() {
    #expect(JSONWriter.numberText(3) == "3")
    #expect(JSONWriter.numberText(-42) == "-42")
    #expect(JSONWriter.numberText(0) == "0")
    #expect(JSONWriter.numberText(-0.0) == "-0")
    #expect(JSONWriter.numberText(0.1) == "0.1")
    #expect(JSONWriter.numberText(2.5) == "2.5")
    #expect(JSONWriter.numberText(1e15) == "1000000000000000")
    #expect(JSONWriter.numberText(9_007_199_254_740_991) == "9007199254740991")
    #expect(JSONWriter.numberText(1e300) == "1e+300")
    #expect(JSONWriter.numberText(1e-7) == "1e-07")
    #expect(JSONWriter.numberText(.infinity) == "null")
    #expect(JSONWriter.numberText(.nan) == "null")
    for d in [
      0.1, 1.0 / 3, 1e300, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 9_007_199_254_740_994,
      123456.789e10,
    ] {
      #expect(Double(JSONWriter.numberText(d)) == d)
    }
  }

  @Test func nodesAndValuesWriteTheSame() throws {
    let node = try JSONParser.parse(#"{"a": [1, 2]}"#)
    #expect(JSONWriter.write(node) == JSONWriter.write(node.value))
  }

  @Test func parseWriteParseRoundTrip() throws {
    let text = """
      {"schema":"chuangwen/1","units":[{"id":"u-cgj","name":"市城管执法局","done":0.25,"count":400,
      "tags":["约谈","问责"],"dup":1,"dup":2,"esc":"\\u00e9\\n\\"","deep":[[[{}]]],"neg":-0,"exp":6.02e23}]}
      """
    let first = try JSONParser.parse(text).value
    for pretty in [true, false] {
      let written = JSONWriter.write(first, pretty: pretty)
      let second = try JSONParser.parse(written).value
      #expect(second == first)
      #expect(JSONWriter.write(second, pretty: pretty) == written)
    }
  }

  /// Property: for random values, write → parse is the identity (structurally, and bit-for-bit
  /// for numbers: the re-written text is identical).
  @Test func randomValuesRoundTrip() throws {
    var rng = SplitMix64(seed: 2016)
    for _ in 0..<400 {
      let value = randomValue(&rng, depth: 0)
      for pretty in [true, false] {
        let text = JSONWriter.write(value, pretty: pretty)
        let parsed = try JSONParser.parse(text).value
        #expect(parsed == value, "\(text)")
        #expect(JSONWriter.write(parsed, pretty: pretty) == text)
        #expect(bitwiseEqual(parsed, value))
      }
    }
  }

  /// Property: every recorded position points at the first character of its value or key, in
  /// pretty and compact text (long lines with Chinese, emoji and escapes before the position).
  @Test func randomValuesHaveCorrectPositions() throws {
    var rng = SplitMix64(seed: 8259)
    for _ in 0..<200 {
      let value = randomValue(&rng, depth: 0)
      for pretty in [true, false] {
        let text = JSONWriter.write(value, pretty: pretty)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
          Array($0.unicodeScalars)
        }
        func scalar(at p: SourcePosition) -> Unicode.Scalar? {
          guard p.line >= 1, p.line <= lines.count, p.column >= 1, p.column <= lines[p.line - 1].count
          else { return nil }
          return lines[p.line - 1][p.column - 1]
        }
        func check(_ node: JSONNode) {
          let first: Unicode.Scalar? =
            switch node.value {
            case .null: "n"
            case .bool(let b): b ? "t" : "f"
            case .number(let d): d.sign == .minus ? "-" : nil
            case .string: "\""
            case .array: "["
            case .object: "{"
            }
          let found = scalar(at: node.position)
          if let first {
            #expect(found == first, "\(node.position) in \(text)")
          } else {
            #expect(found.map { $0.properties.numericType != nil } == true, "\(node.position) in \(text)")
          }
          switch node.value {
          case .array(let a): a.forEach(check)
          case .object(let o):
            for m in o.members {
              #expect(scalar(at: m.keyPosition) == "\"", "\(m.keyPosition) in \(text)")
              check(m.value)
            }
          default: break
          }
        }
        check(try JSONParser.parse(text))
      }
    }
  }
}

func bitwiseEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
  switch (a, b) {
  case (.number(let x), .number(let y)): return x.bitPattern == y.bitPattern
  case (.array(let x), .array(let y)):
    return x.count == y.count && zip(x, y).allSatisfy { bitwiseEqual($0.value, $1.value) }
  case (.object(let x), .object(let y)):
    return x.members.count == y.members.count
      && zip(x.members, y.members).allSatisfy {
        $0.key == $1.key && bitwiseEqual($0.value.value, $1.value.value)
      }
  default: return a == b
  }
}

private let stringPieces: [String] = [
  "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "中", "文明",
  "😀", "e\u{301}", "\u{FEFF}", "\u{2028}", "\u{FFFF}", "{", "]", ",", ":", "'", "//", "/*",
]

func randomString(_ rng: inout SplitMix64) -> String {
  var s = ""
  for _ in 0..<Int(rng.next(12)) { s += stringPieces[Int(rng.next(UInt64(stringPieces.count)))] }
  return s
}

func randomNumber(_ rng: inout SplitMix64) -> Double {
  switch rng.next(6) {
  case 0: return Double(Int64(bitPattern: rng.next()) >> Int64(rng.next(64)))
  case 1: return Double(rng.next(2000)) / 8 - 100
  case 2: return rng.next(2) == 0 ? 0.0 : -0.0
  case 3: return Double(rng.next(1_000_000)) / 100
  default:
    // Any finite double, subnormals included.
    while true {
      let d = Double(bitPattern: rng.next())
      if d.isFinite { return d }
    }
  }
}

func randomValue(_ rng: inout SplitMix64, depth: Int) -> JSONValue {
  let kinds: UInt64 = depth >= 5 ? 4 : 6
  switch rng.next(kinds) {
  case 0: return .null
  case 1: return .bool(rng.next(2) == 0)
  case 2: return .number(randomNumber(&rng))
  case 3: return .string(randomString(&rng))
  case 4: return .array(values: (0..<rng.next(6)).map { _ in randomValue(&rng, depth: depth + 1) })
  default:
    let keys = ["id", "名称", "a", "", "dup", "x\"y"]
    return .object(
      pairs: (0..<rng.next(6)).map { _ in
        (keys[Int(rng.next(UInt64(keys.count)))], randomValue(&rng, depth: depth + 1))
      })
  }
}
