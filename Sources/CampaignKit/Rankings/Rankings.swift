/// The red and black lists (红黑榜) of the dispatch meetings.
///
/// At each meeting the responsible units are ranked by rectification rate (整改率, see
/// ``Rectification``), best first; equal rates are ordered by the progress of the indicators the
/// unit leads (more first), then by the unit's place in `organization.json`. A unit with no
/// problem due yet has no rate and is not ranked. The first `ranking.redListSize` units make the
/// red list; the last `ranking.blackListSize` (worst first) make the black list, which never
/// takes a unit from the red list nor one that fixed every problem on time. Each consecutive
/// meeting on the black list raises the unit one escalation level (`ranking.escalation`,
/// 约谈 → 组织部约谈 → 问责), staying at the last level after that.
public enum Rankings {
  /// The ranking at `meeting`, with the history of every meeting before it (the campaign's
  /// meeting dates up to `meeting`; a date that is not a meeting date is ranked as if a meeting
  /// were held that day, after the ones before it).
  public static func compute(campaign c: Campaign, meeting: Day) -> MeetingRanking {
    compute(campaign: c, meeting: meeting, standing: { Standing(campaign: c, asOf: $0) })
  }

  /// As ``compute(campaign:meeting:)``, taking standings from `standing` (so a caller that has
  /// some already computed can reuse them).
  public static func compute(campaign c: Campaign, meeting: Day, standing: (Day) -> Standing)
    -> MeetingRanking
  {
    compute(campaign: c, meeting: meeting) { (d: Day) -> MeetingTable in
      table(campaign: c, standing: standing(d))
    }
  }

  /// As ``compute(campaign:meeting:)``, taking each meeting's table from `table` (see
  /// ``table(campaign:standing:)``), so that a caller can keep the tables of meetings already
  /// ranked rather than the standings they came from.
  public static func compute(campaign c: Campaign, meeting: Day, table: (Day) -> MeetingTable)
    -> MeetingRanking
  {
    var dates = c.info.meetings.filter { $0 <= meeting }
    if dates.last != meeting { dates.append(meeting) }
    var tables: [MeetingTable] = []
    var streak: [String: Int] = [:]
    for d in dates {
      var t = table(d)
      var next: [String: Int] = [:]
      for e in t.black { next[e.unit] = (streak[e.unit] ?? 0) + 1 }
      streak = next
      t.streak = next
      tables.append(t)
    }
    return MeetingRanking(rules: c.info.ranking, dates: dates, tables: tables)
  }

  /// One meeting's ranking from the standing on its date (without the black-list streaks,
  /// which ``compute(campaign:meeting:table:)`` adds from the meetings before).
  public static func table(campaign c: Campaign, standing st: Standing) -> MeetingTable {
    // Units by position when every unit id is distinct (then the standing's units are in
    // the same order), else by id.
    let byPosition = st.units.count == c.units.count
    return table(campaign: c, date: st.asOf) { k, u in
      let us = byPosition ? st.units.values[k] : st.unit(u.id)
      return (us.rectification, us.led.points, us.led.earned)
    }
  }

  /// The same table computed straight from the campaign: only what a ranking reads of a
  /// standing (each unit's ledger and the points it has earned of what it leads), summed in
  /// the same order, so the figures are the same to the last bit, at a fraction of the cost
  /// of a whole standing (a dashboard ranks every meeting so far).
  public static func table(campaign c: Campaign, on day: Day) -> MeetingTable {
    let layout = c.layout
    var points = [Double](repeating: 0, count: layout.units.count)
    var earned = [Double](repeating: 0, count: layout.units.count)
    for i in layout.indicatorLead.indices {
      let lead = layout.indicatorLead[i]
      guard lead >= 0 else { continue }
      let series = c.indicatorSeries[i]
      let value = Campaign.latestIndex(in: series, on: day).map { c.value(of: series[$0]) }
      let p = ProgressMath.progress(value: value, rule: layout.indicatorRule[i])
      let pts = layout.indicatorPoints[i]
      points[lead] += pts
      earned[lead] += pts * p
    }
    let ledgers = Standing.ledgers(layout, on: day).units
    let byPosition = layout.units.count == c.units.count
    return table(campaign: c, date: day) { k, u in
      let at = byPosition ? k : layout.units[u.id]!
      return (ledgers[at], points[at], earned[at])
    }
  }

  /// The ranking of the units from each one's ledger and led points (by its place in
  /// `Campaign.units` and its node).
  static func table(
    campaign c: Campaign, date: Day, unit: (Int, OrgNode) -> (Rectification, points: Double, earned: Double)
  ) -> MeetingTable {
    let order = c.layout.units
    var ranked: [RankEntry] = []
    var unranked: [String] = []
    for (k, u) in c.units.enumerated() {
      let (r, points, earned) = unit(k, u)
      guard let rate = r.rate else {
        unranked.append(u.id)
        continue
      }
      // As `Aggregate.progress` has it.
      let progress = points > 0 ? earned / points : 0
      ranked.append(
        RankEntry(
          unit: u.id, rank: 0, rate: rate, rectification: r, progress: progress, leadsIndicators: points > 0))
    }
    ranked.sort {
      if $0.rate != $1.rate { return $0.rate > $1.rate }
      if $0.progress != $1.progress { return $0.progress > $1.progress }
      return (order[$0.unit] ?? 0) < (order[$1.unit] ?? 0)
    }
    for i in ranked.indices { ranked[i].rank = i + 1 }
    let rules = c.info.ranking
    let redCount = min(max(0, rules.redListSize), ranked.count)
    let red = Array(ranked.prefix(redCount))
    var black: [RankEntry] = []
    for e in ranked.dropFirst(redCount).reversed()
    where black.count < max(0, rules.blackListSize) && e.rate < 1 {
      black.append(e)
    }
    var position: [String: Int] = [:]
    position.reserveCapacity(ranked.count)
    for (i, e) in ranked.enumerated() where position[e.unit] == nil { position[e.unit] = i }
    return MeetingTable(
      date: date, ranked: ranked, unranked: unranked, red: red, black: black, position: position)
  }
}

