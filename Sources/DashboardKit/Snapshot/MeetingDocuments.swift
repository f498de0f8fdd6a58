import CampaignKit

extension DocumentBuilder {
  // MARK: - 测评体系

  static func indicators(_ ctx: PageContext) -> [Doc.Section] {
    let c = ctx.campaign
    let s = ctx.s
    let st = ctx.standing
    let pace = c.info.pace
    let delta = DeltaColumn(width: ctx.width)
    func change(_ d: Delta?) -> Doc.Value {
      .number(d.map { delta.text($0, s: s, glyphs: ctx.glyphs) } ?? "")
    }
    func group(_ id: String, _ name: String, _ agg: Aggregate, _ d: Delta?) -> Doc.Row {
      let status = agg.status(on: st.asOf, pace: pace)
      return Doc.Row(
        subject: id,
        cells: [
          .text(name), .bar(agg.progress, status, Format.percent(agg.progress)), change(d), .status(status),
          .text(""), .number("\(Format.fixed(agg.earned, 1))/\(Format.points(agg.points))\(s.points)"),
        ])
    }
    let itemCount = c.categories.reduce(0) { $0 + $1.items.count }
    let summary =
      "\(c.categories.count) \(s.t("类", "categories")) · \(itemCount) \(s.t("个测评项目", "items")) · \(c.indicators.count) \(s.t("项指标", "indicators")) · \(Format.points(st.total.earned))/\(Format.points(st.total.points)) \(s.points)"
    let columns = [
      Doc.Column(title: s.t("类别 › 项目 › 指标", "category › item › indicator")),
      Doc.Column(title: s.t("进度", "progress")), Doc.Column(title: s.t("较上次", "change"), numeric: true),
      Doc.Column(title: s.t("状态", "status")), Doc.Column(title: s.deadline),
      Doc.Column(title: s.t("得分", "earned"), numeric: true),
    ]
    var sections = [Doc.Section(heading: s.tab(.indicators), blocks: [.paragraph(summary)])]
    for cat in c.categories {
      var rows = [group(cat.id, cat.name, st.category(cat.id), ctx.data.categoryDelta(cat.id))]
      for item in cat.items {
        rows.append(
          group(item.id, "　" + item.name, st.items[item.id] ?? Aggregate(), ctx.data.itemDelta(item.id)))
        for ind in item.indicators {
          guard let i = c.indicatorIndex[ind.id] else { continue }
          let x = st.indicators[i]
          rows.append(
            Doc.Row(
              subject: ind.id,
              cells: [
                .text("　　" + ind.name), .bar(x.progress, x.status, Format.percent(x.progress)),
                change(ctx.data.indicatorDelta(i)), .status(x.status), .text(Format.shortDate(ind.deadline)),
                .number("\(Format.fixed(x.earned, 1))/\(Format.points(ind.points))\(s.points)"),
              ]))
        }
      }
      sections.append(
        Doc.Section(
          heading: cat.name, note: cat.id, blocks: [.table(Doc.Table(columns: columns, rows: rows))]))
    }
    return sections
  }

  // MARK: - 问题台账

