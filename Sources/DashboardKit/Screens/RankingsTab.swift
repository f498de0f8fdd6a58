import CampaignKit

/// 红黑榜: the ranking at the as-of meeting (the last meeting on or before the as-of date) by
/// rectification rate, indicator progress breaking ties; the red list, the black list with each
/// unit's escalation level, then every ranked unit. Enter opens a unit's rank history.
enum RankingsTab {
  static func lines(_ ctx: PageContext) -> [ScreenLine] {
    let s = ctx.s
    let r = ctx.data.ranking
    let rules = r.rules
    var lines: [ScreenLine] = []
    let isMeeting = ctx.campaign.info.meetings.contains(r.meeting)
    let title =
      isMeeting
      ? s.t("第\(r.meetingNumber)次调度会 \(r.meeting)", "Meeting \(r.meetingNumber), \(r.meeting)")
      : s.t("\(r.meeting)（非调度会日）", "\(r.meeting) (no meeting)")
    lines.append(headingLine(title, note: s.t("按整改率排名，并列按牵头指标进度", "by fix rate; ties by indicator progress")))
    let since = r.previousMeeting.map { s.t("排名变化较 \($0)", "rank change since \($0)") } ?? ""
    lines.append(
      infoLine(
        "",
        s.t("\(r.ranked.count) 个单位参与排名", "\(r.ranked.count) units ranked")
          + (r.unranked.isEmpty
            ? "" : s.t(" · \(r.unranked.count) 个尚无到期问题", " · \(r.unranked.count) with nothing due"))
          + (since.isEmpty ? "" : " · " + since), role: .dim))
    let layout = Layout(ctx: ctx, units: r.ranked.map(\.unit))
    lines.append(.blank)
    lines.append(headingLine("\(s.t("红榜", "Red list")) (\(r.red.count)/\(rules.redListSize))"))
    if r.red.isEmpty { lines.append(infoLine("", s.none, role: .dim)) }
    lines += r.red.map { layout.line($0) }
    lines.append(.blank)
    lines.append(
      headingLine(
        "\(s.t("黑榜", "Black list")) (\(r.black.count)/\(rules.blackListSize))",
        note: rules.escalation.isEmpty
          ? "" : s.t("连续上榜：", "in a row: ") + rules.escalation.joined(separator: " → ")))
    if r.black.isEmpty { lines.append(infoLine("", s.none, role: .dim)) }
    lines += r.black.map { layout.line($0) }
    lines.append(.blank)
    lines.append(headingLine("\(s.t("全部排名", "All ranked")) (\(r.ranked.count))"))
    lines += r.ranked.map { layout.line($0) }
    return lines
  }

  struct Layout {
    let ctx: PageContext
    let nameWidth: Int
    let barWidth: Int
    let escalationWidth: Int

    init(ctx: PageContext, units: [String]) {
      self.ctx = ctx
      let names = units.compactMap { ctx.campaign.node($0)?.name }
      nameWidth = min(ctx.width >= 100 ? 26 : 16, names.map { DisplayWidth.of($0) }.max() ?? 8)
      escalationWidth = ctx.width >= 100 ? 20 : 14
      // rank 4, mark 5, name, bar, rate 5, fixed/due 8, progress 6, change 5, escalation
      barWidth = max(6, min(30, ctx.width - 2 - 4 - 5 - nameWidth - 1 - 5 - 8 - 6 - 5 - escalationWidth - 2))
    }

    func line(_ e: RankEntry) -> ScreenLine {
      let node = ctx.campaign.node(e.unit)
      return .row(
        target: .rankHistory(e.unit), filter: (node?.name ?? "") + " " + (node?.short ?? "") + " " + e.unit,
        subject: e.unit
      ) {
        c, y, _ in self.draw(&c, y: y, e)
      }
    }

