import CampaignKit

/// The parts of every screen around the body: header, breadcrumbs, footer, selection.
enum Chrome {
  static func header(_ c: inout Canvas, app: App, data: DashboardData, s: Strings, options: RenderOptions) {
    let w = c.width
    let info = data.campaign.info
    c.fill(row: 0, role: .header)
    // The date, marked when it is not the campaign's own: a past view (回看) or a projection.
    var marker = ""
    if data.asOf < info.defaultAsOf {
      marker = " \(s.t("历史回看", "PAST VIEW")) "
    } else if data.asOf > info.defaultAsOf {
      marker = " \(s.t("推演", "PROJECTED")) "
    }
    let right = "\(s.asOf) \(data.asOf) · \(s.daysLeft(data.standing.daysLeft)) "
    let rw = DisplayWidth.of(right)
    let mw = DisplayWidth.of(marker)
    c.draw(
      " " + info.title, x: 0, y: 0, maxWidth: max(0, w - rw - mw - 2), role: .header, truncation: .ellipsis)
    if mw > 0 { c.draw(marker, x: w - rw - mw - 1, y: 0, role: .error) }
    c.draw(right, x: w - rw, y: 0, role: .header)

    // Score line: total earned/points, bar, percent, change since the last meeting, counts.
    let total = data.standing.total
    let status = total.status(on: data.asOf, pace: info.pace)
    var x = c.draw(" \(s.total) ", x: 0, y: 1, role: .title)
    x += c.draw("\(Format.points(total.earned))/\(Format.points(total.points))", x: x, y: 1, role: .title)
    x += 1
    // Below 100 columns the counts keep only their glyphs, so the bar and its change fit.
    let compact = w < 100
    let counts = Status.allCases.map { st in
      compact
        ? "\(String(options.glyphs.statusGlyph(st)))\(total.count(st))"
        : "\(String(options.glyphs.statusGlyph(st)))\(s.status(st)) \(total.count(st))"
    }
    let countsText = counts.joined(separator: "  ")
    let countsWidth = DisplayWidth.of(countsText)
    let delta = DeltaColumn(width: w)
    let barWidth = max(10, min(40, w - x - 6 - delta.width - countsWidth - 3))
    ProgressBar(
      fraction: total.progress, status: status, showsPercent: false, showsGlyph: true, glyphs: options.glyphs
    ).draw(into: &c, x: x, y: 1, width: barWidth)
    x += barWidth
    x += c.draw(
      " " + TextLayout.pad(Format.percent(total.progress), to: 4, align: .right), x: x, y: 1, role: .text)
    delta.draw(&c, x: x, y: 1, data.totalDelta, s: s, glyphs: options.glyphs)
    x += delta.width + 2
    for (i, st) in Status.allCases.enumerated() {
      guard x < w else { break }
      x += c.draw(counts[i], x: x, y: 1, maxWidth: w - x, role: st.role)
      x += 2
    }

    // The tab bar.
    x = 1
    for t in Tab.available {
      let label = " \(s.tab(t)) "
      x += c.draw(label, x: x, y: 2, maxWidth: max(0, w - x), role: t == app.tab ? .tabActive : .tabInactive)
      x += 1
    }
    // Breadcrumbs from the tab's root page; sort and filter state on the right.
    var state = liveState(data.live, s: s)
    if !app.filter.isEmpty || app.filterEditing { state += "\(s.filter): \(app.filter)  " }
    if case .subCommand = app.page {
      state += s.sort(app.sort) + " "
    } else if case .unit = app.page {
      state += s.sort(app.sort) + " "
    }
    let sw = DisplayWidth.of(state)
    let from = app.stack.lastIndex { $0.page.tabRoot != nil } ?? 0
    let crumbs = app.stack[from...].map { crumb($0.page, data: data, s: s) }
    Breadcrumbs(crumbs, glyphs: options.glyphs).draw(
      into: &c, x: 1, y: 3, width: max(0, w - sw - 2), role: .dim, lastRole: .title)
    c.draw(state, x: w - sw, y: 3, role: .dim)

    // The last reload's error: file, line, what is wrong; the figures stay the last good ones.
    if let first = data.live.errors.first {
      let more = data.live.errors.count - 1
      let text = " ⚠ \(first)"
      // The count of further errors goes with the right-hand part, which is never cut: a long
      // first error must not hide that there are more.
      let count = more > 0 ? s.t("（另有 \(more) 处）", " (+\(more) more)") : ""
      let keep =
        count
        + (data.live.keptFiles.contains(first.file)
          ? s.t(" · 保留上次数据 ", " · kept last good data ") : s.t(" · 此文件未计入 ", " · file left out "))
      let kw = DisplayWidth.of(keep)
      c.fill(row: 4, role: .error)
      c.draw(text, x: 0, y: 4, maxWidth: max(0, w - kw), role: .error, truncation: .ellipsis)
      c.draw(keep, x: max(0, w - kw), y: 4, maxWidth: w, role: .error)
    }
  }

