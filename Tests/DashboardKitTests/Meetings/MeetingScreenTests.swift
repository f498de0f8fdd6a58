import CampaignKit
import Testing

@testable import DashboardKit

/// Golden screens of the meeting tabs (bundled campaign, default as-of date), at 80×24 and
/// 120×40, compared exactly.
@Suite struct MeetingScreenTests {
  static let screens: [(String, [Key])] = [
    ("tab-indicators", [.tab]),
    ("tab-problems", [.tab, .tab]),
    ("tab-problems-overdue-sc2", [.tab, .tab, .char("f"), .char("f"), .char("g"), .char("g")]),
    ("problem-detail", [.tab, .tab, .enter]),
    ("tab-rankings", [.tab, .tab, .tab]),
    ("rank-history", [.backTab, .backTab, .end, .enter]),
    ("tab-audit", [.backTab]),
    ("past-view-overview", [.char("{"), .char("{"), .char("["), .char("[")]),
  ]

  @Test(arguments: screens)
  func screenMatchesGolden(_ screen: (String, [Key])) throws {
    for (w, h) in GoldenScreenTests.sizes {
      let (app, data) = Meetings.press(screen.1, on: Bundled.app(width: w, height: h))
      let canvas = Screens.render(app, data)
      try Golden.check(canvas, "\(screen.0)-\(w)x\(h)")
      for y in 0..<canvas.height {
        #expect(
          DisplayWidth.of(canvas.line(y)) == w, "line \(y) of \(screen.0) at \(w)×\(h) is not \(w) columns")
      }
    }
  }

  @Test func everyTabHasItsRootAndTheTabBarMarksIt() {
    var app = Bundled.app(width: 100, height: 30)
    var seen: [Tab] = []
    for _ in 0..<Tab.available.count {
      seen.append(app.tab)
      #expect(app.page == app.tab.root)
      app = Bundled.press([.tab], on: app)
    }
    #expect(seen == [.command, .indicators, .problems, .rankings, .audit])
    #expect(app.tab == .command)
    #expect(Bundled.press([.backTab], on: app).tab == .audit)
    let canvas = Screens.render(Bundled.press([.tab, .tab, .tab], on: app), Bundled.data)
    // The active tab is drawn in the active role.
    let line = canvas.line(2)
    let x = DisplayWidth.of(String(line[..<line.range(of: "红黑榜")!.lowerBound]))
    #expect(canvas[x, 2].role == .tabActive)
    #expect(canvas[2, 2].role == .tabInactive)
  }

  /// The snapshot path prints the tab pages too (`SnapshotRender.canvas(page:)`), with the tab
  /// that page belongs to marked.
  @Test func tabPagesPrintAsSnapshots() {
    for page in [Page.indicators, .problems, .rankings, .audit] {
      let canvas = SnapshotRender.canvas(page: page, data: Bundled.data, width: 100, options: RenderOptions())
      #expect(canvas.height > Screens.minimumHeight)
      let tabs = canvas.line(2)
      #expect(tabs.contains(Strings(.zh).tab(page.tabRoot!)))
      #expect(canvas.line(3).hasPrefix(" " + Strings(.zh).tab(page.tabRoot!)))
    }
  }

  /// Every bar on the overview carries its change; at 80 columns points only, from 100 points
  /// and percent.
  @Test func overviewShowsDeltasAndMovers() {
    let narrow = Screens.render(Bundled.app(width: 80, height: 24), Bundled.data).text
    let wide = Screens.render(Bundled.app(width: 120, height: 40), Bundled.data).text
    #expect(narrow.contains("上升 较08-26"))
    #expect(wide.contains("上升 较08-26"))
    let sc8 = Bundled.campaign.subCommand(key: 8)!.id
    let d = Bundled.data.subCommandDelta(sc8)!
    #expect(
      wide.contains(
        CellFormat(s: Strings(.zh), glyphs: .unicode, medium: .screen, width: 120).delta(d.points, .points)))
    #expect(
      narrow.contains(
        CellFormat(s: Strings(.zh), glyphs: .unicode, medium: .screen, width: 80).delta(d.points, .points)))
  }
}

/// Key presses with the data recomputed whenever the as-of date moves, as the runner does.
enum Meetings {
  static func press(_ keys: [Key], on app: App, data: DashboardData = Bundled.data) -> (App, DashboardData) {
    var a = app
    var d = data
    for k in keys {
      let current = d
      a = a.update(.key(k), plan: { Screens.plan($0, current) })
      let fresh = d.refreshed(for: a)
      if fresh.asOf != d.asOf {
        d = fresh
        a.clamp(Screens.plan(a, d))
      }
    }
    return (a, d)
  }
}
