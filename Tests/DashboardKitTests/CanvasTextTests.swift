import Testing

@testable import DashboardKit

@Suite struct CanvasTextTests {
  @Test func drawsAndReturnsColumns() {
    var c = Canvas(width: 10, height: 1)
    #expect(c.draw("创文ab", x: 1, y: 0, role: .title) == 6)
    #expect(c.line(0) == " 创文ab   ")
    #expect(c[1, 0].role == .title)
    #expect(c[2, 0].isContinuation)
    assertRowsExactWidth(c)
  }

  @Test func wideCharAtRightEdgeBecomesSpace() {
    var c = Canvas(width: 5, height: 1)
    c.draw("abcd中", x: 0, y: 0, truncation: .clip)
    #expect(c.line(0) == "abcd ")
    assertRowsExactWidth(c)
    // And through put directly.
    var d = Canvas(width: 3, height: 1)
    d.put(Cell(text: "中", width: 2, role: .text), x: 2, y: 0)
    #expect(d.line(0) == "   ")
    assertRowsExactWidth(d)
  }

  @Test func wideCharAtColumnBoundaryBecomesSpace() {
    var c = Canvas(width: 10, height: 1)
    c.draw("中文字", x: 0, y: 0, maxWidth: 5, truncation: .clip)
    c.draw("|", x: 5, y: 0)
    #expect(c.line(0) == "中文 |    ")
    assertRowsExactWidth(c)
  }

  @Test func ellipsis() {
    var c = Canvas(width: 8, height: 3)
    c.draw("城市管理局", x: 0, y: 0, maxWidth: 6)
    c.draw("城市管理局", x: 0, y: 1, maxWidth: 5)
    c.draw("abcdefghij", x: 0, y: 2, maxWidth: 4)
    #expect(c.line(0) == "城市… " + "  ")
    #expect(c.line(1) == "城市…" + "   ")
    #expect(c.line(2) == "abc…    ")
    assertRowsExactWidth(c)
    #expect(TextLayout.fit("城市管理局", width: 1) == "…")
    #expect(TextLayout.fit("城市管理局", width: 0) == "")
    #expect(TextLayout.fit("城市管理局", width: 10) == "城市管理局")
  }

  @Test func leadingEllipsis() {
    #expect(TextLayout.fit("一二三四五", width: 7, truncation: .leadingEllipsis) == "…三四五")
    #expect(TextLayout.fit("一二三四五", width: 6, truncation: .leadingEllipsis) == " …四五")
  }

