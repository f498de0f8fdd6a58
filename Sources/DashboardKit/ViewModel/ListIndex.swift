import CampaignKit

/// Orders and groupings the list pages need, computed once per data change (not per frame):
/// a 10,000-indicator sub-command must not be filtered and sorted again on every key press.
public struct ListIndex: Sendable {
  /// For each sort order, each indicator's position in the campaign-wide order.
  let indicatorRank: [SortOrder: [Int]]
  /// Indices into `Campaign.indicators` per sub-command id, in each sort order.
  let indicatorsBySubCommand: [SortOrder: [String: [Int]]]
  /// Responsible units under each sub-command (its subtree), in document order.
  let unitsBySubCommand: [String: [OrgNode]]

  init(campaign c: Campaign, standing st: Standing) {
    var ranks: [SortOrder: [Int]] = [:]
    var bySub: [SortOrder: [String: [Int]]] = [:]
    // The sort keys, pulled out once: comparing through the full indicator and standing values
    // copied them (and retained their strings) on every comparison.
    let keys = IndicatorOrder.Keys(campaign: c, standing: st)
    let all = Array(c.indicators.indices)
    for order in SortOrder.allCases {
      let sorted = all.sorted { keys.before($0, $1, order: order) }
      var rank = Array(repeating: 0, count: all.count)
      for (r, i) in sorted.enumerated() { rank[i] = r }
      ranks[order] = rank
      var groups: [String: [Int]] = [:]
      for i in sorted { groups[keys.subCommand[i], default: []].append(i) }
      bySub[order] = groups
    }
    indicatorRank = ranks
    indicatorsBySubCommand = bySub

    var units: [String: [OrgNode]] = [:]
    for u in c.units {
      if let sc = c.subCommandOfUnit[u.id] { units[sc, default: []].append(u) }
    }
    unitsBySubCommand = units
  }
}

/// The one definition of how indicators sort, shared by the index and small lists.
enum IndicatorOrder {
  /// Each indicator's sort keys, by index into `Campaign.indicators`.
  struct Keys {
    let status: [Int]
    /// Points behind pace (``WorstFirst``).
    let behind: [Double]
    let progress: [Double]
    /// Each indicator's place in pinyin order of the names (``NameOrder``).
    let name: [Int]
    let points: [Double]
    let id: [String]
    let subCommand: [String]

    init(campaign c: Campaign, standing st: Standing) {
      status = st.indicators.map { $0.status.rawValue }
      behind = st.indicators.map(WorstFirst.behind)
      progress = st.indicators.map(\.progress)
      name = NameOrder.ranks(c.indicators.map(\.name))
      points = c.indicators.map(\.points)
      id = c.indicators.map(\.id)
      subCommand = c.indicators.map(\.subCommand)
    }

    /// Lagging: worst first (``WorstFirst``: most points behind pace), then worst status, then
    /// least progress. Ties always fall back to the id.
    func before(_ a: Int, _ b: Int, order: SortOrder) -> Bool {
      switch order {
      case .lagging:
        if abs(behind[a] - behind[b]) > 1e-9 { return behind[a] > behind[b] }
        if status[a] != status[b] { return status[a] > status[b] }
        if progress[a] != progress[b] { return progress[a] < progress[b] }
      case .progress:
        if progress[a] != progress[b] { return progress[a] < progress[b] }
      case .name:
        if name[a] != name[b] { return name[a] < name[b] }  // pinyin order
      case .points:
        if points[a] != points[b] { return points[a] > points[b] }
      }
      return id[a] < id[b]
    }
  }
}
