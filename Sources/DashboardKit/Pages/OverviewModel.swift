import CampaignKit

/// 指挥体系: the top of the command (leading group, headquarters, office, with their leaders),
/// the eight sub-commands with bar, change, points, what needs attention and trend, the ledger
/// at a glance, and the indicators that moved most since the previous meeting.
enum OverviewModel {
  static func build(_ ctx: PageContext) -> PageModel {
    let c = ctx.campaign
    let s = ctx.s
    var m = PageModel()
    let label: [NodeKind: String] = [
      .leadingGroup: s.leadingGroup, .headquarters: s.headquarters, .office: s.office,
    ]
    for n in c.nodes where label[n.kind] != nil {
      m.fact(label[n.kind]!, [n.name, ctx.leaders(n)].filter { !$0.isEmpty }.joined(separator: "  "))
    }
    var t = PageTable([
      PageColumn("key", s.keyHeader, min: 3),
      PageColumn("name", s.subCommand, min: 8, max: 28),
      PageColumn("liaison", s.liaison, min: 12, max: 24, priority: 8),
      PageColumn("progress", s.progress, min: 20, max: 48, flex: 1, priority: 1),
      PageColumn("percent", s.percentSign, min: 4, align: .right),
      PageColumn("change", s.sinceLast, min: 5, priority: 3, align: .right),
      PageColumn("earned", s.earnedHeader, min: 7, priority: 2, align: .right),
      PageColumn("needsAttention", s.needsAttention, min: 4, priority: 1, align: .right),
      PageColumn("trend", s.lastWeeks, min: 8, priority: 7),
    ])
    t.rows = c.subCommands.map { sc in
      let agg = ctx.standing.subCommand(sc.id)
      let mark = ctx.mark(agg)
      let n = ctx.data.needsAttention(subCommand: sc.id)
      return PageRow(
        [
          .key(sc.key ?? 0), .name(sc.name, short: sc.short),
          .text(sc.leaders.first?.title ?? "", role: .dim),
          .bar(agg.progress, mark: mark, glyph: true), .percent(agg.progress),
          .delta(ctx.data.subCommandDelta(sc.id)?.points, unit: .points), .points(agg.earned, of: agg.points),
          .count(n, role: n > 0 ? .behind : .dim),
          .sparkline(ctx.data.subCommandTrend(sc.id).map { $0 }, mark: mark),
        ], target: .subCommand(sc.id), filter: sc.name + " " + (sc.short ?? ""))
    }
    m.table(t)
    m.gap()
    let r = ctx.standing.rectification(of: c.units.map(\.id))
    m.fact(
      s.problems,
      "\(s.fixRate) \(Format.rate(r.rate)) (\(r.fixedOnTime)/\(r.due))  ·  \(s.overdue) \(r.overdue)  ·  \(s.open) \(r.open)"
    )
    m.fact(s.missingReports, "\(MissingModel.summary(ctx))  ·  \(s.reportingWeek(ctx.data.reportingWeek))")
    m.blocks += movers(ctx)
    return m
  }

  /// The indicators that moved most since the previous meeting: gainers beside losers (3 each
  /// below 40 rows, 5 from 40).
  static func movers(_ ctx: PageContext) -> [PageModel.Block] {
    let s = ctx.s
    guard let since = ctx.data.previousMeeting else { return [] }
    let (up, down) = ctx.data.movers(ctx.app.height >= 40 ? 5 : 3)
    var t = PageTable([
      PageColumn("gain", s.gainSince(Format.shortDate(since)), min: 6, align: .right),
      PageColumn("gainer", s.indicatorHeader, min: 8, flex: 1),
      PageColumn("loss", s.lossHeader, min: 6, align: .right),
      PageColumn("loser", s.indicatorHeader, min: 8, flex: 1),
    ])
    let c = ctx.campaign
    for k in 0..<max(up.count, down.count) {
      let u = k < up.count ? up[k] : nil
      let d = k < down.count ? down[k] : nil
      t.rows.append(
        PageRow(
          [
            u.map { .delta($0.delta.points, unit: .points) } ?? .empty,
            u.map { .name(c.indicators[$0.index].name, short: nil) } ?? .empty,
            d.map { .delta($0.delta.points, unit: .points) } ?? .empty,
            d.map { .name(c.indicators[$0.index].name, short: nil) } ?? .empty,
          ], selectable: false))
    }
    if t.rows.isEmpty { return [.gap, .paragraph(s.noChangeSince(since.description))] }
    return [.gap, .table(t)]
  }
}
