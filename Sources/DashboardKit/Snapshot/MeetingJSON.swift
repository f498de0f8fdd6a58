import CampaignKit

/// The JSON of the meeting tabs: the same computations as their pages (see
/// `MeetingDocuments.swift`), unrounded.
extension StandingJSON {
  typealias MJ = JSONValue

  static func meeting(_ page: Page, _ ctx: PageContext) -> [(String, MJ)] {
    switch page {
    case .indicators: indicators(ctx)
    case .problems: problems(ctx)
    case .problem(let id): problemPage(ctx, id: id)
    case .rankings: rankings(ctx)
    case .rankHistory(let id): rankHistoryPage(ctx, id: id)
    case .audit: audit(ctx)
    default: []
    }
  }

  static func delta(_ d: Delta?) -> MJ {
    d.map { .object(pairs: [("points", .number($0.points)), ("progress", .number($0.progress))]) } ?? .null
  }

  // MARK: - 测评体系

  static func indicators(_ ctx: PageContext) -> [(String, MJ)] {
    let c = ctx.campaign
    let st = ctx.standing
    return [
      ("previousMeeting", ctx.data.previousMeeting.map { .string("\($0)") } ?? .null),
      (
        "categories",
        .array(
          values: c.categories.map { cat in
            .object(pairs: [
              ("id", .string(cat.id)), ("name", .string(cat.name)),
              ("standing", aggregate(st.category(cat.id), ctx)),
              ("change", delta(ctx.data.categoryDelta(cat.id))),
              (
                "items",
                .array(
                  values: cat.items.map { item in
                    .object(pairs: [
                      ("id", .string(item.id)), ("name", .string(item.name)),
                      ("standing", aggregate(st.items[item.id] ?? Aggregate(), ctx)),
                      ("change", delta(ctx.data.itemDelta(item.id))),
                      (
                        "indicators",
                        .array(
                          values: item.indicators.map { ind in
                            guard case .object(var o) = indicator(ind, ctx) else { return .null }
                            let change = delta(c.indicatorIndex[ind.id].flatMap(ctx.data.indicatorDelta))
                            o.members.append(JSONMember(key: "change", value: JSONNode(change)))
                            return .object(o)
                          })
                      ),
                    ])
                  })
              ),
            ])
          })
      ),
    ]
  }

  // MARK: - 问题台账

  static func ledgerProblem(_ p: Problem, _ ctx: PageContext) -> MJ {
    let day = ctx.standing.asOf
    let state: String =
      if let f = p.fixed, f <= day { f <= p.deadline ? "fixed" : "fixedLate" } else if p.isOverdue(on: day) {
        "overdue"
      } else { "open" }
    return .object(pairs: [
      ("id", .string(p.id)), ("unit", .string(p.unit)),
      ("subCommand", ctx.campaign.subCommandOfUnit[p.unit].map(MJ.string) ?? .null),
      ("found", .string("\(p.found)")), ("kind", .string(p.kind)), ("place", .string(p.place)),
      ("description", .string(p.description)), ("source", .string(p.source.rawValue)),
      ("severity", .string(p.severity.rawValue)), ("deadline", .string("\(p.deadline)")),
      ("fixed", p.fixed.flatMap { $0 <= day ? .string("\($0)") : nil } ?? .null), ("state", .string(state)),
      ("daysOverdue", p.isOverdue(on: day) ? .number(Double(day - p.deadline)) : .null),
    ])
  }

  static func problems(_ ctx: PageContext) -> [(String, MJ)] {
    let list = LedgerTab.problems(ctx)
    let sum = MeetingData.LedgerSummary(list, on: ctx.standing.asOf)
    return [
      (
        "summary",
        .object(pairs: [
          ("problems", .number(Double(sum.count))), ("open", .number(Double(sum.open))),
          ("overdue", .number(Double(sum.overdue))), ("due", .number(Double(sum.due))),
          ("fixedOnTime", .number(Double(sum.fixedOnTime))), ("rate", sum.rate.map(MJ.number) ?? .null),
        ])
      ),
      ("problems", .array(values: list.map { ledgerProblem($0, ctx) })),
      (
        "units",
        .array(
          values: MeetingData.ledgerUnits(ctx).map { u in
            .object(pairs: [
              ("id", .string(u.id)), ("name", .string(u.name)),
              ("rectification", rectification(ctx.standing.unit(u.id).rectification)),
            ])
          })
      ),
    ]
  }

  static func problemPage(_ ctx: PageContext, id: String) -> [(String, MJ)] {
    guard let p = ctx.campaign.problems.first(where: { $0.id == id }) else { return [] }
    return [
      ("problem", ledgerProblem(p, ctx)),
      ("unitRectification", rectification(ctx.standing.unit(p.unit).rectification)),
    ]
  }

  // MARK: - 红黑榜

