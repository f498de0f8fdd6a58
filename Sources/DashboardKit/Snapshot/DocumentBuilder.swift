import CampaignKit

/// Builds the ``SnapshotDocument`` of a page from the same data, the same sort functions and the
/// same formatting as the screen page (see `OverviewPage`, `SubCommandPage`, `UnitPage`,
/// `IndicatorPage`, `BriefPage`, and the meeting tabs in `MeetingDocuments.swift`).
enum DocumentBuilder {
  typealias Doc = SnapshotDocument

  static func build(page: Page, ctx: PageContext, stamp: String?) -> Doc {
    let s = ctx.s
    let data = ctx.data
    let info = data.campaign.info
    let total = data.standing.total
    let status = total.status(on: data.asOf, pace: info.pace)
    // A page's path from the root of its tab: 指挥体系 › [3] 市场, 红黑榜 › 城管局 排名, 问题台账.
    let root: Page =
      switch page {
      case .indicators, .problems, .rankings, .audit: page
      case .problem: .problems
      case .rankHistory: .rankings
      default: .overview
      }
    var crumbs = [Chrome.crumb(root, data: data, s: s)]
    if page != root { crumbs.append(Chrome.crumb(page, data: data, s: s)) }
    let sections: [Doc.Section]
    switch page {
    case .overview: sections = overview(ctx)
    case .subCommand(let id): sections = subCommand(ctx, id: id)
    case .unit(let id): sections = unit(ctx, id: id)
    case .indicator(let id): sections = indicator(ctx, id: id)
    case .brief: sections = brief(ctx, Brief(ctx))
    case .task, .help: sections = []
    case .indicators: sections = indicators(ctx)
    case .problems: sections = problems(ctx)
    case .problem(let id): sections = problem(ctx, id: id)
    case .rankings: sections = rankings(ctx)
    case .rankHistory(let id): sections = rankHistory(ctx, id: id)
    case .audit: sections = audit(ctx)
    }
    return Doc(
      title: info.title,
      view: crumbs.joined(separator: " › "),
      dateLine: "\(s.asOf) \(data.asOf) · \(s.daysLeft(data.standing.daysLeft))",
      total: Doc.Fact(
        label: s.total, value: "\(Format.points(total.earned))/\(Format.points(total.points))",
        bar: total.progress, status: status),
      counts: Status.allCases.map { Doc.Fact(label: s.status($0), value: "\(total.count($0))", status: $0) },
      sections: sections, stamp: stamp, language: s.language)
  }

  // MARK: - Shared row makers

  static func indicatorTable(_ ctx: PageContext, _ list: [Indicator]) -> Doc.Table {
    let s = ctx.s
    let cols = [
      Doc.Column(title: s.indicators), Doc.Column(title: s.t("进度", "progress")),
      Doc.Column(title: s.deadline), Doc.Column(title: s.t("分值", "points"), numeric: true),
    ]
    let rows = list.map { ind -> Doc.Row in
      let st = ctx.standing.indicators[ctx.campaign.indicatorIndex[ind.id]!]
      return Doc.Row(
        subject: ind.id,
        cells: [
          .text(ind.name), .bar(st.progress, st.status, Format.percent(st.progress)),
          .text(Format.shortDate(ind.deadline)), .number(Format.points(ind.points) + s.points),
        ])
    }
    return Doc.Table(columns: cols, rows: rows)
  }

  static func unitTable(_ ctx: PageContext, _ units: [OrgNode], title: String) -> Doc.Table {
    let s = ctx.s
    let cols = [
      Doc.Column(title: title), Doc.Column(title: s.t("牵头进度", "progress of what it leads")),
      Doc.Column(title: s.t("牵头得分", "earned"), numeric: true),
      Doc.Column(title: s.rectification, numeric: true),
      Doc.Column(title: s.t("逾期问题", "overdue"), numeric: true),
    ]
    let rows = units.map { u -> Doc.Row in
      let us = ctx.standing.unit(u.id)
      let status = us.led.status(on: ctx.standing.asOf, pace: ctx.campaign.info.pace)
      let bar: Doc.Value =
        us.led.points > 0
        ? .bar(us.led.progress, status, Format.percent(us.led.progress))
        : .text(s.t("（无牵头指标）", "(leads none)"))
      let pts = us.led.points > 0 ? "\(Format.fixed(us.led.earned, 1))/\(Format.points(us.led.points))" : "—"
      return Doc.Row(
        subject: u.id,
        cells: [
          .text(u.name), bar, .number(pts), .number(Format.rate(us.rectification.rate)),
          .number("\(us.rectification.overdue)"),
        ])
    }
    return Doc.Table(columns: cols, rows: rows)
  }

