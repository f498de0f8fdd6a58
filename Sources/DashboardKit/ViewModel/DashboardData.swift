import CampaignKit

/// Everything a screen reads: the campaign, its standing on the as-of date, and the standings
/// of the weeks before it (for sparklines and "since last week"). Computed once per data change
/// or date change, never per frame.
public struct DashboardData: Sendable {
  public let campaign: Campaign
  public let standing: Standing
  /// The dates of the trend, oldest first, ending on the as-of date (weekly steps).
  public let trendDates: [Day]
  /// Standing on each of `trendDates` (the last one is `standing`).
  public let trend: [Standing]

  /// Tells one computed data set from another (for the layout memo): a new value on every
  /// load, reload or change of date.
  let identity = Identity()
  final class Identity: Sendable {}

  /// The jump palette's index of this campaign, built on the first `:` and kept across time
  /// travel (same campaign); a reload starts a new one.
  public internal(set) var jumps = JumpBox()

  /// Sorted and grouped lists for the list pages.
  public let lists: ListIndex
  /// What depends on the campaign's structure only, shared with the data of other dates and
  /// of reloads that changed report files only.
  let memo: StructureMemo

  /// The meeting before the as-of date (the last one strictly before it): what every
  /// "since the last meeting" delta compares with. nil before the first meeting.
  public let previousMeeting: Day?
  /// Standing on `previousMeeting`.
  public let previous: Standing?
  /// The red and black lists at the as-of meeting (the last meeting on or before the as-of
  /// date; the as-of date itself before the first meeting), worked out on first use.
  public var ranking: MeetingRanking { meetings.ranking }
  /// The ranking and each meeting's table (tables, not standings: a standing is about a
  /// megabyte at 50× the bundled campaign, a table a few kilobytes). A live reload hands on
  /// the tables before the earliest changed report date, time travel all of them.
  let meetings: MeetingContext

  public static let trendLength = 8

  /// 催报: the week containing the as-of date, and the units that owe a report for it and have
  /// none dated in it up to the as-of date (with how many weeks in a row).
  public let reportingWeek: ReportingWeek
  public let missing: [MissingReport]
  /// Each unit's report dates, for `missing` on any date: kept across time travel.
  let reportDays: ReportDays
  /// How many units owe a weekly report (lead an indicator or a task).
  public let reportingUnitCount: Int

  /// The live dashboard's state of its files (header line, change highlights); `.off` elsewhere.
  public var live = LiveStatus()

  public init(campaign: Campaign, asOf: Day) {
    self.init(
      campaign: campaign, asOf: asOf, cache: [:], tables: [:], memo: StructureMemo(campaign: campaign),
      reportDays: ReportDays(campaign: campaign))
  }

  /// The data for `asOf`, taking any standing or meeting table already computed for the same
  /// campaign from `cache` and `tables` (both depend only on the campaign and their date).
  private init(
    campaign: Campaign, asOf: Day, cache: [Day: Standing], tables: [Day: MeetingTable], memo: StructureMemo,
    reportDays: ReportDays
  ) {
    let dates = (0..<DashboardData.trendLength).reversed().map { asOf - 7 * $0 }
    let before = campaign.info.meetings.last { $0 < asOf }
    let standings = DashboardData.standings(campaign, on: dates + (before.map { [$0] } ?? []), known: cache)
    self.init(
      campaign: campaign, trendDates: dates, trend: dates.map { standings[$0]! }, previousMeeting: before,
      previous: before.map { standings[$0]! }, tables: tables, memo: memo, reportDays: reportDays)
  }

  /// After a live reload: the standings of dates before `changedFrom` (the earliest date of
  /// any report entry that came or went) cannot have moved and are kept from `previous`; only
  /// the later ones are computed again. With `changedFrom` nil everything is recomputed.
  public init(campaign: Campaign, asOf: Day, reusing previous: DashboardData, changedFrom: Day?) {
    guard let from = changedFrom, previous.asOf == asOf,
      previous.trendDates.count == DashboardData.trendLength
    else {
      self.init(campaign: campaign, asOf: asOf)
      return
    }
    // Standings before `from` are kept; the later ones are updated for the points that
    // changed (Standing(updating:from:to:) recomputes only those records), on both cores.
    var kept: [Day: Standing] = [:]
    var stale: [Standing] = []
    for s in previous.trend + (previous.previous.map { [$0] } ?? []) where kept[s.asOf] == nil {
      if s.asOf < from {
        kept[s.asOf] = s
      } else if !stale.contains(where: { $0.asOf == s.asOf }) {
        stale.append(s)
      }
    }
    let oldCampaign = previous.campaign
    let outdated = stale
    for s in Concurrently.map(
      outdated.count, { Standing(updating: outdated[$0], from: oldCampaign, to: campaign) })
    {
      kept[s.asOf] = s
    }
    let dates = previous.trendDates
    let before = previous.previousMeeting
    let standings = DashboardData.standings(campaign, on: dates + (before.map { [$0] } ?? []), known: kept)
    self.init(
      campaign: campaign, trendDates: dates, trend: dates.map { standings[$0]! }, previousMeeting: before,
      previous: before.map { standings[$0]! }, tables: previous.meetings.knownTables.filter { $0.key < from },
      memo: previous.memo.carried(to: campaign),
      reportDays: previous.reportDays.updated(from: previous.campaign, to: campaign),
      missingBefore: campaign.unitsWithChangedReports(since: oldCampaign).map { (previous.missing, $0) })
    live = previous.live
  }

