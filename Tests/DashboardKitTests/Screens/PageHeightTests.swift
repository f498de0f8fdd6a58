import CampaignKit
import Testing

@testable import DashboardKit

/// ``SnapshotRender`` lays a page out once, at the screen's minimum height, and reuses those
/// lines on the canvas as tall as the page; that is right only for pages whose lines do not
/// depend on the height, which is what ``Pages/readsHeight(_:)`` claims for all but the overview.
@Suite struct PageHeightTests {
  static func bodyText(_ page: Page, height: Int, data: DashboardData) -> String {
    var app = App(width: 100, height: height)
    if page != .overview { app.stack.append(App.Level(page: page)) }
    let lines = Screens.visibleLines(app, data, options: RenderOptions(paper: true))
    var canvas = Canvas(width: 100, height: lines.count)
    for (y, line) in lines.enumerated() { line.draw(&canvas, y, 100) }
    return canvas.text
  }

  @Test(arguments: SinkEquivalenceTests.dates)
  func pagesOtherThanTheOverviewSayTheSameAtAnyHeight(_ day: Day) {
    let data = DashboardData(campaign: Bundled.campaign, asOf: day)
    for page in SinkEquivalenceTests.pages where !Pages.readsHeight(page) {
      let short = Self.bodyText(page, height: Screens.minimumHeight, data: data)
      #expect(!short.isEmpty)
      #expect(short == Self.bodyText(page, height: 400, data: data), "\(page) on \(day)")
    }
  }
}
