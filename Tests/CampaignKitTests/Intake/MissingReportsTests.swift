import CampaignKit
import Testing

/// 催报 on the minimal campaign: u-cg leads c1-1-1 and never reports; u-zj, u-jj and t-qc report
/// on 06-24 and 07-01, u-zj also on 07-08.
@Suite struct MissingReportsTests {
  @Test func weeksRunMondayToSundayAndAreNumberedTheISOWay() {
    let w = ReportingWeek(containing: "2016-09-02")
    #expect(w.start == "2016-08-29" && w.end == "2016-09-04")
    #expect(w.number == 35 && w.label == "第35周")
    #expect(ReportingWeek(containing: "2016-01-01").number == 53, "2016-01-01 is in 2015's last ISO week")
    #expect(ReportingWeek(containing: "2016-01-04").number == 1)
    #expect(ReportingWeek(containing: "2016-08-29") == w)
    #expect(ReportingWeek(containing: "2016-09-04") == w)
  }

  @Test func theWeekOfAReport() throws {
    let c = try Fixtures.campaign("minimal")
    let list = MissingReports.compute(campaign: c, week: ReportingWeek(containing: "2016-07-01"))
    #expect(list.map(\.unit) == ["u-cg"])
    // From the campaign's first week (2015-12-28) to the week of 2016-06-27: 27 weeks.
    #expect(list.first?.weeksInARow == 27)
    #expect(list.first?.lastReported == nil)
    #expect(list.first?.subCommand == "sc1")
  }

  @Test func aWeekLaterTwoMoreAreSilent() throws {
    let c = try Fixtures.campaign("minimal")
    let list = MissingReports.compute(campaign: c, week: ReportingWeek(containing: "2016-07-06"))
    #expect(list.map(\.unit) == ["u-cg", "u-jj", "t-qc"])
    let jj = try #require(list.first { $0.unit == "u-jj" })
    #expect(jj.weeksInARow == 1 && jj.lastReported == "2016-07-01")
  }

  @Test func supportingUnitsAreNotChased() throws {
    let c = try Fixtures.campaign("minimal")
    // c-xj only supports c2-1-2; u-zj leads: the owners are the ones that owe a report.
    #expect(MissingReports.reportingUnits(c) == ["u-cg", "u-zj", "u-jj", "t-qc"])
  }
}