  /// "live · updated 14:03:22" for the breadcrumb line's right side (empty when not live).
  static func liveState(_ live: LiveStatus, s: Strings) -> String {
    let mode: String
    switch live.mode {
    case .off: return ""
    case .watching: mode = s.t("实时", "live")
    case .polling: mode = s.t("实时(轮询)", "live (polling)")
    }
    guard let t = live.updated else { return mode + "  " }
    return mode + " · " + s.t("更新 ", "updated ") + t.description + "  "
  }

  /// Marks a row whose figures just changed: the highlight role on its text and the change
  /// (▲ +3.2% / ▼ −1 分) at the right edge.
  static func changed(_ c: inout Canvas, y: Int, change: RecentChanges.Change, s: Strings, ascii: Bool) {
    c.recolor(row: y) { role in
      switch role {
      case .text, .dim, .title, .key, .border: .highlight
      default: role
      }
    }
    let up = change.delta >= 0
    let arrow = ascii ? (up ? "^" : "v") : (up ? "▲" : "▼")
    let sign = up ? "+" : (ascii ? "-" : "−")
    let amount: String
    switch change.amount {
    case .value(let d, let unit):
      amount = Format.value(abs(d)) + (unit.isEmpty ? "" : unit == "%" ? "%" : " " + unit)
    case .points(let d):
      amount = Format.fixed(abs(d), 1) + " " + s.t("分", "pt")
    }
    let text = " \(arrow) \(sign)\(amount) "
    let tw = DisplayWidth.of(text)
    c.draw(text, x: max(0, c.width - tw), y: y, role: up ? .deltaUp : .deltaDown)
  }

  static func crumb(_ page: Page, data: DashboardData, s: Strings) -> String {
    let c = data.campaign
    switch page {
    case .overview: return s.overviewTab
    case .subCommand(let id):
      guard let n = c.node(id) else { return id }
      return "[\(n.key ?? 0)] \(n.shortName)"
    case .unit(let id): return c.node(id)?.shortName ?? id
    case .indicator(let id): return c.indicator(id)?.name ?? id
    case .task(let id): return c.task(id)?.name ?? id
    case .help: return s.help
    case .brief: return s.t("通报", "Circular")
    case .indicators: return s.tab(.indicators)
    case .problems: return s.tab(.problems)
    case .rankings: return s.tab(.rankings)
    case .audit: return s.tab(.audit)
    case .problem(let id):
      guard let p = c.problems.first(where: { $0.id == id }) else { return id }
      return "\(p.kind) · \(p.place)"
    case .rankHistory(let id): return "\(c.node(id)?.shortName ?? id) \(s.t("排名", "rank history"))"
    }
  }

  /// Marks the selected row: a pointer in the gutter and the selection role on the row's label
  /// — its first run of text, up to a dim column or a bar, trailing blanks left out. The bars
  /// keep their colours, and a move re-sends only two labels: a few dozen bytes per key on a
  /// live screen instead of two whole rows.
  static func highlight(_ c: inout Canvas, y: Int, ascii: Bool) {
    c.draw(String((ascii ? GlyphSet.ascii : GlyphSet.unicode).selectionMarker), x: 0, y: y, role: .selection)
    guard y >= 0, y < c.height, c.width > 1 else { return }
    var x = 1
    while x < c.width, c[x, y].text == " " { x += 1 }
    guard x < c.width else { return }
    let start = x
    // A row that starts with a dim column (a date) keeps going through dim text.
    let throughDim = c[x, y].role == .dim
    var last = start - 1
    while x < c.width {
      let cell = c[x, y]
      if isBar(cell.role) || (cell.role == .dim && !throughDim) { break }
      if cell.text != " " { last = x }
      x += 1
    }
    guard last >= start else { return }
    for x in start...last {
      var cell = c[x, y]
      guard [.text, .dim, .title, .key, .border].contains(cell.role) else { continue }
      cell.role = .selection
      c.replace(cell, x: x, y: y)
    }
  }

