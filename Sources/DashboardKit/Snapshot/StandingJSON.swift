import CampaignKit

/// `--format json`: the computed standing of a view, for other tools. Keys in a fixed order,
/// numbers unrounded (fractions 0…1), dates as `YYYY-MM-DD`, statuses by their codes; written by
/// `JSONWriter`, so the same standing always gives the same bytes.
enum StandingJSON {
  typealias J = JSONValue

  static func write(page: Page, ctx: PageContext, stamp: String?) -> String {
    let c = ctx.campaign
    let st = ctx.standing
    var pairs: [(String, J)] = [
      ("schema", "chuangwen-snapshot/1"),
      ("campaign", .string(c.info.id)),
      ("title", .string(c.info.title)),
      ("view", .string(SnapshotViews.name(of: page, campaign: c))),
      ("asOf", .string("\(st.asOf)")),
      ("daysLeft", .number(Double(st.daysLeft))),
      ("total", aggregate(st.total, ctx)),
    ]
    switch page {
    case .overview:
      pairs.append(("subCommands", .array(values: c.subCommands.map { subCommand($0, ctx) })))
      pairs.append(("rectification", rectification(st.rectification(of: c.units.map(\.id)))))
    case .subCommand(let id):
      if let n = c.node(id) {
        let units = UnitRows.sorted(ctx.data.units(under: id), ctx: ctx)
        pairs.append(("subCommand", subCommand(n, ctx)))
        pairs.append(("rectification", rectification(st.rectification(of: units.map(\.id)))))
        pairs.append(("units", .array(values: units.map { unit($0, ctx) })))
        pairs.append(
          (
            "indicators",
            .array(
              values: IndicatorRows.sorted(c.indicators.filter { $0.subCommand == id }, ctx: ctx).map {
                indicator($0, ctx)
              })
          ))
      }
    case .unit(let id):
      if let n = c.node(id) {
        pairs.append(("unit", unit(n, ctx)))
        pairs.append(
          (
            "leads",
            .array(
              values: IndicatorRows.sorted(c.indicators.filter { $0.lead == id }, ctx: ctx).map {
                indicator($0, ctx)
              })
          ))
        pairs.append(
          (
            "supports",
            .array(
              values: IndicatorRows.sorted(
                c.indicators.filter { $0.support.contains(id) && $0.lead != id }, ctx: ctx
              ).map { indicator($0, ctx) })
          ))
        pairs.append(("tasks", .array(values: st.unit(id).tasks.map { task($0, ctx) })))
        let open = c.problems.filter { $0.unit == id && $0.isOpen(on: st.asOf) }.sorted {
          ($0.deadline, $0.id) < ($1.deadline, $1.id)
        }
        pairs.append(("openProblems", .array(values: open.map { problem($0, st.asOf) })))
      }
    case .indicator(let id):
      if let ind = c.indicator(id), let i = c.indicatorIndex[id] {
        pairs.append(("indicator", indicator(ind, ctx)))
        pairs.append(
          (
            "history",
            .array(
              values: ctx.data.trendDates.enumerated().map { k, d in
                let s = ctx.data.trend[k].indicators[i]
                return .object(pairs: [
                  ("date", .string("\(d)")), ("value", s.value.map(J.number) ?? .null),
                  ("progress", .number(s.progress)),
                  ("status", .string(s.status.code)),
                ])
              })
          ))
      }
    case .brief:
      pairs += brief(Brief(ctx), ctx)
    case .task, .help:
      break
    case .indicators, .problems, .problem, .rankings, .rankHistory, .audit:
      pairs += meeting(page, ctx)
    }
    if let stamp { pairs.append(("generated", .string(stamp))) }
    return JSONWriter.write(.object(pairs: pairs))
  }

  static func aggregate(_ a: Aggregate, _ ctx: PageContext) -> J {
    .object(pairs: [
      ("points", .number(a.points)), ("earned", .number(a.earned)), ("progress", .number(a.progress)),
      ("expected", .number(a.expected)),
      ("status", .string(a.status(on: ctx.standing.asOf, pace: ctx.campaign.info.pace).code)),
      ("indicators", .number(Double(a.indicatorCount))), ("lagging", .number(Double(a.laggingCount))),
      ("counts", .object(pairs: Status.allCases.map { ($0.code, .number(Double(a.count($0)))) })),
    ])
  }

  static func subCommand(_ n: OrgNode, _ ctx: PageContext) -> J {
    .object(pairs: [
      ("id", .string(n.id)), ("key", n.key.map { .number(Double($0)) } ?? .null), ("name", .string(n.name)),
      ("liaison", .string(SubCommandColumns.liaison(n))),
      ("standing", aggregate(ctx.standing.subCommand(n.id), ctx)),
    ])
  }

  static func rectification(_ r: Rectification) -> J {
    .object(pairs: [
      ("rate", r.rate.map(J.number) ?? .null), ("due", .number(Double(r.due))),
      ("fixedOnTime", .number(Double(r.fixedOnTime))),
      ("overdue", .number(Double(r.overdue))), ("open", .number(Double(r.open))),
      ("found", .number(Double(r.found))),
    ])
  }

