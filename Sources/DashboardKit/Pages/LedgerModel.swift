import CampaignKit

/// 问题台账: the rectification ledger on the as-of date, filtered by state (`f`), sub-command
/// (`g`), source (`o`) and the `/` text; most days overdue first. Below it, the rectification
/// rate of each unit with problems. Every count follows the filters.
enum LedgerModel {
  /// The problems the filters let through, known on the as-of date, most overdue first, then
  /// open ones by deadline, then fixed ones (latest fix first).
  static func problems(_ ctx: PageContext) -> [Problem] {
    let c = ctx.campaign
    let day = ctx.standing.asOf
    let f = ctx.app.ledger
    let scID = f.subCommandKey.flatMap { ctx.app.subCommandKeys[$0] }
    let needle = ctx.app.filter.lowercased()
    let list = c.problems.filter { p in
      guard p.found <= day else { return false }
      if let sc = scID, c.subCommandOfUnit[p.unit] != sc { return false }
      if let src = f.source, p.source != src { return false }
      if let g = f.grid, p.grid != g { return false }
      if !needle.isEmpty, !filterText(p, ctx).lowercased().contains(needle) { return false }
      switch f.state {
      case .all: return true
      case .open: return p.isOpen(on: day)
      case .overdue: return p.isOverdue(on: day)
      case .fixed: return p.isFixed(by: day)
      case .awaitingVerification: return p.isAwaitingVerification(on: day)
      }
    }
    return ordered(list, on: day)
  }

  /// The ledger's order on `day`: most days overdue first, then open problems by deadline, then
  /// fixed ones (latest fix first); the id breaks ties. A grid cell's page uses it too.
  static func ordered(_ list: [Problem], on day: Day) -> [Problem] {
    func overdueDays(_ p: Problem) -> Int { p.isOverdue(on: day) ? day - p.deadline : -1 }
    return list.sorted { a, b in
      let da = overdueDays(a)
      let db = overdueDays(b)
      if da != db { return da > db }
      let fa = a.isFixed(by: day)
      let fb = b.isFixed(by: day)
      if fa != fb { return !fa }
      let ca = a.cycle(on: day).fixed
      let cb = b.cycle(on: day).fixed
      if fa, ca != cb { return (ca ?? day) > (cb ?? day) }
      if a.deadline != b.deadline { return a.deadline < b.deadline }
      return a.id < b.id
    }
  }

  static func filterText(_ p: Problem, _ ctx: PageContext) -> String {
    let unit = ctx.campaign.node(p.unit)
    let grid = p.grid.flatMap(ctx.campaign.node)
    return [p.place, p.kind, p.id, unit?.name ?? "", unit?.short ?? "", grid?.name ?? "", p.description]
      .joined(separator: " ")
  }

  static func build(_ ctx: PageContext) -> PageModel {
    let c = ctx.campaign
    let s = ctx.s
    let day = ctx.standing.asOf
    let f = ctx.app.ledger
    let list = problems(ctx)
    var m = PageModel()
    let sc = f.subCommandKey.flatMap { ctx.app.subCommandKeys[$0] }.flatMap(c.node).map {
      ctx.keyed($0, short: true)
    }
    let grid = f.grid.map { c.node($0)?.name ?? $0 }
    // The filters in words; their keys (f, g, o, w) are on the key line, which paper does not have.
    m.paragraph(
      "\(s.stateHeader): \(s.ledgerState(f.state))   \(s.subCommand): \(sc ?? s.all)   \(s.sourceHeader): \(f.source.map(s.source) ?? s.all)"
        + (grid.map { "   \(s.gridHeader): \($0)" } ?? ""),
      role: .text)
    let sum = MeetingData.LedgerSummary(list, on: day)
    var line = "\(s.problemCount(sum.count)) · \(s.open) \(sum.open) · \(s.overdue) \(sum.overdue)"
    // A rate over open (or only fixed) problems means nothing: it is shown for all states only.
    if f.state == .all { line += " · \(s.fixRate) \(Format.rate(sum.rate)) (\(sum.fixedOnTime)/\(sum.due))" }
    m.paragraph(line, role: .text)
    m.gap()
    let t = problemTable(ctx, list, on: day, withUnitAndSource: true)
    if list.isEmpty { m.paragraph(s.noProblemMatches) } else { m.table(t) }
    let units = MeetingData.ledgerUnits(ctx)
    m.gap()
    m.heading("\(s.fixRateByUnit) (\(units.count))", note: s.fixedOnTimeOfDue)
    var u = PageTable([
      PageColumn("name", s.unitHeader, min: 8, max: 40),
      PageColumn("progress", s.fixRate, min: 10, max: 30, flex: 1, priority: 1),
      PageColumn("rate", s.percentSign, min: 4, align: .right),
      PageColumn("fixedOnTime", s.fixedOnTimeOfDue, min: 5, align: .right),
      PageColumn("overdue", s.overdue, min: 4, align: .right),
      PageColumn("open", s.open, min: 4, align: .right),
    ])
    u.rows = units.map { n in
      let r = ctx.standing.unit(n.id).rectification
      return PageRow(
        [
          .name(n.name, short: n.short), r.rate.map { .bar($0, mark: nil) } ?? .empty,
          .percent(r.rate, role: CommonTables.rateRole(r.rate)), .ratio(r.fixedOnTime, r.due),
          .count(r.overdue, role: r.overdue > 0 ? .overdue : .dim), .count(r.open, role: .dim),
        ], target: .unit(n.id), filter: n.name + " " + (n.short ?? ""))
    }
    m.table(u)
    return m
  }

