import Foundation
import Testing

/// The live dashboard end to end: the debug binary in a private tmux server on a temporary copy
/// of the bundled campaign, driven by `chuangwen record` and by breaking a report file.
/// Skipped (with the reason) when tmux or the binary is missing: build with `swift build` first.
@Suite(.serialized) struct LiveTests {
  static let repo = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  static let binary = repo + "/.build/debug/chuangwen"
  static var ready: Bool {
    TmuxSession.tmuxPath != nil && FileManager.default.isExecutableFile(atPath: binary)
  }

  /// The dashboard on `dir` in a private tmux server (the shared harness, always killed).
  static func dashboard(_ dir: String, _ extra: [String] = []) throws -> TmuxSession {
    try TmuxSession(
      [binary, "--data", dir, "--as-of", "2016-09-02"] + extra, width: 100, height: 30,
      environment: ["LANG": "C.UTF-8"], term: "xterm-256color")
  }

  static func copyOfBundled() throws -> String {
    let dir = NSTemporaryDirectory() + "chuangwen-live-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: repo + "/fixtures/hongjiang", toPath: dir)
    return dir
  }

  /// Runs `chuangwen record`; its exit status.
  static func record(_ args: [String]) throws -> Int32 {
    try Spawn.run([binary, "record"] + args).status
  }

  @Test(.enabled(if: ready, "needs tmux and .build/debug/chuangwen (swift build)"))
  func aRecordShowsWithinASecondAndABrokenFileKeepsTheFigures() throws {
    let dir = try Self.copyOfBundled()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let pane = try Self.dashboard(dir)
    #expect(
      pane.seen(within: 5) { $0.contains("97.5/134") }, "the dashboard did not start:\n\(pane.screenNow)")
    try pane.type("1")
    #expect(pane.seen(within: 2) { $0.contains("[1] 市容环卫") })

    // A unit reports: the total moves and the changed rows show their change, within a second.
    let status = try Self.record([
      "--data", dir, "--unit", "u-cgj", "--indicator", "c6-1-2", "--value", "95", "--date", "2016-09-02",
    ])
    #expect(status == 0)
    let shown = pane.seen(within: 1) {
      $0.contains("97.7/134") && ($0.contains(" +6.1%") || $0.contains(" +0.2 分"))
    }
    #expect(shown, "the record did not show within a second:\n\(pane.screenNow)")
    #expect(pane.screenNow.contains("实时 · 更新"))

    // A truncated report: its name in the header, the figures stay.
    let report = dir + "/reports/u-cgj-2016-09-02.json"
    let text = try String(contentsOfFile: report, encoding: .utf8)
    try String(text.prefix(70)).write(toFile: report, atomically: true, encoding: .utf8)
    let error = pane.seen(within: 1) { $0.contains("⚠ reports/u-cgj-2016-09-02.json:") }
    #expect(error, "no error line:\n\(pane.screenNow)")
    #expect(pane.screenNow.contains("97.7/134"))
    #expect(pane.screenNow.contains("保留上次数据"), "the last good version is kept and said so")

