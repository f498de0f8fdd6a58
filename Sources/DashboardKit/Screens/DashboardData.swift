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

  public var asOf: Day { standing.asOf }

  /// Progress of a sub-command over the trend weeks.
  public func subCommandTrend(_ id: String) -> [Double] { trend.map { $0.subCommand(id).progress } }

  /// Values of an indicator over the trend weeks (nil before its first report).
  public func indicatorTrend(_ index: Int) -> [Double?] { trend.map { $0.indicators[index].value } }

  /// The responsible units under a sub-command (its subtree), in document order.
  public func units(under id: String) -> [OrgNode] { lists.unitsBySubCommand[id] ?? [] }
}
