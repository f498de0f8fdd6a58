import Foundation
import Testing

/// The live dashboard end to end: the debug binary in a private tmux server on a temporary copy
/// of the bundled campaign, driven by `chuangwen record` and by breaking a report file.
/// Skipped (with the reason) when tmux or the binary is missing: build with `swift build` first.
@Suite(.serialized) struct LiveTests {
  static let repo = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  static let binary = repo + "/.build/debug/chuangwen"
  static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
  static var ready: Bool { tmux != nil && FileManager.default.isExecutableFile(atPath: binary) }

  /// A private tmux server holding one pane; always killed.
  final class Pane {
    let socket = "chuangwen-live-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    init(_ command: String, width: Int = 100, height: Int = 30) throws {
      try run(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", command])
    }
    deinit { _ = try? run(["kill-server"]) }

    /// Runs tmux; what it prints comes back (through a file: a pipe would be held open by
    /// the server that `new-session` starts).
    @discardableResult
    func run(_ args: [String]) throws -> String {
      let outPath = NSTemporaryDirectory() + "\(socket)-\(UUID().uuidString).out"
      defer { try? FileManager.default.removeItem(atPath: outPath) }
      _ = try LiveTests.spawn([LiveTests.tmux!, "-L", socket] + args, stdout: outPath)
      return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    func screen() -> String { (try? run(["capture-pane", "-p"])) ?? "" }
    func keys(_ k: String...) throws { try run(["send-keys"] + k) }

    /// Polls the screen until `condition` holds; returns how long it took, nil on timeout.
    func wait(upTo seconds: Double, _ condition: (String) -> Bool) -> Double? {
      let start = Date()
      var previous: String?
      while Date().timeIntervalSince(start) < seconds {
        // Accept a screen only once two captures 20 ms apart agree (not a half-drawn frame).
        let s = screen()
        if condition(s) {
          if s == previous { return Date().timeIntervalSince(start) }
          previous = s
        } else {
          previous = nil
        }
        usleep(20_000)
      }
      return nil
    }
  }

  static func copyOfBundled() throws -> String {
    let dir = NSTemporaryDirectory() + "chuangwen-live-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: repo + "/fixtures/hongjiang", toPath: dir)
    return dir
  }

  static func record(_ args: [String]) throws -> Int32 {
    try spawn([binary, "record"] + args, stdout: "/dev/null")
  }

  struct SpawnError: Error { var code: Int32 }

  /// Runs a program to its end and returns its exit status. Spawned with every signal
  /// unblocked and at its default: the test runner's threads block most signals, and a tmux
  /// server (and the dashboard in it) inheriting that mask could not be stopped.
  static func spawn(_ argv: [String], stdout: String) throws -> Int32 {
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attr, &empty)
    posix_spawnattr_setsigdefault(&attr, &all)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var cargs = argv.map { strdup($0) } + [nil]
    defer { for p in cargs { free(p) } }
    var pid = pid_t()
    let rc = posix_spawn(&pid, argv[0], &actions, &attr, &cargs, environ)
    guard rc == 0 else { throw SpawnError(code: rc) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status >> 8) & 0xff
  }

  @Test(.enabled(if: ready, "needs tmux and .build/debug/chuangwen (swift build)"))
  func aRecordShowsWithinASecondAndABrokenFileKeepsTheFigures() throws {
    let dir = try Self.copyOfBundled()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let pane = try Pane("LANG=C.UTF-8 TERM=xterm-256color \(Self.binary) --data \(dir) --as-of 2016-09-02")
    #expect(
      pane.wait(upTo: 5) { $0.contains("97.5/134") } != nil, "the dashboard did not start:\n\(pane.screen())")
    try pane.keys("1")
    #expect(pane.wait(upTo: 2) { $0.contains("[1] 市容环卫") } != nil)

    // A unit reports: the total moves and the changed rows show their change, within a second.
    let status = try Self.record([
      "--data", dir, "--unit", "u-cgj", "--indicator", "c6-1-2", "--value", "95", "--date", "2016-09-02",
    ])
    #expect(status == 0)
    let shown = pane.wait(upTo: 1) { $0.contains("97.7/134") && $0.contains("▲ +6.1%") }
    #expect(shown != nil, "the record did not show within a second:\n\(pane.screen())")
    #expect(pane.screen().contains("实时 · 更新"))

    // A truncated report: its name in the header, the figures stay.
    let report = dir + "/reports/u-cgj-2016-09-02.json"
    let text = try String(contentsOfFile: report, encoding: .utf8)
    try String(text.prefix(70)).write(toFile: report, atomically: true, encoding: .utf8)
    let error = pane.wait(upTo: 1) { $0.contains("⚠ reports/u-cgj-2016-09-02.json:") }
    #expect(error != nil, "no error line:\n\(pane.screen())")
    #expect(pane.screen().contains("97.7/134"))

    // Removed: the error goes, and so do the file's entries.
    try FileManager.default.removeItem(atPath: report)
    let cleared = pane.wait(upTo: 1) { !$0.contains("⚠") && $0.contains("97.5/134") }
    #expect(cleared != nil, "the error did not clear:\n\(pane.screen())")
  }

  @Test(.enabled(if: ready, "needs tmux and .build/debug/chuangwen (swift build)"))
  func pollingAlsoFollowsTheFiles() throws {
    let dir = try Self.copyOfBundled()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let pane = try Pane(
      "LANG=C.UTF-8 TERM=xterm-256color \(Self.binary) --data \(dir) --poll --as-of 2016-09-02")
    #expect(pane.wait(upTo: 5) { $0.contains("97.5/134") } != nil)
    #expect(pane.screen().contains("实时(轮询)"))
    let status = try Self.record([
      "--data", dir, "--unit", "u-cgj", "--indicator", "c6-1-2", "--value", "95", "--date", "2016-09-02",
    ])
    #expect(status == 0)
    // A poll every second: shown within about a second and a bit.
    #expect(pane.wait(upTo: 2) { $0.contains("97.7/134") } != nil, "\(pane.screen())")
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