    func draw(_ c: inout Canvas, y: Int, _ e: RankEntry) {
      let s = ctx.s
      let r = ctx.data.ranking
      var x = 2
      c.draw(TextLayout.pad("\(e.rank)", to: 3, align: .right), x: x, y: y, role: .title)
      x += 4
      switch r.mark(e.unit) {
      case .red: c.draw(s.t("红榜", "RED"), x: x, y: y, role: .done)
      case .black: c.draw(s.t("黑榜", "BLK"), x: x, y: y, role: .overdue)
      case nil: break
      }
      x += 5
      c.draw(
        ctx.campaign.node(e.unit)?.name ?? e.unit, x: x, y: y, maxWidth: nameWidth, role: .text,
        truncation: .ellipsis)
      x += nameWidth + 1
      ProgressBar(fraction: e.rate, status: nil, showsPercent: false, showsGlyph: false, glyphs: ctx.glyphs)
        .draw(into: &c, x: x, y: y, width: barWidth)
      x += barWidth
      let role: StyleRole = e.rate < 0.85 ? .atRisk : e.rate < 0.9 ? .behind : .done
      c.draw(TextLayout.pad(Format.percent(e.rate), to: 5, align: .right), x: x, y: y, role: role)
      x += 5
      c.draw(
        TextLayout.pad("\(e.rectification.fixedOnTime)/\(e.rectification.due)", to: 8, align: .right), x: x,
        y: y, role: .dim)
      x += 8
      c.draw(
        TextLayout.pad(e.leadsIndicators ? Format.percent(e.progress) : "—", to: 6, align: .right), x: x,
        y: y, role: .dim)
      x += 6
      if let ch = r.rankChange(e.unit) {
        let text = ch == 0 ? "—" : "\(String(ch > 0 ? ctx.glyphs.arrowUp : ctx.glyphs.arrowDown))\(abs(ch))"
        c.draw(
          TextLayout.pad(text, to: 5, align: .right), x: x, y: y,
          role: ch > 0 ? .deltaUp : ch < 0 ? .deltaDown : .dim)
      }
      x += 5 + 2
      if let esc = r.escalation(e.unit) {
        c.draw(
          escalationText(esc, s: s), x: x, y: y, maxWidth: escalationWidth,
          role: esc.level >= 1 ? .overdue : .atRisk)
      }
    }
  }

  /// `约谈 首次`, `问责 连续4次`.
  static func escalationText(_ e: Escalation, s: Strings) -> String {
    let name = e.name.isEmpty ? s.t("上榜", "listed") : e.name
    return e.consecutive == 1
      ? s.t("\(name) 首次", "\(name) 1st") : s.t("\(name) 连续\(e.consecutive)次", "\(name) \(e.consecutive)×")
  }

  /// A unit's place at every meeting so far, newest first, with a sparkline of its rate.
  static func historyLines(_ ctx: PageContext, id: String) -> [ScreenLine] {
    let s = ctx.s
    let c = ctx.campaign
    guard let node = c.node(id) else { return [infoLine("", "?")] }
    let r = ctx.data.ranking
    let h = r.history(id)
    var lines: [ScreenLine] = [headingLine(node.name, note: s.t("历次调度会排名", "rank at every meeting"))]
    lines.append(
      .row(target: .unit(id), filter: "") { canvas, y, width in
        let x = 2 + canvas.draw(s.t("打开单位页", "open the unit page") + " ", x: 2, y: y, role: .dim)
        canvas.draw(
          c.subCommandOfUnit[id].flatMap(c.node).map { "[\($0.key ?? 0)] \($0.shortName)" } ?? "", x: x, y: y,
          maxWidth: max(0, width - x - 1), role: .text)
      })
    let rates = h.map(\.rate)
    lines.append(
      infoLine(
        s.t("整改率", "Fix rate"), Sparkline(rates.suffix(24).map { $0 }, scale: .unit, glyphs: ctx.glyphs).text,
        role: .text))
    lines.append(.blank)
    for p in h.reversed() {
      lines.append(
        .text { canvas, y, width in
          var x = 2
          x += canvas.draw(TextLayout.pad("\(p.meeting)", to: 12), x: x, y: y, role: .dim)
          if let rank = p.rank {
            x += canvas.draw(
              TextLayout.pad(s.t("第\(rank)/\(p.of)名", "#\(rank) of \(p.of)"), to: 12), x: x, y: y, role: .text
            )
            x += canvas.draw(
              TextLayout.pad(Format.rate(p.rate), to: 6, align: .right), x: x, y: y, role: .text)
          } else {
            x += canvas.draw(TextLayout.pad(s.t("未排名", "not ranked"), to: 18), x: x, y: y, role: .dim)
          }
          x += 2
          switch p.mark {
          case .red: x += canvas.draw(s.t("红榜", "red list"), x: x, y: y, role: .done)
          case .black: x += canvas.draw(s.t("黑榜", "black list"), x: x, y: y, role: .overdue)
          case nil: break
          }
          if let e = p.escalation {
            canvas.draw(
              "  " + escalationText(e, s: s), x: x, y: y, maxWidth: max(0, width - x - 1), role: .overdue)
          }
        })
    }
    return lines
  }
}