  static func problems(_ ctx: PageContext) -> [Doc.Section] {
    let c = ctx.campaign
    let s = ctx.s
    let day = ctx.standing.asOf
    let list = LedgerTab.problems(ctx)
    let sum = MeetingData.LedgerSummary(list, on: day)
    let summary =
      "\(sum.count) \(s.t("条", "problems")) · \(s.open) \(sum.open) · \(s.overdue) \(sum.overdue) · \(s.rectification) \(Format.rate(sum.rate)) (\(sum.fixedOnTime)/\(sum.due))"
    let rows = list.map { p -> Doc.Row in
      let unit = c.node(p.unit)
      let late = p.isOverdue(on: day) ? "\(day - p.deadline)\(s.days)" : ""
      return Doc.Row(
        subject: p.id,
        cells: [
          .number(late), .text(Format.shortDate(p.found)), .text(unit?.shortName ?? p.unit), .text(p.kind),
          .text(p.place), .text(s.source(p.source)), .text(Format.shortDate(p.deadline)),
          .text(LedgerTab.stateWord(p, on: day, s: s).0),
        ])
    }
    let table = Doc.Table(
      columns: [
        Doc.Column(title: s.t("逾期", "late"), numeric: true), Doc.Column(title: s.t("发现", "found")),
        Doc.Column(title: s.t("责任单位", "unit")), Doc.Column(title: s.t("类别", "kind")),
        Doc.Column(title: s.t("地点", "place")), Doc.Column(title: s.t("来源", "source")),
        Doc.Column(title: s.deadline), Doc.Column(title: s.t("状态", "state")),
      ], rows: rows)
    let units = MeetingData.ledgerUnits(ctx)
    let unitRows = units.map { u -> Doc.Row in
      let r = ctx.standing.unit(u.id).rectification
      return Doc.Row(
        subject: u.id,
        cells: [
          .text(u.name), r.rate.map { .bar($0, nil, Format.rate($0)) } ?? .text(Format.rate(nil)),
          .number("\(r.fixedOnTime)/\(r.due)"), .number("\(r.overdue)"), .number("\(r.open)"),
        ])
    }
    return [
      Doc.Section(
        heading: s.tab(.problems), note: summary,
        blocks: list.isEmpty ? [.paragraph(s.t("没有符合条件的问题", "no problem matches"))] : [.table(table)]),
      Doc.Section(
        heading: "\(s.t("各单位整改率", "Fix rate by unit")) (\(units.count))",
        note: s.t("按期整改 / 到期", "fixed on time / due"),
        blocks: [
          .table(
            Doc.Table(
              columns: [
                Doc.Column(title: s.units), Doc.Column(title: s.rectification),
                Doc.Column(title: s.t("按期/到期", "on time/due"), numeric: true),
                Doc.Column(title: s.overdue, numeric: true), Doc.Column(title: s.open, numeric: true),
              ], rows: unitRows))
        ], pageBreak: true),
    ]
  }

  static func problem(_ ctx: PageContext, id: String) -> [Doc.Section] {
    let c = ctx.campaign
    let s = ctx.s
    let day = ctx.standing.asOf
    guard let p = c.problems.first(where: { $0.id == id }) else { return [] }
    var facts: [Doc.Fact] = []
    if !p.description.isEmpty {
      facts.append(Doc.Fact(label: s.t("描述", "Description"), value: p.description))
    }
    var state = LedgerTab.stateWord(p, on: day, s: s).0
    if p.isOverdue(on: day) { state += " \(day - p.deadline) \(s.days)" }
    if let f = p.fixed, f <= day, f > p.deadline { state += " (\(f - p.deadline) \(s.days))" }
    facts.append(Doc.Fact(label: s.t("状态", "State"), value: state))
    facts.append(
      Doc.Fact(
        label: s.t("发现", "Found"), value: "\(p.found) · \(s.source(p.source)) · \(s.severity(p.severity))"))
    facts.append(
      Doc.Fact(
        label: s.deadline,
        value: "\(p.deadline)"
          + (p.fixed.map { f in f <= day ? " · \(s.t("整改于", "fixed on")) \(f)" : "" } ?? "")))
    var blocks: [Doc.Block] = [.facts(facts)]
    if p.found > day { blocks.append(.paragraph(s.t("截至当日尚未发现", "not yet found on the as-of date"))) }
    let r = ctx.standing.unit(p.unit).rectification
    var rows = [
      Doc.Row(
        subject: p.unit,
        cells: [
          .text(s.t("责任单位", "Unit")), .text(c.node(p.unit)?.name ?? p.unit),
          .text(
            "\(s.rectification) \(Format.rate(r.rate)) (\(r.fixedOnTime)/\(r.due)) · \(s.overdue) \(r.overdue)"
          ),
        ])
    ]
    if let sc = c.subCommandOfUnit[p.unit].flatMap(c.node) {
      rows.append(
        Doc.Row(
          subject: sc.id, cells: [.text(s.subCommand), .text("[\(sc.key ?? 0)] \(sc.name)"), .text("")]))
    }
    blocks.append(
      .table(
        Doc.Table(
          columns: [
            Doc.Column(title: ""), Doc.Column(title: s.t("名称", "name")), Doc.Column(title: s.t("说明", "note")),
          ], rows: rows)))
    return [Doc.Section(heading: "\(p.kind) · \(p.place)", note: p.id, blocks: blocks)]
  }

  // MARK: - 红黑榜

