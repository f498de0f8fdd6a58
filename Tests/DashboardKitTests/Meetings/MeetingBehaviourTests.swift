import CampaignKit
import Foundation
import Testing

@testable import DashboardKit

/// Time travel, deltas, the walk-through and the ledger filters, as values.
@Suite struct MeetingBehaviourTests {
  let c = Bundled.campaign

  /// Σ points × progress from the raw report series, written out independently of Standing:
  /// the latest entry on or before `day`, clamped `(v − baseline)/(target − baseline)`.
  func earnedByHand(_ day: Day) -> Double {
    var sum = 0.0
    for ind in c.indicators {
      let v = c.series[.indicator(ind.id)]?.last { $0.date <= day }?.value
      guard let v else { continue }
      let m = ind.measure
      let p: Double
      if m.kind == .yesno {
        p = v >= 1 ? 1 : 0
      } else {
        p = min(1, max(0, (v - m.baseline) / (m.target - m.baseline)))
      }
      sum += ind.points * p
    }
    return sum
  }

  @Test func timeTravelTotalsMatchTheData() {
    let early = DashboardData(campaign: c, asOf: "2016-03-01")
    let late = DashboardData(campaign: c, asOf: "2016-09-02")
    #expect(abs(early.standing.total.earned - earnedByHand("2016-03-01")) < 1e-9)
    #expect(abs(late.standing.total.earned - earnedByHand("2016-09-02")) < 1e-9)
    #expect(early.standing.total.earned < late.standing.total.earned)
    let a = Screens.render(App(width: 100, height: 30, campaign: c, asOf: "2016-03-01"), early)
    let b = Screens.render(App(width: 100, height: 30, campaign: c, asOf: "2016-09-02"), late)
    #expect(a.line(1).contains("总分 \(Format.points(earnedByHand("2016-03-01")))/134"))
    #expect(b.line(1).contains("总分 \(Format.points(earnedByHand("2016-09-02")))/134"))
    #expect(a.line(0).contains("截至 2016-03-01") && a.line(0).contains("历史回看"))
    #expect(b.line(0).contains("截至 2016-09-02") && !b.line(0).contains("历史回看"))
  }

  @Test func bracketsMoveByAWeekAndBracesByMeeting() {
    let start = Bundled.app(width: 100, height: 30)
    #expect(start.asOf == "2016-09-02")
    var (app, data) = Meetings.press([.char("[")], on: start)
    #expect(app.asOf == "2016-08-26")
    #expect(data.asOf == "2016-08-26")
    #expect(app.isPastView)
    (app, data) = Meetings.press([.char("]"), .char("]")], on: app, data: data)
    #expect(data.asOf == "2016-09-09")
    #expect(Screens.render(app, data).line(0).contains("推演"))
    (app, data) = Meetings.press([.char("0"), .char("{")], on: app, data: data)
    #expect(data.asOf == "2016-08-26")
    // From a date between meetings, { and } go to the nearest meeting on either side.
    (app, data) = Meetings.press([.char("["), .char("["), .char("0")], on: app, data: data)
    #expect(data.asOf == "2016-09-02")
    var mid = App(width: 100, height: 30, campaign: c, asOf: "2016-03-01")
    mid = Bundled.press([.char("}")], on: mid)
    #expect(mid.asOf == "2016-03-04")
    mid = Bundled.press([.char("{"), .char("{")], on: mid)
    #expect(mid.asOf == "2016-02-19")
    // Clamped to the period.
    let first = Bundled.press(Array(repeating: .char("["), count: 60), on: start)
    #expect(first.asOf == c.info.start)
  }

  @Test func theRankingFollowsTheAsOfMeeting() {
    let between = DashboardData(campaign: c, asOf: "2016-09-05")
    #expect(between.ranking.meeting == "2016-09-02")
    #expect(between.previousMeeting == "2016-09-02")
    let on = DashboardData(campaign: c, asOf: "2016-09-02")
    #expect(on.ranking.meeting == "2016-09-02")
    #expect(on.previousMeeting == "2016-08-26")
  }

