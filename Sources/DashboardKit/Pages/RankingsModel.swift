import CampaignKit

/// 红黑榜: the ranking at the as-of meeting by rectification rate, indicator progress breaking
/// ties; the red list, the black list with each unit's escalation, then every ranked unit.
enum RankingsModel {
  static func build(_ ctx: PageContext) -> PageModel {
    let s = ctx.s
    let r = ctx.data.ranking
    let rules = r.rules
    var m = PageModel()
    m.heading(MeetingData.meetingTitle(ctx), note: s.rankingRule)
    var summary = s.unitsRanked(r.ranked.count)
    if !r.unranked.isEmpty { summary += " · " + s.unitsNothingDue(r.unranked.count) }
    if let p = r.previousMeeting { summary += " · " + s.rankChangeSince(p.description) }
    m.paragraph(summary)
    m.gap()
    m.heading("\(s.redList) (\(r.red.count)/\(rules.redListSize))")
    if r.red.isEmpty { m.paragraph(s.none) } else { m.table(table(ctx, r.red)) }
    m.gap()
    m.heading(
      "\(s.blackList) (\(r.black.count)/\(rules.blackListSize))",
      note: rules.escalation.isEmpty
        ? "" : s.inARow + rules.escalation.map(s.escalationName).joined(separator: " → "))
    if r.black.isEmpty { m.paragraph(s.none) } else { m.table(table(ctx, r.black)) }
    m.gap()
    m.heading("\(s.allRanked) (\(r.ranked.count))")
    m.table(table(ctx, r.ranked))
    return m
  }

  static func table(_ ctx: PageContext, _ entries: [RankEntry]) -> PageTable {
    let s = ctx.s
    let r = ctx.data.ranking
    var t = PageTable([
      PageColumn("rank", s.rankHeader, min: 4, align: .right),
      PageColumn("list", s.listHeader, min: 4),
      PageColumn("name", s.unitHeader, min: 8, max: 40),
      PageColumn("bar", s.fixRate, min: 8, max: 30, flex: 1, priority: 2),
      PageColumn("rate", s.percentSign, min: 4, align: .right),
      PageColumn("fixedOnTime", s.fixedOnTimeOfDue, min: 5, priority: 1, align: .right),
      PageColumn("progress", s.ledShort, min: 4, priority: 3, align: .right),
      PageColumn("rankChange", s.rankChangeHeader, min: 4, priority: 4, align: .right),
      PageColumn("escalation", s.escalationHeader, min: 6, max: 40),
    ])
    t.rows = entries.map { e in
      let node = ctx.campaign.node(e.unit)
      let mark = r.mark(e.unit)
      let esc = r.escalation(e.unit)
      return PageRow(
        [
          .count(e.rank, role: .title),
          mark.map { .text($0 == .red ? s.redMark : s.blackMark, role: $0 == .red ? .done : .overdue) }
            ?? .empty,
          .name(node?.name ?? e.unit, short: node?.short), .bar(e.rate, mark: nil),
          .percent(e.rate, role: e.rate < 0.85 ? .atRisk : e.rate < 0.9 ? .behind : .done),
          .ratio(e.rectification.fixedOnTime, e.rectification.due),
          e.leadsIndicators ? .percent(e.progress, role: .dim) : .empty,
          r.rankChange(e.unit).map { .delta(Double($0), unit: .places) } ?? .empty,
          esc.map { .text(escalationText($0, s: s), role: $0.level >= 1 ? .overdue : .atRisk) } ?? .empty,
        ], target: .rankHistory(e.unit), subject: e.unit,
        filter: (node?.name ?? "") + " " + (node?.short ?? "") + " " + e.unit)
    }
    return t
  }

  /// `约谈 首次`, `问责 连续4次`.
  static func escalationText(_ e: Escalation, s: Strings) -> String {
    s.escalation(e.name.isEmpty ? s.listed : s.escalationName(e.name), times: e.consecutive)
  }

  /// A unit's place at every meeting so far, newest first, with a sparkline of its rate.
  static func history(_ ctx: PageContext, id: String) -> PageModel {
    let s = ctx.s
    let c = ctx.campaign
    guard let node = c.node(id) else { return SubCommandModel.missing(s) }
    let h = ctx.data.ranking.history(id)
    var m = PageModel()
    m.heading(node.name, note: s.rankAtEveryMeeting)
    var link = PageTable([
      PageColumn("page", s.openPage, min: 6), PageColumn("subCommand", s.subCommand, min: 8, flex: 1),
      PageColumn("trend", s.fixRate, min: 8, flex: 1),
    ])
    link.rows = [
      PageRow(
        [
          .name(node.name, short: node.short),
          .text(c.subCommandOfUnit[id].flatMap(c.node).map { ctx.keyed($0, short: true) } ?? "", role: .dim),
          .sparkline(h.map(\.rate).suffix(24).map { $0 }, mark: nil),
        ], target: .unit(id))
    ]
    m.table(link)
    m.gap()
    var t = PageTable([
      PageColumn("meeting", s.meetingHeader, min: 10),
      PageColumn("rank", s.rankHeader, min: 4, align: .right),
      PageColumn("of", s.rankedOfHeader, min: 4, align: .right),
      PageColumn("rate", s.fixRate, min: 4, align: .right),
      PageColumn("list", s.listHeader, min: 4),
      PageColumn("escalation", s.escalationHeader, min: 6, flex: 1),
    ])
    t.rows = h.reversed().map { p in
      PageRow(
        [
          .text(p.meeting.description, role: .dim),
          p.rank.map { .count($0) } ?? .text(s.notRanked, role: .dim),
          .count(p.of, role: .dim), .percent(p.rate),
          p.mark.map { .text($0 == .red ? s.redMark : s.blackMark, role: $0 == .red ? .done : .overdue) }
            ?? .empty,
          p.escalation.map { .text(escalationText($0, s: s), role: .overdue) } ?? .empty,
        ], selectable: false)
    }
    m.table(t)
    return m
  }
}
