import Testing

@testable import CampaignKit

/// The progress rules of docs/data-format.md, checked against figures worked out by hand for
/// `fixtures/minimal` (see the comments for the arithmetic).
@Suite struct StandingTests {
  let campaign: Campaign
  init() throws { campaign = try Fixtures.campaign("minimal") }

  func indicator(_ s: Standing, _ id: String) -> IndicatorStanding {
    s.indicators[campaign.indicatorIndex[id]!]
  }

  @Test func noReportYetMeansZeroAndAtRisk() {
    let s = Standing(campaign: campaign, asOf: "2016-07-01")
    let i = indicator(s, "c1-1-1")
    #expect(i.value == nil)
    #expect(i.progress == 0)
    // 182 of 365 days from 2016-01-01 to the 2016-12-31 deadline.
    #expect(abs(i.expected - 182.0 / 365.0) < 1e-12)
    #expect(i.status == .atRisk)
    #expect(i.earned == 0)
  }

  @Test func deadlinePassedBelowTargetIsOverdue() {
    let s = Standing(campaign: campaign, asOf: "2016-07-01")
    let i = indicator(s, "c1-1-2")
    #expect(i.value == 380)
    #expect(i.progress == 0.95)
    #expect(i.expected == 1)
    #expect(i.status == .overdue)
    #expect(abs(i.earned - 2.85) < 1e-12)
  }

  @Test func onTheDeadlineDayItIsNotYetOverdue() {
    let s = Standing(campaign: campaign, asOf: "2016-06-30")
    // Latest entry on or before 06-30 is 300 of 400 (06-24).
    let i = indicator(s, "c1-1-2")
    #expect(i.value == 300)
    // Expected 1 on the deadline: 0.75 < 1 × 0.9 but ≥ 1 × 0.7 → behind, not overdue.
    #expect(i.status == .behind)
  }

  @Test func downDirectionCountsDown() {
    let s = Standing(campaign: campaign, asOf: "2016-07-01")
    let i = indicator(s, "c2-1-1")
    // baseline 4, target 2, value 3: (3 − 4)/(2 − 4) = 0.5
    #expect(i.progress == 0.5)
    #expect(i.status == .onTrack)  // 0.5 ≥ 0.4986 × 0.9
  }

  @Test func yesNoIsZeroOrOne() {
    let before = Standing(campaign: campaign, asOf: "2016-06-30")
    #expect(indicator(before, "c2-1-2").progress == 0)
    let after = Standing(campaign: campaign, asOf: "2016-07-01")
    #expect(indicator(after, "c2-1-2").progress == 1)
    #expect(indicator(after, "c2-1-2").status == .done)
    #expect(indicator(after, "c2-1-2").note == "家长学校挂牌")
  }

  @Test func reportsAfterTheAsOfDateAreIgnored() {
    let s = Standing(campaign: campaign, asOf: "2016-07-01")
    #expect(indicator(s, "c1-1-2").value == 380)
    let later = Standing(campaign: campaign, asOf: "2016-07-08")
    #expect(indicator(later, "c1-1-2").value == 400)
    #expect(indicator(later, "c1-1-2").status == .done)
  }

  @Test func nodesAddUpEarnedOverPoints() {
    let s = Standing(campaign: campaign, asOf: "2016-07-01")
    // 0 + 2.85 + 1.5 + 2 = 6.35 of 10
    #expect(abs(s.total.earned - 6.35) < 1e-12)
    #expect(s.total.points == 10)
    #expect(abs(s.subCommand("sc1").earned - 2.85) < 1e-12)
    #expect(s.subCommand("sc1").points == 5)
    #expect(abs(s.subCommand("sc2").progress - 0.7) < 1e-12)
    #expect(s.category("c2").points == 5)
    #expect(s.total.count(.overdue) == 1)
    #expect(s.total.count(.done) == 1)
    #expect(s.total.laggingCount == 2)
    // u-zj leads c1-1-2 and supports c1-1-1; u-cg leads c1-1-1.
    #expect(s.unit("u-zj").led.points == 3)
    #expect(s.unit("u-zj").supported.points == 2)
    #expect(s.unit("u-zj").tasks == [0])
    #expect(s.daysLeft == 183)
  }

  @Test func tasksUseTheirOwnSeries() {
    let s = Standing(campaign: campaign, asOf: "2016-07-01")
    #expect(s.tasks[0].value == 380)
    #expect(s.tasks[0].progress == 0.95)
    #expect(s.tasks[0].status == .overdue)
  }

  @Test func rectificationRateCountsFixesByTheirDeadline() {
    let s = Standing(campaign: campaign, asOf: "2016-07-01")
    // u-cg: p-1 fixed on time, p-2 fixed a week late → 1 of 2 due.
    let cg = s.unit("u-cg").rectification
    #expect(cg.due == 2)
    #expect(cg.fixedOnTime == 1)
    #expect(cg.rate == 0.5)
    #expect(cg.overdue == 0)
    // c-xj: p-3 due 06-27, never fixed → 0 of 1, overdue, open.
    let xj = s.unit("c-xj").rectification
    #expect(xj.rate == 0)
    #expect(xj.overdue == 1)
    #expect(xj.open == 1)
    // u-jj: p-4 not due yet (07-06), p-5 not found yet (07-05) → no rate.
    let jj = s.unit("u-jj").rectification
    #expect(jj.rate == nil)
    #expect(jj.found == 1)
    #expect(jj.open == 1)
    #expect(s.rectification(of: ["u-cg", "c-xj"]).due == 3)
  }

  @Test func progressMathEdges() {
    let up = Measure(kind: .percent, baseline: 80, target: 100)
    #expect(ProgressMath.progress(value: 120, measure: up) == 1)
    #expect(ProgressMath.progress(value: 60, measure: up) == 0)
    #expect(ProgressMath.progress(value: .nan, measure: up) == 0)
    let down = Measure(kind: .count, baseline: 10, target: 0, direction: .down)
    #expect(ProgressMath.progress(value: 12, measure: down) == 0)
    #expect(ProgressMath.progress(value: 0, measure: down) == 1)
    #expect(ProgressMath.progress(value: 5, measure: down) == 0.5)
    let start: Day = "2016-01-01"
    #expect(ProgressMath.expected(on: "2015-12-01", start: start, deadline: "2016-12-31") == 0)
    #expect(ProgressMath.expected(on: "2017-01-05", start: start, deadline: "2016-12-31") == 1)
    #expect(ProgressMath.expected(on: start, start: start, deadline: start) == 1)
    let pace = Pace()
    #expect(
      ProgressMath.status(progress: 0.63, expected: 1, on: start, deadline: start, pace: pace) == .atRisk)
    #expect(
      ProgressMath.status(progress: 0.7, expected: 1, on: start, deadline: start, pace: pace) == .behind)
    #expect(
      ProgressMath.status(progress: 0.9, expected: 1, on: start, deadline: start, pace: pace) == .onTrack)
    #expect(
      ProgressMath.status(progress: 1, expected: 1, on: "2017-01-01", deadline: start, pace: pace) == .done)
  }

  @Test func daysParseStrictly() {
    let parse: (String) -> Day? = Day.init
    #expect(parse("2016-02-29") != nil)
    #expect(parse("2015-02-29") == nil)
    #expect(parse("2016-9-2") == nil)
    #expect(parse("2016-09-02 ") == nil)
    #expect(parse("2016-13-01") == nil)
    #expect(parse("2016-09-02")!.description == "2016-09-02")
    #expect(parse("2016-09-02")!.weekday == 5)  // a Friday
    #expect(parse("2016-12-31")! - parse("2016-01-01")! == 365)
  }
}
