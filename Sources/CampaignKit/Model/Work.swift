/// A work item with a quantity (更换雨水井盖 400 块), owned by a lead unit.
public struct CampaignTask: Sendable, Equatable, Identifiable {
  public var id: String
  public var name: String
  public var measure: Measure
  public var lead: String
  public var support: [String]
  public var indicator: String?
  public var deadline: Day?
  public var note: String

  public init(
    id: String, name: String, measure: Measure, lead: String, support: [String] = [],
    indicator: String? = nil, deadline: Day? = nil, note: String = ""
  ) {
    self.id = id
    self.name = name
    self.measure = measure
    self.lead = lead
    self.support = support
    self.indicator = indicator
    self.deadline = deadline
    self.note = note
  }
}

/// One entry of the rectification ledger (问题台账), with its closed loop: found → assigned
/// (交办) → fixed (整改, by the unit) → verified (复核, by the office) = closed (销号). A
/// verification that finds the fix wanting reopens the problem; the undone fix and verification
/// move into the ``Reopening`` entry, so the ledger on any earlier date still reads as it did.
public struct Problem: Sendable, Equatable, Identifiable {
  public enum Severity: String, CaseIterable, Sendable { case minor, major, critical }
  public enum Source: String, CaseIterable, Sendable { case inspection, citizen, mock, media }

  public var id: String
  public var found: Day
  public var place: String
  public var kind: String
  public var description: String
  public var severity: Severity
  public var source: Source
  public var unit: String
  public var deadline: Day
  /// The grid cell (网格) the problem lies in, when the unit is a community that has them.
  public var grid: String?
  /// 交办: the day the office handed the problem to the unit.
  public var assigned: Day?
  /// 整改: the day the unit reported it fixed (in the current cycle, after any reopening).
  public var fixed: Day?
  /// What the unit says it did.
  public var fixNote: String
  /// 复核: the office's check of the fix; only a verified problem is closed (销号).
  public var verified: Verification?
  /// Earlier cycles undone by a reopening, oldest first.
  public var reopened: [Reopening]

  public init(
    id: String, found: Day, place: String, kind: String, description: String = "",
    severity: Severity, source: Source, unit: String, deadline: Day, fixed: Day? = nil,
    grid: String? = nil, assigned: Day? = nil, fixNote: String = "", verified: Verification? = nil,
    reopened: [Reopening] = []
  ) {
    self.id = id
    self.found = found
    self.place = place
    self.kind = kind
    self.description = description
    self.severity = severity
    self.source = source
    self.unit = unit
    self.deadline = deadline
    self.fixed = fixed
    self.grid = grid
    self.assigned = assigned
    self.fixNote = fixNote
    self.verified = verified
    self.reopened = reopened
  }

  /// The fix and verification in effect on `day`: those of the cycle `day` falls in (a
  /// reopening dated `day` has already undone its cycle).
  public func cycle(on day: Day) -> (fixed: Day?, verified: Verification?) {
    for r in reopened where day < r.date { return (r.fixed, r.verified) }
    return (fixed, verified)
  }

  /// The loop on `day`, from the dates of the cycle in effect then.
  public func loop(on day: Day) -> LoopOnDay {
    let c = cycle(on: day)
    return LoopOnDay(found: found, deadline: deadline, fixed: c.fixed, verified: c.verified?.date, day: day)
  }

  /// Fixed (by the unit) on or before `day`, whether verified yet or not.
  public func isFixed(by day: Day) -> Bool { loop(on: day).isFixed }
  /// Closed (销号): the fix was verified on or before `day`.
  public func isClosed(by day: Day) -> Bool { loop(on: day).isClosed }
  /// Fixed and waiting for the office's verification on `day`.
  public func isAwaitingVerification(on day: Day) -> Bool { loop(on: day).isAwaitingVerification }
  /// Past its deadline on `day` and not fixed by then (the unit's part of the loop is late).
  public func isOverdue(on day: Day) -> Bool { loop(on: day).isOverdue }
  /// Known (found) on `day` and not yet fixed: the unit still has work to do.
  public func isOpen(on day: Day) -> Bool { loop(on: day).isOpen }
  /// Closed with the fix that closed it made by the deadline: what the rectification rate counts.
  public func isClosedOnTime(by day: Day) -> Bool { loop(on: day).isClosedOnTime }

