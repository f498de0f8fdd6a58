/// Where one indicator stands on the as-of date.
public struct IndicatorStanding: Sendable, Equatable {
  /// Index into `Campaign.indicators`.
  public var index: Int
  public var id: String
  /// Latest reported value on or before the as-of date; nil when nothing was reported yet.
  public var value: Double?
  public var reportedOn: Day?
  public var note: String
  public var progress: Double
  public var expected: Double
  public var status: Status
  public var points: Double
  public var earned: Double

  /// Whether an aggregate adds the same bits for both (``Aggregate/add(_:deadline:)`` reads
  /// points, earned, expected pace and status): then a change of the value, date or note
  /// alone leaves every sum as it was.
  func addsLike(_ o: IndicatorStanding) -> Bool {
    points.bitPattern == o.points.bitPattern && earned.bitPattern == o.earned.bitPattern
      && expected.bitPattern == o.expected.bitPattern && status == o.status
  }
}

/// Where one task stands on the as-of date.
public struct TaskStanding: Sendable, Equatable {
  public var index: Int
  public var id: String
  public var value: Double?
  public var reportedOn: Day?
  public var progress: Double
  public var expected: Double
  public var status: Status
}

/// Progress of a set of indicators (a sub-command, a category, a unit, the whole campaign):
/// Σ earned / Σ points, with the expected pace weighted the same way.
public struct Aggregate: Sendable, Equatable {
  public var points: Double = 0
  public var earned: Double = 0
  /// Σ points × expected: lets a node carry a status of its own.
  public var expectedPoints: Double = 0
  public var latestDeadline: Day?
  /// Indicators per status, held inline (an array here cost one allocation per aggregate, and
  /// a standing has thousands).
  var statusCounts = StatusCounts()

  public init() {}

  /// Indicators per status, indexed by `Status.rawValue`.
  public var counts: [Int] { Status.allCases.map { statusCounts[$0] } }
  public var progress: Double { points > 0 ? earned / points : 0 }
  public var expected: Double { points > 0 ? expectedPoints / points : 0 }
  public var indicatorCount: Int { statusCounts.total }
  public func count(_ s: Status) -> Int { statusCounts[s] }
  public var laggingCount: Int { Status.allCases.filter(\.isLagging).reduce(0) { $0 + statusCounts[$1] } }

  mutating func add(_ s: IndicatorStanding, deadline: Day) {
    points += s.points
    earned += s.earned
    expectedPoints += s.points * s.expected
    statusCounts[s.status] += 1
    latestDeadline = max(latestDeadline ?? deadline, deadline)
  }

  /// The node's own status: its aggregate progress against its aggregate pace.
  public func status(on day: Day, pace: Pace) -> Status {
    guard points > 0 else { return .onTrack }
    return ProgressMath.status(
      progress: earned >= points - 1e-9 ? 1 : progress, expected: expected, on: day,
      deadline: latestDeadline ?? day, pace: pace)
  }
}

/// A count per ``Status``, stored inline.
struct StatusCounts: Sendable, Equatable {
  var done = 0
  var onTrack = 0
  var behind = 0
  var atRisk = 0
  var overdue = 0

  subscript(s: Status) -> Int {
    get {
      switch s {
      case .done: done
      case .onTrack: onTrack
      case .behind: behind
      case .atRisk: atRisk
      case .overdue: overdue
      }
    }
    set {
      switch s {
      case .done: done = newValue
      case .onTrack: onTrack = newValue
      case .behind: behind = newValue
      case .atRisk: atRisk = newValue
      case .overdue: overdue = newValue
      }
    }
  }

  var total: Int { done + onTrack + behind + atRisk + overdue }
}

/// A unit's record in the rectification ledger on the as-of date. A problem counts as closed
/// (销号) only once its fix is verified (复核); a fix awaiting verification is not closed.
public struct Rectification: Sendable, Equatable {
  /// Problems due by the as-of date (deadline ≤ D).
  public var due = 0
  /// Of those, closed (verified) by the as-of date with the closing fix made on or before the
  /// deadline.
  public var fixedOnTime = 0
  /// Past deadline and not fixed on the as-of date.
  public var overdue = 0
  /// Found and not fixed on the as-of date.
  public var open = 0
  /// Fixed and waiting for verification on the as-of date (待复核).
  public var awaitingVerification = 0
  /// Verified and closed on the as-of date (已销号).
  public var closed = 0
  /// All problems found by the as-of date.
  public var found = 0

  public init() {}

  /// 整改率: closed on time ÷ due; nil while nothing is due.
  public var rate: Double? { due > 0 ? Double(fixedOnTime) / Double(due) : nil }

  mutating func add(_ p: Problem, on day: Day) { add(p.loop(on: day)) }

