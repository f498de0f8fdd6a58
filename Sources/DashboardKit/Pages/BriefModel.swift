import CampaignKit

/// 通报, the weekly circular, as a document an office can issue: the masthead (issuing office,
/// series and 第N期, date), then 一、总体情况, 二、各分指挥部 (bars, changes, the indicators that
/// need attention with their lead unit, under the liaison leader), 三、未报送 (催报, by
/// sub-command), 四、逾期未整改问题 (by unit), 五、红黑榜 (the black list with its escalation step,
/// what it means and the deadline), 六、下步工作要求 (`notes/`), the signature with the seal's
/// space, and 报送/抄送. Everything comes from the data; the office only writes the notes.
enum BriefModel {
  static func build(_ ctx: PageContext) -> PageModel { build(ctx, brief: Brief(ctx)) }

  static func build(_ ctx: PageContext, brief b: Brief) -> PageModel {
    let s = ctx.s
    let info = ctx.campaign.info
    let issueDay = b.meeting?.day ?? b.asOf
    var m = PageModel()
    m.blocks.append(.masthead(masthead(ctx, b)))
    var n = 0
    func section(_ title: String, note: String = "") {
      n += 1
      m.heading(s.section(n, title), note: note)
    }
    section(s.overallSection)
    m.paragraph(overall(ctx, b), role: .text)
    m.paragraph(counts(ctx), role: .text)
    section(s.subCommandSection)
    m.table(subCommandTable(ctx, b))
    var k = 0
    for line in b.subCommands where !line.lagging.isEmpty {
      k += 1
      m.subheading(
        s.language == .zh
          ? "（\(["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][min(k, 10) - 1])）\(line.node.name) · \(s.needsAttention) \(line.lagging.count)"
          : "\(line.node.name) · \(line.lagging.count) \(s.needsAttention)",
        note: liaison(ctx, line.node).map { "\(s.liaisonLeader) \($0)" } ?? "")
      m.table(laggingTable(ctx, line.lagging))
    }
    section(s.notReportedSection, note: s.reportingWeek(b.week.start, b.week.end))
    if b.missing.isEmpty {
      m.paragraph(s.allReported, role: .text)
    } else {
      m.table(missingTable(ctx, b))
    }
    section(
      s.overdueSection,
      note: b.overdueProblems.isEmpty
        ? "" : s.problemCount(b.overdueProblems.reduce(0) { $0 + $1.problems.count }))
    if b.overdueProblems.isEmpty {
      m.paragraph(s.noOverdueProblems, role: .text)
    } else {
      m.table(overdueTable(ctx, b))
    }
    section(s.listsSection, note: b.meeting.map { s.meetingNumber($0.number) } ?? "")
    if b.lists.isEmpty { m.paragraph(s.noLists, role: .text) }
    for list in b.lists {
      m.subheading(list.title)
      m.table(list.isBlack ? blackTable(ctx, list.entries) : redTable(ctx, list.entries))
      if list.isBlack { m.paragraph(s.blackListRule) }
    }
    if let note = b.meeting.flatMap({ ctx.campaign.notes[$0.day] }), !note.items.isEmpty {
      section(s.nextStepsSection)
      m.blocks.append(.list(note.items))
    }
    let c = info.circular
    m.blocks.append(
      .signature(
        PageSignature(
          issuer: c.office ?? c.officeShort ?? info.title, date: s.longDate(issueDay), seal: c.seal)))
    let sep = s.language == .zh ? "，" : ", "
    let end = s.language == .zh ? "。" : "."
    if !c.submitTo.isEmpty { m.fact(s.submitTo, c.submitTo.joined(separator: sep) + end, wraps: true) }
    if !c.copyTo.isEmpty { m.fact(s.copyTo, c.copyTo.joined(separator: sep) + end, wraps: true) }
    return m
  }

  static func masthead(_ ctx: PageContext, _ b: Brief) -> PageMasthead {
    let s = ctx.s
    let info = ctx.campaign.info
    let c = info.circular
    let series = c.series ?? s.circularSeries
    return PageMasthead(
      office: c.office ?? info.title,
      series: b.meeting.map { "\(series) \(s.issue($0.number))" } ?? series,
      issuer: c.officeShort ?? c.office ?? info.title, date: s.longDate(b.meeting?.day ?? b.asOf),
      note: b.meeting.map { s.meetingNumber($0.number) } ?? "")
  }

  /// 截至2016年9月2日，全市创建工作得分97.5分（满分134分），完成72.8%，较第34次调度会提高…
  static func overall(_ ctx: PageContext, _ b: Brief) -> String {
    let s = ctx.s
    let prevNumber = b.previousMeeting.flatMap { ctx.campaign.info.meetingNumber($0) }
    let change = b.totalPrevious.map { p in
      (
        meeting: prevNumber.map { s.meetingNumber($0) } ?? s.previousMeeting,
        words: prose(s, b.total.earned - p.earned, (b.total.progress - p.progress) * 100)
      )
    }
    return s.overall(
      asOf: s.longDate(b.asOf), earned: Format.fixed(b.total.earned, 1),
      points: Format.points(b.total.points),
      percent: Format.percent(b.total.progress, digits: 1), change: change)
  }

  /// A change in words, to one decimal (two when it is smaller than 0.05).
  static func prose(_ s: Strings, _ points: Double, _ pp: Double) -> String {
    s.change(
      points, points: Format.fixed(abs(points), abs(points) < 0.05 ? 2 : 1),
      percentPoints: Format.fixed(abs(pp), abs(pp) < 0.05 ? 2 : 1))
  }

  /// The indicators counted by mark, each as glyph and word, and 需关注.
  static func counts(_ ctx: PageContext) -> String {
    let h = HeaderFigures(ctx.data)
    let parts = StatusMark.allCases.filter { h.count($0) > 0 }.map {
      ctx.s.countOf("\(ctx.glyphs.statusGlyph($0))\(ctx.s.status($0))", h.count($0))
    }
    return ctx.s.indicatorCounts(ctx.campaign.indicators.count, parts, attention: h.needsAttention)
  }

  /// The sub-command's liaison leader by title (`常务副市长`), or its first leader's.
  static func liaison(_ ctx: PageContext, _ node: OrgNode) -> String? {
    (node.leaders.first { $0.role == "联系领导" } ?? node.leaders.first)?.title
  }

  static func subCommandTable(_ ctx: PageContext, _ b: Brief) -> PageTable {
    let s = ctx.s
    var t = PageTable([
      PageColumn("key", s.subCommandNumberHeader, min: 3),
      PageColumn("name", s.subCommand, min: 8, max: 28),
      PageColumn("liaison", s.liaisonLeaderHeader, min: 6, max: 24, priority: 2),
      PageColumn("progress", s.progress, min: 12, max: 40, flex: 1, priority: 1),
      PageColumn("percent", s.percentSign, min: 4, align: .right),
      PageColumn("change", s.sinceLast, min: 5, align: .right),
      PageColumn("needsAttention", s.needsAttention, min: 4, align: .right),
    ])
    t.rows = b.subCommands.map { line in
      let n = line.lagging.count
      return PageRow(
        [
          .key(line.node.key ?? 0), .name(line.node.name, short: line.node.short),
          .text(liaison(ctx, line.node) ?? "", role: .dim),
          .bar(line.now.progress, mark: StatusMark(line.status), glyph: true), .percent(line.now.progress),
          .delta(line.previous.map { line.now.progress - $0.progress }, unit: .percentPoints),
          .count(n, role: n > 0 ? .behind : .dim),
        ], target: .subCommand(line.node.id), filter: line.node.name)
    }
    return t
  }

  /// A sub-command's indicators that need attention, each with its lead unit.
  static func laggingTable(_ ctx: PageContext, _ list: [Indicator]) -> PageTable {
    let s = ctx.s
    var t = PageTable([
      PageColumn("name", s.indicatorHeader, min: 10, max: 40),
      PageColumn("lead", s.leadUnitHeader, min: 6, max: 32, priority: 3),
      PageColumn("progress", s.progress, min: 10, max: 30, flex: 1, priority: 1),
      PageColumn("percent", s.percentSign, min: 4, align: .right),
      PageColumn("change", s.sinceLast, min: 7, priority: 4, align: .right),
      PageColumn("status", s.statusHeader, min: s.statusWidth, priority: 2),
      PageColumn("deadline", s.deadlineHeader, min: 5, priority: 5),
    ])
    t.rows = list.map { ind in
      let i = ctx.campaign.indicatorIndex[ind.id]!
      let st = ctx.standing.indicators[i]
      let mark = StatusMark(st)
      let reported = mark != .notReported
      let lead = ind.lead.flatMap(ctx.campaign.node)
      return PageRow(
        [
          .name(ind.name, short: nil),
          lead.map { .name($0.name, short: $0.short) } ?? .text(s.noLeadUnit, role: .atRisk),
          .bar(reported ? st.progress : nil, mark: mark), .percent(reported ? st.progress : nil),
          .delta(ctx.data.indicatorDelta(i)?.points, unit: .points), .status(mark),
          .date(ind.deadline, role: st.status == .overdue ? .overdue : .dim),
        ], target: .indicator(ind.id), filter: ind.name + " " + ind.id + " " + (lead?.name ?? ""))
    }
    return t
  }

  /// 催报: per sub-command, the units with no report this week (weeks in a row after a name
  /// when more than one), and the longest run.
  static func missingTable(_ ctx: PageContext, _ b: Brief) -> PageTable {
    let s = ctx.s
    var t = PageTable([
      PageColumn("subCommand", s.subCommand, min: 8, max: 28),
      PageColumn("units", s.unitsNotReportedHeader, min: 20, flex: 1),
      PageColumn("count", s.countHeader, min: 3, align: .right),
      PageColumn("weeksInARow", s.longestRunHeader, min: 6, align: .right),
    ])
    var groups: [(sc: OrgNode?, list: [MissingReport])] = ctx.campaign.subCommands.map { sc in
      (sc, b.missing.filter { $0.subCommand == sc.id })
    }
    groups.append((nil, b.missing.filter { $0.subCommand == nil }))
    for g in groups where !g.list.isEmpty {
      let names = g.list.map { r -> String in
        let name = ctx.campaign.node(r.unit)?.name ?? r.unit
        return r.weeksInARow > 1 ? s.nameWithWeeks(name, r.weeksInARow) : name
      }
      t.rows.append(
        PageRow(
          [
            g.sc.map { .name($0.name, short: $0.short) } ?? .text(s.none, role: .dim),
            .text(names.joined(separator: s.enumerationComma)), .count(g.list.count, role: .behind),
            .text(s.weeks(g.list.map(\.weeksInARow).max() ?? 1), role: .dim),
          ], target: g.sc.map { .subCommand($0.id) }, subject: g.sc?.id,
          filter: (g.sc?.name ?? "") + " " + names.joined(separator: " ")))
    }
    return t
  }

  /// Overdue problems grouped by unit: the unit named on its first row.
  static func overdueTable(_ ctx: PageContext, _ b: Brief) -> PageTable {
    let s = ctx.s
    var t = PageTable([
      PageColumn("unit", s.unitHeader, min: 8, max: 24),
      PageColumn("place", s.placeHeader, min: 8, max: 30, flex: 1),
      PageColumn("kind", s.kindHeader, min: 6, max: 24, flex: 1, priority: 2),
      PageColumn("deadline", s.dueHeader, min: 5),
      PageColumn("daysOverdue", s.daysOverdueHeader, min: 4, align: .right),
    ])
    for group in b.overdueProblems {
      for (i, p) in group.problems.enumerated() {
        t.rows.append(
          PageRow(
            [
              i == 0 ? .name(group.unit.name, short: group.unit.short) : .empty, .text(p.place),
              .text(p.kind, role: .dim), .date(p.deadline, role: .overdue),
              .count(b.asOf - p.deadline, role: .overdue),
            ], target: .problem(p.id), filter: group.unit.name + " " + p.place + " " + p.kind + " " + p.id))
      }
    }
    return t
  }

  static func redTable(_ ctx: PageContext, _ entries: [RankEntry]) -> PageTable {
    let s = ctx.s
    var t = PageTable([
      PageColumn("rank", s.rankHeader, min: 4, align: .right),
      PageColumn("name", s.unitHeader, min: 8, max: 40, flex: 1),
      PageColumn("rate", s.fixRate, min: 4, align: .right),
      PageColumn("fixedOnTime", s.fixedOnTimeOfDue, min: 5, align: .right),
    ])
    t.rows = entries.map { e in
      let node = ctx.campaign.node(e.unit)
      return PageRow(
        [
          .count(e.rank, role: .title), .name(node?.name ?? e.unit, short: node?.short),
          .percent(e.rate, role: .done), .ratio(e.rectification.fixedOnTime, e.rectification.due),
        ], target: .rankHistory(e.unit), subject: e.unit, filter: (node?.name ?? "") + " " + e.unit)
    }
    return t
  }

  /// The black list with each unit's escalation step, what it means and the date to fix by
  /// (the meeting plus the step's days to fix).
  static func blackTable(_ ctx: PageContext, _ entries: [RankEntry]) -> PageTable {
    let s = ctx.s
    let r = ctx.data.ranking
    var t = PageTable([
      PageColumn("rank", s.rankHeader, min: 4, align: .right),
      PageColumn("name", s.unitHeader, min: 8, max: 30),
      PageColumn("rate", s.fixRate, min: 4, align: .right),
      PageColumn("step", s.stepHeader, min: 6, max: 32),
      PageColumn("action", s.stepMeaningHeader, min: 10, max: 50, flex: 1, priority: 2),
      PageColumn("fixBy", s.fixByHeader, min: 5),
    ])
    t.rows = entries.map { e in
      let node = ctx.campaign.node(e.unit)
      let esc = r.escalation(e.unit)
      let rule = esc.flatMap { r.rules.rule(level: $0.level) }
      return PageRow(
        [
          .count(e.rank, role: .title), .name(node?.name ?? e.unit, short: node?.short),
          .percent(e.rate, role: .atRisk),
          esc.map { .text(RankingsModel.escalationText($0, s: s), role: $0.level >= 1 ? .overdue : .atRisk) }
            ?? .empty,
          rule?.action.map { .text($0) } ?? .empty,
          rule?.daysToFix.map { .date(r.meeting + $0, role: .overdue) } ?? .empty,
        ], target: .rankHistory(e.unit), subject: e.unit, filter: (node?.name ?? "") + " " + e.unit)
    }
    return t
  }
}
