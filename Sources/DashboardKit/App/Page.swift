import CampaignKit

/// A place in the dashboard the navigation stack can hold.
public enum Page: Hashable, Sendable {
  /// 指挥体系: the command tree with the eight sub-commands.
  case overview
  /// A sub-command by node id.
  case subCommand(String)
  case unit(String)
  case indicator(String)
  case task(String)
  /// 测评体系: categories → items → indicators.
  case indicators
  /// 问题台账: the rectification ledger, filtered by `App.ledger`.
  case problems
  /// One problem of the ledger by id.
  case problem(String)
  /// A grid cell (网格) of a community by node id: its leaders and its problems, opened from the
  /// community's page.
  case grid(String)
  /// 红黑榜: the ranking at the as-of meeting.
  case rankings
  /// A unit's rank at every meeting so far.
  case rankHistory(String)
  /// 责任落实: the responsibility audit.
  case audit
  /// The help overlay's page when printed; on screen help is an overlay.
  case help
  /// 通报: the weekly circular (totals and changes since the previous meeting), for printing.
  case brief
  /// 催报: the units that have not reported in the as-of week, by sub-command.
  case missing

  /// The id of the record the page shows, if any.
  public var subjectID: String? {
    switch self {
    case .subCommand(let id), .unit(let id), .indicator(let id), .task(let id), .problem(let id),
      .rankHistory(let id), .grid(let id):
      id
    case .overview, .indicators, .problems, .rankings, .audit, .help, .brief, .missing: nil
    }
  }

  /// The tab this page is the root of, if it is one.
  public var tabRoot: Tab? { Tab.allCases.first { $0.root == self } }
}

/// The tabs of the dashboard (DESIGN.md section 6), in the order Tab walks them.
public enum Tab: Int, CaseIterable, Sendable {
  case command, indicators, problems, rankings, audit

  public static let available: [Tab] = Tab.allCases

  public var root: Page {
    switch self {
    case .command: .overview
    case .indicators: .indicators
    case .problems: .problems
    case .rankings: .rankings
    case .audit: .audit
    }
  }
}

/// How list pages order their rows (`s` cycles).
public enum SortOrder: Int, CaseIterable, Sendable {
  /// Lagging first (worst status, then least progress): what a meeting looks at.
  case lagging
  case progress
  case name
  case points

  public var next: SortOrder { SortOrder(rawValue: (rawValue + 1) % SortOrder.allCases.count)! }
}

/// The ledger's filters (问题台账): by state (`f`), sub-command (`g`) and source (`o`); by unit
/// through the text filter (`/`), which matches the unit's name.
public struct LedgerFilter: Sendable, Equatable, Hashable {
  public enum State: Int, CaseIterable, Sendable {
    case all, open, overdue, fixed, awaitingVerification
    public var next: State { State(rawValue: (rawValue + 1) % State.allCases.count)! }
  }
  public var state: State = .all
  /// A sub-command key (1–8), or nil for all.
  public var subCommandKey: Int?
  /// A problem source, or nil for all.
  public var source: Problem.Source?
  /// A grid cell (网格) id, or nil for all: set from a community page's grid rows, `w` cycles.
  public var grid: String?

  public init(state: State = .all, subCommandKey: Int? = nil, source: Problem.Source? = nil) {
    self.state = state
    self.subCommandKey = subCommandKey
    self.source = source
  }

  public var isEmpty: Bool { self == LedgerFilter() }
}

/// The dates time travel moves between, taken from campaign.json once (App holds no campaign).
public struct MeetingCalendar: Sendable, Equatable {
  public var start: Day
  public var end: Day
  /// The date the dashboard opens on; earlier dates are a past view.
  public var defaultAsOf: Day
  public var meetings: [Day]

  public init(start: Day, end: Day, defaultAsOf: Day, meetings: [Day]) {
    self.start = start
    self.end = end
    self.defaultAsOf = defaultAsOf
    self.meetings = meetings
  }

  /// A date clamped into the campaign period.
  public func clamp(_ d: Day) -> Day { min(max(d, start), end) }
  /// The last meeting strictly before `d`.
  public func meeting(before d: Day) -> Day? { meetings.last { $0 < d } }
  /// The first meeting strictly after `d`.
  public func meeting(after d: Day) -> Day? { meetings.first { $0 > d } }
}