/// A unit's place at one meeting.
public struct RankEntry: Sendable, Equatable {
  public var unit: String
  /// 1 is the best.
  public var rank: Int
  /// The rectification rate the ranking is by.
  public var rate: Double
  public var rectification: Rectification
  /// Progress of the indicators the unit leads (0 when it leads none): the tie-break.
  public var progress: Double
  public var leadsIndicators: Bool

  public init(
    unit: String, rank: Int, rate: Double, rectification: Rectification, progress: Double,
    leadsIndicators: Bool
  ) {
    self.unit = unit
    self.rank = rank
    self.rate = rate
    self.rectification = rectification
    self.progress = progress
    self.leadsIndicators = leadsIndicators
  }
}

/// Which list a unit is on at a meeting.
public enum ListMark: Sendable, Equatable {
  case red, black
}

/// How far a black-listed unit has been escalated.
public struct Escalation: Sendable, Equatable {
  /// Meetings in a row on the black list, ending at this one (1 the first time).
  public var consecutive: Int
  /// Index into `ranking.escalation` (0 for the first level), capped at the last level.
  public var level: Int
  /// The level's name from campaign.json (约谈, 组织部约谈, 问责), or "" when none are named.
  public var name: String

  public init(consecutive: Int, level: Int, name: String) {
    self.consecutive = consecutive
    self.level = level
    self.name = name
  }
}

/// One meeting in a unit's rank history.
public struct RankHistoryPoint: Sendable, Equatable {
  public var meeting: Day
  /// nil when the unit had nothing due and was not ranked.
  public var rank: Int?
  /// How many units were ranked at that meeting.
  public var of: Int
  public var rate: Double?
  public var mark: ListMark?
  /// Set when on the black list.
  public var escalation: Escalation?
}

/// The ranking of one meeting (the building block of ``MeetingRanking``; opaque outside).
public struct MeetingTable: Sendable {
  var date: Day
  var ranked: [RankEntry]
  var unranked: [String]
  var red: [RankEntry]
  var black: [RankEntry]
  /// Where each ranked unit is in `ranked` (a unit's entry without a linear search).
  var position: [String: Int] = [:]
  /// Consecutive black-list appearances, ending here, of the units on this black list.
  var streak: [String: Int] = [:]

  func entry(_ unit: String) -> RankEntry? { position[unit].map { ranked[$0] } }
}

/// The red and black lists at one meeting, with every earlier meeting for history and
/// escalation. Built by ``Rankings/compute(campaign:meeting:)``.
public struct MeetingRanking: Sendable {
  public let rules: RankingRules
  /// The meeting dates considered, ascending; the last one is ``meeting``.
  public let dates: [Day]
  let tables: [MeetingTable]

  init(rules: RankingRules, dates: [Day], tables: [MeetingTable]) {
    self.rules = rules
    self.dates = dates
    self.tables = tables
  }

  var last: MeetingTable { tables[tables.count - 1] }

  /// The date of the ranking.
  public var meeting: Day { last.date }
  /// The meeting before (nil at the first one).
  public var previousMeeting: Day? { dates.count > 1 ? dates[dates.count - 2] : nil }
  /// 1-based number of the meeting among the campaign's meetings so far.
  public var meetingNumber: Int { dates.count }
  /// All ranked units, best first.
  public var ranked: [RankEntry] { last.ranked }
  /// Units with no problem due, so no rate: not ranked.
  public var unranked: [String] { last.unranked }
  /// The red list, best first.
  public var red: [RankEntry] { last.red }
  /// The black list, worst first.
  public var black: [RankEntry] { last.black }

  public func entry(_ unit: String) -> RankEntry? { last.entry(unit) }

  public func mark(_ unit: String) -> ListMark? { Self.mark(unit, in: last) }

  /// The escalation of a unit on the black list at this meeting; nil when it is not on it.
  public func escalation(_ unit: String) -> Escalation? { escalation(unit, in: last) }

  /// The unit's rank at this meeting and every one before, oldest first.
  public func history(_ unit: String) -> [RankHistoryPoint] {
    tables.map { t in
      let e = t.entry(unit)
      return RankHistoryPoint(
        meeting: t.date, rank: e?.rank, of: t.ranked.count, rate: e?.rate, mark: Self.mark(unit, in: t),
        escalation: escalation(unit, in: t))
    }
  }

  /// The change of rank since the previous meeting: positive when the unit climbed; nil when
  /// it was not ranked at one of them.
  public func rankChange(_ unit: String) -> Int? {
    guard tables.count > 1, let now = entry(unit)?.rank,
      let before = tables[tables.count - 2].entry(unit)?.rank
    else { return nil }
    return before - now
  }

  static func mark(_ unit: String, in t: MeetingTable) -> ListMark? {
    if t.red.contains(where: { $0.unit == unit }) { return .red }
    if t.black.contains(where: { $0.unit == unit }) { return .black }
    return nil
  }

  func escalation(_ unit: String, in t: MeetingTable) -> Escalation? {
    guard let k = t.streak[unit] else { return nil }
    let names = rules.escalation
    let level = names.isEmpty ? k - 1 : min(k, names.count) - 1
    return Escalation(consecutive: k, level: level, name: names.isEmpty ? "" : names[level])
  }
}