  private init(
    campaign: Campaign, trendDates: [Day], trend: [Standing], previousMeeting: Day?, previous: Standing?,
    tables: [Day: MeetingTable], memo: StructureMemo, reportDays: ReportDays,
    missingBefore: (list: [MissingReport], changed: Set<String>)? = nil
  ) {
    self.campaign = campaign
    self.reportDays = reportDays
    self.memo = memo
    self.trendDates = trendDates
    self.trend = trend
    self.standing = trend[trend.count - 1]
    self.previousMeeting = previousMeeting
    self.previous = previous
    self.lists = ListIndex(campaign: campaign, standing: standing, memo: memo)
    let week = ReportingWeek(containing: standing.asOf)
    self.reportingWeek = week
    let owing = memo.reportingUnits
    // After a reload of a few report files (same structure, same date), only their units can
    // have started or stopped being silent.
    if let before = missingBefore {
      self.missing = MissingReports.updating(
        before.list, changed: before.changed, campaign: campaign, week: week, through: standing.asOf,
        days: reportDays, expected: owing)
    } else {
      self.missing = MissingReports.compute(
        campaign: campaign, week: week, through: standing.asOf, days: reportDays, expected: owing)
    }
    self.reportingUnitCount = owing.count
    meetings = MeetingContext(campaign: campaign, asOf: standing.asOf, tables: tables)
  }

  /// The standing on each of `days`, taken from `known` where it is there; the others are
  /// computed at once on both cores (they are independent).
  static func standings(_ campaign: Campaign, on days: [Day], known: [Day: Standing]) -> [Day: Standing] {
    var out = known
    var todo: [Day] = []
    for d in days where out[d] == nil && !todo.contains(d) { todo.append(d) }
    let pending = todo
    let made = Concurrently.map(pending.count) { Standing(campaign: campaign, asOf: pending[$0]) }
    for s in made { out[s.asOf] = s }
    return out
  }

  /// The same campaign on `app`'s as-of date: itself when the date has not changed, so the
  /// runner can call this after every event (time travel recomputes every view).
  public func refreshed(for app: App) -> DashboardData {
    guard let d = app.asOf, d != asOf else { return self }
    // Stepping a week reuses every standing of the trend, the previous meeting's, and every
    // meeting table.
    var cache: [Day: Standing] = [:]
    for s in trend { cache[s.asOf] = s }
    if let p = previous { cache[p.asOf] = p }
    var data = DashboardData(
      campaign: campaign, asOf: d, cache: cache, tables: meetings.knownTables, memo: memo,
      reportDays: reportDays)
    data.live = live
    data.jumps = jumps
    return data
  }

  /// Change of an aggregate since the previous meeting; nil without one.
  public func delta(_ now: Aggregate, _ before: (Standing) -> Aggregate) -> Delta? {
    previous.map {
      Delta(points: now.earned - before($0).earned, progress: now.progress - before($0).progress)
    }
  }

  public func subCommandDelta(_ id: String) -> Delta? { delta(standing.subCommand(id)) { $0.subCommand(id) } }
  public func categoryDelta(_ id: String) -> Delta? { delta(standing.category(id)) { $0.category(id) } }
  public func itemDelta(_ id: String) -> Delta? {
    delta(standing.items[id] ?? Aggregate()) { $0.items[id] ?? Aggregate() }
  }
  public func unitLedDelta(_ id: String) -> Delta? { delta(standing.unit(id).led) { $0.unit(id).led } }
  public var totalDelta: Delta? { delta(standing.total) { $0.total } }

  public func indicatorDelta(_ index: Int) -> Delta? {
    previous.map {
      Delta(
        points: standing.indicators[index].earned - $0.indicators[index].earned,
        progress: standing.indicators[index].progress - $0.indicators[index].progress)
    }
  }

  /// The indicators that moved most since the previous meeting, by points earned: up to
  /// `count` gainers (largest first) and `count` losers (largest loss first).
  public func movers(_ count: Int) -> (up: [(index: Int, delta: Delta)], down: [(index: Int, delta: Delta)]) {
    guard previous != nil else { return ([], []) }
    let all = standing.indicators.indices.compactMap { i in indicatorDelta(i).map { (index: i, delta: $0) } }
    let up = all.filter { $0.delta.points > 1e-9 }.sorted {
      ($0.delta.points, -$0.index) > ($1.delta.points, -$1.index)
    }
    let down = all.filter { $0.delta.points < -1e-9 }.sorted {
      ($0.delta.points, $0.index) < ($1.delta.points, $1.index)
    }
    return (Array(up.prefix(count)), Array(down.prefix(count)))
  }

  public var asOf: Day { standing.asOf }

  /// Progress of a sub-command over the trend weeks.
  public func subCommandTrend(_ id: String) -> [Double] { trend.map { $0.subCommand(id).progress } }

  /// Values of an indicator over the trend weeks (nil before its first report).
  public func indicatorTrend(_ index: Int) -> [Double?] { trend.map { $0.indicators[index].value } }

  /// The responsible units under a sub-command (its subtree), in document order.
  public func units(under id: String) -> [OrgNode] { lists.unitsBySubCommand[id] ?? [] }

  /// The units of a sub-command that have not reported this week, longest silence first.
  public func missing(subCommand id: String) -> [MissingReport] {
    missing.filter { $0.subCommand == id }.sorted { ($0.weeksInARow, $1.unit) > ($1.weeksInARow, $0.unit) }
  }
}

/// A change since the previous meeting: points earned and progress (a fraction; ×100 for
/// percentage points).
public struct Delta: Sendable, Equatable {
  public var points: Double
  public var progress: Double
  public init(points: Double, progress: Double) {
    self.points = points
    self.progress = progress
  }
  /// Too small to show (less than 0.05 points and half a percentage point).
  public var isZero: Bool { abs(points) < 0.05 && abs(progress) < 0.005 }
}
