import Testing

@testable import DashboardKit

/// The plain-text fast path (``DisplayWidth/plainWidth(_:)``) measures without segmenting
/// into graphemes; it must give exactly what the grapheme-by-grapheme sum gives, and text it
/// accepts must be what ``SafeText`` leaves as it is.
@Suite struct PlainTextTests {
  /// The width the slow path gives: one grapheme at a time.
  static func graphemeSum(_ s: String) -> Int { s.reduce(0) { $0 + DisplayWidth.of($1) } }

  @Test func everyPlainScalarIsItsOwnGraphemeOfTheStatedWidth() {
    let ranges: [ClosedRange<UInt32>] = [
      0x20...0x7E, 0xA0...0xFF, 0x3001...0x3003, 0x3008...0x3011, 0x4E00...0x9FFF, 0xFF01...0xFF60,
    ]
    var checked = 0
    for r in ranges {
      for v in r where v != 0xAD {
        let scalar = Unicode.Scalar(v)!
        let s = String(scalar)
        guard let w = DisplayWidth.plainWidth(s.utf8) else {
          Issue.record("U+\(String(v, radix: 16)) not plain")
          continue
        }
        #expect(w == DisplayWidth.of(scalar: scalar), "U+\(String(v, radix: 16))")
        // Between two others of the set it stays one grapheme: no join either side.
        let sandwich = "a" + s + "中" + s + "·"
        #expect(sandwich.count == 5, "U+\(String(v, radix: 16)) joins a neighbour")
        #expect(DisplayWidth.plainWidth(sandwich.utf8) == Self.graphemeSum(sandwich))
        #expect(SafeText.sanitize(sandwich) == sandwich)
        checked += 1
      }
    }
    #expect(checked > 21_000)
  }

  @Test func anythingElseIsNotPlain() {
    for s in [
      "a\u{301}", "\u{AD}", "tab\t", "\u{1B}[2J", "한", "😀", "\u{200B}", "ｱ", "〇", "\u{302A}", "中\u{FE0F}",
    ] {
      #expect(DisplayWidth.plainWidth(s.utf8) == nil, "\(s.unicodeScalars.map { $0.value })")
    }
  }

  @Test func randomMixesAgreeWithTheGraphemeSum() {
    let alphabet: [String] = [
      "a", " ", "9", "%", "·", "é", "中", "，", "（", "》", "、", "e\u{301}", "😀", "\u{1100}\u{1161}", "\t",
    ]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let s = (0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        .joined()
      #expect(DisplayWidth.of(s) == Self.graphemeSum(s), "\(s.unicodeScalars.map { $0.value })")
      if let w = DisplayWidth.plainWidth(s.utf8) {
        #expect(w == Self.graphemeSum(s))
        #expect(SafeText.sanitize(s) == s)
      }
    }
  }

  /// Drawing plain text on a canvas takes the fast path; the cells are those of the padded
  /// line put one grapheme at a time, by hand.
  @Test func plainDrawingMatchesGraphemeDrawing() {
    let cases: [(String, TextAlignment, Int)] = [
      ("第3分指挥部 100%", .left, 24), ("（市场）·é", .right, 24), ("《通报》", .center, 11),
      ("第3分指挥部 100%", .right, 9),
    ]
    for (text, align, width) in cases {
      var fast = Canvas(width: 30, height: 1)
      fast.draw(text, in: Rect(x: 2, y: 0, width: width, height: 1), align: align, role: .title)
      var slow = Canvas(width: 30, height: 1)
      var x = 2
      for c in TextLayout.pad(text, to: width, align: align) {
        slow.put(Cell(text: String(c), width: UInt8(DisplayWidth.of(c)), role: .title), x: x, y: 0)
        x += DisplayWidth.of(c)
      }
      #expect(x == 2 + width)
      #expect(fast == slow, "\(text)")
    }
  }
}