  static func unit(_ n: OrgNode, _ ctx: PageContext) -> J {
    let us = ctx.standing.unit(n.id)
    return .object(pairs: [
      ("id", .string(n.id)), ("name", .string(n.name)), ("kind", .string(n.kind.rawValue)),
      ("subCommand", ctx.campaign.subCommandOfUnit[n.id].map(J.string) ?? .null),
      ("leads", aggregate(us.led, ctx)), ("supports", aggregate(us.supported, ctx)),
      ("rectification", rectification(us.rectification)),
    ])
  }

  static func indicator(_ ind: Indicator, _ ctx: PageContext) -> J {
    let s = ctx.standing.indicators[ctx.campaign.indicatorIndex[ind.id]!]
    return .object(pairs: [
      ("id", .string(ind.id)), ("name", .string(ind.name)), ("points", .number(ind.points)),
      ("earned", .number(s.earned)),
      ("value", s.value.map(J.number) ?? .null),
      ("reportedOn", s.reportedOn.map { .string("\($0)") } ?? .null),
      ("progress", .number(s.progress)), ("expected", .number(s.expected)),
      ("status", .string(s.status.code)),
      ("deadline", .string("\(ind.deadline)")), ("lead", ind.lead.map(J.string) ?? .null),
      ("subCommand", .string(ind.subCommand)),
    ])
  }

  static func task(_ i: Int, _ ctx: PageContext) -> J {
    let t = ctx.campaign.tasks[i]
    let s = ctx.standing.tasks[i]
    return .object(pairs: [
      ("id", .string(t.id)), ("name", .string(t.name)), ("value", s.value.map(J.number) ?? .null),
      ("target", .number(t.measure.target)), ("unit", .string(t.measure.unit)),
      ("progress", .number(s.progress)),
      ("status", .string(s.status.code)), ("deadline", t.deadline.map { .string("\($0)") } ?? .null),
    ])
  }

  static func problem(_ p: Problem, _ asOf: Day) -> J {
    .object(pairs: [
      ("id", .string(p.id)), ("found", .string("\(p.found)")), ("kind", .string(p.kind)),
      ("place", .string(p.place)),
      ("severity", .string(p.severity.rawValue)), ("deadline", .string("\(p.deadline)")),
      ("overdue", .bool(p.isOverdue(on: asOf))),
    ])
  }

  static func brief(_ b: Brief, _ ctx: PageContext) -> [(String, J)] {
    var out: [(String, J)] = [
      ("previousMeeting", b.previousMeeting.map { .string("\($0)") } ?? .null),
      (
        "totalAtPreviousMeeting",
        b.totalPrevious.map { aggregateAt($0, ctx, day: b.previousMeeting!) } ?? .null
      ),
      (
        "subCommands",
        .array(
          values: b.subCommands.map { line in
            .object(pairs: [
              ("id", .string(line.node.id)), ("key", line.node.key.map { .number(Double($0)) } ?? .null),
              ("name", .string(line.node.name)), ("standing", aggregate(line.now, ctx)),
              ("progressChange", line.previous.map { .number(line.now.progress - $0.progress) } ?? .null),
              ("earnedChange", line.previous.map { .number(line.now.earned - $0.earned) } ?? .null),
              ("laggingIndicators", .array(values: line.lagging.map { indicator($0, ctx) })),
            ])
          })
      ),
      (
        "unitsWithOverdueProblems",
        .array(
          values: b.overdueUnits.map { u in
            .object(pairs: [
              ("id", .string(u.node.id)), ("name", .string(u.node.name)),
              ("subCommand", u.subCommand.map { .string($0.id) } ?? .null),
              ("rectification", rectification(u.rectification)),
            ])
          })
      ),
    ]
    // The red and black lists of the as-of meeting (`Brief.lists`).
    if !b.lists.isEmpty {
      out.append(
        (
          "lists",
          .array(
            values: b.lists.map { l in
              .object(pairs: [
                ("title", .string(l.title)), ("black", .bool(l.isBlack)),
                (
                  "units",
                  .array(
                    values: l.entries.map {
                      let e = ctx.data.ranking.entry($0.unit.id)
                      return .object(pairs: [
                        ("id", .string($0.unit.id)), ("name", .string($0.unit.name)),
                        ("rank", e.map { .number(Double($0.rank)) } ?? .null),
                        ("rate", e.map { .number($0.rate) } ?? .null),
                        ("escalation", escalation(ctx.data.ranking.escalation($0.unit.id))),
                        ("note", .string($0.note)),
                      ])
                    })
                ),
              ])
            })
        ))
    }
    return out
  }

  /// An aggregate of an earlier date (its status judged on that date).
  static func aggregateAt(_ a: Aggregate, _ ctx: PageContext, day: Day) -> J {
    .object(pairs: [
      ("points", .number(a.points)), ("earned", .number(a.earned)), ("progress", .number(a.progress)),
      ("status", .string(a.status(on: day, pace: ctx.campaign.info.pace).code)),
    ])
  }
}
