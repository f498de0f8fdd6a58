import CampaignKit
import Testing

/// The red and black lists of `fixtures/meeting`, worked out by hand.
///
/// Problems (found → deadline, fixed), by unit; "on time" means fixed ≤ deadline:
///
///     u-a 甲局  pa1 03-02 fixed 03-01 (on time)   pa2 03-24 open
///     u-f 己局  pf1 03-02 fixed 03-02 (on time)
///     u-b 乙局  pb1 03-02 fixed 03-03 (late)      pb2 03-03 fixed 03-03 (on time)
///               pb3 03-10 fixed 03-12 (late)
///     u-c 丙局  pc1 03-03 open                    pc2 03-10 fixed 03-09 (on time)
///               pc3 03-17 fixed 03-17 (on time)   pc4 03-16 fixed 03-18 (late)
///     u-d 丁局  pd1 03-04 fixed 03-05 (late)      pd2 03-15 fixed 03-15 (on time)
///     u-e 戊镇  no problems: never ranked
///
/// Led indicator progress (the tie-break): u-a 5/10 = 0.5 (7/10 = 0.7 from 03-22),
/// u-b 8/10 = 0.8, u-c 20/100 = 0.2, u-d and u-f 0 (u-d reports nothing, u-f leads nothing).
///
/// Rates (fixed on time / due) at the four meetings, ranks best first; red list 1, black 2:
///
///     03-04  u-a 1/1  u-f 1/1  u-b 1/2  u-c 0/1  u-d 0/1 (pd1 due that day counts)
///            rank a f b c d (a above f: progress 0.5 > 0; c above d: 0.2 > 0)
///            red a · black d(1 约谈), c(1 约谈)
///     03-11  a 1/1  f 1/1  c 1/2  b 1/3  d 0/1
///            rank a f c b d · red a · black d(2 组织部约谈), b(1 约谈)   (c leaves: streak ends)
///     03-18  a 1/1  f 1/1  c 2/4  d 1/2  b 1/3
///            rank a f c d b (c and d tie at 50%: 0.2 > 0) · red a · black b(2), d(3 问责)
///     03-25  a 1/2  f 1/1  c 2/4  d 1/2  b 1/3
///            rank f a c d b (a, c, d tie at 50%: 0.7 > 0.2 > 0) · red f · black b(3 问责), d(4 问责)
@Suite struct RankingsTests {
  let c: Campaign

  init() throws { c = try Fixtures.campaign("meeting") }

  func ranks(_ r: MeetingRanking) -> [String] { r.ranked.map(\.unit) }

  @Test func firstMeeting() {
    let r = Rankings.compute(campaign: c, meeting: "2016-03-04")
    #expect(r.meetingNumber == 1)
    #expect(r.previousMeeting == nil)
    #expect(ranks(r) == ["u-a", "u-f", "u-b", "u-c", "u-d"])
    #expect(r.ranked.map(\.rank) == [1, 2, 3, 4, 5])
    #expect(r.ranked.map(\.rate) == [1, 1, 0.5, 0, 0])
    #expect(r.unranked == ["u-e"])
    #expect(r.red.map(\.unit) == ["u-a"])
    #expect(r.black.map(\.unit) == ["u-d", "u-c"])
    #expect(r.escalation("u-d") == Escalation(consecutive: 1, level: 0, name: "约谈"))
    #expect(r.escalation("u-a") == nil)
    let d = r.entry("u-d")!
    #expect(d.rectification.due == 1 && d.rectification.fixedOnTime == 0 && d.rectification.overdue == 0)
  }

  @Test func secondMeetingEscalatesAndResetsStreaks() {
    let r = Rankings.compute(campaign: c, meeting: "2016-03-11")
    #expect(ranks(r) == ["u-a", "u-f", "u-c", "u-b", "u-d"])
    #expect(r.entry("u-b")!.rate == 1.0 / 3.0)
    #expect(r.black.map(\.unit) == ["u-d", "u-b"])
    #expect(r.escalation("u-d")?.name == "组织部约谈")
    #expect(r.escalation("u-b")?.name == "约谈")
    #expect(r.escalation("u-c") == nil)
    #expect(r.rankChange("u-c") == 1)  // 4th → 3rd
    #expect(r.rankChange("u-b") == -1)  // 3rd → 4th
  }

