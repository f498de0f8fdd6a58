import CampaignKit
import Foundation
import Testing

@testable import DashboardKit

/// What the live dashboard adds to the screens: reused trend standings equal recomputed ones,
/// changed rows are found and marked with their change, the header shows the error and the time.
@Suite struct LiveScreenTests {
  /// A copy of the bundled campaign with one more report, through a `CampaignSource`.
  func reloaded(value: Double) throws -> (before: DashboardData, source: CampaignSource, dir: String) {
    let dir = NSTemporaryDirectory() + "chuangwen-live-screen-\(UUID().uuidString)"
    try FileManager.default.copyItem(
      atPath: Golden.repo.appendingPathComponent("fixtures/hongjiang").path, toPath: dir)
    let source = CampaignSource(directory: dir)
    let c = try #require(source.result.campaign)
    let before = DashboardData(campaign: c, asOf: c.info.defaultAsOf)
    try """
    { "schema": "chuangwen/1", "unit": "u-cgj",
      "entries": [ { "date": "\(c.info.defaultAsOf)", "indicator": "c6-1-2", "value": \(value) } ] }
    """.write(toFile: dir + "/reports/u-cgj-zz.json", atomically: true, encoding: .utf8)
    source.reload(changed: ["reports/u-cgj-zz.json"])
    return (before, source, dir)
  }

  @Test func reusedTrendStandingsEqualRecomputedOnes() throws {
    let (before, source, dir) = try reloaded(value: 95)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let c = try #require(source.result.campaign)
    let reused = DashboardData(
      campaign: c, asOf: before.asOf, reusing: before, changedFrom: source.lastChangedFrom)
    let fresh = DashboardData(campaign: c, asOf: before.asOf)
    #expect(source.lastChangedFrom == before.asOf)
    for (a, b) in zip(reused.trend, fresh.trend) {
      #expect(a.indicators == b.indicators)
      #expect(a.total == b.total)
    }
    #expect(reused.standing.total != before.standing.total)
  }

  /// What a reload keeps or updates (missing reports, meeting tables, the previous meeting's
  /// standing) says what the data computed afresh says, also after time travel.
  @Test func reusedDataEqualsRecomputedData() throws {
    let (before, source, dir) = try reloaded(value: 95)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let c = try #require(source.result.campaign)
    // The meeting tables and the report index were worked out on the old data first.
    _ = before.ranking
    let reused = DashboardData(
      campaign: c, asOf: before.asOf, reusing: before, changedFrom: source.lastChangedFrom)
    let fresh = DashboardData(campaign: c, asOf: before.asOf)
    #expect(reused.missing == fresh.missing)
    #expect(reused.ranking.ranked == fresh.ranking.ranked)
    #expect(reused.ranking.black == fresh.ranking.black)
    #expect(reused.previous?.total == fresh.previous?.total)
    #expect(reused.previous?.indicators == fresh.previous?.indicators)
    var app = App(width: 100, height: 40, campaign: c, asOf: reused.asOf)
    for key in ["[", "{", "]", "}", "}"] {
      app = app.update(.key(.char(Character(key))), plan: { Screens.plan($0, reused) })
      let travelled = reused.refreshed(for: app)
      let direct = DashboardData(campaign: c, asOf: travelled.asOf)
      #expect(travelled.missing == direct.missing, "\(key) \(travelled.asOf)")
      #expect(travelled.ranking.ranked == direct.ranking.ranked)
      #expect(travelled.previous?.total == direct.previous?.total)
      #expect(zip(travelled.trend, direct.trend).allSatisfy { $0.total == $1.total })
    }
  }

