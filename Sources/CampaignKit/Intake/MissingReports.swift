/// 催报: which units have not reported for a week, so the creation office can chase them.
///
/// A unit is expected to report when it owns (leads) an indicator or a task: the owner gives
/// the figure. Supporting units may report too (their sheets have rows for what they support),
/// but are not chased for it. It has not reported for a week when none of its report entries is dated
/// inside that week (Monday to Sunday). Weeks in a row count back from that week while the unit
/// stays silent, never before the week the campaign started.
public enum MissingReports {
  /// The units silent in `week`. With `through`, entries dated after it are not counted: the
  /// dashboard asks on its as-of date, so a past view does not know of reports still to come.
  public static func compute(campaign c: Campaign, week: ReportingWeek, through: Day? = nil)
    -> [MissingReport]
  {
    compute(
      campaign: c, week: week, through: through, days: ReportDays(campaign: c), expected: reportingUnits(c))
  }

  /// The same from each unit's report dates and the units that owe a report, worked out
  /// beforehand (the dashboard asks again on every date it shows): a binary search per unit.
  public static func compute(
    campaign c: Campaign, week: ReportingWeek, through: Day?, days: ReportDays, expected: Set<String>
  ) -> [MissingReport] {
    c.units.compactMap { u in
      expected.contains(u.id) ? missing(u.id, campaign: c, week: week, through: through, days: days) : nil
    }
  }

  /// `previous`, the answer for the same campaign structure, week and date, after a live reload
  /// changed the report dates of the units in `changed` only: those units are worked out again,
  /// the others keep their line (a 50× campaign has 2,000 units; a saved report touches one).
  /// `previous` is in the campaign's unit order, as `compute` gives it: each changed unit's line
  /// is taken out of its place and its new one put there, found by a binary search, so the
  /// cost is a few lookups per changed unit rather than sorting every line again.
  public static func updating(
    _ previous: [MissingReport], changed: Set<String>, campaign c: Campaign, week: ReportingWeek,
    through: Day?,
    days: ReportDays, expected: Set<String>
  ) -> [MissingReport] {
    func place(_ unit: String) -> Int { c.nodeIndex[unit] ?? Int.max }
    var out = previous
    for u in changed {
      let key = place(u)
      // The run of lines at the unit's place (one line, or several units the campaign does not
      // define, all placed last).
      var lo = 0
      var hi = out.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if place(out[mid].unit) < key { lo = mid + 1 } else { hi = mid }
      }
      var end = lo
      while end < out.count && place(out[end].unit) == key { end += 1 }
      if let at = out[lo..<end].firstIndex(where: { $0.unit == u }) {
        out.remove(at: at)
        end -= 1
      }
      if expected.contains(u), let m = missing(u, campaign: c, week: week, through: through, days: days) {
        out.insert(m, at: end)
      }
    }
    return out
  }

  /// Whether `unit` is silent in `week` (seen on `through`), and since when.
  private static func missing(
    _ unit: String, campaign c: Campaign, week: ReportingWeek, through: Day?, days: ReportDays
  ) -> MissingReport? {
    let first = ReportingWeek(containing: c.info.start)
    // Only entries up to the end of the week and up to `through` tell whether the unit
    // reported in the week, and since when it has been silent.
    let bound = through.map { min($0, week.end) } ?? week.end
    let last = days.latest(of: unit, onOrBefore: bound)
    if let last, last >= week.start { return nil }
    // The weeks from the one after the last report (never before the campaign's first)
    // up to `week`, all silent.
    var from = first
    if let last, ReportingWeek(containing: last) >= first { from = ReportingWeek(containing: last).next }
    let streak = week >= from ? (week.start - from.start) / 7 + 1 : 0
    return MissingReport(
      unit: unit, subCommand: c.subCommandOfUnit[unit], weeksInARow: max(1, streak), lastReported: last)
  }

  /// Units that lead at least one indicator or task: the ones that owe a weekly report.
  public static func reportingUnits(_ c: Campaign) -> Set<String> {
    var s: Set<String> = []
    for i in c.indicators { if let l = i.lead { s.insert(l) } }
    for t in c.tasks { s.insert(t.lead) }
    return s
  }
}

