import CampaignKit
import Foundation
import Testing

@testable import DashboardKit

/// Numbers far beyond anything real must still draw: `Int(Double)` once trapped at about 9.2e18
/// and took the dashboard down with a backtrace on the screen (issue 11). Such data is an error
/// for the loader, but the loader still builds what it can (the live dashboard keeps going),
/// and formatting must never trap, whatever the number.
@Suite struct HostileNumberTests {
  @Test func formatNeverTraps() {
    #expect(Format.fixed(1e19, 1) == "1e+19")
    #expect(Format.value(1e19) == "1e+19")
    #expect(Format.value(1e20) == "1e+20")
    #expect(Format.points(1e308) == "1e+308")
    #expect(Format.value(12.5) == "12.5")
    #expect(Format.percent(.infinity) == "—")
    #expect(Format.fixed(.nan, 2) == "—")
  }

  @Test func everyViewDrawsHugeNumbers() throws {
    let dir = NSTemporaryDirectory() + "chuangwen-huge-\(UUID().uuidString)"
    try FileManager.default.copyItem(
      atPath: Golden.repo.appendingPathComponent("fixtures/minimal").path, toPath: dir)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    func edit(_ file: String, _ old: String, _ new: String) throws {
      let path = dir + "/" + file
      let text = try String(contentsOfFile: path, encoding: .utf8)
      try #require(text.contains(old))
      try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }
    try edit("campaign.json", "\"totalPoints\": 10", "\"totalPoints\": 1e19")
    try edit("indicators.json", "\"points\": 2,", "\"points\": 1e308,")
    try edit("indicators.json", "\"target\": 400", "\"target\": 1e19")
    let r = CampaignLoader.load(directory: dir)
    let loaded = try #require(r.campaign)
    #expect(!r.errors.isEmpty)
    // A reported value beyond the limit, as `record` once wrote it.
    let huge = ReportFile(
      path: "reports/u-zj-huge.json", unit: "u-zj",
      entries: [ReportEntry(date: loaded.info.defaultAsOf, subject: .indicator("c1-1-2"), value: 1e19)])
    let c = Campaign(
      info: loaded.info, nodes: loaded.nodes, categories: loaded.categories, tasks: loaded.tasks,
      problems: loaded.problems, reportFiles: loaded.reportFiles + [huge])
    let data = DashboardData(campaign: c, asOf: c.info.defaultAsOf)
    let pages: [Page] = [
      .overview, .subCommand("sc1"), .unit("u-zj"), .indicator("c1-1-1"), .indicator("c1-1-2"), .brief,
      .indicators, .problems, .rankings, .rankHistory("u-zj"), .audit,
    ]
    for page in pages {
      for format in SnapshotFormat.allCases {
        #expect(!Snapshot.render(format, page: page, data: data).isEmpty)
      }
      var app = App(width: 120, height: 40, campaign: c)
      if page != .overview { app.stack.append(App.Level(page: page)) }
      #expect(!Screens.render(app, data).text.isEmpty)
    }
  }
}