  /// After a reload only the units whose reports changed are worked out again for 本周未报送:
  /// a silent unit that reports leaves the list, a unit whose only report of the week is
  /// deleted joins it, and the list is the one computed afresh, in the same order (units from
  /// the start, the middle and the end of the list, several in one reload).
  @Test func missingReportsFollowTheUnitsThatChanged() throws {
    let dir = NSTemporaryDirectory() + "chuangwen-live-missing-\(UUID().uuidString)"
    try FileManager.default.copyItem(
      atPath: Golden.repo.appendingPathComponent("fixtures/hongjiang").path, toPath: dir)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let source = CampaignSource(directory: dir)
    let c = try #require(source.result.campaign)
    var data = DashboardData(campaign: c, asOf: c.info.defaultAsOf)
    #expect(data.missing.count >= 3, "the fixture has silent units at the start, middle and end")
    for group in [[0], [data.missing.count / 2, data.missing.count - 1]] {
      let silent = group.map { data.missing[$0] }
      var paths: [String] = []
      for (k, s) in silent.enumerated() {
        let led = try #require(c.indicators.first { $0.lead == s.unit && $0.measure.kind != .yesno })
        let path = "reports/zz-silent-\(k).json"
        try """
        { "schema": "chuangwen/1", "unit": "\(s.unit)",
          "entries": [ { "date": "\(data.asOf)", "indicator": "\(led.id)", "value": \(led.measure.baseline) } ] }
        """.write(toFile: dir + "/" + path, atomically: true, encoding: .utf8)
        paths.append(path)
      }
      source.reload(changed: paths)
      var now = try #require(source.result.campaign)
      data = DashboardData(campaign: now, asOf: data.asOf, reusing: data, changedFrom: source.lastChangedFrom)
      #expect(!data.missing.contains { m in silent.contains { $0.unit == m.unit } })
      #expect(data.missing == DashboardData(campaign: now, asOf: data.asOf).missing)
      // Taken back: the units are silent again, in their places in the list.
      for path in paths { try FileManager.default.removeItem(atPath: dir + "/" + path) }
      source.reload(changed: paths)
      now = try #require(source.result.campaign)
      data = DashboardData(campaign: now, asOf: data.asOf, reusing: data, changedFrom: source.lastChangedFrom)
      #expect(silent.allSatisfy { s in data.missing.contains { $0.unit == s.unit } })
      #expect(data.missing == DashboardData(campaign: now, asOf: data.asOf).missing)
    }
  }

  @Test func changedRowsAreMarkedWithTheirChange() throws {
    let (before, source, dir) = try reloaded(value: 95)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var after = DashboardData(campaign: source.result.campaign!, asOf: before.asOf)
    let changes = RecentChanges.between(before, after, until: 5)
    // The indicator (88.9% → 95%), its sub-command and its lead unit moved; nothing else.
    let ind = try #require(changes["c6-1-2"])
    #expect(abs(ind.delta - 6.1) < 1e-9)
    #expect(changes["u-cgj"] != nil)
    #expect(changes["sc1"] != nil)
    #expect(changes.bySubject.count == 3)
    after.live = LiveStatus(mode: .watching, updated: .init(hour: 9, minute: 5, second: 7), changes: changes)
    let app = Bundled.press([.char("1")], on: Bundled.app(width: 100, height: 40), data: after)
    let canvas = Screens.render(app, after)
    let lines = canvas.text.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.contains(" +6.1% ") })
    #expect(lines.contains { $0.contains(" +0.2 分 ") })
    #expect(lines[3].contains("实时 · 更新 09:05:07"))
    // The marked rows wear the highlight role.
    let row = try #require(lines.firstIndex { $0.contains(" +6.1% ") })
    #expect((0..<canvas.width).contains { canvas[$0, row].role == .highlight })
    // Expired: nothing marked.
    var quiet = after
    quiet.live.changes.expire(now: 6)
    #expect(!Screens.render(app, quiet).text.contains(" +6.1% "))
  }

  @Test func theHeaderShowsTheLoadErrorAndTheBodyMovesDown() throws {
    var data = Bundled.data
    let app = Bundled.app(width: 100, height: 30)
    let plain = Screens.plan(app, data)
    data.live = LiveStatus(
      mode: .watching,
      errors: [
        Finding(
          .error, file: "reports/u-cgj-2016-09-02.json", position: .init(line: 3, column: 7),
          message: "unterminated object")
      ])
    let canvas = Screens.render(app, data)
    let lines = canvas.text.split(separator: "\n").map(String.init)
    #expect(lines[4].contains("⚠ reports/u-cgj-2016-09-02.json:3:7: unterminated object"))
    #expect(Screens.plan(app, data).bodyTop == plain.bodyTop + 1)
    #expect(Screens.plan(app, data).bodyHeight == plain.bodyHeight - 1)
  }
}

/// The header's count of further errors is part of what is never cut (issue 11: at 120
/// columns a long first error pushed "另有 N 处" off the screen).
@Suite struct LiveHeaderCountTests {
  @Test(arguments: [80, 120, 200])
  func theCountOfMoreErrorsAlwaysShows(_ width: Int) {
    var data = Bundled.data
    let app = Bundled.app(width: width, height: 30)
    let long = String(repeating: "期望一个数字但找到了字符串 ", count: 12)
    data.live = LiveStatus(
      mode: .watching,
      errors: [
        Finding(
          .error, file: "reports/u-cgj-2016-09-02.json", position: .init(line: 3, column: 7), message: long),
        Finding(
          .error, file: "reports/u-jtj-2016-09-02.json", position: .init(line: 9, column: 1), message: long),
      ])
    let lines = Screens.render(app, data).text.split(separator: "\n").map(String.init)
    #expect(lines[4].contains("另有 1 处"), "\(lines[4])")
    #expect(lines[4].contains("此文件未计入"))
  }
}
