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
      ("Tab ⇧Tab", s.t("切换标签页", "next / previous tab")),
      ("/", s.t("筛选（Enter 确定，Esc 清除）", "filter rows (Enter applies, Esc clears)")),
      ("s", s.t("切换排序", "change the sort order")),
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
  static func overlay(_ c: inout Canvas, s: Strings, ascii: Bool) {
    let items = entries(s)
    let innerWidth = min(c.width - 4, max(40, 16 + (items.map { DisplayWidth.of($0.1) }.max() ?? 20) + 2))
    let h = min(c.height - 2, items.count + 4)
    let w = innerWidth + 2
    let x0 = (c.width - w) / 2
    let y0 = (c.height - h) / 2
    let (tl, tr, bl, br, hz, vt) = ascii ? ("+", "+", "+", "+", "-", "|") : ("┌", "┐", "└", "┘", "─", "│")
    for y in y0..<(y0 + h) {
      for x in x0..<(x0 + w) { c.put(Cell(text: " ", width: 1, role: .text), x: x, y: y) }
    }
    for x in (x0 + 1)..<(x0 + w - 1) {
      c.put(Cell(text: hz, width: 1, role: .border), x: x, y: y0)
      c.put(Cell(text: hz, width: 1, role: .border), x: x, y: y0 + h - 1)
    }
    for y in (y0 + 1)..<(y0 + h - 1) {
      c.put(Cell(text: vt, width: 1, role: .border), x: x0, y: y)
      c.put(Cell(text: vt, width: 1, role: .border), x: x0 + w - 1, y: y)
    }
    c.put(Cell(text: tl, width: 1, role: .border), x: x0, y: y0)
    c.put(Cell(text: tr, width: 1, role: .border), x: x0 + w - 1, y: y0)
    c.put(Cell(text: bl, width: 1, role: .border), x: x0, y: y0 + h - 1)
    c.put(Cell(text: br, width: 1, role: .border), x: x0 + w - 1, y: y0 + h - 1)
    c.draw(" \(s.help) ", x: x0 + 2, y: y0, role: .title)
    for (i, (k, v)) in items.enumerated() where i < h - 4 {
      c.draw(k, x: x0 + 2, y: y0 + 2 + i, maxWidth: 14, role: .key)
      c.draw(v, x: x0 + 17, y: y0 + 2 + i, maxWidth: w - 19, role: .text, truncation: .ellipsis)
    }
    c.draw(s.t("按任意键关闭", "press any key to close"), x: x0 + 2, y: y0 + h - 2, maxWidth: w - 4, role: .dim)
  }
}
