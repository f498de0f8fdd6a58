/// `campaign.json`: what the campaign is, when it runs, and the rules its meetings apply.
public struct CampaignInfo: Sendable, Equatable {
  public var id: String
  public var title: String
  public var city: String
  public var start: Day
  public var end: Day
  /// The date the dashboard opens on when none is given.
  public var asOf: Day?
  /// The declared total of points (134 for Hongjiang); the audit compares it with the sum.
  public var totalPoints: Double
  public var locale: String
  /// Dispatch-meeting dates (调度会), ascending.
  public var meetings: [Day]
  public var pace: Pace
  public var ranking: RankingRules

  public init(
    id: String, title: String, city: String, start: Day, end: Day, asOf: Day? = nil,
    totalPoints: Double, locale: String = "zh", meetings: [Day] = [], pace: Pace = Pace(),
    ranking: RankingRules = RankingRules()
  ) {
    self.id = id
    self.title = title
    self.city = city
    self.start = start
    self.end = end
    self.asOf = asOf
    self.totalPoints = totalPoints
    self.locale = locale
    self.meetings = meetings
    self.pace = pace
    self.ranking = ranking
  }

  /// The as-of date to open on: `asOf`, else the last meeting, else the end of the period.
  public var defaultAsOf: Day { asOf ?? meetings.last ?? end }
}

/// Status thresholds: on track at `amber` of the expected pace, behind at `red`.
public struct Pace: Sendable, Equatable {
  public var amber: Double
  public var red: Double
  public init(amber: Double = 0.9, red: Double = 0.7) {
    self.amber = amber
    self.red = red
  }
}

/// How the red and black lists (红黑榜) are drawn up at each meeting.
public struct RankingRules: Sendable, Equatable {
  public var redListSize: Int
  public var blackListSize: Int
  /// Levels for consecutive black-list appearances (约谈 → 组织部约谈 → 问责).
  public var escalation: [String]
  public init(redListSize: Int = 5, blackListSize: Int = 3, escalation: [String] = ["约谈", "组织部约谈", "问责"]) {
    self.redListSize = redListSize
    self.blackListSize = blackListSize
    self.escalation = escalation
  }
}
