import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The live dashboard in tmux: `[`, Tab, `n` and rotation change the screen as expected.
/// Runs `.build/debug/chuangwen` (found from this file) on a private tmux socket that is always
/// killed; skipped when tmux or the binary is missing.
@Suite(.serialized) struct MeetingsTmuxTests {
  static let repo = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let binary = repo.appendingPathComponent(".build/debug/chuangwen").path
  static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
  static var available: Bool { tmux != nil && FileManager.default.isExecutableFile(atPath: binary) }

  final class Session {
    let socket = "chuangwen-m-\(getpid())-\(UUID().uuidString.prefix(8))"
    init(_ args: [String]) throws {
      let cmd = ([MeetingsTmuxTests.binary] + args).map { "'\($0)'" }.joined(separator: " ")
      try run(["new-session", "-d", "-x", "100", "-y", "30", "env LANG=C.UTF-8 TERM=xterm-256color " + cmd])
    }
    deinit { _ = try? run(["kill-server"]) }

    /// Runs tmux through `/bin/sh` (`system`), output to a temporary file: Foundation's
    /// Process can wait forever on the daemonising server.
    @discardableResult
    func run(_ args: [String]) throws -> String {
      let out = NSTemporaryDirectory() + socket + ".out"
      let quoted = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(
        separator: " ")
      let status = system(
        "'\(MeetingsTmuxTests.tmux!)' -L \(socket) -f /dev/null \(quoted) >'\(out)' 2>/dev/null </dev/null")
      defer { try? FileManager.default.removeItem(atPath: out) }
      let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
      if status != 0 && args.first != "kill-server" { throw TmuxFailed(status: status, args: args) }
      return text
    }

    struct TmuxFailed: Error { var status: Int32; var args: [String] }

    func screen() -> String { (try? run(["capture-pane", "-p"])) ?? "" }
    func keys(_ k: String...) throws { try run(["send-keys"] + k) }

    /// Waits up to `seconds` for the screen to satisfy `ok`.
    func wait(_ seconds: Double = 5, _ ok: (String) -> Bool) -> String {
      let end = Date().addingTimeInterval(seconds)
      var s = screen()
      var previous: String?
      while Date() < end {
        // Accept a screen only once two captures agree (not a half-drawn frame).
        if ok(s) {
          if s == previous { return s }
          previous = s
        } else {
          previous = nil
        }
        usleep(50_000)
        s = screen()
      }
      return s
    }
  }

  @Test(.enabled(if: available)) func keysChangeTheScreen() throws {
    let t = try Session(["--as-of", "2016-09-02"])
    var s = t.wait { $0.contains("截至 2016-09-02") }
    #expect(s.contains("截至 2016-09-02"))
    try t.keys("[")
    s = t.wait { $0.contains("截至 2016-08-26") }
    #expect(s.contains("截至 2016-08-26") && s.contains("历史回看"))
    try t.keys("Tab")
    s = t.wait { $0.contains("133 项指标") }
    #expect(s.contains("133 项指标"))
    try t.keys("n")
    s = t.wait { $0.contains("指挥体系 › [1]") }
    #expect(s.contains("指挥体系 › [1]"))
    try t.keys("q")
  }

  @Test(.enabled(if: available)) func rotationWalksThePagesUntilAKey() throws {
    let t = try Session(["--rotate", "300ms"])
    var s = t.wait { $0.contains("轮播中") }
    #expect(s.contains("轮播中"))
    s = t.wait { $0.contains("指挥体系 › [2]") }
    #expect(s.contains("指挥体系 › [2]"))
    s = t.wait { $0.contains("第35次调度会") }  // the red and black lists end the round
    #expect(s.contains("第35次调度会"))
    try t.keys("x")
    s = t.wait { !$0.contains("轮播中") }
    #expect(!s.contains("轮播中"))
    let stopped = t.screen()
    usleep(800_000)
    #expect(t.screen() == stopped)
    try t.keys("q")
  }
}