  /// The ledger's table of `list` on `day`, each row opening its problem: days overdue, found,
  /// kind, place, deadline, state and stage, with the unit and the source where the rows are
  /// of many units (the ledger) and without them where they are of one place (a grid cell).
  static func problemTable(_ ctx: PageContext, _ list: [Problem], on day: Day, withUnitAndSource: Bool)
    -> PageTable
  {
    let s = ctx.s
    let c = ctx.campaign
    var columns = [
      PageColumn("daysOverdue", s.daysOverdueHeader, min: 4, align: .right),
      PageColumn("found", s.foundHeader, min: 5),
    ]
    if withUnitAndSource { columns.append(PageColumn("unit", s.unitHeader, min: 6, max: 40)) }
    columns += [
      PageColumn("kind", s.kindHeader, min: 6, max: 16),
      PageColumn("place", s.placeHeader, min: 8, max: 40, flex: 1, priority: 2),
    ]
    if withUnitAndSource { columns.append(PageColumn("source", s.sourceHeader, min: 4, priority: 3)) }
    columns += [
      PageColumn("deadline", s.deadline, min: 5),
      PageColumn("state", s.stateHeader, min: s.problemStateWidth),
      PageColumn("stage", s.stageHeader, min: s.stageWidth),
    ]
    var t = PageTable(columns)
    t.rows = list.map { p in
      let late = p.isOverdue(on: day)
      let (word, role) = stateWord(p, on: day, s: s)
      var cells: [PageCell] = [
        late ? .count(day - p.deadline, role: .overdue) : .empty, .date(p.found, role: .dim),
      ]
      if withUnitAndSource {
        let unit = c.node(p.unit)
        cells.append(.name(unit?.name ?? p.unit, short: unit?.short))
      }
      cells += [.text(p.kind), .text(p.place, role: .dim)]
      if withUnitAndSource { cells.append(.text(s.source(p.source), role: .dim)) }
      cells += [
        .date(p.deadline, role: late ? .overdue : .dim), .text(word, role: role), stageCell(p, on: day, s: s),
      ]
      return PageRow(cells, target: .problem(p.id), filter: filterText(p, ctx))
    }
    return t
  }

  /// The loop's stage on `day`: closed in the done colour, awaiting verification (the office's
  /// move) in the behind colour, reopened in the overdue one, the others dim.
  static func stageCell(_ p: Problem, on day: Day, s: Strings) -> PageCell {
    let st = p.stage(on: day)
    let role: StyleRole =
      switch st {
      case .closed: .done
      case .awaitingVerification: .behind
      case .reopened: .overdue
      case .found, .assigned: .dim
      }
    return .text(s.stage(st), role: role)
  }

  static func stateWord(_ p: Problem, on day: Day, s: Strings) -> (String, StyleRole) {
    if let f = p.cycle(on: day).fixed, f <= day {
      return f <= p.deadline ? (s.fixed, .done) : (s.fixedLate, .behind)
    }
    if p.isOverdue(on: day) { return (s.overdue, .overdue) }
    return (s.open, .behind)
  }
}

