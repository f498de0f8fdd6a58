import CampaignKit
import Foundation

/// What the screens derive from the campaign's structure alone (its indicators and units, not
/// its reports nor the date): worked out on first use and shared by every ``DashboardData`` of
/// the same campaign, so time travel and a saved report do not sort 6,000 names again.
final class StructureMemo: @unchecked Sendable {
  private let campaign: Campaign
  private let lock = NSLock()
  private var names: [Int]?
  private var units: [String: [OrgNode]]?
  private var owing: Set<String>?

  init(campaign: Campaign) { self.campaign = campaign }

  /// This memo when `other` has the same structure as the campaign it was made for (a reload
  /// of report files only), else a new one for `other`.
  func carried(to other: Campaign) -> StructureMemo {
    other.hasSameStructure(as: campaign) ? self : StructureMemo(campaign: other)
  }

  /// Each indicator's place in pinyin order of the names (``NameOrder/ranks(_:)``).
  var nameRanks: [Int] {
    lock.lock()
    defer { lock.unlock() }
    if let names { return names }
    let r = NameOrder.ranks(campaign.indicators.map(\.name))
    names = r
    return r
  }

  /// The units that owe a weekly report (``MissingReports/reportingUnits(_:)``).
  var reportingUnits: Set<String> {
    lock.lock()
    defer { lock.unlock() }
    if let owing { return owing }
    let r = MissingReports.reportingUnits(campaign)
    owing = r
    return r
  }

  /// Responsible units under each sub-command (its subtree), in document order.
  var unitsBySubCommand: [String: [OrgNode]] {
    lock.lock()
    defer { lock.unlock() }
    if let units { return units }
    var u: [String: [OrgNode]] = [:]
    for n in campaign.units {
      if let sc = campaign.subCommandOfUnit[n.id] { u[sc, default: []].append(n) }
    }
    units = u
    return u
  }
}
