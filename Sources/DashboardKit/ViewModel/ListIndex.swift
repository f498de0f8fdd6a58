import CampaignKit
import Foundation

/// Orders and groupings the list pages need, computed once per data change (not per frame):
/// a 10,000-indicator sub-command must not be filtered and sorted again on every key press.
/// Each sort order is worked out the first time a page asks for it (the overview, which a
/// dashboard opens on, needs none), then kept with the data.
public struct ListIndex: Sendable {
  /// One sort order: each indicator's position in the campaign-wide order, and the indices
  /// into `Campaign.indicators` per sub-command id in that order.
  struct Order {
    let rank: [Int]
    let bySubCommand: [String: [Int]]
  }

  private let orders: OrderCache
  /// Responsible units under each sub-command (its subtree), in document order.
  let unitsBySubCommand: [String: [OrgNode]]

  init(campaign c: Campaign, standing st: Standing) {
    orders = OrderCache(campaign: c, standing: st)
    var units: [String: [OrgNode]] = [:]
    for u in c.units {
      if let sc = c.subCommandOfUnit[u.id] { units[sc, default: []].append(u) }
    }
    unitsBySubCommand = units
  }

  /// For each indicator (by index), its position in `order`.
  func indicatorRank(_ order: SortOrder) -> [Int] { orders.order(order).rank }

  /// A sub-command's indicators (indices into `Campaign.indicators`) in `order`.
  func indicators(of subCommand: String, _ order: SortOrder) -> [Int] {
    orders.order(order).bySubCommand[subCommand] ?? []
  }

  /// The sort orders computed so far, shared by every copy of the data (the campaign and the
  /// standing it sorts are immutable, so an order once computed never goes stale).
  private final class OrderCache: @unchecked Sendable {
    private let campaign: Campaign
    private let standing: Standing
    private let lock = NSLock()
    private var keys: IndicatorOrder.Keys?
    private var done: [SortOrder: Order] = [:]

    init(campaign: Campaign, standing: Standing) {
      self.campaign = campaign
      self.standing = standing
    }

    func order(_ order: SortOrder) -> Order {
      lock.lock()
      defer { lock.unlock() }
      if let o = done[order] { return o }
      // The sort keys, pulled out once: comparing through the full indicator and standing
      // values copied them (and retained their strings) on every comparison.
      let k = keys ?? IndicatorOrder.Keys(campaign: campaign, standing: standing)
      keys = k
      let sorted = campaign.indicators.indices.sorted { k.before($0, $1, order: order) }
      var rank = Array(repeating: 0, count: sorted.count)
      for (r, i) in sorted.enumerated() { rank[i] = r }
      var groups: [String: [Int]] = [:]
      for i in sorted { groups[k.subCommand[i], default: []].append(i) }
      let o = Order(rank: rank, bySubCommand: groups)
      done[order] = o
      return o
    }
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