  @Test func padAlignsByDisplayWidth() {
    #expect(TextLayout.pad("中", to: 5, align: .left) == "中   ")
    #expect(TextLayout.pad("中", to: 5, align: .right) == "   中")
    #expect(TextLayout.pad("中", to: 5, align: .center) == " 中  ")
    #expect(TextLayout.pad("中文字", to: 4) == "中… ")
    for s in ["中", "a中b", "e\u{301}x", "😀", "\u{1B}[2J"] {
      for w in 0...8 { #expect(DisplayWidth.of(TextLayout.pad(s, to: w, align: .center)) == w) }
    }
  }

  @Test func putOverwritingEitherHalfOfAWideChar() {
    var c = Canvas(width: 6, height: 2)
    c.draw("中文中", x: 0, y: 0)
    c.put(Cell(text: "x", width: 1, role: .text), x: 1, y: 0)  // right half of 中
    #expect(c.line(0) == " x文中")
    c.put(Cell(text: "y", width: 1, role: .text), x: 2, y: 0)  // left half of 文
    #expect(c.line(0) == " xy 中")
    c.draw("中文中", x: 0, y: 1)
    c.put(Cell(text: "字", width: 2, role: .text), x: 1, y: 1)  // straddles 中 and 文
    #expect(c.line(1) == " 字 中")
    assertRowsExactWidth(c)
  }

  @Test func hostileStringsStayInTheirCell() {
    let hostile = [
      "\u{1B}[2J\u{1B}[H清屏", "<script>alert('x')</script>", String(repeating: "长", count: 300),
      "Cafe\u{301} 咖啡", "😀👍🏽", "👨‍👩‍👧‍👦家庭", "\u{202E}反转\u{202C}abc", "\u{301}开头", "中\u{1160}x",
      "tab\there", "line\nbreak", "a" + String(repeating: "\u{301}", count: 50), "🇨🇳🇨",
    ]
    var c = Canvas(width: 30, height: hostile.count)
    for (y, s) in hostile.enumerated() {
      c.draw("|", x: 0, y: y)
      let used = c.draw(s, x: 1, y: y, maxWidth: 12)
      #expect(used <= 12)
      c.draw("|", x: 13, y: y)
      #expect(c[13, y].text == "|")
      #expect(c[0, y].text == "|")
    }
    assertRowsExactWidth(c)
    #expect(c.line(0).hasPrefix("|\u{FFFD}[2J\u{FFFD}[H清屏"))
    for y in 0..<c.height {
      for x in 0..<c.width {
        #expect(!c[x, y].text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
      }
    }
  }

  @Test func combiningMarkJoinsPreviousCell() {
    var c = Canvas(width: 4, height: 1)
    c.draw("中\u{1160}x", x: 0, y: 0)
    #expect(c[0, 0].text == "中\u{1160}")
    #expect(c[2, 0].text == "x")
    assertRowsExactWidth(c)
  }

  @Test func neverDrawsOutside() {
    var c = Canvas(width: 4, height: 2)
    #expect(c.draw("abc", x: 0, y: 5) == 0)
    #expect(c.draw("abc", x: 0, y: -1) == 0)
    #expect(c.draw("abc", x: 4, y: 0) == 0)
    c.draw("中文", x: -1, y: 0, truncation: .clip)  // right half of 中 cut by the left edge
    #expect(c.line(0) == " 文 ")
    c.fill(x: -3, y: -3, width: 100, height: 100, role: .dim)
    #expect(c[3, 1].role == .dim)
    c.setRole(.selection, x: 2, y: 1, width: 100, height: 100)
    assertRowsExactWidth(c)
    var empty = Canvas(width: 0, height: 0)
    empty.draw("x", x: 0, y: 0)
    empty.fill(empty.bounds, role: .dim)
  }

  @Test func setRoleCoversWholeWideChars() {
    var c = Canvas(width: 6, height: 1)
    c.draw("a中b", x: 0, y: 0)
    c.setRole(.selection, x: 2, y: 0, width: 1, height: 1)  // the continuation of 中
    #expect(c[1, 0].role == .selection)
    #expect(c[2, 0].role == .selection)
    #expect(c[0, 0].role == .text)
    #expect(c.line(0) == "a中b  ")
  }

  @Test func drawInRectFillsTheRow() {
    var c = Canvas(width: 8, height: 1)
    c.draw("xxxxxxxx", x: 0, y: 0)
    c.draw("中", in: Rect(x: 1, y: 0, width: 6, height: 1), align: .right, role: .header)
    #expect(c.line(0) == "x    中x")
    #expect(c[1, 0].role == .header)
  }

  @Test func rectSlicing() {
    let r = Rect(x: 0, y: 0, width: 80, height: 24)
    let (top, rest) = r.splitTop(1)
    let (body, footer) = rest.splitBottom(1)
    #expect(top.height == 1 && footer.y == 23 && body.height == 22)
    #expect(r.splitLeft(100).rest.width == 0)
    #expect(r.inset(by: 50).isEmpty)
    #expect(r.centered(width: 10, height: 4) == Rect(x: 35, y: 10, width: 10, height: 4))
    #expect(
      r.intersection(Rect(x: 70, y: 20, width: 20, height: 20)) == Rect(x: 70, y: 20, width: 10, height: 4))
  }
}
