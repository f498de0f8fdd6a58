import Testing

@testable import DashboardKit

@Suite struct DisplayWidthTests {
  @Test func asciiAndHan() {
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("创文") == 4)
    #expect(DisplayWidth.of("第3分指挥部") == 11)
    #expect(DisplayWidth.of("") == 0)
    #expect(DisplayWidth.of(Character("中")) == 2)
  }

  @Test func cjkPunctuationFullwidthKanaHangul() {
    for s in ["，", "。", "、", "《", "》", "【", "】", "（", "）", "！", "Ａ", "あ", "ア", "한", "ㄅ", "㈠", "㊣", "〇"] {
      #expect(DisplayWidth.of(s) == 2, "\(s)")
    }
    #expect(DisplayWidth.of("ｱ") == 1)  // halfwidth katakana (FF61–FF9F) stays narrow
  }

  @Test func extensionsAndCompatibility() {
    #expect(DisplayWidth.of("\u{20000}") == 2)  // Ext B
    #expect(DisplayWidth.of("\u{31350}") == 2)  // Ext H (newer than glibc 2.36)
    #expect(DisplayWidth.of("\u{F900}") == 2)  // compatibility ideograph
    #expect(DisplayWidth.of("\u{3400}") == 2)  // Ext A
  }

  @Test func ambiguousIsNarrow() {
    for s in ["─", "│", "┌", "·", "①", "…", "●", "█", "░", "↑", "×"] {
      #expect(DisplayWidth.of(s) == 1, "\(s)")
    }
  }

  @Test func combiningMarksAttach() {
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("\u{301}" as Character) == 0)
    #expect(DisplayWidth.of("中\u{20DD}") == 2)
    #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)  // Hangul L V T
    #expect(DisplayWidth.of("क्ष") == 2)  // one grapheme (conjunct), two columns
  }

  @Test func emoji() {
    #expect(DisplayWidth.of("😀") == 2)
    #expect(DisplayWidth.of("🤖") == 2)
    #expect(DisplayWidth.of("❤️") == 2)  // VS16 makes a text-default symbol wide
    #expect(DisplayWidth.of("❤") == 1)
    #expect(DisplayWidth.of("👍🏽") == 2)
    #expect(DisplayWidth.of("👨‍👩‍👧‍👦") == 2)
    #expect(DisplayWidth.of("🇨🇳") == 2)
    #expect(DisplayWidth.of("\u{1F1E8}") == 1)  // lone regional indicator, as glibc
    #expect(DisplayWidth.of("1️⃣") == 2)
    #expect(DisplayWidth.of("🫨") == 2)  // Unicode 15, newer than the table
  }

  @Test func replacedCharactersMeasureAsTheirReplacement() {
    for s in ["\u{1B}", "\n", "\t", "\u{7F}", "\u{85}", "\u{202E}", "\u{200B}", "\u{FEFF}"] {
      #expect(DisplayWidth.of(s) == 1, "\(s.debugDescription)")
      #expect(DisplayWidth.of(s) == DisplayWidth.of(SafeText.sanitize(s)))
    }
    #expect(DisplayWidth.of("\r\n") == 2)
  }

  @Test func stringSumsGraphemes() {
    let s = "城管局 Urban-管理 😀 e\u{301}"
    let sum = s.reduce(0) { $0 + DisplayWidth.of($1) }
    #expect(DisplayWidth.of(s) == sum)
    #expect(DisplayWidth.of(s[s.startIndex...]) == sum)  // Substring
  }

  @Test func tablesAreSortedAndDisjoint() {
    for table in [WidthTables.wide, WidthTables.zero, WidthTables.replaced] {
      #expect(table.count % 2 == 0)
      var prev: UInt32? = nil
      for i in stride(from: 0, to: table.count, by: 2) {
        #expect(table[i] <= table[i + 1])
        if let p = prev { #expect(table[i] > p) }
        prev = table[i + 1]
      }
    }
  }
}