  static func isBar(_ role: StyleRole) -> Bool {
    switch role {
    case .done, .onTrack, .behind, .atRisk, .overdue, .barTrack: true
    default: false
    }
  }

  /// An arrow at the right edge when there is more above or below.
  static func scrollHint(_ c: inout Canvas, plan: NavigationPlan, scroll: Int, ascii: Bool) {
    guard plan.bodyHeight > 0 else { return }
    if scroll > 0 { c.draw(ascii ? "^" : "▲", x: c.width - 1, y: plan.bodyTop, role: .dim) }
    if scroll + plan.bodyHeight < plan.lineCount {
      c.draw(ascii ? "v" : "▼", x: c.width - 1, y: plan.bodyTop + plan.bodyHeight - 1, role: .dim)
    }
  }

  static func footer(_ c: inout Canvas, app: App, s: Strings, glyphs: GlyphSet) {
    let y = c.height - 1
    c.fill(row: y, role: .dim)
    if app.filterEditing {
      c.draw(
        " \(s.filter): \(app.filter)▏  Enter \(s.t("确定", "apply"))  Esc \(s.t("取消", "cancel"))", x: 0, y: y,
        role: .key)
      return
    }
    if let r = app.rotation {
      let text =
        " \(s.t("轮播中", "rotating")) · \(s.t("每", "every")) \(Format.value(r.interval))\(s.t(" 秒", "s")) · \(s.t("按任意键停止", "press any key to stop")) "
      c.draw(text, x: 1, y: y, maxWidth: c.width - 2, role: .highlight)
      return
    }
    // (key, label, priority): the lowest priorities go first when the line is too narrow.
    var keys: [(String, String, Int)] = []
    if app.page == .problems {
      keys += [("f", s.t("状态", "state"), 9), ("g", s.subCommand, 9), ("o", s.t("来源", "source"), 9)]
    } else {
      keys.append(("1-8", s.subCommand, 5))
    }
    keys += [("↑↓", s.t("移动", "move"), 3), ("Enter", s.t("进入", "open"), 6)]
    if app.stack.count > 1 { keys.append(("Esc", s.t("返回", "back"), 7)) }
    keys += [
      ("Tab", s.t("标签页", "tabs"), 8), ("[ ]", s.t("周", "week"), 7), ("{ }", s.t("调度会", "meeting"), 4),
      ("n", s.t("下一分指", "next"), 2), ("a", s.t("轮播", "rotate"), 1), ("/", s.filter, 5),
      ("s", s.t("排序", "sort"), 1),
      ("?", s.help, 10), ("q", s.t("退出", "quit"), 10),
    ]
    let width = c.width - 2
    func fits(_ list: [(String, String, Int)]) -> Bool {
      KeyHints(list.map { (key: $0.0, label: $0.1) }, glyphs: glyphs).layout(width: width).count == list.count
    }
    while !fits(keys), let low = keys.indices.min(by: { keys[$0].2 < keys[$1].2 }) { keys.remove(at: low) }
    KeyHints(keys.map { (key: $0.0, label: $0.1) }, glyphs: glyphs).draw(
      into: &c, x: 1, y: y, width: width, keyRole: .key, labelRole: .dim)
  }
}

extension Canvas {
  /// Changes the role of every cell in a row through `map`, keeping the text.
  mutating func recolor(row y: Int, _ map: (StyleRole) -> StyleRole) {
    guard y >= 0, y < height else { return }
    for x in 0..<width {
      var cell = self[x, y]
      let r = map(cell.role)
      if r != cell.role {
        cell.role = r
        replace(cell, x: x, y: y)
      }
    }
  }

  /// Paints a whole row blank in `role` (a bar of colour for headers and footers).
  mutating func fill(row y: Int, role: StyleRole) {
    for x in 0..<width { put(Cell(text: " ", width: 1, role: role), x: x, y: y) }
  }

}
