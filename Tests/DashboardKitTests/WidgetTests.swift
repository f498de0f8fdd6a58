import CampaignKit
import Testing

@testable import DashboardKit

@Suite struct WidgetTests {
  /// The status vocabulary is defined once: a glyph, a word, a role and a code per mark, each
  /// distinct, and 未报送 apart from the five progress statuses.
  @Test func statusVocabulary() {
    let zh = Strings(.zh)
    let en = Strings(.en)
    #expect(StatusMark.allCases.map(zh.status) == ["完成", "正常", "滞后", "危险", "逾期", "未报送"])
    #expect(
      StatusMark.allCases.map(en.status) == [
        "done", "on track", "behind", "at risk", "overdue", "no report",
      ])
    #expect(Set(StatusMark.allCases.map(\.code)).count == 6)
    #expect(Status.allCases.map(\.mark) == [.done, .onTrack, .behind, .atRisk, .overdue])
    #expect(StatusMark.allCases.filter(\.needsAttention) == [.behind, .atRisk, .overdue, .notReported])
    // The sum of 需关注 is never called 滞后, which is one status.
    #expect(zh.needsAttention != zh.status(StatusMark.behind))
    let f = CellFormat(s: zh, glyphs: .unicode, medium: .screen)
    #expect(f.text(.status(StatusMark.behind)) == "◐ 滞后")
    #expect(
      CellFormat(s: en, glyphs: .ascii, medium: .screen).text(.status(.notReported)) == "? no report")
  }

  @Test func treeGuides() {
    #expect(TreeGuides.prefix(isLast: []) == "")
    #expect(TreeGuides.prefix(isLast: [false]) == "├─ ")
    #expect(TreeGuides.prefix(isLast: [true]) == "└─ ")
    #expect(TreeGuides.prefix(isLast: [false, true]) == "│  └─ ")
    #expect(TreeGuides.prefix(isLast: [true, false]) == "   ├─ ")
    #expect(TreeGuides.prefix(isLast: [false, true], glyphs: .ascii) == "|  `- ")
    #expect(DisplayWidth.of(TreeGuides.prefix(isLast: [false, false, true])) == TreeGuides.width(depth: 3))
  }

  @Test func sparkline() {
    #expect(Sparkline([0, 1, 2, 3, 4, 5, 6, 7]).text == "▁▂▃▄▅▆▇█")
    #expect(Sparkline([1, nil, 3]).text == "▁ █")
    #expect(Sparkline([5, 5]).text == "▅▅")
    #expect(Sparkline([0, 0.5, 1, 2, -1], scale: .unit).text == "▁▅██▁")
    #expect(Sparkline([0, 1], glyphs: .ascii).text == "_^")
    #expect(Sparkline([.nan, 1]).text == " ▅")
    #expect(Sparkline([]).text == "")
    var c = Canvas(width: 4, height: 1)
    Sparkline([0, 1, 2, 3, 4, 5, 6, 7]).draw(into: &c, x: 0, y: 0, maxWidth: 3)
    #expect(c.line(0) == "▆▇█ ")  // the most recent values
  }

  @Test func breadcrumbs() {
    let b = Breadcrumbs(["总指挥部", "第三分指挥部", "城管局"])
    #expect(b.text == "总指挥部 › 第三分指挥部 › 城管局")
    #expect(b.fitted(width: 100) == b.text)
    #expect(b.fitted(width: 22) == "…第三分指挥部 › 城管局")
    #expect(b.fitted(width: 21) == " …三分指挥部 › 城管局")
    #expect(DisplayWidth.of(b.fitted(width: 19)) == 19)
    #expect(Breadcrumbs(["a", "b"], glyphs: .ascii).text == "a > b")
    var c = Canvas(width: 20, height: 1)
    b.draw(into: &c, x: 0, y: 0, width: 20)
    #expect(c[19, 0].role == .title)
    #expect(c[1, 0].role == .dim)
    assertRowsExactWidth(c)
  }

  @Test func keyHints() {
    let k = KeyHints([(key: "↑↓", label: "移动"), (key: "Enter", label: "进入"), (key: "?", label: "帮助")])
    #expect(k.text(width: 80) == "↑↓ 移动  Enter 进入  ? 帮助")
    #expect(k.text(width: 20) == "↑↓ 移动  Enter 进入")
    #expect(k.text(width: 4) == "↑↓ …")
    for w in 0...30 {
      var c = Canvas(width: 30, height: 1)
      let used = k.draw(into: &c, x: 0, y: 0, width: w)
      #expect(used <= w)
      assertRowsExactWidth(c)
    }
    var c = Canvas(width: 30, height: 1)
    k.draw(into: &c, x: 0, y: 0, width: 30)
    #expect(c[0, 0].role == .key)
    #expect(c[3, 0].role == .dim)
  }

  @Test func overlayAndToast() {
    var c = Canvas(width: 30, height: 10)
    c.draw(String(repeating: "背景", count: 15), x: 0, y: 4)
    let r = Overlay(title: "帮助", lines: ["q 退出", "? 帮助"]).draw(into: &c)
    #expect(r.height == 4)
    #expect(c.line(r.y).contains("帮助"))
    #expect(c[r.x, r.y].text == "┌")
    assertRowsExactWidth(c)
    let t = Toast("已重新载入 reports").draw(into: &c)
    #expect(t.maxY == 10 && t.maxX == 29)
    #expect(c.line(8).contains("已重新载入"))
    assertRowsExactWidth(c)
    // Too small and hostile: still exact.
    for w in 0...8 {
      var small = Canvas(width: w, height: 3)
      Overlay(title: "\u{1B}[2J标题", lines: [String(repeating: "长", count: 40), "x"]).draw(into: &small)
      Toast("\u{1B}]0;x\u{07}提示", position: .bottomCenter, glyphs: .ascii).draw(into: &small)
      assertRowsExactWidth(small)
    }
  }
}