  static func leaders(_ n: OrgNode) -> String {
    n.leaders.map { "\($0.role) \($0.title)" }.joined(separator: " · ")
  }

  // MARK: - Pages

  static func overview(_ ctx: PageContext) -> [Doc.Section] {
    let c = ctx.campaign
    let s = ctx.s
    let label: [NodeKind: String] = [
      .leadingGroup: s.leadingGroup, .headquarters: s.headquarters, .office: s.office,
    ]
    let top = c.nodes.filter { [.leadingGroup, .headquarters, .office].contains($0.kind) }
    let facts = top.map { n in
      Doc.Fact(
        label: label[n.kind] ?? "",
        value: [n.name, leaders(n)].filter { !$0.isEmpty }.joined(separator: "  "))
    }
    let rows = c.subCommands.map { sc -> Doc.Row in
      let agg = ctx.standing.subCommand(sc.id)
      let status = agg.status(on: ctx.standing.asOf, pace: c.info.pace)
      return Doc.Row(
        subject: sc.id,
        cells: [
          .text("[\(sc.key ?? 0)]"), .text(sc.name), .text(SubCommandColumns.liaison(sc)),
          .bar(agg.progress, status, Format.percent(agg.progress)),
          .number("\(Format.fixed(agg.earned, 1))/\(Format.fixed(agg.points, 1))"),
          .number("\(agg.laggingCount)"),
        ])
    }
    let table = Doc.Table(
      columns: [
        Doc.Column(title: s.t("键", "key")), Doc.Column(title: s.subCommand), Doc.Column(title: s.liaison),
        Doc.Column(title: s.t("进度", "progress")), Doc.Column(title: s.t("得分", "earned"), numeric: true),
        Doc.Column(title: s.lagging, numeric: true),
      ], rows: rows)
    let r = ctx.standing.rectification(of: c.units.map(\.id))
    let ledger = Doc.Fact(
      label: s.problems,
      value:
        "\(s.rectification) \(Format.rate(r.rate)) (\(r.fixedOnTime)/\(r.due))  ·  \(s.overdue) \(r.overdue)  ·  \(s.open) \(r.open)"
    )
    return [
      Doc.Section(heading: s.overviewTab, blocks: [.facts(facts), .table(table)]),
      Doc.Section(heading: s.problems, blocks: [.facts([ledger])]),
    ]
  }

  static func subCommand(_ ctx: PageContext, id: String) -> [Doc.Section] {
    let c = ctx.campaign
    let s = ctx.s
    guard let node = c.node(id) else { return [] }
    let agg = ctx.standing.subCommand(id)
    let units = UnitRows.sorted(ctx.data.units(under: id), ctx: ctx)
    let indicators = IndicatorRows.sorted(c.indicators.filter { $0.subCommand == id }, ctx: ctx)
    let r = ctx.standing.rectification(of: units.map(\.id))
    let summary =
      "\(indicators.count) \(s.t("项指标", "indicators")) · \(Format.points(agg.earned))/\(Format.points(agg.points)) \(s.points) · \(s.lagging) \(agg.laggingCount) · \(s.rectification) \(Format.rate(r.rate)) · \(s.overdue) \(r.overdue)"
    return [
      Doc.Section(
        heading: "[\(node.key ?? 0)] \(node.name)", note: leaders(node),
        blocks: [.paragraph(summary), .table(unitTable(ctx, units, title: s.units))]),
      Doc.Section(
        heading: "\(s.indicators) (\(indicators.count))", note: s.sort(ctx.app.sort),
        blocks: [.table(indicatorTable(ctx, indicators))], pageBreak: true),
    ]
  }

