import CampaignKit

/// A sub-command (keys 1–8): its liaison, its units, then its indicators — needing attention first by
/// default.
enum SubCommandModel {
  static func build(_ ctx: PageContext, id: String) -> PageModel {
    let c = ctx.campaign
    let s = ctx.s
    var m = PageModel()
    guard let node = c.node(id) else { return missing(s) }
    let agg = ctx.standing.subCommand(id)
    let units = CommonTables.sorted(ctx.data.units(under: id), ctx: ctx)
    let indicators = ctx.data.lists.indicators(of: id, ctx.app.sort)
    let r = ctx.standing.rectification(of: units.map(\.id))
    m.heading(ctx.keyed(node), note: ctx.leaders(node))
    m.paragraph(
      "\(s.indicatorCount(indicators.count)) · \(Format.points(agg.earned))/\(Format.points(agg.points)) \(s.pointsUnit) · \(s.needsAttention) \(ctx.data.needsAttention(subCommand: id)) · \(s.fixRate) \(Format.rate(r.rate)) · \(s.overdue) \(r.overdue)",
      role: .text)
    m.gap()
    m.table(CommonTables.units(ctx, units, header: "\(s.units) (\(units.count))"))
    m.blocks += MissingModel.section(ctx, subCommand: id)
    m.gap()
    m.heading("\(s.indicators) (\(indicators.count))", note: s.sort(ctx.app.sort))
    m.table(CommonTables.indicators(ctx, indices: indicators, header: s.indicatorHeader))
    return m
  }

  static func missing(_ s: Strings) -> PageModel { PageModel(blocks: [.paragraph(s.notFound, role: .error)]) }
}