    // Removed: the error goes, and so do the file's entries.
    try FileManager.default.removeItem(atPath: report)
    let cleared = pane.seen(within: 1) { !$0.contains("⚠") && $0.contains("97.5/134") }
    #expect(cleared, "the error did not clear:\n\(pane.screenNow)")
  }

  /// `mv reports reports.moved` under the running dashboard once turned the score into
  /// 0/134 without a word; now the header names the folder, the figures stay, and both clear
  /// when it is back.
  @Test(.enabled(if: ready, "needs tmux and .build/debug/chuangwen (swift build)"))
  func aVanishedReportsFolderIsNamedAndTheFiguresStay() throws {
    let dir = try Self.copyOfBundled()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let pane = try Self.dashboard(dir)
    #expect(
      pane.seen(within: 5) { $0.contains("97.5/134") }, "the dashboard did not start:\n\(pane.screenNow)")
    try FileManager.default.moveItem(atPath: dir + "/reports", toPath: dir + "/reports.moved")
    #expect(
      pane.seen(within: 5) { $0.contains("⚠ reports/") && $0.contains("97.5/134") },
      "no error or lost figures:\n\(pane.screenNow)")
    try FileManager.default.moveItem(atPath: dir + "/reports.moved", toPath: dir + "/reports")
    #expect(
      pane.seen(within: 5) { !$0.contains("⚠") && $0.contains("97.5/134") },
      "the error did not clear:\n\(pane.screenNow)")
  }

  @Test(.enabled(if: ready, "needs tmux and .build/debug/chuangwen (swift build)"))
  func pollingAlsoFollowsTheFiles() throws {
    let dir = try Self.copyOfBundled()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let pane = try Self.dashboard(dir, ["--poll"])
    #expect(pane.seen(within: 5) { $0.contains("97.5/134") })
    #expect(pane.screenNow.contains("实时(轮询)"))
    let status = try Self.record([
      "--data", dir, "--unit", "u-cgj", "--indicator", "c6-1-2", "--value", "95", "--date", "2016-09-02",
    ])
    #expect(status == 0)
    // A poll every second: shown within about a second and a bit.
    #expect(pane.seen(within: 2) { $0.contains("97.7/134") }, "\(pane.screenNow)")
  }

  @Test(.enabled(if: ready, "needs .build/debug/chuangwen (swift build)"))
  func recordChecksIdsValuesAndDatesAndNeverLosesEntries() throws {
    let dir = try Self.copyOfBundled()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let base = ["--data", dir, "--unit", "u-cgj"]
    #expect(
      try Self.record(["--data", dir, "--unit", "u-cgjj", "--indicator", "c6-1-2", "--value", "1"]) == 64)
    #expect(try Self.record(base + ["--indicator", "c6-1-9", "--value", "1", "--date", "2016-09-02"]) == 64)
    #expect(
      try Self.record(base + ["--indicator", "c6-1-2", "--value", "101", "--date", "2016-09-02"]) == 65)
    #expect(try Self.record(base + ["--indicator", "c6-1-2", "--value=-1", "--date", "2016-09-02"]) == 65)
    #expect(try Self.record(base + ["--indicator", "c6-1-2", "--value", "50", "--date", "2017-01-02"]) == 65)
    #expect(
      try Self.record(["--data", dir + "/none", "--unit", "u-cgj", "--task", "x", "--value", "1"]) == 66)
    #expect(try Self.record(base + ["--value", "1"]) == 64)

    // Appending keeps every earlier entry and field of the unit's file for that day.
    let report = dir + "/reports/u-cgj-2016-09-02.json"
    let before = try String(contentsOfFile: report, encoding: .utf8)
    #expect(
      try Self.record(
        base + ["--indicator", "c6-1-2", "--value", "90", "--date", "2016-09-02", "--note", "复查"]) == 0)
    let after = try String(contentsOfFile: report, encoding: .utf8)
    #expect(after.contains("\"value\": 88.9") && after.contains("\"value\": 22170") && after.contains("复查"))
    #expect(after.count > before.count)

    // A file of that name that belongs to another unit is never edited: a new file is written.
    let foreign = dir + "/reports/u-cgj-2016-09-09.json"
    let foreignText = "{ \"schema\": \"chuangwen/1\", \"unit\": \"u-zjj\", \"entries\": [] }\n"
    try foreignText.write(toFile: foreign, atomically: true, encoding: .utf8)
    #expect(try Self.record(base + ["--indicator", "c6-1-2", "--value", "91", "--date", "2016-09-09"]) == 0)
    #expect(try String(contentsOfFile: foreign, encoding: .utf8) == foreignText)
    #expect(FileManager.default.fileExists(atPath: dir + "/reports/u-cgj-2016-09-09-2.json"))
    // No temporary file is left behind.
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir + "/reports").filter {
      $0.hasSuffix(".tmp")
    }
    #expect(leftovers.isEmpty)
  }
}

extension TmuxSession {
  /// Whether the screen satisfies `condition` (on a settled frame) within `seconds`.
  func seen(within seconds: Double, _ condition: (String) -> Bool) -> Bool {
    (try? waitUntil(timeout: seconds, "condition", condition)) != nil
  }

  /// The screen now, for messages.
  var screenNow: String { (try? capture()) ?? "" }
}
