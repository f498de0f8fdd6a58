import CampaignKit
import Foundation
import Testing

/// `e` on the real binary in tmux: a value typed into the form on an indicator's page lands in
/// the lead unit's report file (through the shared writer) and on the screen at once.
@Suite(.serialized) struct EntryFormTmuxTests {
  @Test(.enabled(if: LiveTests.ready, "needs tmux and .build/debug/chuangwen (swift build)"))
  func eWritesAValueAndTheDashboardShowsIt() throws {
    let dir = try LiveTests.copyOfBundled()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let pane = try LiveTests.dashboard(dir)
    #expect(
      pane.seen(within: 5) { $0.contains("97.5/134") }, "the dashboard did not start:\n\(pane.screenNow)")
    try pane.type(":c6-1-2")
    try pane.send("Enter")
    #expect(pane.seen(within: 2) { $0.contains("测评体系 ›") && $0.contains("小广告清理率") }, "\(pane.screenNow)")
    try pane.type("e")
    #expect(pane.seen(within: 2) { $0.contains("录入数值") }, "no form:\n\(pane.screenNow)")
    try pane.type("九十")
    try pane.send("Enter")
    #expect(pane.seen(within: 2) { $0.contains("the value must be a number") }, "\(pane.screenNow)")
    try pane.send("BSpace")
    try pane.send("BSpace")
    try pane.type("95")
    try pane.send("Enter")
    let shown = pane.seen(within: 2) { $0.contains("97.7/134") && $0.contains("已录入 c6-1-2 = 95") }
    #expect(shown, "the value did not show:\n\(pane.screenNow)")
    let r = CampaignLoader.load(directory: dir)
    let entries = try #require(r.campaign).reportFiles.filter { $0.unit == "u-cgj" }.flatMap(\.entries)
    #expect(
      entries.contains {
        $0.subject == .indicator("c6-1-2") && $0.value == 95 && "\($0.date)" == "2016-09-02"
      })
  }
}
