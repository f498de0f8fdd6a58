import CampaignKit
import Foundation
import Testing

/// A meeting's table computed straight from the campaign (what the dashboard uses) must rank
/// exactly as the one read from a whole standing: same entries, rates, progress to the last
/// bit, same red and black lists and escalations, at every meeting.
@Suite struct LeanTableTests {
  static func compare(_ c: Campaign) {
    let dates = c.info.meetings + [c.info.defaultAsOf, c.info.start - 1]
    for meeting in dates {
      let lean = Rankings.compute(campaign: c, meeting: meeting) { (d: Day) -> MeetingTable in
        Rankings.table(campaign: c, on: d)
      }
      let whole = Rankings.compute(campaign: c, meeting: meeting)
      #expect(lean.ranked == whole.ranked, "\(meeting)")
      #expect(lean.unranked == whole.unranked)
      #expect(lean.red == whole.red && lean.black == whole.black)
      #expect(lean.dates == whole.dates)
      for u in c.units { #expect(lean.history(u.id) == whole.history(u.id)) }
    }
  }

  @Test(arguments: ["minimal", "hongjiang", "meeting"])
  func sameRanksAsFromAStanding(_ name: String) throws {
    let c = try Fixtures.campaign(name)
    #expect(!c.info.meetings.isEmpty || name == "minimal")
    Self.compare(c)
  }

  @Test func sameRanksOnAGeneratedCampaign() throws {
    let dir = NSTemporaryDirectory() + "chuangwen-lean-\(UUID().uuidString)"
    try CampaignGenerator.write(.scaled(3, seed: 5), to: dir)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let c = try #require(CampaignLoader.load(directory: dir).campaign)
    #expect(Rankings.compute(campaign: c, meeting: c.info.defaultAsOf).ranked.count > 10)
    Self.compare(c)
  }

  @Test func concurrentlyMapKeepsTheOrder() {
    let squares = Concurrently.map(1000) { $0 * $0 }
    #expect(squares == (0..<1000).map { $0 * $0 })
    #expect(Concurrently.map(0) { $0 }.isEmpty)
    #expect(Concurrently.map(1) { $0 + 7 } == [7])
  }
}
