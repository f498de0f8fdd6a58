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
    let all = Array(c.indicators.indices)
    for order in SortOrder.allCases {
      let sorted = all.sorted { IndicatorOrder.before($0, $1, order: order, campaign: c, standing: st) }
      var rank = Array(repeating: 0, count: all.count)
      for (r, i) in sorted.enumerated() { rank[i] = r }
      ranks[order] = rank
      var groups: [String: [Int]] = [:]
      for i in sorted { groups[c.indicators[i].subCommand, default: []].append(i) }
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
  static func before(_ a: Int, _ b: Int, order: SortOrder, campaign c: Campaign, standing st: Standing)
    -> Bool
  {
    let sa = st.indicators[a]
    let sb = st.indicators[b]
    let ia = c.indicators[a]
    let ib = c.indicators[b]
    switch order {
    case .lagging:
      if sa.status != sb.status { return sa.status > sb.status }
      if sa.progress != sb.progress { return sa.progress < sb.progress }
    case .progress:
      if sa.progress != sb.progress { return sa.progress < sb.progress }
    case .name:
      if ia.name != ib.name { return ia.name < ib.name }
    case .points:
      if ia.points != ib.points { return ia.points > ib.points }
    }
    return ia.id < ib.id
  }
}
