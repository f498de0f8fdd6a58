import CampaignKit

/// What the live dashboard knows about its files, for the header and the change highlights.
/// The runner fills it in (it reads the clock and the files); screens only draw it.
public struct LiveStatus: Sendable, Equatable {
  public enum Mode: Sendable, Equatable {
    /// Not following the files (snapshots, tests).
    case off
    /// Following the directory through inotify.
    case watching
    /// Checking modification times every second (`--poll`, or no inotify).
    case polling
  }

  /// A time of day, as the runner read it from the clock.
  public struct ClockTime: Sendable, Equatable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int
    public var second: Int
    public init(hour: Int, minute: Int, second: Int) {
      self.hour = hour
      self.minute = minute
      self.second = second
    }
    public var description: String {
      func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
      return "\(two(hour)):\(two(minute)):\(two(second))"
    }
  }

  public var mode: Mode
  /// When the data on screen was last read from the files.
  public var updated: ClockTime?
  /// The errors of the last reload (files whose last good version is kept meanwhile).
  public var errors: [Finding]
  /// Files whose last good version is still in effect despite their errors; a broken file
  /// without one (broken since the start) is simply left out.
  public var keptFiles: Set<String> = []
  /// Rows whose figures changed a moment ago.
  public var changes: RecentChanges

  public init(
    mode: Mode = .off, updated: ClockTime? = nil, errors: [Finding] = [],
    changes: RecentChanges = RecentChanges()
  ) {
    self.mode = mode
    self.updated = updated
    self.errors = errors
    self.changes = changes
  }
}

/// Which rows' figures changed, by how much, and until when they stay highlighted.
/// Keys are the record ids rows name in ``ScreenLine/subject``.
public struct RecentChanges: Sendable, Equatable {
  public struct Change: Sendable, Equatable {
    public enum Amount: Sendable, Equatable {
      /// A reported value moved (an indicator's or a task's), in its measure's unit.
      case value(Double, unit: String)
      /// The points a sub-command or unit has earned moved.
      case points(Double)
    }
    public var amount: Amount
    /// Seconds on the runner's clock after which the highlight goes.
    public var until: Double

    public init(amount: Amount, until: Double) {
      self.amount = amount
      self.until = until
    }

    public var delta: Double {
      switch amount {
      case .value(let d, _), .points(let d): d
      }
    }
  }

  public var bySubject: [String: Change]

  /// How long a change stays highlighted.
  public static let seconds = 5.0

  public init(_ bySubject: [String: Change] = [:]) { self.bySubject = bySubject }

  public var isEmpty: Bool { bySubject.isEmpty }
  public subscript(_ subject: String) -> Change? { bySubject[subject] }

  /// What changed from `old` to `new` (the same as-of date, data reloaded): indicators and
  /// tasks whose value moved, sub-commands and units whose earned points moved.
  public static func between(_ old: DashboardData, _ new: DashboardData, until: Double) -> RecentChanges {
    var out: [String: Change] = [:]
    let oc = old.campaign
    let nc = new.campaign
    let tiny = 1e-9
    // A reload of report files keeps the indicators and tasks where they were, and with
    // distinct ids the old standing is read by position: no id is hashed, no record copied.
    let same = nc.hasSameStructure(as: oc)
    let byIndicatorPosition = same && oc.indicatorIndex.count == oc.indicators.count
    let byTaskPosition = same && oc.taskIndex.count == oc.tasks.count
    let oldIndicators = old.standing.indicators
    let newIndicators = new.standing.indicators
    for i in newIndicators.indices {
      guard let value = newIndicators[i].value else { continue }
      let before: Double?
      if byIndicatorPosition {
        before = oldIndicators[i].value
        if before == value { continue }
      } else {
        before = oc.indicatorIndex[newIndicators[i].id].flatMap { oldIndicators[$0].value }
      }
      let m = nc.indicators[newIndicators[i].index].measure
      let d = value - (before ?? m.baseline)
      if before == nil || abs(d) > tiny {
        out[newIndicators[i].id] = Change(amount: .value(d, unit: m.unit), until: until)
      }
    }
    let oldTasks = old.standing.tasks
    let newTasks = new.standing.tasks
    for i in newTasks.indices {
      guard let value = newTasks[i].value else { continue }
      let before: Double?
      if byTaskPosition {
        before = oldTasks[i].value
        if before == value { continue }
      } else {
        before = oc.taskIndex[newTasks[i].id].flatMap { oldTasks[$0].value }
      }
      let m = nc.tasks[newTasks[i].index].measure
      let d = value - (before ?? m.baseline)
      if before == nil || abs(d) > tiny {
        out[newTasks[i].id] = Change(amount: .value(d, unit: m.unit), until: until)
      }
    }
    for (id, agg) in new.standing.subCommands {
      let d = agg.earned - (old.standing.subCommands[id]?.earned ?? 0)
      if abs(d) > tiny { out[id] = Change(amount: .points(d), until: until) }
    }
    let oldUnits = old.standing.units
    let newUnits = new.standing.units
    let unitsByPosition = oldUnits.index === newUnits.index
    for k in newUnits.values.indices {
      let earned = newUnits.values[k].led.earned
      let before =
        unitsByPosition ? oldUnits.values[k].led.earned : oldUnits[newUnits.keys[k]]?.led.earned ?? 0
      let d = earned - before
      if abs(d) > tiny { out[newUnits.keys[k]] = Change(amount: .points(d), until: until) }
    }
    return RecentChanges(out)
  }

  /// Adds newer changes (they replace older ones of the same row).
  public mutating func merge(_ newer: RecentChanges) {
    bySubject.merge(newer.bySubject) { _, b in b }
  }

  /// Drops the highlights whose time is up.
  public mutating func expire(now: Double) {
    bySubject = bySubject.filter { $0.value.until > now }
  }

  /// When the next highlight goes, if any.
  public var nextExpiry: Double? { bySubject.values.map(\.until).min() }
}
