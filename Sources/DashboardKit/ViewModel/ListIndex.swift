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
  private let memo: StructureMemo
  /// Responsible units under each sub-command (its subtree), in document order.
  var unitsBySubCommand: [String: [OrgNode]] { memo.unitsBySubCommand }

  init(campaign c: Campaign, standing st: Standing, memo: StructureMemo) {
    orders = OrderCache(campaign: c, standing: st, memo: memo)
    self.memo = memo
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
    private let memo: StructureMemo
    private let lock = NSLock()
    private var keys: IndicatorOrder.Keys?
    private var done: [SortOrder: Order] = [:]

    init(campaign: Campaign, standing: Standing, memo: StructureMemo) {
      self.campaign = campaign
      self.standing = standing
      self.memo = memo
    }

    func order(_ order: SortOrder) -> Order {
      lock.lock()
      defer { lock.unlock() }
      if let o = done[order] { return o }
      // The sort keys, pulled out once: comparing through the full indicator and standing
      // values copied them (and retained their strings) on every comparison.
      let k = keys ?? IndicatorOrder.Keys(campaign: campaign, standing: standing)
      keys = k
      // The pinyin places only for the name order (collating thousands of names is the
      // dearest key), and from the memo, which keeps them across dates and reloads.
      let names = order == .name ? memo.nameRanks : []
      let sorted = campaign.indicators.indices.sorted { k.before($0, $1, order: order, names: names) }
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
    let points: [Double]
    let id: [String]
    let subCommand: [String]

    init(campaign c: Campaign, standing st: Standing) {
      status = st.indicators.map { $0.status.rawValue }
      behind = st.indicators.map(WorstFirst.behind)
      progress = st.indicators.map(\.progress)
      points = c.indicators.map(\.points)
      id = c.indicators.map(\.id)
      subCommand = c.indicators.map(\.subCommand)
    }

    /// Lagging: worst first (``WorstFirst``: most points behind pace), then worst status, then
    /// least progress. Ties always fall back to the id. `names` holds each indicator's place in
    /// pinyin order of the names (``NameOrder/ranks(_:)``); only the name order reads it.
    func before(_ a: Int, _ b: Int, order: SortOrder, names: [Int]) -> Bool {
      switch order {
      case .lagging:
        if abs(behind[a] - behind[b]) > 1e-9 { return behind[a] > behind[b] }
        if status[a] != status[b] { return status[a] > status[b] }
        if progress[a] != progress[b] { return progress[a] < progress[b] }
      case .progress:
        if progress[a] != progress[b] { return progress[a] < progress[b] }
      case .name:
        if names[a] != names[b] { return names[a] < names[b] }  // pinyin order
      case .points:
        if points[a] != points[b] { return points[a] > points[b] }
      }
      return id[a] < id[b]
    }
  }
}
