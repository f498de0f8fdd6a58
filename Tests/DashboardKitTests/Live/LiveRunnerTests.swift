import CampaignKit
import Foundation
import Testing

@testable import DashboardKit

/// The live runner on an in-memory terminal: reload, time travel, rotation and printing, with
/// a clock that moves only through the script (no tmux, no sleeping).
@Suite struct LiveRunnerTests {
  final class Printed: @unchecked Sendable {
    var pages: [Page] = []
  }

  struct Setup {
    var runner: LiveRunner
    let dir: String
    let printed: Printed
  }

  func setup(polling: Bool = true) throws -> Setup {
    let dir = NSTemporaryDirectory() + "chuangwen-runner-\(UUID().uuidString)"
    try FileManager.default.copyItem(
      atPath: Golden.repo.appendingPathComponent("fixtures/hongjiang").path, toPath: dir)
    let source = CampaignSource(directory: dir)
    let c = try #require(source.result.campaign)
    let printed = Printed()
    let themes = ThemeRegistry(
      bundledDirectory: Golden.repo.appendingPathComponent("themes").path, userDirectory: nil)
    let runner = LiveRunner(
      app: App(campaign: c), data: DashboardData(campaign: c, asOf: c.info.defaultAsOf),
      options: RenderOptions(), source: source,
      watcher: FileWatcher(directory: dir, polling: polling), theme: .builtInDefault, themes: themes,
      writeSnapshot: { page, _, _, _, _ in
        printed.pages.append(page)
        return ["/tmp/x.txt", "/tmp/x.html"]
      })
    return Setup(runner: runner, dir: dir, printed: printed)
  }

  func text(_ c: Canvas?) -> String {
    guard let c else { return "" }
    return (0..<c.height).map { c.line($0) }.joined(separator: "\n")
  }

  @Test func aReportWrittenWhileRunningReachesTheScreenByPolling() throws {
    var s = try setup()
    defer { try? FileManager.default.removeItem(atPath: s.dir) }
    let before = s.runner.data.standing.total.earned
    let term = MemoryTerminal()
    let c = s.runner.data.campaign
    // A unit reports a finished indicator halfway through the run; the next poll (≤ 1 s of the
    // terminal's clock) reloads it.
    term.wait(0.5)
    term.script.append(.input(.events([])))
    term.wait(1.5)
    var written = false
    let dir = s.dir
    term.beforeWait = { t in
      guard !written, t.now >= 0.5 else { return }
      written = true
      try? """
      { "schema": "chuangwen/1", "unit": "u-cgj",
        "entries": [ { "date": "\(c.info.defaultAsOf)", "indicator": "c6-1-2", "value": 100 } ] }
      """.write(toFile: dir + "/reports/u-cgj-zz.json", atomically: true, encoding: .utf8)
    }
    #expect(s.runner.run(on: term) == .quit)
    #expect(s.runner.data.standing.total.earned > before)
    #expect(!s.runner.data.live.changes.isEmpty)
    #expect(term.now <= 2.0 + 1e-9)
  }

  @Test func timeTravelRecomputesTheDataOnce() throws {
    var s = try setup()
    defer { try? FileManager.default.removeItem(atPath: s.dir) }
    let start = s.runner.data.asOf
    let term = MemoryTerminal()
    term.press([.char("["), .char("[")])
    _ = s.runner.run(on: term)
    #expect(s.runner.data.asOf == start - 14)
    #expect(s.runner.app.asOf == s.runner.data.asOf)
    #expect(text(term.lastFrame).contains("\(start - 14)"))
    // The palette's as-of command travels too.
    let back = MemoryTerminal()
    back.press([.char(":")] + "as-of \(start)".map { .char($0) } + [.enter])
    _ = s.runner.run(on: back)
    #expect(s.runner.data.asOf == start)
  }

  @Test func theAppsDateIsTheOnlyOneTheDataFollowsItFromTheStart() throws {
    let s = try setup()
    defer { try? FileManager.default.removeItem(atPath: s.dir) }
    let c = s.runner.data.campaign
    let earlier = c.info.defaultAsOf - 21
    // Data made for one date, an app opened on another: the app's date wins before any event.
    var runner = LiveRunner(
      app: App(campaign: c, asOf: earlier), data: s.runner.data, options: s.runner.options,
      source: s.runner.source, watcher: s.runner.watcher, theme: s.runner.theme, themes: s.runner.themes,
      writeSnapshot: { _, _, _, _, _ in [] })
    #expect(runner.data.asOf == earlier)
    let term = MemoryTerminal()
    term.press([.char("]"), .char("{"), .char("}"), .char("["), .char("[")])
    _ = runner.run(on: term)
    #expect(runner.app.asOf == runner.data.asOf)
    #expect(text(term.lastFrame).contains("\(runner.app.asOf!)"))
  }

  @Test func rotationWalksThePagesOnTheTerminalsClock() throws {
    var s = try setup(polling: false)
    defer { try? FileManager.default.removeItem(atPath: s.dir) }
    s.runner.app.rotateInterval = 30
    let term = MemoryTerminal()
    term.press([.char("a")])
    term.wait(65)
    _ = s.runner.run(on: term)
    // Two steps of 30 s: overview → [1] → [2].
    #expect(s.runner.app.page == .subCommand(s.runner.data.campaign.subCommand(key: 2)!.id))
    #expect(term.now >= 60)
  }

  @Test func printingWritesThePageOnScreenAndSaysSo() throws {
    var s = try setup(polling: false)
    defer { try? FileManager.default.removeItem(atPath: s.dir) }
    let term = MemoryTerminal()
    term.press([.char("3"), .char("p")])
    _ = s.runner.run(on: term)
    let sc3 = s.runner.data.campaign.subCommand(key: 3)!.id
    #expect(s.printed.pages == [.subCommand(sc3)])
    #expect(s.runner.app.toast?.text.contains("快照已保存：/tmp/x.txt + .html") == true)
    #expect(text(term.lastFrame).contains("快照已保存"))
    // The toast goes away on the same clock.
    let later = MemoryTerminal()
    later.wait(App.toastSeconds + 1)
    _ = s.runner.run(on: later)
    #expect(s.runner.app.toast == nil)
  }

  @Test func themeByNameFromThePalette() throws {
    var s = try setup(polling: false)
    defer { try? FileManager.default.removeItem(atPath: s.dir) }
    #expect(s.runner.app.themeNames.contains("projector"))
    let term = MemoryTerminal()
    term.press([.char(":")] + "theme projector".map { .char($0) } + [.enter])
    _ = s.runner.run(on: term)
    #expect(s.runner.theme.name == "projector")
    #expect(term.palettes.count == 1)
  }

  @Test func quitEndsTheRunAtOnce() throws {
    var s = try setup(polling: false)
    defer { try? FileManager.default.removeItem(atPath: s.dir) }
    let term = MemoryTerminal()
    term.press([.char("q"), .char("3")])
    #expect(s.runner.run(on: term) == .quit)
    #expect(s.runner.app.page == .overview)
    #expect(term.script.count == 1)
  }
}