  static func rankTable(_ ctx: PageContext, _ entries: [RankEntry]) -> Doc.Table {
    let s = ctx.s
    let r = ctx.data.ranking
    let rows = entries.map { e -> Doc.Row in
      let mark: String =
        switch r.mark(e.unit) {
        case .red: s.t("红榜", "RED")
        case .black: s.t("黑榜", "BLK")
        case nil: ""
        }
      return Doc.Row(
        subject: e.unit,
        cells: [
          .number("\(e.rank)"), .text(mark), .text(ctx.campaign.node(e.unit)?.name ?? e.unit),
          .bar(e.rate, nil, Format.percent(e.rate)),
          .number("\(e.rectification.fixedOnTime)/\(e.rectification.due)"),
          .number(e.leadsIndicators ? Format.percent(e.progress) : "—"),
          .number(MeetingData.rankChange(e.unit, ctx) ?? ""),
          .text(r.escalation(e.unit).map { RankingsTab.escalationText($0, s: s) } ?? ""),
        ])
    }
    return Doc.Table(
      columns: [
        Doc.Column(title: s.t("名次", "rank"), numeric: true), Doc.Column(title: s.t("榜", "list")),
        Doc.Column(title: s.units), Doc.Column(title: s.rectification),
        Doc.Column(title: s.t("按期/到期", "on time/due"), numeric: true),
        Doc.Column(title: s.t("指标进度", "indicators"), numeric: true),
        Doc.Column(title: s.t("名次变化", "change"), numeric: true),
        Doc.Column(title: s.t("问责", "escalation")),
      ], rows: rows)
  }

  static func rankings(_ ctx: PageContext) -> [Doc.Section] {
    let s = ctx.s
    let r = ctx.data.ranking
    let rules = r.rules
    let since = r.previousMeeting.map { s.t("排名变化较 \($0)", "rank change since \($0)") } ?? ""
    let counts =
      s.t("\(r.ranked.count) 个单位参与排名", "\(r.ranked.count) units ranked")
      + (r.unranked.isEmpty
        ? "" : s.t(" · \(r.unranked.count) 个尚无到期问题", " · \(r.unranked.count) with nothing due"))
      + (since.isEmpty ? "" : " · " + since)
    func list(_ entries: [RankEntry]) -> [Doc.Block] {
      entries.isEmpty ? [.paragraph(s.none)] : [.table(rankTable(ctx, entries))]
    }
    return [
      Doc.Section(
        heading: MeetingData.meetingTitle(ctx),
        note: s.t("按整改率排名，并列按牵头指标进度", "by fix rate; ties by indicator progress"), blocks: [.paragraph(counts)]
      ),
      Doc.Section(
        heading: "\(s.t("红榜", "Red list")) (\(r.red.count)/\(rules.redListSize))", blocks: list(r.red)),
      Doc.Section(
        heading: "\(s.t("黑榜", "Black list")) (\(r.black.count)/\(rules.blackListSize))",
        note: rules.escalation.isEmpty
          ? "" : s.t("连续上榜：", "in a row: ") + rules.escalation.joined(separator: " → "),
        blocks: list(r.black)),
      Doc.Section(
        heading: "\(s.t("全部排名", "All ranked")) (\(r.ranked.count))", blocks: list(r.ranked), pageBreak: true),
    ]
  }

  static func rankHistory(_ ctx: PageContext, id: String) -> [Doc.Section] {
    let s = ctx.s
    let c = ctx.campaign
    guard let node = c.node(id) else { return [] }
    let h = ctx.data.ranking.history(id)
    let sc = c.subCommandOfUnit[id].flatMap(c.node).map { "[\($0.key ?? 0)] \($0.shortName)" } ?? ""
    let rows = h.reversed().map { p -> Doc.Row in
      let mark: String =
        switch p.mark {
        case .red: s.t("红榜", "red list")
        case .black: s.t("黑榜", "black list")
        case nil: ""
        }
      return Doc.Row(
        subject: nil,
        cells: [
          .text("\(p.meeting)"),
          .text(p.rank.map { s.t("第\($0)/\(p.of)名", "#\($0) of \(p.of)") } ?? s.t("未排名", "not ranked")),
          .number(p.rank == nil ? "" : Format.rate(p.rate)), .text(mark),
          .text(p.escalation.map { RankingsTab.escalationText($0, s: s) } ?? ""),
        ])
    }
    return [
      Doc.Section(
        heading: node.name, note: s.t("历次调度会排名", "rank at every meeting"),
        blocks: [
          .table(
            Doc.Table(
              columns: [Doc.Column(title: s.units), Doc.Column(title: s.subCommand)],
              rows: [Doc.Row(subject: id, cells: [.text(node.name), .text(sc)])]))
        ]),
      Doc.Section(
        heading: s.t("历次调度会", "Every meeting"), note: s.t("新的在前", "newest first"),
        blocks: [
          .table(
            Doc.Table(
              columns: [
                Doc.Column(title: s.t("调度会", "meeting")), Doc.Column(title: s.t("名次", "rank")),
                Doc.Column(title: s.rectification, numeric: true), Doc.Column(title: s.t("榜", "list")),
                Doc.Column(title: s.t("问责", "escalation")),
              ], rows: rows))
        ]),
    ]
  }

