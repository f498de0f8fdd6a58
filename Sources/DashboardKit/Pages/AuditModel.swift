import CampaignKit

/// 责任落实: the blind spots of the responsibility audit, then the points each sub-command
/// answers for in each category, so gaps and overloads show at a glance.
enum AuditModel {
  static func build(_ ctx: PageContext) -> PageModel {
    let c = ctx.campaign
    let s = ctx.s
    let gaps = ResponsibilityAudit.run(c)
    var m = PageModel()
    m.heading("\(s.blindSpots) (\(gaps.count))", note: s.auditMotto)
    var t = PageTable([
      PageColumn("kind", s.gapHeader, min: 8),
      PageColumn("subject", s.subjectHeader, min: 10, max: 40, flex: 1),
      PageColumn("detail", s.detailHeader, min: 6, flex: 1, priority: 1),
    ])
    let warn = StatusMark.atRisk
    for g in gaps {
      switch g.kind {
      case .indicatorWithoutLead(let id):
        let ind = c.indicator(id)
        let sc = ind.flatMap { c.node($0.subCommand) }.map { ctx.keyed($0, short: true) } ?? ""
        t.rows.append(
          PageRow(
            [
              .text(s.noLeadUnit, role: warn.role), .name(ind?.name ?? id, short: nil),
              .text("\(Format.points(ind?.points ?? 0))\(s.pointsUnit) · \(sc)", role: .dim),
            ],
            target: .indicator(id), filter: s.noLeadUnit + " " + (ind?.name ?? id)))
      case .unitWithoutResponsibility(let id):
        let n = c.node(id)
        t.rows.append(
          PageRow(
            [
              .text(s.noShare, role: warn.role), .name(n?.name ?? id, short: n?.short),
              .text(s.leadsOrSupportsNothing, role: .dim),
            ],
            target: .unit(id), filter: s.noShare + " " + (n?.name ?? id)))
      case .taskWithoutDeadline(let id):
        t.rows.append(
          PageRow(
            [.text(s.noDeadline, role: warn.role), .name(c.task(id)?.name ?? id, short: nil), .empty],
            target: .task(id), filter: s.noDeadline + " " + (c.task(id)?.name ?? id)))
      case .pointsMismatch(let sum, let declared):
        t.rows.append(
          PageRow(
            [.text(s.pointsMismatch, role: warn.role), .points(sum, of: declared), .empty], selectable: false)
        )
      }
    }
    if gaps.isEmpty { m.paragraph(s.noBlindSpots, role: .done) } else { m.table(t) }
    m.gap()
    m.blocks += matrix(ctx)
    return m
  }

  /// Points owned by each sub-command in each category, the points nobody leads, the totals.
  /// A sub-command carrying more than 1.5× the average is marked heavy; one owning nothing, a gap.
  static func matrix(_ ctx: PageContext) -> [PageModel.Block] {
    let c = ctx.campaign
    let s = ctx.s
    let figures = MeetingData.AuditMatrix(ctx)
    let cats = c.categories
    // Below 120 columns the categories are headed by two characters, with a legend below.
    let abbreviate = ctx.width < 120
    func label(_ cat: CampaignKit.Category) -> String {
      abbreviate ? String(cat.shortName.prefix(2)) : cat.shortName
    }
    var columns = [PageColumn("subCommand", s.subCommand, min: 8, max: 40)]
    columns += cats.map { PageColumn($0.id, label($0), min: 4, max: 10, align: .right) }
    columns += [
      PageColumn("total", s.totalHeader, min: 5, align: .right), PageColumn("note", s.noteHeader, min: 4),
    ]
    var t = PageTable(columns)
    func cells(_ values: [Double], total: Double, role: StyleRole) -> [PageCell] {
      values.map { $0 > 0 ? .text(Format.points($0), role: role) : .text("·", role: .dim) }
        + [.text(Format.points(total), role: .title)]
    }
    for (k, sc) in c.subCommands.enumerated() {
      let note = figures.note(k)
      t.rows.append(
        PageRow(
          [.name(ctx.keyed(sc), short: ctx.keyed(sc, short: true))]
            + cells(figures.owned[k], total: figures.totals[k], role: .text)
            + [
              note.map { .text($0 == "gap" ? s.gap : s.heavy, role: $0 == "gap" ? .overdue : .behind) }
                ?? .empty
            ],
          target: .subCommand(sc.id), filter: sc.name + " " + (sc.short ?? "")))
    }
    let blind = figures.noLead.reduce(0, +)
    t.rows.append(
      PageRow(
        [.text(s.ofWhichNoLead, role: blind > 0 ? .atRisk : .dim)]
          + cells(figures.noLead, total: blind, role: .atRisk) + [.empty], selectable: false))
    t.rows.append(
      PageRow(
        [.text(s.totalHeader, role: .title)]
          + cells(figures.categoryTotals, total: figures.categoryTotals.reduce(0, +), role: .title) + [
            .empty
          ],
        selectable: false))
    var blocks: [PageModel.Block] = [.heading(s.matrixTitle, note: s.matrixNote), .table(t)]
    if abbreviate {
      blocks.append(.paragraph(cats.map { "\(label($0))=\($0.shortName)" }.joined(separator: " ")))
    }
    return blocks
  }
}