  /// Where the problem stands in the loop on `day`.
  public func stage(on day: Day) -> ProblemStage {
    if isClosed(by: day) { return .closed }
    if isFixed(by: day) { return .awaitingVerification }
    if reopened.contains(where: { $0.date <= day }) { return .reopened }
    if let a = assigned, a <= day { return .assigned }
    return .found
  }
}

/// A problem's loop on one day from its dates alone (found, deadline, and the fix and
/// verification of the cycle in effect): the one place its states are defined, read by
/// ``Problem``'s questions and by the ledger's counts (``Rectification``), which has only the
/// dates at hand.
public struct LoopOnDay: Sendable, Equatable {
  public var found: Day
  public var deadline: Day
  public var fixed: Day?
  public var verified: Day?
  public var day: Day

  public init(found: Day, deadline: Day, fixed: Day?, verified: Day?, day: Day) {
    self.found = found
    self.deadline = deadline
    self.fixed = fixed
    self.verified = verified
    self.day = day
  }

  public var isFixed: Bool { fixed.map { $0 <= day } ?? false }
  public var isClosed: Bool { verified.map { $0 <= day } ?? false }
  public var isAwaitingVerification: Bool { found <= day && isFixed && !isClosed }
  public var isOverdue: Bool { deadline < day && !isFixed }
  public var isOpen: Bool { found <= day && !isFixed }
  /// Verified by `day`, with the fix made by the deadline.
  public var isClosedOnTime: Bool { isClosed && (fixed.map { $0 <= deadline } ?? false) }
}

/// The office's check of a fix (复核), by the checker's title (the data never names people).
public struct Verification: Sendable, Equatable {
  public var date: Day
  public var by: String
  public init(date: Day, by: String) {
    self.date = date
    self.by = by
  }
}

/// A problem reopened after its fix was found wanting: the date, why, and the cycle it undid.
public struct Reopening: Sendable, Equatable {
  public var date: Day
  public var note: String
  /// The fix and verification this reopening undid (nil when there was none).
  public var fixed: Day?
  public var verified: Verification?
  public init(date: Day, note: String = "", fixed: Day? = nil, verified: Verification? = nil) {
    self.date = date
    self.note = note
    self.fixed = fixed
    self.verified = verified
  }
}

/// The stages of the ledger's closed loop (交办 → 整改 → 复核 → 销号).
public enum ProblemStage: String, CaseIterable, Sendable {
  /// Found, not yet handed to the unit.
  case found
  /// 已交办: handed to the unit, not yet fixed.
  case assigned
  /// 已退回: reopened after a fix was found wanting, not yet fixed again.
  case reopened
  /// 待复核: fixed by the unit, waiting for the office's verification.
  case awaitingVerification
  /// 已销号: verified and closed.
  case closed

  /// The stage's name on the ledger (Chinese, as the office says it).
  public var label: String {
    switch self {
    case .found: "待交办"
    case .assigned: "已交办"
    case .reopened: "已退回"
    case .awaitingVerification: "待复核"
    case .closed: "已销号"
    }
  }
}

/// What a report entry is about.
public enum ReportSubject: Sendable, Hashable {
  case indicator(String)
  case task(String)
  public var id: String {
    switch self {
    case .indicator(let id), .task(let id): id
    }
  }
}

/// One dated value reported by a unit.
public struct ReportEntry: Sendable, Equatable {
  public var date: Day
  public var subject: ReportSubject
  public var value: Double
  public var note: String
  public init(date: Day, subject: ReportSubject, value: Double, note: String = "") {
    self.date = date
    self.subject = subject
    self.value = value
    self.note = note
  }
}

/// One file under `reports/`: the entries of one unit.
public struct ReportFile: Sendable, Equatable {
  /// Path relative to the campaign directory, e.g. `reports/u-cgj-2016-09-02.json`.
  public var path: String
  public var unit: String
  public var entries: [ReportEntry]
  public init(path: String, unit: String, entries: [ReportEntry]) {
    self.path = path
    self.unit = unit
    self.entries = entries
  }
}