/// One problem: every field, its state on the as-of date, and links to its unit and sub-command.
enum ProblemModel {
  static func build(_ ctx: PageContext, id: String) -> PageModel {
    let c = ctx.campaign
    let s = ctx.s
    let day = ctx.standing.asOf
    guard let p = c.problems.first(where: { $0.id == id }) else { return SubCommandModel.missing(s) }
    var m = PageModel()
    m.heading("\(p.kind) · \(p.place)", note: p.id)
    if !p.description.isEmpty { m.fact(s.descriptionLabel, p.description, wraps: true) }
    let (word, role) = LedgerModel.stateWord(p, on: day, s: s)
    var state = word
    if p.isOverdue(on: day) { state += " \(day - p.deadline) \(s.days)" }
    let fixed = p.cycle(on: day).fixed
    if let f = fixed, f <= day, f > p.deadline { state += " (\(f - p.deadline) \(s.days))" }
    m.fact(s.stateHeader, state, role: role)
    if p.found <= day { m.fact(s.stageHeader, s.stage(p.stage(on: day))) }
    m.fact(s.foundHeader, "\(p.found) · \(s.source(p.source)) · \(s.severity(p.severity))")
    m.fact(s.deadline, "\(p.deadline)" + (fixed.map { f in f <= day ? " · \(s.fixedOn) \(f)" : "" } ?? ""))
    if let g = p.grid { m.fact(s.gridHeader, c.node(g)?.name ?? g) }
    if p.found > day { m.paragraph(s.notYetFound) }
    let steps = history(p, on: day, s: s)
    if !steps.rows.isEmpty {
      m.gap()
      m.heading(s.loopHistory)
      m.table(steps)
    }
    m.gap()
    var t = PageTable([
      PageColumn("kind", s.responsibleHeader, min: 6),
      PageColumn("name", s.unitHeader, min: 8, max: 40),
      PageColumn("rate", s.fixRate, min: 4, align: .right),
      PageColumn("fixedOnTime", s.fixedOnTimeOfDue, min: 5, align: .right),
      PageColumn("overdue", s.overdue, min: 4, align: .right),
    ])
    let unit = c.node(p.unit)
    let r = ctx.standing.unit(p.unit).rectification
    t.rows.append(
      PageRow(
        [
          .text(s.units, role: .dim), .name(unit?.name ?? p.unit, short: unit?.short), .percent(r.rate),
          .ratio(r.fixedOnTime, r.due),
          .count(r.overdue, role: r.overdue > 0 ? .overdue : .dim),
        ], target: .unit(p.unit)))
    if let sc = c.subCommandOfUnit[p.unit].flatMap(c.node) {
      let sr = ctx.standing.rectification(of: ctx.data.units(under: sc.id).map(\.id))
      t.rows.append(
        PageRow(
          [
            .text(s.subCommand, role: .dim), .name(ctx.keyed(sc), short: ctx.keyed(sc, short: true)),
            .percent(sr.rate),
            .ratio(sr.fixedOnTime, sr.due), .count(sr.overdue, role: sr.overdue > 0 ? .overdue : .dim),
          ], target: .subCommand(sc.id)))
    }
    m.table(t)
    return m
  }

  /// The loop so far, oldest first: found, assigned, and every cycle's fix and verification —
  /// a reopened problem's earlier ones included, each followed by its reopening.
  static func history(_ p: Problem, on day: Day, s: Strings) -> PageTable {
    var steps: [(Day, String, String)] = [(p.found, s.foundStep, "")]
    if let a = p.assigned { steps.append((a, s.assignedOn, "")) }
    for r in p.reopened {
      if let f = r.fixed { steps.append((f, s.fixedStep, "")) }
      if let v = r.verified { steps.append((v.date, s.verifiedStep, v.by)) }
      steps.append((r.date, s.reopenedStep, r.note))
    }
    if let f = p.fixed { steps.append((f, s.fixedStep, p.fixNote)) }
    if let v = p.verified { steps.append((v.date, s.verifiedStep, v.by)) }
    var t = PageTable([
      PageColumn("date", s.dateHeader, min: 10),
      PageColumn("step", s.stageHeader, min: 6),
      PageColumn("note", s.noteHeader, min: 8, flex: 1),
    ])
    t.rows = steps.filter { $0.0 <= day }.map { d, step, note in
      PageRow([.date(d, role: .dim), .text(step), .text(note, role: .dim)], selectable: false)
    }
    return t
  }
}
