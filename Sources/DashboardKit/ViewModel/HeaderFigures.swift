import CampaignKit

/// The figures of the score line — the screen's header and the top of every printed page —
/// computed once, so both show the same numbers: total points, progress, the change since the
/// previous meeting, and the indicators counted by status mark (未报送 apart from progress).
public struct HeaderFigures: Sendable {
  public var earned: Double
  public var points: Double
  public var progress: Double
  public var mark: StatusMark
  /// Points and progress gained since the previous meeting; nil before the first one.
  public var change: Delta?
  /// Indicators per mark, in ``StatusMark/allCases`` order.
  public var counts: [Int]
  /// Behind, at risk, overdue or not reported: the sum the rows' 需关注 columns add up to.
  public var needsAttention: Int {
    zip(StatusMark.allCases, counts).filter { $0.0.needsAttention }.map(\.1).reduce(0, +)
  }

  public init(_ data: DashboardData) {
    let total = data.standing.total
    earned = total.earned
    points = total.points
    progress = total.progress
    mark = StatusMark(total.status(on: data.asOf, pace: data.campaign.info.pace))
    change = data.totalDelta
    var counts = Array(repeating: 0, count: StatusMark.allCases.count)
    for s in data.standing.indicators { counts[StatusMark(s).rawValue] += 1 }
    self.counts = counts
  }

  public func count(_ m: StatusMark) -> Int { counts[m.rawValue] }
}

extension DashboardData {
  /// Indicators of a sub-command that need attention (behind or worse, or not reported).
  func needsAttention(subCommand id: String) -> Int {
    campaign.indicators.indices.reduce(0) { n, i in
      campaign.indicators[i].subCommand == id && StatusMark(standing.indicators[i]).needsAttention ? n + 1 : n
    }
  }
}
