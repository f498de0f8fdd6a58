import Foundation
import Testing

/// The live dashboard in a real terminal (tmux), driven by keys as a person would.
@Suite(
  .serialized,
  .enabled(if: ChuangwenBinary.url != nil && TmuxSession.tmuxPath != nil, "needs tmux and a built chuangwen"))
struct DashboardTests {
  static var binary: String { ChuangwenBinary.url!.path }

  /// The dashboard on the bundled campaign, waiting until its first frame is up.
  static func start(
    width: Int = 100, height: Int = 30, environment: [String: String] = [:], unset: [String] = []
  )
    throws -> TmuxSession
  {
    let env = environment.merging(["CHUANGWEN_DATA": ""]) { a, _ in a }
    let t = try TmuxSession([binary], width: width, height: height, environment: env, unset: unset)
    try t.waitFor("总分")
    return t
  }

  @Test func overviewShowsAllEightSubCommands() throws {
    let t = try Self.start()
    let screen = try t.capture()
    #expect(screen.contains("洪江市创建省级文明城市"))
    for k in 1...8 { #expect(screen.contains("[\(k)]"), "sub-command \(k) missing:\n\(screen)") }
    #expect(screen.contains("领导小组") && screen.contains("总指挥部"))
  }

  @Test func drillDownAndBack() throws {
    let t = try Self.start()
    try t.type("3")
    // Wait for the whole frame: a capture can land between two writes of one redraw.
    let sub = try t.waitUntil(timeout: 5, "sub-command 3") {
      $0.contains("指挥体系 › [3]") && $0.contains("责任单位")
    }
    #expect(sub.contains("责任单位"))
    #expect(sub.contains("联系领导"))
    try t.send("Enter")
    // The unit page: the breadcrumb grows a third segment.
    let unit = try t.waitUntil(timeout: 5, "the unit page") { $0.contains("› [3] 市场窗口 › ") }
    #expect(unit.contains("牵头指标 ("))
    #expect(unit.contains("问题台账"))
    #expect(unit.contains("› [3]"), "breadcrumb keeps the path:\n\(unit)")
    try t.send("Escape")
    try t.waitUntil(timeout: 5, "back on the sub-command") { !$0.contains("市场窗口 › ") && $0.contains("责任单位") }
    try t.send("Escape")
    let home = try t.waitFor("领导小组")
    #expect(!home.contains("› [3]"))
  }

  @Test func helpOpensOnQuestionMark() throws {
    let t = try Self.start()
    try t.type("?")
    try t.waitFor("打开第 N 分指挥部")
    try t.send("Escape")
    try t.waitUntil(timeout: 3, "help to close") { !$0.contains("打开第 N 分指挥部") }
  }

  @Test func resizingRelaysOutWithoutGarbage() throws {
    let t = try Self.start(width: 80, height: 24)
    try t.type("3")
    try t.waitFor("› [3]")
    for (w, h) in [(160, 50), (80, 24), (120, 40)] {
      try t.resize(width: w, height: h)
      // Settled at the new size: the header's right edge (days left) ends in the last columns
      // of the new width, and the key line is on the last row (a capture can land mid-frame).
      let screen = try t.waitUntil(timeout: 5, "layout for \(w)×\(h)") { s in
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, lines.count >= h else { return false }
        return self.width(of: first) >= w - 2 && first.contains("剩余") && lines[h - 1].contains("1-8 分指挥部")
      }
      let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
      for line in lines { #expect(width(of: line) <= w, "line wider than \(w): \(line)") }
      #expect(screen.components(separatedBy: "洪江市创建省级文明城市").count == 2, "the title appears once")
    }
  }

  @Test func quitExitsZeroAndRestoresTheTerminal() throws {
    let report = NSTemporaryDirectory() + "chuangwen-stty-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: report) }
    let t = try TmuxSession(Self.wrapped(report), width: 100, height: 30)
    try t.waitFor("总分")
    try t.type("q")
    let r = try #require(SttyReport.await(file: report))
    #expect(r.status == 0)
    #expect(r.isSane)
    #expect(Self.modesBecomeNormal(t))
  }

  /// The dashboard under a shell that records its status and `stty -a`, then stays alive so
  /// that tmux still reports the pane's modes (a dead pane's modes are meaningless).
  static func wrapped(_ report: String) -> [String] {
    var argv = SttyReport.wrap([binary], reportTo: report)
    argv[argv.count - 1] += "; sleep 30"
    return argv
  }

  /// Clean exits for SIGTERM, SIGINT and SIGHUP, and for every other signal that would end
  /// the process (SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, the real-time signals: these once left the
  /// terminal raw); for a
  /// crash (SIGSEGV, SIGABRT) the prepared reset sequence and the saved terminal modes are
  /// written before the process dies.
  @Test(arguments: [
    (SIGTERM, Int32(143)), (SIGINT, Int32(130)), (SIGHUP, Int32(129)), (SIGSEGV, Int32(139)),
    (SIGABRT, Int32(134)), (SIGQUIT, Int32(131)), (SIGUSR1, Int32(138)), (SIGUSR2, Int32(140)),
    (SIGALRM, Int32(142)), (__libc_current_sigrtmin() + 1, 128 + __libc_current_sigrtmin() + 1),
    (__libc_current_sigrtmax(), 128 + __libc_current_sigrtmax()),
  ])
  func signalsLeaveASaneTerminal(_ signal: Int32, _ expected: Int32) throws {
    let report = NSTemporaryDirectory() + "chuangwen-stty-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: report) }
    // Swift's crash backtracer can take many seconds to symbolicate; the reset is what is tested.
    let t = try TmuxSession(
      Self.wrapped(report), width: 100, height: 30, environment: ["SWIFT_BACKTRACE": "enable=no"])
    try t.waitFor("总分")
    #expect(kill(try Self.descendant(of: t.programPID(), named: "chuangwen"), signal) == 0)
    let r = try #require(SttyReport.await(file: report))
    #expect(r.status == expected)
    #expect(r.isSane, "terminal left in a bad state after signal \(signal)")
    #expect(Self.modesBecomeNormal(t))
  }

  @Test func ctrlCQuitsCleanly() throws {
    let report = NSTemporaryDirectory() + "chuangwen-stty-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: report) }
    let t = try TmuxSession(SttyReport.wrap([Self.binary], reportTo: report), width: 100, height: 30)
    try t.waitFor("总分")
    try t.send("C-c")
    let r = try #require(SttyReport.await(file: report))
    #expect(r.status == 130)
    #expect(r.isSane)
  }

  @Test func chineseRendersWithLangC() throws {
    let t = try Self.start(environment: ["LANG": "C"], unset: ["LC_ALL", "LC_CTYPE"])
    #expect(try t.capture().contains("洪江市"))
  }

  /// One unit's truncated report must not keep the meeting's screen dark: the dashboard opens
  /// without that file and names it in the header.
  @Test func aBrokenReportAtStartIsNamedNotFatal() throws {
    let dir = NSTemporaryDirectory() + "chuangwen-broken-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    try FileManager.default.copyItem(
      atPath: repo.appendingPathComponent("fixtures/hongjiang").path, toPath: dir)
    try "{\"schema\": \"chuangwen/1\", \"unit\": \"u-jtj\", \"entr".write(
      toFile: dir + "/reports/u-jtj-2016-09-02.json", atomically: true, encoding: .utf8)
    let t = try TmuxSession([Self.binary], width: 120, height: 30, environment: ["CHUANGWEN_DATA": dir])
    let screen = try t.waitFor("总分")
    #expect(screen.contains("⚠ reports/u-jtj-2016-09-02.json:1:"))
    #expect(screen.contains("此文件未计入"), "a file broken from the start is left out, not 'kept'")
    #expect(screen.contains("[8]"))
  }

  @Test func anUnusableTermIsRefusedWithOneLine() throws {
    let t = try TmuxSession([Self.binary], width: 100, height: 30, term: "dumb")
    #expect(try t.exitStatus() == 69)
    let screen = try t.capture()
    #expect(screen.contains("chuangwen snapshot"))
  }

  /// Whether tmux sees the alternate screen left, the cursor shown and mouse reporting off.
  /// Polled: the exit status can be recorded before tmux has read the program's last bytes.
  static func modesBecomeNormal(_ t: TmuxSession, timeout: Double = 3) -> Bool {
    let end = Date().addingTimeInterval(timeout)
    repeat {
      if let m = try? t.terminalModes(), !m.alternateScreen, m.cursorVisible, !m.mouseReporting {
        return true
      }
      Thread.sleep(forTimeInterval: 0.02)
    } while Date() < end
    return false
  }

  /// The pid of the process called `name` below `pid` (the stty wrapper puts a shell between
  /// the pane and the dashboard).
  static func descendant(of pid: Int32, named name: String) throws -> Int32 {
    var queue = [pid]
    while !queue.isEmpty {
      let p = queue.removeFirst()
      let comm = (try? String(contentsOfFile: "/proc/\(p)/comm", encoding: .utf8))?.trimmingCharacters(
        in: .whitespacesAndNewlines)
      if comm == name { return p }
      let children = (try? String(contentsOfFile: "/proc/\(p)/task/\(p)/children", encoding: .utf8)) ?? ""
      queue += children.split(separator: " ").compactMap { Int32($0) }
    }
    throw TmuxSession.Failure(description: "no \(name) process below \(pid)")
  }

  /// Display width of a captured line (Han characters take two columns).
  func width(of line: Substring) -> Int {
    line.unicodeScalars.reduce(0) { n, s in
      let v = s.value
      let wide =
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0xFFE0...0xFFE6).contains(v)
      return n + (wide ? 2 : 1)
    }
  }
}
