import CampaignKit

/// A responsible unit: its target responsibility book, what it leads and supports, its tasks
/// with quantities (更换雨水井盖 380/400 块), and its open problems.
enum UnitModel {
  static func build(_ ctx: PageContext, id: String) -> PageModel {
    let c = ctx.campaign
    let s = ctx.s
    guard let node = c.node(id) else { return SubCommandModel.missing(s) }
    var m = PageModel()
    let us = ctx.standing.unit(id)
    m.heading(node.name, note: c.subCommandOfUnit[id].flatMap(c.node).map { ctx.keyed($0) } ?? "")
    if let book = node.responsibility {
      let signed = book.signed.map { "\($0) \(s.signed)" } ?? ""
      m.fact(
        s.responsibility, ([signed] + book.targets).filter { !$0.isEmpty }.joined(separator: s.listSeparator),
        wraps: true)
    }
    let led = CommonTables.sorted(c.indicators.filter { $0.lead == id }, ctx: ctx)
    let supported = CommonTables.sorted(
      c.indicators.filter { $0.support.contains(id) && $0.lead != id }, ctx: ctx)
    m.gap()
    m.heading(
      "\(s.led) (\(led.count))",
      note: led.isEmpty
        ? s.none
        : "\(Format.fixed(us.led.earned, 1))/\(Format.points(us.led.points)) \(s.pointsUnit) · \(Format.percent(us.led.progress))"
    )
    if !led.isEmpty { m.table(CommonTables.indicators(ctx, led, header: s.indicatorHeader)) }
    if !supported.isEmpty {
      m.gap()
      m.heading("\(s.supported) (\(supported.count))")
      m.table(CommonTables.indicators(ctx, supported, header: s.indicatorHeader))
    }
    let tasks = us.tasks.map { c.tasks[$0] }
    if !tasks.isEmpty {
      m.gap()
      m.heading("\(s.tasks) (\(tasks.count))")
      m.table(TaskModel.table(ctx, tasks))
    }
    let asOf = ctx.standing.asOf
    let open = c.problems.filter { $0.unit == id && $0.isOpen(on: asOf) }
      .sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
    let r = us.rectification
    m.gap()
    m.heading(
      s.problems,
      note:
        "\(s.fixRate) \(Format.rate(r.rate)) (\(r.fixedOnTime)/\(r.due)) · \(s.overdue) \(r.overdue) · \(s.open) \(r.open)"
    )
    if !open.isEmpty {
      var t = PageTable([
        PageColumn("found", s.foundHeader, min: 5),
        PageColumn("kind", s.kindHeader, min: 6, max: 16),
        PageColumn("place", s.placeHeader, min: 8, flex: 1),
        PageColumn("deadline", s.deadline, min: 5, align: .right),
        PageColumn("daysOverdue", s.daysOverdueHeader, min: 4, align: .right),
      ])
      t.rows = open.map { p in
        let late = p.isOverdue(on: asOf)
        return PageRow(
          [
            .date(p.found, role: .dim), .text(p.kind), .text(p.place),
            .date(p.deadline, role: late ? .overdue : .dim),
            late ? .count(asOf - p.deadline, role: .overdue) : .empty,
          ], target: .problem(p.id), filter: p.place + " " + p.kind + " " + p.id)
      }
      m.table(t)
    }
    m.blocks += GridModel.section(ctx, unit: id)
    return m
  }
}
