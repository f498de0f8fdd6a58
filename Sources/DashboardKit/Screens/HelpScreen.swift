/// `?`: every key, as an overlay on screen and as a page when printed.
enum HelpScreen {
  static func entries(_ s: Strings) -> [(String, String)] {
    [
      ("1 – 8", s.t("打开第 N 分指挥部", "open sub-command N")),
      ("↑ ↓  j k", s.t("上下移动", "move the selection")),
      ("PgUp PgDn", s.t("翻页", "page up / down")),
      ("Home End", s.t("到首行 / 末行", "first / last row")),
      ("Enter → l", s.t("进入所选行", "open the selected row")),
      ("Esc ← h ⌫", s.t("返回上一级", "back")),
      ("Tab ⇧Tab", s.t("切换标签页：指挥体系 测评体系 问题台账 红黑榜 责任落实", "next / previous tab")),
      ("[ ]", s.t("截至日期前移 / 后移一周", "as-of date one week back / forward")),
      ("{ }", s.t("上一次 / 下一次调度会", "previous / next meeting date")),
      ("0", s.t("回到数据截至日期", "back to the campaign's as-of date")),
      ("n N", s.t("下一个 / 上一个分指挥部（会议逐一过）", "next / previous sub-command")),
      ("a", s.t("自动轮播：总览 → 各分指挥部 → 红黑榜；任意键停止", "rotate overview → sub-commands → lists; any key stops")),
      ("f g o", s.t("问题台账：按状态 / 分指挥部 / 来源筛选", "ledger: filter by state / sub-command / source")),
      ("/", s.t("筛选（Enter 确定，Esc 清除）", "filter rows (Enter applies, Esc clears)")),
      ("s", s.t("切换排序", "change the sort order")),
      ("p", s.t("打印本页快照（文本与 HTML）", "print this view (text and HTML)")),
      ("t", s.t("切换配色主题", "next colour theme")),
      ("r", s.t("重新读取数据", "reload the campaign files")),
      ("?", s.t("显示 / 关闭帮助", "show / hide this help")),
      ("q", s.t("退出", "quit")),
      (s.t("鼠标", "mouse"), s.t("单击选中，双击进入，滚轮滚动", "click selects, double-click opens, wheel scrolls")),
    ]
  }

  static func lines(_ ctx: PageContext) -> [ScreenLine] {
    entries(ctx.s).map { k, v in
      .text { c, y, width in
        c.draw(k, x: 4, y: y, role: .key)
        c.draw(v, x: 18, y: y, maxWidth: max(0, width - 19), role: .text, truncation: .ellipsis)
      }
    }
  }

  /// A bordered panel in the middle of the screen.
  static func overlay(_ c: inout Canvas, s: Strings, glyphs: GlyphSet) {
    let rows =
      entries(s).map { TextLayout.pad($0.0, to: 14) + "  " + $0.1 } + [
        "", s.t("按任意键关闭", "press any key to close"),
      ]
    Overlay(title: s.help, lines: rows, glyphs: glyphs).draw(into: &c)
  }
}
