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

  /// Sorted and grouped lists for the list pages.
  public let lists: ListIndex

  public static let trendLength = 8

  /// The live dashboard's state of its files (header line, change highlights); `.off` elsewhere.
  public var live = LiveStatus()

  public init(campaign: Campaign, asOf: Day) {
    self.campaign = campaign
    let dates = (0..<DashboardData.trendLength).reversed().map { asOf - 7 * $0 }
    self.trendDates = dates
    var trend = dates.dropLast().map { Standing(campaign: campaign, asOf: $0) }
    let now = Standing(campaign: campaign, asOf: asOf)
    trend.append(now)
    self.trend = trend
    self.standing = now
    self.lists = ListIndex(campaign: campaign, standing: now)
  }

  /// After a live reload: the standings of trend dates before `changedFrom` (the earliest date
  /// of any report entry that came or went) cannot have moved and are kept from `previous`;
  /// only the later ones are computed again. With `changedFrom` nil everything is recomputed.
  public init(campaign: Campaign, asOf: Day, reusing previous: DashboardData, changedFrom: Day?) {
    guard let from = changedFrom, previous.asOf == asOf,
      previous.trendDates.count == DashboardData.trendLength
    else {
      self.init(campaign: campaign, asOf: asOf)
      return
    }
    let trend = zip(previous.trendDates, previous.trend).map { day, old in
      day < from ? old : Standing(campaign: campaign, asOf: day)
    }
    self.init(campaign: campaign, trendDates: previous.trendDates, trend: trend)
    live = previous.live
  }

  private init(campaign: Campaign, trendDates: [Day], trend: [Standing]) {
    self.campaign = campaign
    self.trendDates = trendDates
    self.trend = trend
    self.standing = trend[trend.count - 1]
    self.lists = ListIndex(campaign: campaign, standing: standing)
  }

  public var asOf: Day { standing.asOf }

  /// Progress of a sub-command over the trend weeks.
  public func subCommandTrend(_ id: String) -> [Double] { trend.map { $0.subCommand(id).progress } }

  /// Values of an indicator over the trend weeks (nil before its first report).
  public func indicatorTrend(_ index: Int) -> [Double?] { trend.map { $0.indicators[index].value } }

  /// The responsible units under a sub-command (its subtree), in document order.
  public func units(under id: String) -> [OrgNode] { lists.unitsBySubCommand[id] ?? [] }
}
