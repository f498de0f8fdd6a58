import CampaignKit

/// 催报: the units that owe a report for the as-of week and have none dated in it, by
/// sub-command (whose liaison chases them), the longest silence first, with the date each last
/// reported. The same list, per sub-command, sits on each sub-command page; its count on the
/// overview.
enum MissingModel {
  static func build(_ ctx: PageContext) -> PageModel {
    let c = ctx.campaign
    let s = ctx.s
    let data = ctx.data
    var m = PageModel()
    m.heading(s.missingReports, note: s.reportingWeek(data.reportingWeek))
    m.paragraph(summary(ctx), role: .text)
    m.gap()
    guard !data.missing.isEmpty else {
      m.paragraph(s.everyoneReported)
      return m
    }
    var t = PageTable([
      PageColumn("subCommand", s.subCommand, min: 8, max: 24, priority: 1),
      PageColumn("unit", s.unitHeader, min: 8, max: 30),
      PageColumn("weeksInARow", s.weeksInARowHeader, min: 4, align: .right),
      PageColumn("lastReported", s.lastReportedHeader, min: 5),
    ])
    let groups: [String?] = c.subCommands.map(\.id) + [nil]
    for sc in groups {
      let mine = sc.map { data.missing(subCommand: $0) } ?? data.missing.filter { $0.subCommand == nil }
      for r in mine {
        let scNode = sc.flatMap(c.node)
        t.rows.append(
          row(
            ctx, r,
            leading: [
              scNode.map { .name(ctx.keyed($0), short: ctx.keyed($0, short: true), role: .dim) }
                ?? .text(s.unassigned, role: .dim)
            ]))
      }
    }
    m.table(t)
    return m
  }

  /// `12/60 个单位`: how many of the units that owe a report have not.
  static func summary(_ ctx: PageContext) -> String {
    ctx.s.missingCount(ctx.data.missing.count, of: ctx.data.reportingUnitCount)
  }

  /// One silent unit: name, weeks in a row (two or more in the overdue colour), last report.
  static func row(_ ctx: PageContext, _ r: MissingReport, leading: [PageCell] = []) -> PageRow {
    let n = ctx.campaign.node(r.unit)
    return PageRow(
      leading + [
        .name(n?.name ?? r.unit, short: n?.short),
        .count(r.weeksInARow, role: r.weeksInARow > 1 ? .overdue : .behind),
        r.lastReported.map { .date($0, role: .dim) } ?? .text(ctx.s.neverReported, role: .dim),
      ], target: .unit(r.unit), filter: (n?.name ?? r.unit) + " " + (n?.short ?? "") + " " + r.unit)
  }

  /// The sub-command page's section: its silent units, or a line saying there are none.
  static func section(_ ctx: PageContext, subCommand id: String) -> [PageModel.Block] {
    let s = ctx.s
    let mine = ctx.data.missing(subCommand: id)
    var t = PageTable([
      PageColumn("unit", s.unitHeader, min: 8, max: 30),
      PageColumn("weeksInARow", s.weeksInARowHeader, min: 4, align: .right),
      PageColumn("lastReported", s.lastReportedHeader, min: 5),
    ])
    t.rows = mine.map { row(ctx, $0) }
    let head = PageModel.Block.heading(
      "\(s.missingReports) (\(mine.count))", note: s.reportingWeek(ctx.data.reportingWeek))
    return mine.isEmpty ? [.gap, head, .paragraph(s.everyoneReported)] : [.gap, head, .table(t)]
  }
}