  /// One problem found by its day, by its dates (``LoopOnDay``).
  mutating func add(_ l: LoopOnDay) {
    found += 1
    if l.deadline <= l.day {
      due += 1
      if l.isClosedOnTime { fixedOnTime += 1 }
    }
    if l.isOverdue { overdue += 1 }
    if l.isOpen { open += 1 }
    if l.isAwaitingVerification { awaitingVerification += 1 }
    if l.isClosed { closed += 1 }
  }

  mutating func add(_ o: Rectification) {
    due += o.due
    fixedOnTime += o.fixedOnTime
    overdue += o.overdue
    open += o.open
    awaitingVerification += o.awaitingVerification
    closed += o.closed
    found += o.found
  }
}

/// One unit on the as-of date: what it leads, what it supports, its tasks and its ledger.
public struct UnitStanding: Sendable, Equatable {
  public var id: String
  public var led = Aggregate()
  public var supported = Aggregate()
  /// Indices into `Standing.tasks` of the tasks it leads.
  public var tasks: [Int] = []
  public var rectification = Rectification()

  init(id: String, tasks: [Int] = []) {
    self.id = id
    self.tasks = tasks
  }
}

/// The whole campaign computed for one as-of date: immutable, shared by every view and by the
/// snapshot writers, so that the screen and the paper always agree.
///
/// Aggregates live in flat arrays laid out once per campaign (``StandingLayout``) and are read
/// by id through ``IDTable``: computing a standing hashes no ids, which matters because the
/// dashboard computes one for every trend week and every meeting. Records are held in
/// ``ChunkedArray``s, so a standing updated after a saved report shares all but the changed
/// records' chunks with the one it came from.
public struct Standing: Sendable {
  public let asOf: Day
  /// Days from the as-of date to the end of the campaign (0 once it is over).
  public let daysLeft: Int
  public let total: Aggregate
  /// Same order as `Campaign.indicators`.
  public let indicators: ChunkedArray<IndicatorStanding>
  /// Same order as `Campaign.tasks`.
  public let tasks: ChunkedArray<TaskStanding>
  /// By sub-command id (the ones indicators name).
  public let subCommands: IDTable<Aggregate>
  public let categories: IDTable<Aggregate>
  public let items: IDTable<Aggregate>
  /// By responsible unit id, every unit of the campaign.
  public let units: IDTable<UnitStanding>
  /// The ledger of each grid cell (网格) that has problems found by the as-of date.
  public let grids: [String: Rectification]

  public init(campaign c: Campaign, asOf day: Day) {
    let layout = c.layout
    let inds = ChunkedArray(count: c.indicators.count) { Standing.indicator($0, of: c, on: day) }
    let tasks = ChunkedArray(count: c.tasks.count) { Standing.task($0, of: c, on: day) }
    let ledgers = Standing.ledgers(layout, on: day)
    var grids: [String: Rectification] = [:]
    for (g, r) in ledgers.cells.enumerated() { if let r { grids[layout.grids.ids[g]] = r } }
    // One pass over the records, each added to every aggregate it counts in, in index order.
    var total = Aggregate()
    var subs = [Aggregate](repeating: Aggregate(), count: layout.subCommands.count)
    var cats = [Aggregate](repeating: Aggregate(), count: layout.categories.count)
    var items = [Aggregate](repeating: Aggregate(), count: layout.items.count)
    var led = [Aggregate](repeating: Aggregate(), count: layout.units.count)
    var supported = [Aggregate](repeating: Aggregate(), count: layout.units.count)
    inds.forEachChunk { chunk, base in
      for k in chunk.indices {
        let i = base + k
        let s = chunk[k]
        let deadline = layout.indicatorDeadline[i]
        total.add(s, deadline: deadline)
        subs[layout.indicatorSubCommand[i]].add(s, deadline: deadline)
        cats[layout.indicatorCategory[i]].add(s, deadline: deadline)
        items[layout.indicatorItem[i]].add(s, deadline: deadline)
        let lead = layout.indicatorLead[i]
        if lead >= 0 { led[lead].add(s, deadline: deadline) }
        for u in layout.supportStart[i]..<layout.supportStart[i + 1] {
          supported[layout.supportUnits[u]].add(s, deadline: deadline)
        }
      }
    }
    let units = ChunkedArray(count: layout.units.count) { u in
      var unit = UnitStanding(id: layout.units.ids[u], tasks: layout.tasksOfUnit[u])
      unit.led = led[u]
      unit.supported = supported[u]
      unit.rectification = ledgers.units[u]
      return unit
    }
    self.init(
      asOf: day, daysLeft: max(0, c.info.end - day), total: total, indicators: inds, tasks: tasks,
      subCommands: IDTable(index: layout.subCommands, values: subs),
      categories: IDTable(index: layout.categories, values: cats),
      items: IDTable(index: layout.items, values: items), units: IDTable(index: layout.units, values: units),
      grids: grids)
  }

