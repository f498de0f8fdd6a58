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
    /// Lagging indicators (behind, at risk, overdue), worst first (the screen's lagging order).
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

  /// A ranked list of units for the circular (red list, black list).
  public struct RankingList: Sendable {
    public var title: String
    public var isBlack: Bool
    public var entries: [(unit: OrgNode, note: String)]
    public init(title: String, isBlack: Bool, entries: [(unit: OrgNode, note: String)]) {
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
    // The trend already holds the weekly standings; reuse one when the meeting falls on it.
    let prev: Standing? = prevDay.map { d in
      data.trendDates.firstIndex(of: d).map { data.trend[$0] } ?? Standing(campaign: c, asOf: d)
    }
    total = st.total
    totalPrevious = prev?.total
    totalStatus = st.total.status(on: st.asOf, pace: pace)
    var byID: [String: [Indicator]] = [:]
    for ind in c.indicators where st.indicators[c.indicatorIndex[ind.id]!].status.isLagging {
      byID[ind.subCommand, default: []].append(ind)
    }
    var lagCtx = ctx
    lagCtx.app.sort = .lagging
    subCommands = c.subCommands.map { sc in
      let agg = st.subCommand(sc.id)
      return SubCommandLine(
        node: sc, now: agg, previous: prev?.subCommand(sc.id), status: agg.status(on: st.asOf, pace: pace),
        lagging: IndicatorRows.sorted(byID[sc.id] ?? [], ctx: lagCtx))
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
  }

  /// The red and black lists of the as-of meeting (``DashboardData/ranking``), as the rankings
  /// tab shows them: the red list best first, the black list worst first with each unit's
  /// escalation (约谈 首次, 问责 连续4次). Empty lists are left out.
  static func lists(_ ctx: PageContext) -> [RankingList] {
    let s = ctx.s
    let c = ctx.campaign
    let r = ctx.data.ranking
    func entries(_ list: [RankEntry]) -> [(unit: OrgNode, note: String)] {
      list.compactMap { e in
        guard let node = c.node(e.unit) else { return nil }
        var note =
          "\(s.t("第\(e.rank)名", "#\(e.rank)")) · \(s.rectification) \(Format.percent(e.rate)) (\(e.rectification.fixedOnTime)/\(e.rectification.due))"
        if let esc = r.escalation(e.unit) { note += " · " + RankingsTab.escalationText(esc, s: s) }
        return (node, note)
      }
    }
    let meeting = MeetingData.meetingTitle(ctx)
    var out: [RankingList] = []
    if !r.red.isEmpty {
      out.append(
        RankingList(
          title: "\(s.t("红榜", "Red list")) (\(r.red.count)/\(r.rules.redListSize)) · \(meeting)",
          isBlack: false,
          entries: entries(r.red)))
    }
    if !r.black.isEmpty {
      out.append(
        RankingList(
          title: "\(s.t("黑榜", "Black list")) (\(r.black.count)/\(r.rules.blackListSize)) · \(meeting)",
          isBlack: true, entries: entries(r.black)))
    }
    return out
  }

  public init(data: DashboardData, options: RenderOptions = RenderOptions()) {
    let app = App(width: Screens.minimumWidth, height: Screens.minimumHeight)
    self.init(PageContext(app: app, data: data, s: Strings(options.language), options: options))
  }
}

extension Format {
  /// A signed change with `digits` decimals: "+1.3", "-0.4", "±0" for no change at that precision.
  static func change(_ d: Double, _ digits: Int = 1) -> String {
    let text = fixed(d, digits)
    if text.trimmingZeros == "0" || text.trimmingZeros == "-0" { return "±0" }
    return text.hasPrefix("-") ? text : "+" + text
  }

  /// The change of a fraction in percentage points: "+1.3pp" style, written as "+1.3%".
  static func percentChange(_ d: Double) -> String {
    let c = change(d * 100)
    return c == "±0" ? c : c + "%"
  }
}

extension String {
  fileprivate var trimmingZeros: String {
    var s = self
    if s.contains(".") {
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
    }
    return s
  }
}