/// Each unit's report entry dates, sorted: enough to tell, for any week and as-of date, who
/// has not reported (``MissingReports``). Built once per campaign and kept across dates; after
/// a live reload of report files, updated from the file versions taken out and put in.
///
/// The dates are held per unit in a ``ChunkedArray`` reached through a table of unit names
/// (which every update shares): an update copies the lists of the units whose files changed,
/// and of the 63 others in their chunks, not a dictionary of every unit's list (2,000 at 50×
/// the bundled campaign).
public struct ReportDays: Sendable {
  /// Each unit's place in `days`: every unit of the campaign, and any other name a report
  /// file gives.
  private var slot: [String: Int]
  /// Day numbers (``Day/ordinal``) as 4 bytes each: one per report entry in effect.
  private var days: ChunkedArray<[Int32]>

  public init(campaign c: Campaign) {
    // By the store's unit numbers first: one array index per entry instead of a string hash.
    var byNumber = [[Int32]](repeating: [], count: c.reports.unitCount)
    for id in c.reportsInEffect {
      let f = c.reports.files[Int(id)]
      for e in f.entries { byNumber[Int(f.unit)].append(c.reports.day[e]) }
    }
    var slot: [String: Int] = [:]
    slot.reserveCapacity(c.units.count + byNumber.count)
    var days: [[Int32]] = []
    days.reserveCapacity(c.units.count + byNumber.count)
    for k in byNumber.indices where !byNumber[k].isEmpty {
      let name = c.reports.unitName(Int32(k))
      if let s = slot[name] {
        days[s] += byNumber[k]
      } else {
        slot[name] = days.count
        days.append([])
        swap(&days[days.count - 1], &byNumber[k])
      }
    }
    for s in days.indices { days[s].sort() }
    // The units with no report yet, so that their first one finds its place.
    for u in c.units where slot[u.id] == nil {
      slot[u.id] = days.count
      days.append([])
    }
    self.slot = slot
    self.days = ChunkedArray(days)
  }

  /// `old`'s dates moved to `new`, a reload of `old`'s report files: the dates of the file
  /// versions taken out go, those of the versions put in come. (A `new` not patched from `old`
  /// is read whole.)
  public func updated(from old: Campaign, to new: Campaign) -> ReportDays {
    guard let change = new.reportChange, change.base == old.generation else {
      return ReportDays(campaign: new)
    }
    func collect(_ ids: [Int32]) -> [String: [Int32]] {
      var out: [String: [Int32]] = [:]
      for id in ids {
        let f = new.reports.files[Int(id)]
        out[new.reports.unitName(f.unit), default: []] += f.entries.map { new.reports.day[$0] }
      }
      return out
    }
    let gone = collect(change.removed)
    let came = collect(change.added)
    var out = self
    for (unit, days) in gone {
      guard let s = out.slot[unit] else { continue }
      for d in days {
        let at = Self.firstIndex(of: d, in: out.days[s])
        if at < out.days[s].count && out.days[s][at] == d { out.days[s].remove(at: at) }
      }
    }
    for (unit, days) in came {
      let s = out.slot[unit] ?? out.newSlot(unit)
      for d in days { out.days[s].insert(d, at: Self.firstIndex(of: d, in: out.days[s])) }
    }
    return out
  }

  /// A place for a name no report gave before (rare: every unit of the campaign has one).
  private mutating func newSlot(_ unit: String) -> Int {
    slot[unit] = days.count
    days.append([])
    return days.count - 1
  }

  /// The unit's last entry date on or before `day`.
  public func latest(of unit: String, onOrBefore day: Day) -> Day? {
    guard let s = slot[unit] else { return nil }
    let all = days[s]
    let after = Self.firstIndex(of: Int32(truncatingIfNeeded: day.ordinal + 1), in: all)
    return after == 0 ? nil : Day(ordinal: Int(all[after - 1]))
  }

  /// The first position in sorted `all` whose date is not before `day`.
  private static func firstIndex(of day: Int32, in all: [Int32]) -> Int {
    var lo = 0
    var hi = all.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if all[mid] < day { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}

/// One unit that has not reported for the week asked about.
public struct MissingReport: Sendable, Equatable {
  public var unit: String
  /// The sub-command above the unit, for grouping the list by who chases whom.
  public var subCommand: String?
  /// Weeks without a report, ending with the week asked about (1 = only this week).
  public var weeksInARow: Int
  /// The date of the unit's last entry up to that week; nil when it never reported.
  public var lastReported: Day?

  public init(unit: String, subCommand: String?, weeksInARow: Int, lastReported: Day?) {
    self.unit = unit
    self.subCommand = subCommand
    self.weeksInARow = weeksInARow
    self.lastReported = lastReported
  }
}