  /// The standing on the same date after a reload that changed report files only (`c` keeps
  /// `before`'s structure, ``Campaign/hasSameStructure(as:)``), made from `old`, `before`'s
  /// standing, in proportion to what changed: the records of the indicators and tasks whose
  /// report points changed are computed again, and the aggregates follow them exactly.
  ///
  /// Of an aggregate, the points, the points × pace and the latest deadline come from the
  /// layout and the date alone, the same as `old`'s to the last bit; the counts per status move
  /// by whole numbers; only the earned points are summed again, over the indicators of the
  /// aggregates a changed indicator counts in (``GroupMembers``), in index order, as the one
  /// pass of `init(campaign:asOf:)` sums them (the total over every record, one addition
  /// each). So the standing is the one `init(campaign:asOf:)` gives, to the last bit.
  /// Everything else (the ledgers: no report touches a problem) is `old`'s, and shares its
  /// storage. Another structure or campaign definition is computed afresh.
  public init(updating old: Standing, from before: Campaign, to c: Campaign) {
    guard c.hasSameStructure(as: before), c.info == before.info,
      let updated = Standing.updated(old, changed: c.changedSeries(since: before), in: c)
    else {
      self.init(campaign: c, asOf: old.asOf)
      return
    }
    self = updated
  }

  /// `old` with the records `changed` computed again on `c` and the aggregates following; nil
  /// if a changed record's points or pace moved (they cannot while both come from the layout
  /// and the date; the caller then computes afresh).
  private static func updated(_ old: Standing, changed: (indicators: [Int], tasks: [Int]), in c: Campaign)
    -> Standing?
  {
    let day = old.asOf
    let layout = c.layout
    var inds = old.indicators
    var total = old.total
    var subs = old.subCommands.values
    var cats = old.categories.values
    var items = old.items.values
    var units = old.units.values
    // Indicators whose earned points or status moved.
    var moved: [Int] = []
    for i in changed.indicators {
      let s = Standing.indicator(i, of: c, on: day)
      let was = inds[i]
      inds[i] = s
      if s.addsLike(was) { continue }
      guard s.points.bitPattern == was.points.bitPattern, s.expected.bitPattern == was.expected.bitPattern
      else { return nil }
      moved.append(i)
      func recount(_ a: inout Aggregate) {
        a.statusCounts[was.status] -= 1
        a.statusCounts[s.status] += 1
      }
      recount(&total)
      recount(&subs[layout.indicatorSubCommand[i]])
      recount(&cats[layout.indicatorCategory[i]])
      recount(&items[layout.indicatorItem[i]])
      if layout.indicatorLead[i] >= 0 { recount(&units[layout.indicatorLead[i]].led) }
      for k in layout.supportStart[i]..<layout.supportStart[i + 1] {
        recount(&units[layout.supportUnits[k]].supported)
      }
    }
    var tasks = old.tasks
    for t in changed.tasks { tasks[t] = Standing.task(t, of: c, on: day) }
    if !moved.isEmpty {
      var earned = 0.0
      inds.forEachChunk { chunk, _ in
        for k in chunk.indices { earned += chunk[k].earned }
      }
      total.earned = earned
      func again(_ groups: [Int], _ members: GroupMembers, _ set: (Int, Double) -> Void) {
        for g in Set(groups) where g >= 0 { set(g, Standing.earned(members[g], of: inds)) }
      }
      again(moved.map { layout.indicatorSubCommand[$0] }, layout.subCommandMembers) { subs[$0].earned = $1 }
      again(moved.map { layout.indicatorCategory[$0] }, layout.categoryMembers) { cats[$0].earned = $1 }
      again(moved.map { layout.indicatorItem[$0] }, layout.itemMembers) { items[$0].earned = $1 }
      again(moved.map { layout.indicatorLead[$0] }, layout.ledMembers) { units[$0].led.earned = $1 }
      again(
        moved.flatMap { layout.supportUnits[layout.supportStart[$0]..<layout.supportStart[$0 + 1]] },
        layout.supportedMembers
      ) { units[$0].supported.earned = $1 }
    }
    return Standing(
      asOf: day, daysLeft: old.daysLeft, total: total, indicators: inds, tasks: tasks,
      subCommands: IDTable(index: layout.subCommands, values: subs),
      categories: IDTable(index: layout.categories, values: cats),
      items: IDTable(index: layout.items, values: items), units: IDTable(index: layout.units, values: units),
      grids: old.grids)
  }