  static func escalation(_ e: Escalation?) -> MJ {
    e.map {
      .object(pairs: [
        ("consecutive", .number(Double($0.consecutive))), ("level", .number(Double($0.level))),
        ("name", .string($0.name)),
      ])
    } ?? .null
  }

  static func markCode(_ m: ListMark?) -> MJ {
    switch m {
    case .red: "red"
    case .black: "black"
    case nil: .null
    }
  }

  static func history(_ unit: String, _ ctx: PageContext) -> MJ {
    .array(
      values: ctx.data.ranking.history(unit).map { p in
        .object(pairs: [
          ("meeting", .string("\(p.meeting)")), ("rank", p.rank.map { .number(Double($0)) } ?? .null),
          ("of", .number(Double(p.of))), ("rate", p.rate.map(MJ.number) ?? .null), ("list", markCode(p.mark)),
          ("escalation", escalation(p.escalation)),
        ])
      })
  }

  static func rankings(_ ctx: PageContext) -> [(String, MJ)] {
    let r = ctx.data.ranking
    func brief(_ e: RankEntry) -> MJ {
      .object(pairs: [
        ("unit", .string(e.unit)), ("rank", .number(Double(e.rank))),
        ("escalation", escalation(r.escalation(e.unit))),
      ])
    }
    return [
      ("meeting", .string("\(r.meeting)")), ("meetingNumber", .number(Double(r.meetingNumber))),
      ("isMeetingDate", .bool(ctx.campaign.info.meetings.contains(r.meeting))),
      ("previousMeeting", r.previousMeeting.map { .string("\($0)") } ?? .null),
      (
        "rules",
        .object(pairs: [
          ("redListSize", .number(Double(r.rules.redListSize))),
          ("blackListSize", .number(Double(r.rules.blackListSize))),
          ("escalation", .array(values: r.rules.escalation.map(MJ.string))),
        ])
      ),
      ("red", .array(values: r.red.map(brief))),
      ("black", .array(values: r.black.map(brief))),
      (
        "ranked",
        .array(
          values: r.ranked.map { e in
            .object(pairs: [
              ("unit", .string(e.unit)), ("name", .string(ctx.campaign.node(e.unit)?.name ?? e.unit)),
              ("rank", .number(Double(e.rank))), ("rate", .number(e.rate)),
              ("rectification", rectification(e.rectification)),
              ("progress", e.leadsIndicators ? .number(e.progress) : .null),
              ("list", markCode(r.mark(e.unit))),
              ("rankChange", r.rankChange(e.unit).map { .number(Double($0)) } ?? .null),
              ("escalation", escalation(r.escalation(e.unit))), ("history", history(e.unit, ctx)),
            ])
          })
      ),
      ("unranked", .array(values: r.unranked.map(MJ.string))),
    ]
  }

  static func rankHistoryPage(_ ctx: PageContext, id: String) -> [(String, MJ)] {
    guard let n = ctx.campaign.node(id) else { return [] }
    return [
      ("unit", .object(pairs: [("id", .string(n.id)), ("name", .string(n.name))])),
      ("history", history(id, ctx)),
    ]
  }

  // MARK: - 责任落实

  static func audit(_ ctx: PageContext) -> [(String, MJ)] {
    let c = ctx.campaign
    let m = MeetingData.AuditMatrix(ctx)
    let gaps = ResponsibilityAudit.run(c).map { g -> MJ in
      switch g.kind {
      case .indicatorWithoutLead(let id):
        .object(pairs: [("kind", "indicatorWithoutLead"), ("indicator", .string(id))])
      case .unitWithoutResponsibility(let id):
        .object(pairs: [("kind", "unitWithoutResponsibility"), ("unit", .string(id))])
      case .taskWithoutDeadline(let id):
        .object(pairs: [("kind", "taskWithoutDeadline"), ("task", .string(id))])
      case .pointsMismatch(let sum, let declared):
        .object(pairs: [("kind", "pointsMismatch"), ("sum", .number(sum)), ("declared", .number(declared))])
      }
    }
    return [
      ("gaps", .array(values: gaps)),
      (
        "matrix",
        .object(pairs: [
          (
            "categories",
            .array(
              values: m.categories.map {
                .object(pairs: [("id", .string($0.id)), ("name", .string($0.name))])
              })
          ),
          (
            "subCommands",
            .array(
              values: c.subCommands.enumerated().map { k, sc in
                .object(pairs: [
                  ("id", .string(sc.id)), ("key", sc.key.map { .number(Double($0)) } ?? .null),
                  ("points", .array(values: m.owned[k].map(MJ.number))), ("total", .number(m.totals[k])),
                  ("note", m.note(k).map(MJ.string) ?? .null),
                ])
              })
          ),
          ("noLead", .array(values: m.noLead.map(MJ.number))),
          ("totals", .array(values: m.categoryTotals.map(MJ.number))),
          ("mean", .number(m.mean)),
        ])
      ),
    ]
  }
}
