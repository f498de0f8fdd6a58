import CampaignKit

/// 网格化管理 on a community's page: its grid cells (网格) with their leaders by title (网格长,
/// 网格员), and each cell's problems on the as-of date — open, overdue, awaiting verification —
/// and its rectification rate, by the same closed-loop rule as every other rate. Enter on a cell
/// opens its page: the cell's problems in the ledger's order, each opening the problem.
enum GridModel {
  /// The section for the unit `id`, or nothing when it has no grid cells.
  static func section(_ ctx: PageContext, unit id: String) -> [PageModel.Block] {
    let cells = ctx.campaign.gridCells(under: id)
    guard !cells.isEmpty else { return [] }
    let s = ctx.s
    var t = PageTable([
      PageColumn("grid", s.gridHeader, min: 6, max: 20),
      PageColumn("leaders", s.gridLeaders, min: 8, max: 36, flex: 1, priority: 2),
      PageColumn("open", s.open, min: 4, align: .right),
      PageColumn("overdue", s.overdue, min: 4, align: .right),
      PageColumn("awaitingVerification", s.stage(.awaitingVerification), min: 6, align: .right),
      PageColumn("rate", s.fixRate, min: 4, align: .right),
      PageColumn("fixedOnTime", s.fixedOnTimeOfDue, min: 5, priority: 1, align: .right),
    ])
    t.rows = cells.map { g in
      let r = ctx.standing.grids[g.id] ?? Rectification()
      return PageRow(
        [
          .name(g.name, short: g.short), .text(ctx.leaders(g), role: .dim),
          .count(r.open, role: r.open > 0 ? .behind : .dim),
          .count(r.overdue, role: r.overdue > 0 ? .overdue : .dim),
          .count(r.awaitingVerification, role: r.awaitingVerification > 0 ? .behind : .dim),
          .percent(r.rate, role: CommonTables.rateRole(r.rate)), .ratio(r.fixedOnTime, r.due),
        ], target: .grid(g.id), filter: g.name + " " + (g.short ?? ""))
    }
    return [.gap, .heading("\(s.grids) (\(cells.count))", note: s.gridNote), .table(t)]
  }

  /// A grid cell's page: who leads it, its figures on the as-of date, and every problem found
  /// in it by then (the ledger's columns and order; `x` and `v` work on its rows).
  static func page(_ ctx: PageContext, id: String) -> PageModel {
    let c = ctx.campaign
    let s = ctx.s
    guard let cell = c.node(id), cell.kind == .grid else { return SubCommandModel.missing(s) }
    let day = ctx.standing.asOf
    var m = PageModel()
    m.heading(cell.name, note: cell.parent.flatMap(c.node)?.name ?? "")
    let leaders = ctx.leaders(cell)
    if !leaders.isEmpty { m.fact(s.gridLeaders, leaders) }
    let r = ctx.standing.grids[id] ?? Rectification()
    m.fact(
      s.problems,
      "\(s.fixRate) \(Format.rate(r.rate)) (\(r.fixedOnTime)/\(r.due)) · \(s.overdue) \(r.overdue) · \(s.open) \(r.open) · \(s.stage(.awaitingVerification)) \(r.awaitingVerification)"
    )
    let list = LedgerModel.ordered(c.problems.filter { $0.grid == id && $0.found <= day }, on: day)
    m.gap()
    if list.isEmpty {
      m.paragraph(s.noProblemsInGrid)
      return m
    }
    let t = LedgerModel.problemTable(ctx, list, on: day, withUnitAndSource: false)
    m.table(t)
    return m
  }
}