  /// `fixtures/meeting`: 甲指标 (2 points, 0 → 10) is 5 on 03-18 and 7 from 03-22, so at the
  /// 03-25 meeting it gained 2 × 0.2 = 0.4 points and 20 percentage points.
  @Test func deltasComputedByHand() throws {
    let r = CampaignLoader.load(directory: Golden.repo.appendingPathComponent("fixtures/meeting").path)
    let m = try #require(r.campaign)
    let data = DashboardData(campaign: m, asOf: "2016-03-25")
    #expect(data.previousMeeting == "2016-03-18")
    let d = try #require(data.indicatorDelta(m.indicatorIndex["i-a"]!))
    #expect(abs(d.points - 0.4) < 1e-12 && abs(d.progress - 0.2) < 1e-12)
    let s = Strings(.zh)
    // Changes are written in signs, never status glyphs; a share's change in percentage points.
    let wide = CellFormat(s: s, glyphs: .unicode, medium: .screen, width: 120)
    #expect(wide.delta(d.points, .points) == "+0.4分")
    #expect(wide.delta(d.progress, .percentPoints) == "+20.0百分点")
    #expect(wide.delta(-d.points, .points) == "-0.4分")
    #expect(CellFormat(s: s, glyphs: .ascii, medium: .screen, width: 80).delta(d.points, .points) == "+0.4")
    #expect(
      CellFormat(s: Strings(.en), glyphs: .unicode, medium: .paper).delta(d.progress, .percentPoints)
        == "+20.0 pp")
    // 乙指标 did not move.
    #expect(data.indicatorDelta(m.indicatorIndex["i-b"]!)!.isZero)
    // Sub-command 甲 (i-a + i-b, 4 points): 0.4 points, 10 percentage points.
    let sc = try #require(data.subCommandDelta("sc1"))
    #expect(abs(sc.points - 0.4) < 1e-12 && abs(sc.progress - 0.1) < 1e-12)
    let movers = data.movers(3)
    #expect(movers.up.map(\.index) == [m.indicatorIndex["i-a"]!])
    #expect(movers.down.isEmpty)
    // The first meeting has nothing before it: no deltas.
    #expect(DashboardData(campaign: m, asOf: "2016-03-04").indicatorDelta(0) == nil)
  }

  @Test func nAndNWalkTheSubCommandsAndWrap() {
    let keys = c.subCommands.map(\.id)
    var app = Bundled.press([.tab, .tab, .char("n")], on: Bundled.app(width: 100, height: 30))
    #expect(app.page == .subCommand(keys[0]))
    #expect(app.tab == .command)
    app = Bundled.press(Array(repeating: .char("n"), count: 7), on: app)
    #expect(app.page == .subCommand(keys[7]))
    app = Bundled.press([.char("n")], on: app)
    #expect(app.page == .subCommand(keys[0]))
    app = Bundled.press([.char("N")], on: app)
    #expect(app.page == .subCommand(keys[7]))
    #expect(app.stack.count == 2)
    #expect(Bundled.press([.char("N")], on: Bundled.app(width: 100, height: 30)).page == .subCommand(keys[7]))
  }

  @Test func rotationStepsOnTicksAndAnyKeyStopsIt() {
    func tick(_ a: App, _ t: Double) -> App { a.update(.tick(t), plan: { Screens.plan($0, Bundled.data) }) }
    var app = Bundled.app(width: 100, height: 30)
    app.rotateInterval = 5
    app = Bundled.press([.char("2"), .char("a")], on: app)
    // Starts from the page on screen (sub-command 2 is step 2).
    #expect(app.rotation?.step == 2)
    #expect(app.rotationWake == 0)
    app = tick(app, 10)  // fixes the clock: next step at 15
    #expect(app.page == .subCommand(c.subCommands[1].id))
    #expect(app.rotationWake == 5)
    app = tick(app, 12)  // a toast tick: too early
    #expect(app.page == .subCommand(c.subCommands[1].id))
    app = tick(app, 15)
    #expect(app.page == .subCommand(c.subCommands[2].id))
    for t in 1...6 { app = tick(app, 15 + 5 * Double(t)) }
    #expect(app.page == .rankings)
    #expect(app.tab == .rankings)
    app = tick(app, 50)
    #expect(app.page == .overview)
    #expect(Screens.render(app, Bundled.data).line(29).contains("轮播中"))
    let stopped = Bundled.press([.char("j")], on: app)
    #expect(stopped.rotation == nil)
    #expect(stopped.current.selection == app.current.selection)  // the key did nothing else
    #expect(tick(stopped, 100).page == .overview)
  }

  @Test func ledgerFiltersNarrowTheProblems() {
    let day = Bundled.data.asOf
    let onTab = Bundled.press([.tab, .tab], on: Bundled.app(width: 100, height: 30))
    func problems(_ a: App) -> [Problem] {
      LedgerModel.problems(PageContext(app: a, data: Bundled.data, s: Strings(.zh), options: RenderOptions()))
    }
    let all = problems(onTab)
    #expect(all.count == c.problems.filter { $0.found <= day }.count)
    // Most days overdue first.
    let late = all.prefix { $0.isOverdue(on: day) }.map { day - $0.deadline }
    #expect(late == late.sorted(by: >))
    let open = Bundled.press([.char("f")], on: onTab)
    #expect(problems(open).allSatisfy { $0.isOpen(on: day) })
    #expect(problems(open).count == Bundled.data.standing.rectification(of: c.units.map(\.id)).open)
    let overdue = Bundled.press([.char("f")], on: open)
    #expect(problems(overdue).count == Bundled.data.standing.rectification(of: c.units.map(\.id)).overdue)
    let sc1 = Bundled.press([.char("g")], on: onTab)
    #expect(sc1.ledger.subCommandKey == 1)
    #expect(problems(sc1).allSatisfy { c.subCommandOfUnit[$0.unit] == c.subCommand(key: 1)!.id })
    let media = Bundled.press([.char("o"), .char("o"), .char("o"), .char("o")], on: onTab)
    #expect(media.ledger.source == .media)
    #expect(problems(media).allSatisfy { $0.source == .media })
    let cleared = Bundled.press([.escape], on: media)
    #expect(cleared.ledger.isEmpty)
    // f on another page does nothing.
    #expect(Bundled.press([.char("f")], on: Bundled.app(width: 100, height: 30)).ledger.isEmpty)
  }
}

extension Day: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self = Day(value)! }
}
