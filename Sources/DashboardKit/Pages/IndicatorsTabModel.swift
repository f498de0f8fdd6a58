import CampaignKit

/// 测评体系: the assessment system as a tree — categories, their items, their indicators —
/// each with a bar, its change since the previous meeting, status and points. Document order:
/// the system is read as published.
enum IndicatorsTabModel {
  static func build(_ ctx: PageContext) -> PageModel {
    let c = ctx.campaign
    let s = ctx.s
    let st = ctx.standing
    var m = PageModel()
    let items = c.categories.reduce(0) { $0 + $1.items.count }
    m.paragraph(
      "\(s.categoryCount(c.categories.count)) · \(s.itemCount(items)) · \(s.indicatorCount(c.indicators.count)) · \(Format.points(st.total.earned))/\(Format.points(st.total.points)) \(s.pointsUnit)",
      role: .text)
    var t = PageTable([
      PageColumn("name", s.indicatorHeader, min: 14, max: 40),
      PageColumn("progress", s.progress, min: 12, max: 40, flex: 1, priority: 1),
      PageColumn("percent", s.percentSign, min: 4, align: .right),
      PageColumn("change", s.sinceLast, min: 5, priority: 3, align: .right),
      PageColumn("status", s.statusHeader, min: s.statusWidth, priority: 2),
      PageColumn("earned", s.earnedHeader, min: 7, priority: 4, align: .right),
    ])
    func group(_ name: String, isLast: [Bool], agg: Aggregate, delta: Delta?, id: String, role: StyleRole)
      -> PageRow
    {
      let mark = ctx.mark(agg)
      return PageRow(
        [
          .tree(name, isLast: isLast, role: role), .bar(agg.progress, mark: mark), .percent(agg.progress),
          .delta(delta?.points, unit: .points), .status(mark), .points(agg.earned, of: agg.points),
        ], subject: id, filter: name + " " + id, role: role)
    }
    for cat in c.categories {
      t.rows.append(
        group(
          cat.name, isLast: [], agg: st.category(cat.id), delta: ctx.data.categoryDelta(cat.id), id: cat.id,
          role: .title))
      for (k, item) in cat.items.enumerated() {
        t.rows.append(
          group(
            item.name, isLast: [k == cat.items.count - 1], agg: st.items[item.id] ?? Aggregate(),
            delta: ctx.data.itemDelta(item.id), id: item.id, role: .text))
        for (j, ind) in item.indicators.enumerated() {
          let i = c.indicatorIndex[ind.id]!
          let x = st.indicators[i]
          let mark = StatusMark(x)
          let reported = mark != .notReported
          t.rows.append(
            PageRow(
              [
                .tree(ind.name, isLast: [k == cat.items.count - 1, j == item.indicators.count - 1]),
                .bar(reported ? x.progress : nil, mark: mark), .percent(reported ? x.progress : nil),
                .delta(ctx.data.indicatorDelta(i)?.points, unit: .points), .status(mark),
                .points(x.earned, of: ind.points),
              ], target: .indicator(ind.id), filter: ind.name + " " + ind.id))
        }
      }
    }
    m.table(t)
    return m
  }
}