  // MARK: - 责任落实

  static func audit(_ ctx: PageContext) -> [Doc.Section] {
    let c = ctx.campaign
    let s = ctx.s
    let gaps = ResponsibilityAudit.run(c)
    let rows = gaps.map { g -> Doc.Row in
      switch g.kind {
      case .indicatorWithoutLead(let id):
        let ind = c.indicator(id)
        let sc = ind.flatMap { c.node($0.subCommand) }.map { "[\($0.key ?? 0)] \($0.shortName)" } ?? ""
        return Doc.Row(
          subject: id,
          cells: [
            .text(s.t("无牵头单位", "no lead unit")),
            .text("\(ind?.name ?? id) · \(Format.points(ind?.points ?? 0))\(s.points) · \(sc)"),
          ])
      case .unitWithoutResponsibility(let id):
        return Doc.Row(
          subject: id,
          cells: [
            .text(s.t("无责任分工", "no share")),
            .text("\(c.node(id)?.name ?? id) · \(s.t("不牵头、不配合任何指标或任务", "leads or supports nothing"))"),
          ])
      case .taskWithoutDeadline(let id):
        return Doc.Row(
          subject: id, cells: [.text(s.t("任务无期限", "no deadline")), .text(c.task(id)?.name ?? id)])
      case .pointsMismatch(let sum, let declared):
        return Doc.Row(
          subject: nil,
          cells: [
            .text(s.t("分值不符", "points")),
            .text(
              s.t(
                "分值合计 \(Format.points(sum))，与总分 \(Format.points(declared)) 不符",
                "points add up to \(Format.points(sum)), declared \(Format.points(declared))")),
          ])
      }
    }
    let m = MeetingData.AuditMatrix(ctx)
    func cells(_ values: [Double], _ total: Double) -> [Doc.Value] {
      values.map { .number($0 > 0 ? Format.points($0) : "·") } + [.number(Format.points(total))]
    }
    var matrixRows = c.subCommands.enumerated().map { k, sc -> Doc.Row in
      let note: String =
        switch m.note(k) {
        case "gap": s.t("空缺", "gap")
        case "heavy": s.t("过载", "heavy")
        default: ""
        }
      return Doc.Row(
        subject: sc.id,
        cells: [.text("[\(sc.key ?? 0)] \(sc.shortName)")] + cells(m.owned[k], m.totals[k]) + [.text(note)])
    }
    matrixRows.append(
      Doc.Row(
        subject: nil,
        cells: [.text(s.t("其中无牵头", "of which no lead"))] + cells(m.noLead, m.noLead.reduce(0, +)) + [
          .text("")
        ]))
    matrixRows.append(
      Doc.Row(
        subject: nil,
        cells: [.text(s.t("合计", "total"))] + cells(m.categoryTotals, m.categoryTotals.reduce(0, +)) + [
          .text("")
        ]))
    let matrix = Doc.Table(
      columns: [Doc.Column(title: s.subCommand)]
        + m.categories.map { Doc.Column(title: $0.shortName, numeric: true) }
        + [Doc.Column(title: s.t("合计", "total"), numeric: true), Doc.Column(title: s.t("备注", "note"))],
      rows: matrixRows)
    return [
      Doc.Section(
        heading: "\(s.t("盲区", "Blind spots")) (\(gaps.count))",
        note: s.t(
          "层层有人管，项项有人抓，事事有人干，限时必达标", "everyone managed, every item owned, every task done, every deadline met"
        ),
        blocks: gaps.isEmpty
          ? [
            .paragraph(s.t("无盲区：每项指标都有牵头单位，每个单位都有责任", "none: every indicator has a lead, every unit a share"))
          ]
          : [
            .table(
              Doc.Table(
                columns: [Doc.Column(title: s.t("盲区", "gap")), Doc.Column(title: s.t("内容", "what"))],
                rows: rows))
          ]),
      Doc.Section(
        heading: s.t("分指挥部 × 测评类别", "Sub-commands × categories"),
        note: s.t("所负责指标的分值", "points of the indicators each answers for"), blocks: [.table(matrix)]),
    ]
  }
}
