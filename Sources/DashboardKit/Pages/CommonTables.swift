import CampaignKit

/// The tables several pages share: indicators, units, and their sort orders.
enum CommonTables {
  /// Indicators with bar, percent, change since the previous meeting, status, deadline, points.
  static func indicators(_ ctx: PageContext, _ list: [Indicator], header: String) -> PageTable {
    indicators(ctx, indices: list.map { ctx.campaign.indicatorIndex[$0.id]! }, header: header)
  }

  /// The same, by index into `Campaign.indicators` (a long list is not copied record by record).
  static func indicators(_ ctx: PageContext, indices: [Int], header: String) -> PageTable {
    let s = ctx.s
    let all = ctx.campaign.indicators
    let standings = ctx.standing.indicators
    var t = PageTable([
      PageColumn("name", header, min: 10, max: 40),
      PageColumn("progress", s.progress, min: 12, max: 40, flex: 1, priority: 1),
      PageColumn("percent", s.percentSign, min: 4, align: .right),
      PageColumn("change", s.sinceLast, min: 5, priority: 3, align: .right),
      PageColumn("status", s.statusHeader, min: s.statusWidth, priority: 2),
      PageColumn("deadline", s.deadline, min: 5, priority: 4),
      PageColumn("points", s.pointsHeader, min: 3, priority: 5, align: .right),
    ])
    t.rows = indices.map { i in
      let st = standings[i]
      let mark = StatusMark(st)
      let reported = mark != .notReported
      let name = all[i].name
      let id = all[i].id
      return PageRow(
        [
          .name(name, short: nil), .bar(reported ? st.progress : nil, mark: mark),
          .percent(reported ? st.progress : nil), .delta(ctx.data.indicatorDelta(i)?.points, unit: .points),
          .status(mark), .date(all[i].deadline, role: st.status == .overdue ? .overdue : .dim),
          .points(all[i].points, of: nil),
        ], target: .indicator(id), filter: name + " " + id)
    }
    return t
  }

  /// Units with the progress of what they lead, its change, points, fix rate and overdue problems.
  static func units(_ ctx: PageContext, _ list: [OrgNode], header: String) -> PageTable {
    let s = ctx.s
    var t = PageTable([
      PageColumn("name", header, min: 8, max: 40),
      PageColumn("progress", s.ledProgress, min: 12, max: 36, flex: 1, priority: 1),
      PageColumn("percent", s.percentSign, min: 4, align: .right),
      PageColumn("change", s.sinceLast, min: 5, priority: 3, align: .right),
      PageColumn("earned", s.ledEarned, min: 7, priority: 2, align: .right),
      PageColumn("rate", s.fixRate, min: 4, align: .right),
      PageColumn("overdue", s.overdueProblems, min: 4, priority: 1, align: .right),
    ])
    t.rows = list.map { u in
      let us = ctx.standing.unit(u.id)
      let r = us.rectification
      let leads = us.led.points > 0
      return PageRow(
        [
          .name(u.name, short: u.short),
          leads ? .bar(us.led.progress, mark: ctx.mark(us.led), glyph: true) : .text(s.leadsNone, role: .dim),
          leads ? .percent(us.led.progress) : .empty,
          leads ? .delta(ctx.data.unitLedDelta(u.id)?.points, unit: .points) : .empty,
          leads ? .points(us.led.earned, of: us.led.points) : .empty,
          .percent(r.rate, role: rateRole(r.rate)), .count(r.overdue, role: r.overdue > 0 ? .overdue : .dim),
        ], target: .unit(u.id), filter: u.name + " " + (u.short ?? "") + " " + u.id)
    }
    return t
  }

  /// A fix rate's colour: below 85% at risk, below 90% behind.
  static func rateRole(_ r: Double?) -> StyleRole {
    r.map { $0 < 0.85 ? .atRisk : $0 < 0.9 ? .behind : .text } ?? .dim
  }

  /// Orders indicators by their precomputed rank in the current sort order.
  static func sorted(_ list: [Indicator], ctx: PageContext) -> [Indicator] {
    let rank = ctx.data.lists.indicatorRank(ctx.app.sort)
    let idx = ctx.campaign.indicatorIndex
    return list.map { (rank[idx[$0.id]!], $0) }.sorted { $0.0 < $1.0 }.map(\.1)
  }

  /// Orders units in the current sort order (names by pinyin).
  static func sorted(_ list: [OrgNode], ctx: PageContext) -> [OrgNode] {
    let st = ctx.standing
    switch ctx.app.sort {
    case .lagging:
      return list.sorted { WorstFirst.before(st.unit($0.id), st.unit($1.id)) }
    case .progress:
      // Least progress first; a unit that leads nothing has no progress and goes last.
      return list.sorted {
        let a = st.unit($0.id).led
        let b = st.unit($1.id).led
        if (a.points == 0) != (b.points == 0) { return b.points == 0 }
        return a.progress != b.progress ? a.progress < b.progress : $0.id < $1.id
      }
    case .name: return NameOrder.sorted(list, name: \.name, id: \.id)
    case .points:
      return list.sorted {
        st.unit($0.id).led.points != st.unit($1.id).led.points
          ? st.unit($0.id).led.points > st.unit($1.id).led.points : $0.id < $1.id
      }
    }
  }
}
