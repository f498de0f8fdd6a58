import CampaignKit
import Foundation

/// The red and black lists of the as-of meeting, worked out the first time a page asks for
/// them (the overview, which the dashboard opens on, does not), and kept with the data. Each
/// meeting's table depends only on the campaign and its date: tables already made are handed
/// from one data to the next (time travel keeps them all, a saved report those before the
/// earliest date it changed), and the missing ones are computed on both cores.
final class MeetingContext: @unchecked Sendable {
  private let campaign: Campaign
  /// The meeting ranked: the last one on or before the as-of date (the as-of date itself
  /// before the first meeting).
  private let meeting: Day
  private let lock = NSLock()
  private var tables: [Day: MeetingTable]
  private var done: MeetingRanking?

  init(campaign: Campaign, asOf: Day, tables: [Day: MeetingTable]) {
    self.campaign = campaign
    meeting = campaign.info.meetings.last { $0 <= asOf } ?? asOf
    self.tables = tables
  }

  var ranking: MeetingRanking {
    lock.lock()
    defer { lock.unlock() }
    if let done { return done }
    let c = campaign
    var dates = c.info.meetings.filter { $0 <= meeting }
    if dates.last != meeting { dates.append(meeting) }
    let missing = dates.filter { tables[$0] == nil }
    let made = Concurrently.map(missing.count) { Rankings.table(campaign: c, on: missing[$0]) }
    for (d, t) in zip(missing, made) { tables[d] = t }
    let known = tables
    let r = Rankings.compute(campaign: c, meeting: meeting) { known[$0]! }
    done = r
    return r
  }

  /// The tables known so far (computed here or handed on), for the next data of the same
  /// campaign.
  var knownTables: [Day: MeetingTable] {
    lock.lock()
    defer { lock.unlock() }
    return tables
  }
}
