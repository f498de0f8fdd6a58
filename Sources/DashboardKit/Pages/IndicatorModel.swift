import CampaignKit

/// One indicator: definition, measure, method, owners, where it stands now, the weekly history
/// and the notes of the latest reports.
enum IndicatorModel {
  static func build(_ ctx: PageContext, id: String) -> PageModel {
    let c = ctx.campaign
    let s = ctx.s
    guard let i = c.indicatorIndex[id] else { return SubCommandModel.missing(s) }
    let ind = c.indicators[i]
    let st = ctx.standing.indicators[i]
    let me = ind.measure
    var m = PageModel()
    let path = [
      c.categories.first { $0.id == ind.categoryID }?.name,
      c.categories.flatMap(\.items).first { $0.id == ind.itemID }?.name,
    ]
    .compactMap { $0 }.joined(separator: " › ")
    m.heading(ind.name, note: "\(ind.id) · \(path)")
    m.fact(s.definition, ind.definition.isEmpty ? "—" : ind.definition, wraps: true)
    m.fact(
      s.measure,
      me.kind == .yesno
        ? s.yesNo
        : "\(Format.value(me.baseline)) → \(Format.value(me.target)) \(me.unit) \(me.direction == .up ? s.higherIsBetter : s.lowerIsBetter)"
    )
    m.fact(
      s.method,
      "\(s.method(ind.method)) · \(s.deadline) \(ind.deadline) · \(Format.points(ind.points)) \(s.pointsUnit)"
    )
    let lead = ind.lead.flatMap(c.node)?.name ?? s.noLeadUnit
    let support = ind.support.map { c.node($0)?.name ?? $0 }.joined(separator: s.enumerationComma)
    m.fact(
      s.owners, "\(s.lead) \(lead)" + (support.isEmpty ? "" : " · \(s.support) \(support)"),
      role: ind.lead == nil ? .atRisk : .text)
    if let sc = c.node(ind.subCommand) { m.fact(s.subCommand, ctx.keyed(sc)) }
    m.gap()
    m.table(history(ctx, index: i, now: st))
    m.gap()
    m.heading(s.notes)
    let entries = c.series(.indicator(id)).filter { $0.date <= ctx.standing.asOf }.suffix(5)
      .reversed()
    if entries.isEmpty {
      m.paragraph(s.status(.notReported))
    } else {
      var t = PageTable([
        PageColumn("date", s.dateHeader, min: 10),
        PageColumn("unit", s.unitHeader, min: 6, max: 20),
        PageColumn("value", s.valueHeader, min: 4, align: .right),
        PageColumn("note", s.noteHeader, min: 8, flex: 1),
      ])
      t.rows = entries.map { e in
        PageRow(
          [
            .text(e.date.description, role: .dim),
            .name(c.node(e.unit)?.name ?? e.unit, short: c.node(e.unit)?.short),
            .value(e.value, unit: me.unit), .text(e.note),
          ], selectable: false)
      }
      m.table(t)
    }
    return m
  }

  /// The indicator week by week, newest first: the as-of date, then the seven weeks before —
  /// value, bar, percent, status (未报送 before the first report).
  static func history(_ ctx: PageContext, index i: Int, now: IndicatorStanding) -> PageTable {
    let s = ctx.s
    let unit = ctx.campaign.indicators[i].measure.unit
    var t = PageTable([
      PageColumn("date", s.dateHeader, min: 5),
      PageColumn("value", s.valueHeader, min: 6, align: .right),
      PageColumn("progress", s.progress, min: 10, max: 30, flex: 1, priority: 1),
      PageColumn("percent", s.percentSign, min: 4, align: .right),
      PageColumn("expected", s.expectedHeader, min: 4, priority: 2, align: .right),
      PageColumn("status", s.statusHeader, min: s.statusWidth),
    ])
    t.rows = zip(ctx.data.trendDates, ctx.data.trend).reversed().map { d, st in
      let x = st.indicators[i]
      let mark = StatusMark(x)
      let reported = mark != .notReported
      return PageRow(
        [
          .date(d, role: d == now.reportedOn ? .title : .dim), .value(x.value, unit: unit),
          .bar(reported ? x.progress : nil, mark: mark), .percent(reported ? x.progress : nil),
          .percent(x.expected, role: .dim), .status(mark),
        ], selectable: false)
    }
    return t
  }
}
