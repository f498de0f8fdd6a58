import Testing

@testable import DashboardKit

@Suite struct SafeTextTests {
  @Test func escapeSequencesBecomeInert() {
    #expect(SafeText.sanitize("\u{1B}[2J") == "\u{FFFD}[2J")
    #expect(SafeText.sanitize("a\u{1B}]0;pwned\u{07}b") == "a\u{FFFD}]0;pwned\u{FFFD}b")
    #expect(SafeText.sanitize("\u{9B}31m") == "\u{FFFD}31m")  // C1 CSI
    #expect(SafeText.sanitize("x\u{7F}") == "x\u{FFFD}")
  }

  @Test func whitespaceControlsAreReplacedOnePerScalar() {
    #expect(SafeText.sanitize("a\tb\nc\r\nd") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}d")
    #expect(SafeText.sanitize("\u{2028}") == "\u{FFFD}")
  }

  @Test func bidiAndInvisiblesAreReplaced() {
    for s in [
      "\u{202E}", "\u{202A}", "\u{2066}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}", "\u{200B}",
      "\u{FEFF}", "\u{2060}", "\u{00AD}",
    ] {
      #expect(SafeText.sanitize("a" + s + "b") == "a\u{FFFD}b", "\(s.unicodeScalars.first!.value)")
    }
  }

  @Test func legitimateTextIsUntouched() {
    for s in [
      "城管局", "阿卜杜·热合曼", "e\u{301}", "👨‍👩‍👧‍👦", "🇨🇳", "❤️", "<script>alert(1)</script>", "ＡＢＣ（全角）", "한국어", "Ω≈√",
    ] {
      #expect(SafeText.sanitize(s) == s)
    }
  }

  @Test func flagTagSequenceKeepsItsTags() {
    let scotland = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"
    #expect(SafeText.sanitize(scotland) == scotland)
    #expect(SafeText.sanitize("a\u{E0041}") == "a\u{FFFD}")  // "ASCII smuggling" tag
  }

  @Test func loneLeadingMarkGetsADottedCircle() {
    #expect(SafeText.sanitize("\u{301}abc") == "\u{25CC}\u{301}abc")
    #expect(SafeText.sanitize("\u{200D}x") == "\u{25CC}\u{200D}x")
  }

  @Test func zalgoIsCapped() {
    let zalgo = "a" + String(repeating: "\u{301}", count: 100)
    let out = SafeText.sanitize(zalgo)
    #expect(out.count == 1)
    #expect(out.unicodeScalars.count == SafeText.maxScalarsPerGrapheme)
  }

  @Test func idempotent() {
    for s in ["\u{1B}[2J", "\u{301}x", "a\u{202E}b", "中\u{1160}", "plain"] {
      let once = SafeText.sanitize(s)
      #expect(SafeText.sanitize(once) == once)
    }
  }

  @Test func nothingUnsafeSurvives() {
    var hostile = ""
    for v in Array(UInt32(0)...0xFF) + [0x202E, 0x2066, 0x200B, 0xFEFF, 0x2028] {
      hostile.unicodeScalars.append(Unicode.Scalar(v)!)
    }
    let out = SafeText.sanitize(hostile)
    for s in out.unicodeScalars {
      #expect(!SafeText.isReplaced(s))
      #expect(LibC.wcwidth(s.value) >= 0, "U+\(String(s.value, radix: 16))")
    }
  }
}
