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
  /// Who issues the weekly circular and to whom it goes (all optional).
  public var circular: CircularInfo

  public init(
    id: String, title: String, city: String, start: Day, end: Day, asOf: Day? = nil,
    totalPoints: Double, locale: String = "zh", meetings: [Day] = [], pace: Pace = Pace(),
    ranking: RankingRules = RankingRules(), circular: CircularInfo = CircularInfo()
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
    self.circular = circular
  }

  /// The meeting's number (第35次调度会, and the circular's 第35期): its place among the
  /// meeting dates, from 1; nil when `day` is not a meeting date.
  public func meetingNumber(_ day: Day) -> Int? { meetings.firstIndex(of: day).map { $0 + 1 } }

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
  public var escalation: [String] { didSet { syncRules() } }
  /// The steps with what they mean and their days to fix, one per name in `escalation`.
  public private(set) var escalationRules: [EscalationRule]

  public init(redListSize: Int = 5, blackListSize: Int = 3, escalation: [String] = ["约谈", "组织部约谈", "问责"]) {
    self.redListSize = redListSize
    self.blackListSize = blackListSize
    self.escalation = escalation
    self.escalationRules = escalation.map { EscalationRule(step: $0) }
  }

  public init(redListSize: Int, blackListSize: Int, rules: [EscalationRule]) {
    self.init(redListSize: redListSize, blackListSize: blackListSize, escalation: rules.map(\.step))
    escalationRules = rules
  }

  /// The rule of a step by its index (an ``Escalation``'s level).
  public func rule(level: Int) -> EscalationRule? {
    escalationRules.indices.contains(level) ? escalationRules[level] : nil
  }

  private mutating func syncRules() {
    escalationRules = escalation.enumerated().map { i, name in
      i < escalationRules.count && escalationRules[i].step == name
        ? escalationRules[i] : EscalationRule(step: name)
    }
  }
}
