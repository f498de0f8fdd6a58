import CampaignKit

/// A task's page — its quantity, owners and weekly history — and the task table of unit pages.
enum TaskModel {
  static func table(_ ctx: PageContext, _ tasks: [CampaignTask], selectable: Bool = true) -> PageTable {
    let s = ctx.s
    var t = PageTable([
      PageColumn("name", s.taskHeader, min: 10, max: 24),
      PageColumn("progress", s.progress, min: 10, max: 30, flex: 1, priority: 1),
      PageColumn("percent", s.percentSign, min: 4, align: .right),
      PageColumn("value", s.quantityHeader, min: 8, align: .right),
      PageColumn("deadline", s.deadline, min: 5),
    ])
    t.rows = tasks.map { task in
      let st = ctx.standing.tasks[ctx.campaign.taskIndex[task.id]!]
      return PageRow(
        [
          .name(task.name, short: nil), .bar(st.progress, mark: StatusMark(st.status), glyph: true),
          .percent(st.progress),
          .text(
            "\(st.value.map(Format.value) ?? "0")/\(Format.value(task.measure.target)) \(task.measure.unit)",
            role: .text),
          task.deadline.map { .date($0, role: st.status == .overdue ? .overdue : .dim) }
            ?? .text(s.noDeadline, role: .dim),
        ], target: selectable ? .task(task.id) : nil, subject: task.id, filter: task.name,
        selectable: selectable)
    }
    return t
  }

  static func build(_ ctx: PageContext, id: String) -> PageModel {
    let c = ctx.campaign
    let s = ctx.s
    guard let i = c.taskIndex[id] else { return SubCommandModel.missing(s) }
    let task = c.tasks[i]
    var m = PageModel()
    m.heading(task.name)
    m.table(table(ctx, [task], selectable: false))
    m.fact(s.lead, c.node(task.lead)?.name ?? task.lead)
    if !task.support.isEmpty {
      m.fact(s.support, task.support.map { c.node($0)?.name ?? $0 }.joined(separator: s.enumerationComma))
    }
    if let ind = task.indicator.flatMap(c.indicator) { m.fact(s.indicators, ind.name) }
    if !task.note.isEmpty { m.fact(s.noteHeader, task.note, wraps: true) }
    m.gap()
    m.heading(s.history)
    var h = PageTable([
      PageColumn("date", s.dateHeader, min: 5),
      PageColumn("value", s.valueHeader, min: 4, align: .right),
      PageColumn("progress", s.progress, min: 10, max: 30, flex: 1),
      PageColumn("percent", s.percentSign, min: 4, align: .right),
    ])
    h.rows = zip(ctx.data.trendDates, ctx.data.trend).map { d, st in
      let ts = st.tasks[i]
      return PageRow(
        [
          .date(d, role: .dim), .value(ts.value, unit: ""), .bar(ts.progress, mark: StatusMark(ts.status)),
          .percent(ts.progress),
        ],
        selectable: false)
    }
    m.table(h)
    return m
  }
}
