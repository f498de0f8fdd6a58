import CampaignKit

/// 通报, the weekly circular: the total and its change since the previous meeting, the eight
/// sub-commands with bar, change and what needs attention, each sub-command's indicators that
/// need attention, the units with overdue problems, and the red and black lists. All figures
/// come from ``Brief``; a later masthead, 未报送 list or escalation steps are more blocks here.
enum BriefModel {
  static func build(_ ctx: PageContext) -> PageModel { build(ctx, brief: Brief(ctx)) }

  static func build(_ ctx: PageContext, brief b: Brief) -> PageModel {
    let s = ctx.s
    let f = CellFormat(s: s, glyphs: ctx.glyphs, medium: .paper)
    var m = PageModel()
    let prev = b.previousMeeting.map { "\(s.previousMeeting) \($0)" } ?? s.noEarlierMeeting
    m.heading(s.circularTitle, note: "\(s.asOf) \(b.asOf) · \(prev)")
    var total =
      "\(s.total) \(Format.points(b.total.earned))/\(Format.points(b.total.points)) · \(Format.percent(b.total.progress, digits: 1))"
    if let p = b.totalPrevious {
      total +=
        " · \(s.sinceLast) \(f.delta(b.total.earned - p.earned, .points)) (\(f.delta(b.total.progress - p.progress, .percentPoints)))"
    }
    m.paragraph(total, role: .title)
    m.gap()
    var t = PageTable([
      PageColumn("key", s.keyHeader, min: 3),
      PageColumn("name", s.subCommand, min: 8, max: 28),
      PageColumn("progress", s.progress, min: 16, max: 48, flex: 1, priority: 1),
      PageColumn("percent", s.percentSign, min: 4, align: .right),
      PageColumn("change", s.sinceLast, min: 5, align: .right),
      PageColumn("needsAttention", s.needsAttention, min: 4, align: .right),
    ])
    t.rows = b.subCommands.map { line in
      let n = line.lagging.count
      return PageRow(
        [
          .key(line.node.key ?? 0), .name(line.node.name, short: line.node.short),
          .bar(line.now.progress, mark: StatusMark(line.status), glyph: true), .percent(line.now.progress),
          .delta(line.previous.map { line.now.progress - $0.progress }, unit: .percentPoints),
          .count(n, role: n > 0 ? .behind : .dim),
        ], target: .subCommand(line.node.id), filter: line.node.name)
    }
    m.table(t)
    for line in b.subCommands where !line.lagging.isEmpty {
      m.gap()
      m.heading("\(ctx.keyed(line.node)) · \(s.needsAttention) (\(line.lagging.count))")
      m.table(CommonTables.indicators(ctx, line.lagging, header: s.indicatorHeader))
    }
    m.gap()
    let units = b.overdueUnits.map(\.node)
    m.heading("\(s.unitsWithOverdue) (\(units.count))", note: units.isEmpty ? s.none : "")
    if !units.isEmpty { m.table(CommonTables.units(ctx, units, header: s.units)) }
    for list in b.lists {
      m.gap()
      m.heading(list.title)
      m.table(RankingsModel.table(ctx, list.entries))
    }
    return m
  }
}
