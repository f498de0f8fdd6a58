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
/// dashboard computes one for every trend week and every meeting.
public struct Standing: Sendable {
  public let asOf: Day
  /// Days from the as-of date to the end of the campaign (0 once it is over).
  public let daysLeft: Int
  public let total: Aggregate
  /// Same order as `Campaign.indicators`.
  public let indicators: [IndicatorStanding]
  /// Same order as `Campaign.tasks`.
  public let tasks: [TaskStanding]
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
    let inds = (0..<c.indicators.count).map { Standing.indicator($0, of: c, on: day) }
    let tasks = (0..<c.tasks.count).map { Standing.task($0, of: c, on: day) }
    var units = layout.units.ids.indices.map {
      UnitStanding(id: layout.units.ids[$0], tasks: layout.tasksOfUnit[$0])
    }
    let ledgers = Standing.ledgers(layout, on: day)
    for u in units.indices { units[u].rectification = ledgers.units[u] }
    var grids: [String: Rectification] = [:]
    for (g, r) in ledgers.cells.enumerated() { if let r { grids[layout.grids.ids[g]] = r } }
    self.init(campaign: c, asOf: day, indicators: inds, tasks: tasks, units: units, grids: grids)
  }

  /// The standing on the same date after a reload that changed report files only (`c` keeps
  /// `before`'s structure, ``Campaign/hasSameStructure(as:)``): the records of indicators and
  /// tasks whose report points did not change are `old`'s (unchanged points share their
  /// storage, so telling them apart is immediate), the ledgers are `old`'s (no report touches
  /// a problem), and the aggregates are summed again in the same order, so the standing is
  /// the one `init(campaign:asOf:)` gives, to the last bit. Otherwise it is computed afresh.
  public init(updating old: Standing, from before: Campaign, to c: Campaign) {
    guard c.hasSameStructure(as: before), c.info == before.info else {
      self.init(campaign: c, asOf: old.asOf)
      return
    }
    let day = old.asOf
    var inds = old.indicators
    for i in inds.indices where c.indicatorSeries[i] != before.indicatorSeries[i] {
      inds[i] = Standing.indicator(i, of: c, on: day)
    }
    var tasks = old.tasks
    for i in tasks.indices where c.taskSeries[i] != before.taskSeries[i] {
      tasks[i] = Standing.task(i, of: c, on: day)
    }
    var units = old.units.values
    for u in units.indices {
      units[u].led = Aggregate()
      units[u].supported = Aggregate()
    }
    self.init(campaign: c, asOf: day, indicators: inds, tasks: tasks, units: units, grids: old.grids)
  }

  /// Sums the records into the aggregates (each in the campaign's indicator order); `units`
  /// come with their tasks and ledgers and empty aggregates.
  private init(
    campaign c: Campaign, asOf day: Day, indicators inds: [IndicatorStanding], tasks: [TaskStanding],
    units start: [UnitStanding], grids: [String: Rectification]
  ) {
    let layout = c.layout
    var total = Aggregate()
    var subs = [Aggregate](repeating: Aggregate(), count: layout.subCommands.count)
    var cats = [Aggregate](repeating: Aggregate(), count: layout.categories.count)
    var items = [Aggregate](repeating: Aggregate(), count: layout.items.count)
    var units = start
    inds.withUnsafeBufferPointer { inds in
      for i in inds.indices {
        let s = inds[i]
        let deadline = layout.indicatorDeadline[i]
        total.add(s, deadline: deadline)
        subs[layout.indicatorSubCommand[i]].add(s, deadline: deadline)
        cats[layout.indicatorCategory[i]].add(s, deadline: deadline)
        items[layout.indicatorItem[i]].add(s, deadline: deadline)
        let lead = layout.indicatorLead[i]
        if lead >= 0 { units[lead].led.add(s, deadline: deadline) }
        for k in layout.supportStart[i]..<layout.supportStart[i + 1] {
          units[layout.supportUnits[k]].supported.add(s, deadline: deadline)
        }
      }
    }
    asOf = day
    daysLeft = max(0, c.info.end - day)
    self.total = total
    self.indicators = inds
    self.tasks = tasks
    self.subCommands = IDTable(index: layout.subCommands, values: subs)
    self.categories = IDTable(index: layout.categories, values: cats)
    self.items = IDTable(index: layout.items, values: items)
    self.units = IDTable(index: layout.units, values: units)
    self.grids = grids
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
