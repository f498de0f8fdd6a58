import Foundation
import Testing

@testable import CampaignKit

/// The data behind the circular: `campaign.json` `circular` and escalation steps, and the
/// office's notes in `notes/YYYY-MM-DD.md`.
@Suite struct CircularDataTests {
  /// Replaces `campaign.json` in a copy of the minimal fixture with one edited by `edit`.
  static func withCampaign(_ edit: (inout [String: Any]) -> Void) throws -> (dir: String, result: LoadResult)
  {
    let dir = try Fixtures.copy("minimal")
    let url = URL(fileURLWithPath: dir + "/campaign.json")
    var obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    edit(&obj)
    try JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted]).write(to: url)
    return (dir, CampaignLoader.load(directory: dir))
  }

  @Test func hongjiangNamesItsOfficeDistributionAndSteps() throws {
    let c = try Fixtures.campaign("hongjiang")
    let circ = c.info.circular
    #expect(circ.office == "洪江市创建省级文明城市工作指挥部办公室")
    #expect(circ.officeShort == "市创建办")
    #expect(circ.series == "创文工作通报")
    #expect(circ.submitTo.count == 2 && circ.copyTo.contains("各分指挥部"))
    #expect(circ.seal?.hasSuffix("（印章）") == true)
    #expect(c.info.ranking.escalation == ["约谈", "组织部约谈", "问责"])
    #expect(c.info.ranking.escalationRules.map(\.daysToFix) == [7, 5, 3])
    #expect(c.info.ranking.rule(level: 1)?.action?.contains("组织部") == true)
    #expect(c.info.meetingNumber("2016-09-02") == 35)
    #expect(c.info.meetingNumber("2016-09-03") == nil)
    let notes = try #require(c.notes["2016-09-02"])
    #expect(notes.items.count == 5)
    #expect(notes.items[0].hasPrefix("未报送单位于9月5日"))
    #expect(c.notes.keys.sorted() == ["2016-08-26", "2016-09-02"])
  }

  @Test func olderCampaignsStayValidWithDefaults() throws {
    let c = try Fixtures.campaign("minimal")
    #expect(c.info.circular == CircularInfo())
    #expect(c.notes.isEmpty)
    #expect(c.info.ranking.escalationRules.allSatisfy { $0.action == nil && $0.daysToFix == nil })
  }

  @Test func bareNamesAndObjectsMix() throws {
    let (_, r) = try Self.withCampaign { o in
      o["ranking"] = ["escalation": ["约谈", ["step": "问责", "action": "启动问责", "daysToFix": 3]]]
    }
    #expect(r.errors.isEmpty, "\(r.errors)")
    let rules = try #require(r.campaign).info.ranking.escalationRules
    #expect(rules == [EscalationRule(step: "约谈"), EscalationRule(step: "问责", action: "启动问责", daysToFix: 3)])
  }

  @Test func aBadStepIsAnErrorWithItsPath() throws {
    let (_, r) = try Self.withCampaign { o in
      o["ranking"] = ["escalation": [7, ["action": "x"], ["step": "问责", "daysToFix": 0]]]
    }
    let messages = r.errors.map(\.description)
    #expect(
      messages.contains {
        $0.contains("ranking.escalation[0]") && $0.contains("expected a step name or an object")
      })
    #expect(
      messages.contains {
        $0.contains("ranking.escalation[1]") && $0.contains("missing required field \"step\"")
      })
    #expect(messages.contains { $0.contains("ranking.escalation[2].daysToFix") && $0.contains("1 to 365") })
  }

  @Test func circularFieldsAreCheckedAndTyposWarned() throws {
    let (_, r) = try Self.withCampaign { o in
      o["circular"] = ["office": "某市创建办", "copyTo": ["各分指挥部", 3], "sael": "x"]
    }
    #expect(
      r.errors.map(\.description).contains {
        $0.contains("circular.copyTo[1]") && $0.contains("expected a string")
      })
    #expect(
      r.warnings.map(\.description).contains {
        $0.contains("circular.sael") && $0.contains("did you mean \"seal\"")
      })
  }

  @Test func notesAreReadByMeetingWithClearWarnings() throws {
    let dir = try Fixtures.copy("hongjiang")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let notes = dir + "/notes"
    try "（一）第一条\n\n## 小标题\n二、第二条\n- 第三条\n".write(
      toFile: notes + "/2016-09-09.md", atomically: true, encoding: .utf8)
    try "x".write(toFile: notes + "/next-week.md", atomically: true, encoding: .utf8)
    try "x".write(toFile: notes + "/2016-09-10.md", atomically: true, encoding: .utf8)
    try Data([0xFF, 0xFE, 0x41]).write(to: URL(fileURLWithPath: notes + "/2016-09-16.md"))
    let r = CampaignLoader.load(directory: dir)
    #expect(r.errors.isEmpty)
    let c = try #require(r.campaign)
    #expect(c.notes["2016-09-09"]?.items == ["第一条", "第二条", "第三条"])
    #expect(c.notes["2016-09-10"] == nil && c.notes["2016-09-16"] == nil)
    let w = r.warnings.map(\.description)
    #expect(w.contains { $0.hasPrefix("notes/next-week.md") && $0.contains("notes/YYYY-MM-DD.md") })
    #expect(w.contains { $0.hasPrefix("notes/2016-09-10.md") && $0.contains("not a meeting date") })
    #expect(w.contains { $0.hasPrefix("notes/2016-09-16.md") && $0.contains("not UTF-8") })
  }

  @Test func listMarkersAndNumbersComeOff() {
    #expect(
      MeetingNotes.items("# 标题\n1. 甲\n2、乙\n（三）丙\n* 丁\n十一、戊\n2016年的事\n") == [
        "甲", "乙", "丙", "丁", "戊", "2016年的事",
      ])
  }

  @Test func missingReportsCountWeeksInARow() throws {
    let c = try Fixtures.campaign("hongjiang")
    let week = ReportingWeek(containing: "2016-09-02")
    #expect(week.start == "2016-08-29" && week.end == "2016-09-04")
    let missing = MissingReports.compute(campaign: c, week: week)
    let owing = MissingReports.reportingUnits(c)
    #expect(!missing.isEmpty && missing.allSatisfy { owing.contains($0.unit) })
    // Every unit listed has no entry in that week; every owing unit not listed has one.
    var days: [String: [Day]] = [:]
    for f in c.reportFiles { days[f.unit, default: []] += f.entries.map(\.date) }
    for u in owing {
      let reported = (days[u] ?? []).contains { week.contains($0) }
      #expect(reported != missing.contains { $0.unit == u }, "\(u)")
    }
    for m in missing where m.weeksInARow > 1 {
      #expect(!(days[m.unit] ?? []).contains { week.previous.contains($0) }, "\(m.unit)")
    }
  }
}