  static func unit(_ ctx: PageContext, id: String) -> [Doc.Section] {
    let c = ctx.campaign
    let s = ctx.s
    guard let node = c.node(id) else { return [] }
    let us = ctx.standing.unit(id)
    var head = Doc.Section(
      heading: node.name,
      note: c.subCommandOfUnit[id].flatMap(c.node).map { "[\($0.key ?? 0)] \($0.name)" } ?? "")
    if let book = node.responsibility {
      let signed = book.signed.map { "\($0) \(s.signed)" } ?? ""
      head.blocks.append(
        .facts([
          Doc.Fact(
            label: s.responsibility,
            value: ([signed] + book.targets).filter { !$0.isEmpty }.joined(separator: "；"))
        ]))
    }
    var sections = [head]
    let led = IndicatorRows.sorted(c.indicators.filter { $0.lead == id }, ctx: ctx)
    let supported = IndicatorRows.sorted(
      c.indicators.filter { $0.support.contains(id) && $0.lead != id }, ctx: ctx)
    sections.append(
      Doc.Section(
        heading: "\(s.led) (\(led.count))",
        note: led.isEmpty
          ? s.none
          : "\(Format.fixed(us.led.earned, 1))/\(Format.points(us.led.points)) \(s.points) · \(Format.percent(us.led.progress))",
        blocks: led.isEmpty ? [] : [.table(indicatorTable(ctx, led))]))
    if !supported.isEmpty {
      sections.append(
        Doc.Section(
          heading: "\(s.supported) (\(supported.count))", blocks: [.table(indicatorTable(ctx, supported))]))
    }
    let tasks = us.tasks.map { c.tasks[$0] }
    if !tasks.isEmpty {
      let rows = tasks.map { t -> Doc.Row in
        let st = ctx.standing.tasks[c.taskIndex[t.id]!]
        let qty = "\(st.value.map(Format.value) ?? "0")/\(Format.value(t.measure.target)) \(t.measure.unit)"
        let due = t.deadline.map { "\(s.deadline) \(Format.shortDate($0))" } ?? s.t("无期限", "no deadline")
        return Doc.Row(
          subject: t.id,
          cells: [
            .text(t.name), .bar(st.progress, st.status, Format.percent(st.progress)), .number(qty),
            .text(due),
          ])
      }
      let table = Doc.Table(
        columns: [
          Doc.Column(title: s.tasks), Doc.Column(title: s.t("进度", "progress")),
          Doc.Column(title: s.t("数量", "quantity"), numeric: true), Doc.Column(title: s.deadline),
        ], rows: rows)
      sections.append(Doc.Section(heading: "\(s.tasks) (\(tasks.count))", blocks: [.table(table)]))
    }
    let asOf = ctx.standing.asOf
    let open = c.problems.filter { $0.unit == id && $0.isOpen(on: asOf) }.sorted {
      ($0.deadline, $0.id) < ($1.deadline, $1.id)
    }
    let r = us.rectification
    let rows = open.map { p -> Doc.Row in
      let late =
        p.isOverdue(on: asOf)
        ? "\(s.overdue) \(asOf - p.deadline) \(s.days)" : "\(s.deadline) \(Format.shortDate(p.deadline))"
      return Doc.Row(
        subject: nil, cells: [.text(Format.shortDate(p.found)), .text(p.kind), .text(p.place), .text(late)])
    }
    sections.append(
      Doc.Section(
        heading: s.problems,
        note:
          "\(s.rectification) \(Format.rate(r.rate)) (\(r.fixedOnTime)/\(r.due)) · \(s.overdue) \(r.overdue) · \(s.open) \(r.open)",
        blocks: rows.isEmpty
          ? []
          : [
            .table(
              Doc.Table(
                columns: [
                  Doc.Column(title: s.t("发现", "found")), Doc.Column(title: s.t("类别", "kind")),
                  Doc.Column(title: s.t("地点", "place")), Doc.Column(title: s.deadline),
                ], rows: rows))
          ]))
    return sections
  }

