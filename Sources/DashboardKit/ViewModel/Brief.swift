import CampaignKit

/// The weekly circular (通报) as data: the campaign's total and its change since the previous
/// dispatch meeting, each sub-command with its change and lagging indicators, and the units with
/// overdue problems, and the red and black lists. Computed once from a ``DashboardData``; the brief page (screen and text),
/// the Markdown/HTML document and the JSON all read this one value.
public struct Brief: Sendable {
  public struct SubCommandLine: Sendable {
    public var node: OrgNode
    public var now: Aggregate
    /// The aggregate on the previous meeting date (nil when there was none).
    public var previous: Aggregate?
    public var status: Status
    /// Indicators that need attention (behind or worse, or not reported), worst first (the
    /// screen's lagging order); their count is the row's 需关注.
    public var lagging: [Indicator]
  }

  public struct OverdueUnit: Sendable {
    public var node: OrgNode
    public var subCommand: OrgNode?
    public var rectification: Rectification
  }

  public let asOf: Day
  /// The last meeting date strictly before the as-of date (`campaign.json` `meetings`).
  public let previousMeeting: Day?
  public let total: Aggregate
  public let totalPrevious: Aggregate?
  public let totalStatus: Status
  public let subCommands: [SubCommandLine]
  /// Units with at least one overdue problem: most overdue first, then by id.
  public let overdueUnits: [OverdueUnit]
  /// The red and black lists (红黑榜) of the as-of meeting, from ``DashboardData/ranking``;
  /// every writer renders whatever lists this holds (an empty list is left out).
  public var lists: [RankingList] = []
  /// The meeting the circular serves: the last meeting on or before the as-of date, with its
  /// number (第35次调度会, the 第35期); nil before the first meeting.
  public let meeting: (day: Day, number: Int)?
  /// The reporting week (Monday to Sunday) holding the as-of date, for 催报.
  public let week: ReportingWeek
  /// Units that owe a report and have none dated in that week (``MissingReports``).
  public let missing: [MissingReport]
  /// Overdue problems on the as-of date, grouped by unit in ``overdueUnits``' order, each
  /// unit's most overdue first.
  public let overdueProblems: [(unit: OrgNode, problems: [Problem])]

  /// A ranked list of units for the circular (red list, black list), as the rankings tab has it.
  public struct RankingList: Sendable {
    public var title: String
    public var isBlack: Bool
    public var entries: [RankEntry]
    public init(title: String, isBlack: Bool, entries: [RankEntry]) {
      self.title = title
      self.isBlack = isBlack
      self.entries = entries
    }
  }

  /// The last meeting before `day`.
  public static func previousMeeting(before day: Day, in info: CampaignInfo) -> Day? {
    info.meetings.last { $0 < day }
  }

  init(_ ctx: PageContext) {
    let data = ctx.data
    let c = data.campaign
    let st = data.standing
    let pace = c.info.pace
    asOf = st.asOf
    let prevDay = Self.previousMeeting(before: st.asOf, in: c.info)
    previousMeeting = prevDay
    // The data holds the standing on the same meeting (the last one before the as-of date).
    let prev = data.previous
    total = st.total
    totalPrevious = prev?.total
    totalStatus = st.total.status(on: st.asOf, pace: pace)
    var byID: [String: [Indicator]] = [:]
    for ind in c.indicators where StatusMark(st.indicators[c.indicatorIndex[ind.id]!]).needsAttention {
      byID[ind.subCommand, default: []].append(ind)
    }
    var lagCtx = ctx
    lagCtx.app.sort = .lagging
    subCommands = c.subCommands.map { sc in
      let agg = st.subCommand(sc.id)
      return SubCommandLine(
        node: sc, now: agg, previous: prev?.subCommand(sc.id), status: agg.status(on: st.asOf, pace: pace),
        lagging: CommonTables.sorted(byID[sc.id] ?? [], ctx: lagCtx))
    }
    overdueUnits = c.units.compactMap { u -> OverdueUnit? in
      let r = st.unit(u.id).rectification
      guard r.overdue > 0 else { return nil }
      return OverdueUnit(node: u, subCommand: c.subCommandOfUnit[u.id].flatMap(c.node), rectification: r)
    }
    .sorted {
      $0.rectification.overdue != $1.rectification.overdue
        ? $0.rectification.overdue > $1.rectification.overdue : $0.node.id < $1.node.id
    }
    lists = Self.lists(ctx)
    meeting = c.info.meetings.enumerated().last { $0.element <= st.asOf }.map { ($0.element, $0.offset + 1) }
    week = ReportingWeek(containing: st.asOf)
    missing = MissingReports.compute(
      campaign: c, week: week, through: nil, days: data.reportDays, expected: data.memo.reportingUnits)
    var byUnit: [String: [Problem]] = [:]
    for p in c.problems where p.found <= st.asOf && p.isOverdue(on: st.asOf) {
      byUnit[p.unit, default: []].append(p)
    }
    overdueProblems = overdueUnits.map { u in
      (
        u.node,
        (byUnit[u.node.id] ?? []).sorted {
          $0.deadline != $1.deadline ? $0.deadline < $1.deadline : $0.id < $1.id
        }
      )
    }
  }

  /// The red and black lists of the as-of meeting (``DashboardData/ranking``), as the rankings
  /// tab shows them: the red list best first, the black list worst first. Empty lists are left out.
  static func lists(_ ctx: PageContext) -> [RankingList] {
    let s = ctx.s
    let r = ctx.data.ranking
    let meeting = MeetingData.meetingTitle(ctx)
    var out: [RankingList] = []
    if !r.red.isEmpty {
      out.append(
        RankingList(
          title: "\(s.redList) (\(r.red.count)/\(r.rules.redListSize)) · \(meeting)", isBlack: false,
          entries: r.red))
    }
    if !r.black.isEmpty {
      out.append(
        RankingList(
          title: "\(s.blackList) (\(r.black.count)/\(r.rules.blackListSize)) · \(meeting)", isBlack: true,
          entries: r.black))
    }
    return out
  }

  public init(data: DashboardData, options: RenderOptions = RenderOptions()) {
    let app = App(width: Screens.minimumWidth, height: Screens.minimumHeight)
    self.init(PageContext(app: app, data: data, s: Strings(options.language), options: options))
  }
}