  @Test func thirdMeetingBreaksATieByProgressAndReachesAccountability() {
    let r = Rankings.compute(campaign: c, meeting: "2016-03-18")
    #expect(ranks(r) == ["u-a", "u-f", "u-c", "u-d", "u-b"])
    #expect(r.entry("u-c")!.rate == 0.5)
    #expect(r.entry("u-d")!.rate == 0.5)
    #expect(r.black.map(\.unit) == ["u-b", "u-d"])
    #expect(r.escalation("u-d") == Escalation(consecutive: 3, level: 2, name: "问责"))
    #expect(r.escalation("u-b") == Escalation(consecutive: 2, level: 1, name: "组织部约谈"))
  }

  @Test func fourthMeetingCapsTheLevel() {
    let r = Rankings.compute(campaign: c, meeting: "2016-03-25")
    #expect(ranks(r) == ["u-f", "u-a", "u-c", "u-d", "u-b"])
    #expect(r.entry("u-a")!.rate == 0.5)
    #expect(r.entry("u-a")!.progress == 0.7)
    #expect(r.red.map(\.unit) == ["u-f"])
    #expect(r.black.map(\.unit) == ["u-b", "u-d"])
    #expect(r.escalation("u-d") == Escalation(consecutive: 4, level: 2, name: "问责"))
    #expect(r.escalation("u-b") == Escalation(consecutive: 3, level: 2, name: "问责"))
    #expect(r.rankChange("u-a") == -1)
    #expect(r.rankChange("u-f") == 1)
  }

  @Test func historyListsEveryMeeting() {
    let r = Rankings.compute(campaign: c, meeting: "2016-03-25")
    let h = r.history("u-d")
    #expect(h.map(\.meeting) == ["2016-03-04", "2016-03-11", "2016-03-18", "2016-03-25"])
    #expect(h.map(\.rank) == [5, 5, 4, 4])
    #expect(h.map(\.of) == [5, 5, 5, 5])
    #expect(h.map(\.mark) == [.black, .black, .black, .black])
    #expect(h.map { $0.escalation?.consecutive } == [1, 2, 3, 4])
    let e = r.history("u-e")
    #expect(e.allSatisfy { $0.rank == nil && $0.mark == nil })
    let a = r.history("u-a")
    #expect(a.map(\.mark) == [.red, .red, .red, nil])
  }

  /// A day between meetings is ranked as an extra meeting after the ones before it.
  @Test func aDateBetweenMeetingsIsRankedAfterThem() {
    let r = Rankings.compute(campaign: c, meeting: "2016-03-13")
    #expect(r.dates == ["2016-03-04", "2016-03-11", "2016-03-13"])
    // pb3 (due 03-10, fixed 03-12) is still late; nothing else changed since 03-11.
    #expect(ranks(r) == ["u-a", "u-f", "u-c", "u-b", "u-d"])
    #expect(r.escalation("u-d")?.consecutive == 3)
  }

  /// With a long black list, a unit that fixed everything on time is still never on it, and
  /// a red-listed unit is not both.
  @Test func blackListSkipsPerfectUnitsAndTheRedList() {
    var info = c.info
    info.ranking = RankingRules(redListSize: 1, blackListSize: 10, escalation: [])
    let wide = Campaign(
      info: info, nodes: c.nodes, categories: c.categories, tasks: c.tasks, problems: c.problems,
      reportFiles: c.reportFiles)
    let r = Rankings.compute(campaign: wide, meeting: "2016-03-04")
    #expect(r.red.map(\.unit) == ["u-a"])
    #expect(r.black.map(\.unit) == ["u-d", "u-c", "u-b"])  // not u-f (100%)
    // Without names, the level still counts and the name is empty.
    #expect(r.escalation("u-b") == Escalation(consecutive: 1, level: 0, name: ""))
  }

  @Test func emptyListsWhenNothingIsDue() {
    let r = Rankings.compute(campaign: c, meeting: "2016-02-01")
    #expect(r.ranked.isEmpty)
    #expect(r.red.isEmpty && r.black.isEmpty)
    #expect(r.unranked.count == 6)
  }
}