  static func indicator(_ ctx: PageContext, id: String) -> [Doc.Section] {
    let c = ctx.campaign
    let s = ctx.s
    guard let i = c.indicatorIndex[id] else { return [] }
    let ind = c.indicators[i]
    let st = ctx.standing.indicators[i]
    let m = ind.measure
    let path = [
      c.categories.first { $0.id == ind.categoryID }?.name,
      c.categories.flatMap(\.items).first { $0.id == ind.itemID }?.name,
    ]
    .compactMap { $0 }.joined(separator: " › ")
    let arrow = m.direction == .up ? "↑" : "↓"
    let measure =
      m.kind == .yesno
      ? s.t("是/否", "yes/no") : "\(Format.value(m.baseline)) → \(Format.value(m.target)) \(m.unit) \(arrow)"
    let lead = ind.lead.flatMap(c.node)?.name ?? "⚠ \(s.noBlindSpot)"
    let support = ind.support.map { c.node($0)?.shortName ?? $0 }.joined(separator: "、")
    var facts = [
      Doc.Fact(label: s.definition, value: ind.definition.isEmpty ? "—" : ind.definition),
      Doc.Fact(label: s.measure, value: measure),
      Doc.Fact(
        label: s.method,
        value:
          "\(s.method(ind.method)) · \(s.deadline) \(ind.deadline) · \(Format.points(ind.points)) \(s.points)"
      ),
      Doc.Fact(
        label: s.owners, value: "\(s.lead) \(lead)" + (support.isEmpty ? "" : " · \(s.support) \(support)")),
    ]
    if let sc = c.node(ind.subCommand) {
      facts.append(Doc.Fact(label: s.subCommand, value: "[\(sc.key ?? 0)] \(sc.name)"))
    }
    let value = st.value.map { "\(Format.value($0)) \(m.unit)" } ?? s.noReport
    facts.append(
      Doc.Fact(
        label: s.t("当前", "now"),
        value: value + (st.reportedOn.map { " (\($0))" } ?? "")
          + " · \(Format.percent(st.progress)) · \(s.t("应达", "expected")) \(Format.percent(st.expected))",
        bar: st.progress, status: st.status))
    let values = ctx.data.indicatorTrend(i)
    let history = ctx.data.trendDates.enumerated().map { k, d -> Doc.Row in
      let p = ctx.data.trend[k].indicators[i]
      return Doc.Row(
        subject: nil,
        cells: [
          .text("\(d)"), .number(values[k].map(Format.value) ?? "—"),
          .bar(p.progress, p.status, Format.percent(p.progress)),
        ])
    }
    let entries = (c.series[.indicator(id)] ?? []).filter { $0.date <= ctx.standing.asOf }.suffix(5)
      .reversed()
    let notes = entries.map { e -> Doc.Row in
      Doc.Row(
        subject: nil,
        cells: [
          .text("\(e.date)"), .text(c.node(e.unit)?.shortName ?? e.unit),
          .number("\(Format.value(e.value)) \(m.unit)"), .text(e.note),
        ])
    }
    return [
      Doc.Section(heading: ind.name, note: "\(ind.id) · \(path)", blocks: [.facts(facts)]),
      Doc.Section(
        heading: s.history,
        blocks: [
          .table(
            Doc.Table(
              columns: [
                Doc.Column(title: s.t("日期", "date")), Doc.Column(title: s.t("数值", "value"), numeric: true),
                Doc.Column(title: s.t("进度", "progress")),
              ], rows: history))
        ]),
      Doc.Section(
        heading: s.notes,
        blocks: notes.isEmpty
          ? [.paragraph(s.noReport)]
          : [
            .table(
              Doc.Table(
                columns: [
                  Doc.Column(title: s.t("日期", "date")), Doc.Column(title: s.t("单位", "unit")),
                  Doc.Column(title: s.t("数值", "value"), numeric: true), Doc.Column(title: s.t("说明", "note")),
                ], rows: notes))
          ]),
    ]
  }

  static func brief(_ ctx: PageContext, _ b: Brief) -> [Doc.Section] {
    let s = ctx.s
    let totalFact = Doc.Fact(
      label: s.total,
      value:
        "\(Format.points(b.total.earned))/\(Format.points(b.total.points)) · \(Format.percent(b.total.progress))"
        + (b.totalPrevious == nil ? "" : " · " + BriefText.totalChange(b, s: s)),
      bar: b.total.progress, status: b.totalStatus)
    let rows = b.subCommands.map { line -> Doc.Row in
      Doc.Row(
        subject: line.node.id,
        cells: [
          .text("[\(line.node.key ?? 0)]"), .text(line.node.name),
          .bar(line.now.progress, line.status, Format.percent(line.now.progress)),
          .number(BriefText.change(line)),
          .number("\(line.lagging.count)"),
        ])
    }
    var sections = [
      Doc.Section(
        heading: s.t("创建工作通报", "Campaign circular"), note: BriefText.dates(b, s: s),
        blocks: [
          .facts([totalFact]),
          .table(
            Doc.Table(
              columns: [
                Doc.Column(title: s.t("键", "key")), Doc.Column(title: s.subCommand),
                Doc.Column(title: s.t("进度", "progress")),
                Doc.Column(title: s.t("较上次", "change"), numeric: true),
                Doc.Column(title: s.lagging, numeric: true),
              ], rows: rows)),
        ])
    ]
    var first = true
    for line in b.subCommands where !line.lagging.isEmpty {
      sections.append(
        Doc.Section(
          heading: BriefText.laggingHeading(line, s: s), blocks: [.table(indicatorTable(ctx, line.lagging))],
          pageBreak: first))
      first = false
    }
    let units = b.overdueUnits.map(\.node)
    sections.append(
      Doc.Section(
        heading: BriefText.overdueHeading(units.count, s: s), note: units.isEmpty ? s.none : "",
        blocks: units.isEmpty ? [] : [.table(unitTable(ctx, units, title: s.units))], pageBreak: true))
    // The red and black lists of the as-of meeting (`Brief.lists`).
    for list in b.lists {
      let rows = list.entries.map {
        Doc.Row(subject: $0.unit.id, cells: [.text($0.unit.name), .text($0.note)])
      }
      sections.append(
        Doc.Section(
          heading: list.title,
          blocks: [
            .table(
              Doc.Table(
                columns: [Doc.Column(title: s.units), Doc.Column(title: s.t("说明", "note"))], rows: rows))
          ]))
    }
    return sections
  }
}