  private init(
    asOf: Day, daysLeft: Int, total: Aggregate, indicators: ChunkedArray<IndicatorStanding>,
    tasks: ChunkedArray<TaskStanding>, subCommands: IDTable<Aggregate>, categories: IDTable<Aggregate>,
    items: IDTable<Aggregate>, units: IDTable<UnitStanding>, grids: [String: Rectification]
  ) {
    self.asOf = asOf
    self.daysLeft = daysLeft
    self.total = total
    self.indicators = indicators
    self.tasks = tasks
    self.subCommands = subCommands
    self.categories = categories
    self.items = items
    self.units = units
    self.grids = grids
  }

  /// The earned points of `members` (indicator positions, ascending) added in that order, as
  /// ``Aggregate/add(_:deadline:)`` adds them.
  static func earned(_ members: ArraySlice<Int32>, of inds: ChunkedArray<IndicatorStanding>) -> Double {
    var earned = 0.0
    for m in members { earned += inds[Int(m)].earned }
    return earned
  }

  /// Indicator `i` on `day`. Everything but its report points comes from the layout's flat
  /// arrays (copying an `Indicator` out of the campaign retained all its strings).
  static func indicator(_ i: Int, of c: Campaign, on day: Day) -> IndicatorStanding {
    let layout = c.layout
    let series = c.indicatorSeries[i]
    let at = Campaign.latestIndex(in: series, on: day)
    let value = at.map { c.value(of: series[$0]) }
    let deadline = layout.indicatorDeadline[i]
    let points = layout.indicatorPoints[i]
    let p = ProgressMath.progress(value: value, rule: layout.indicatorRule[i])
    let e = ProgressMath.expected(on: day, start: c.info.start, deadline: deadline)
    let st = ProgressMath.status(progress: p, expected: e, on: day, deadline: deadline, pace: c.info.pace)
    return c.indicators.withUnsafeBufferPointer { all in
      IndicatorStanding(
        index: i, id: all[i].id, value: value, reportedOn: at.map { series[$0].date },
        note: at.map { c.note(of: series[$0]) } ?? "", progress: p, expected: e, status: st, points: points,
        earned: points * p)
    }
  }

  /// Task `i` on `day` (a task without a deadline runs to the end of the campaign).
  static func task(_ i: Int, of c: Campaign, on day: Day) -> TaskStanding {
    let layout = c.layout
    let series = c.taskSeries[i]
    let at = Campaign.latestIndex(in: series, on: day)
    let value = at.map { c.value(of: series[$0]) }
    let deadline = layout.taskDeadline[i] ?? c.info.end
    let p = ProgressMath.progress(value: value, rule: layout.taskRule[i])
    let e = ProgressMath.expected(on: day, start: c.info.start, deadline: deadline)
    return c.tasks.withUnsafeBufferPointer { all in
      TaskStanding(
        index: i, id: all[i].id, value: value, reportedOn: at.map { series[$0].date }, progress: p,
        expected: e,
        status: ProgressMath.status(progress: p, expected: e, on: day, deadline: deadline, pace: c.info.pace))
    }
  }

  /// The ledger on `day` of each unit (by its place in the layout) and of each grid cell named
  /// by problems (nil while it has none found): problems by position and by their dates
  /// alone, in the campaign's order.
  static func ledgers(_ layout: StandingLayout, on day: Day) -> (
    units: [Rectification], cells: [Rectification?]
  ) {
    var units = [Rectification](repeating: Rectification(), count: layout.units.count)
    var cells = [Rectification?](repeating: nil, count: layout.grids.count)
    for k in layout.problemClock.indices where layout.problemClock[k].found <= day {
      let clock = layout.problemClock[k]
      var cycle = clock.current
      for r in layout.reopenings[layout.reopeningStart[k]..<layout.reopeningStart[k + 1]]
      where r.until.map({ day < $0 }) ?? false {
        cycle = r
        break
      }
      var one = Rectification()
      one.add(
        LoopOnDay(
          found: clock.found, deadline: clock.deadline, fixed: cycle.fixed, verified: cycle.verified, day: day
        ))
      let u = layout.problemUnit[k]
      if u >= 0 { units[u].add(one) }
      let g = layout.problemGrid[k]
      if g >= 0 {
        if cells[g] == nil { cells[g] = Rectification() }
        cells[g]!.add(one)
      }
    }
    return (units, cells)
  }

  /// Standing of each sub-command, category etc. is looked up by id; a node with no indicators
  /// has an empty aggregate rather than none.
  public func subCommand(_ id: String) -> Aggregate { subCommands[id] ?? Aggregate() }
  public func category(_ id: String) -> Aggregate { categories[id] ?? Aggregate() }
  public func unit(_ id: String) -> UnitStanding { units[id] ?? UnitStanding(id: id) }

  /// Rectification of a set of units (a sub-command's units, the whole city).
  public func rectification(of unitIDs: some Sequence<String>) -> Rectification {
    var r = Rectification()
    for id in unitIDs {
      guard let u = units[id]?.rectification else { continue }
      r.add(u)
    }
    return r
  }
}
