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
  /// Indicators per status, indexed by `Status.rawValue`.
  public var counts: [Int] = Array(repeating: 0, count: Status.allCases.count)

  public init() {}

  public var progress: Double { points > 0 ? earned / points : 0 }
  public var expected: Double { points > 0 ? expectedPoints / points : 0 }
  public var indicatorCount: Int { counts.reduce(0, +) }
  public func count(_ s: Status) -> Int { counts[s.rawValue] }
  public var laggingCount: Int { Status.allCases.filter(\.isLagging).reduce(0) { $0 + counts[$1.rawValue] } }

  mutating func add(_ s: IndicatorStanding, deadline: Day) {
    points += s.points
    earned += s.earned
    expectedPoints += s.points * s.expected
    counts[s.status.rawValue] += 1
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

  mutating func add(_ p: Problem, on day: Day) {
    found += 1
    if p.deadline <= day {
      due += 1
      if p.isClosedOnTime(by: day) { fixedOnTime += 1 }
    }
    if p.isOverdue(on: day) { overdue += 1 }
    if p.isOpen(on: day) { open += 1 }
    if p.isAwaitingVerification(on: day) { awaitingVerification += 1 }
    if p.isClosed(by: day) { closed += 1 }
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
}

/// The whole campaign computed for one as-of date: immutable, shared by every view and by the
/// snapshot writers, so that the screen and the paper always agree.
public struct Standing: Sendable {
  public let asOf: Day
  /// Days from the as-of date to the end of the campaign (0 once it is over).
  public let daysLeft: Int
  public let total: Aggregate
  /// Same order as `Campaign.indicators`.
  public let indicators: [IndicatorStanding]
  /// Same order as `Campaign.tasks`.
  public let tasks: [TaskStanding]
  public let subCommands: [String: Aggregate]
  public let categories: [String: Aggregate]
  public let items: [String: Aggregate]
  public let units: [String: UnitStanding]
  /// The ledger of each grid cell (网格) that has problems found by the as-of date.
  public let grids: [String: Rectification]

  public init(campaign c: Campaign, asOf day: Day) {
    asOf = day
    daysLeft = max(0, c.info.end - day)
    let pace = c.info.pace
    let start = c.info.start

    var inds: [IndicatorStanding] = []
    inds.reserveCapacity(c.indicators.count)
    var total = Aggregate()
    var subs: [String: Aggregate] = [:]
    var cats: [String: Aggregate] = [:]
    var items: [String: Aggregate] = [:]
    var units: [String: UnitStanding] = [:]
    for u in c.units { units[u.id] = UnitStanding(id: u.id) }

    for (i, ind) in c.indicators.enumerated() {
      let latest = c.latest(.indicator(ind.id), on: day)
      let p = ProgressMath.progress(value: latest?.value, measure: ind.measure)
      let e = ProgressMath.expected(on: day, start: start, deadline: ind.deadline)
      let st = ProgressMath.status(progress: p, expected: e, on: day, deadline: ind.deadline, pace: pace)
      let s = IndicatorStanding(
        index: i, id: ind.id, value: latest?.value, reportedOn: latest?.date, note: latest?.note ?? "",
        progress: p, expected: e, status: st, points: ind.points, earned: ind.points * p)
      inds.append(s)
      total.add(s, deadline: ind.deadline)
      subs[ind.subCommand, default: Aggregate()].add(s, deadline: ind.deadline)
      cats[ind.categoryID, default: Aggregate()].add(s, deadline: ind.deadline)
      items[ind.itemID, default: Aggregate()].add(s, deadline: ind.deadline)
      if let l = ind.lead { units[l]?.led.add(s, deadline: ind.deadline) }
      for sup in Set(ind.support) where sup != ind.lead {
        units[sup]?.supported.add(s, deadline: ind.deadline)
      }
    }

    var tasks: [TaskStanding] = []
    for (i, t) in c.tasks.enumerated() {
      let latest = c.latest(.task(t.id), on: day)
      let deadline = t.deadline ?? c.info.end
      let p = ProgressMath.progress(value: latest?.value, measure: t.measure)
      let e = ProgressMath.expected(on: day, start: start, deadline: deadline)
      tasks.append(
        TaskStanding(
          index: i, id: t.id, value: latest?.value, reportedOn: latest?.date, progress: p, expected: e,
          status: ProgressMath.status(progress: p, expected: e, on: day, deadline: deadline, pace: pace)))
      units[t.lead]?.tasks.append(i)
    }

    var grids: [String: Rectification] = [:]
    for p in c.problems where p.found <= day {
      units[p.unit]?.rectification.add(p, on: day)
      if let g = p.grid { grids[g, default: Rectification()].add(p, on: day) }
    }
    self.grids = grids

    self.total = total
    self.indicators = inds
    self.tasks = tasks
    self.subCommands = subs
    self.categories = cats
    self.items = items
    self.units = units
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
