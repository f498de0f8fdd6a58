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
    let expected = reportingUnits(c)
    var days: [String: [Day]] = [:]
    for f in c.reportFiles {
      days[f.unit, default: []] += f.entries.map(\.date).filter { d in through.map { d <= $0 } ?? true }
    }
    let first = ReportingWeek(containing: c.info.start)
    var out: [MissingReport] = []
    for u in c.units where expected.contains(u.id) {
      let mine = days[u.id] ?? []
      let weeks = Set(mine.map { ReportingWeek(containing: $0) })
      guard !weeks.contains(week) else { continue }
      var streak = 0
      var w = week
      while w >= first && !weeks.contains(w) {
        streak += 1
        w = w.previous
      }
      let last = mine.filter { $0 <= week.end }.max()
      out.append(
        MissingReport(
          unit: u.id, subCommand: c.subCommandOfUnit[u.id], weeksInARow: max(1, streak), lastReported: last))
    }
    return out
  }

  /// Units that lead at least one indicator or task: the ones that owe a weekly report.
  public static func reportingUnits(_ c: Campaign) -> Set<String> {
    var s: Set<String> = []
    for i in c.indicators { if let l = i.lead { s.insert(l) } }
    for t in c.tasks { s.insert(t.lead) }
    return s
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
