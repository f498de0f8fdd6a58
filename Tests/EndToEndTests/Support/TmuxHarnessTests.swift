import Foundation
import Testing

/// Proves the harness itself on programs that exist today (the dashboard is wired later).
@Suite("tmux harness", .enabled(if: TmuxSession.tmuxPath != nil))
struct TmuxHarnessTests {
  @Test func seesChineseTypesKeysAndReadsTheExitStatus() throws {
    let tmux = try TmuxSession(
      ["sh", "-c", "printf '洪江市\\n'; read x; echo \"got:$x\"; read y; exit 3"],
      width: 40, height: 8)
    try tmux.waitFor("洪江市")
    try tmux.type("文明 ok")
    try tmux.send("Enter")
    try tmux.waitFor("got:文明 ok")
    #expect(try tmux.exitStatus(timeout: 0.1) == nil)  // still waiting in the second read
    try tmux.send("Enter")
    #expect(try tmux.exitStatus() == 3)
  }

  @Test func rendersChineseEvenWithLangC() throws {
    let tmux = try TmuxSession(
      ["sh", "-c", "printf '洪江市'; read x"], width: 20, height: 3,
      environment: ["LANG": "C", "LC_ALL": "C"])
    try tmux.waitFor("洪江市")
  }

  @Test func capturesWithAndWithoutEscapes() throws {
    let tmux = try TmuxSession(
      ["sh", "-c", "printf '\\033[31mred\\033[0m plain'; read x"], width: 30, height: 3)
    let plain = try tmux.waitFor("red plain")
    #expect(!plain.contains("\u{1B}"))
    let coloured = try tmux.capture(escapes: true)
    #expect(coloured.contains("\u{1B}[31mred"))
  }

  @Test func resizesTheWindow() throws {
    let tmux = try TmuxSession(
      ["sh", "-c", "stty size; read x; stty size; read y"], width: 50, height: 10)
    try tmux.waitFor("10 50")
    try tmux.resize(width: 70, height: 15)
    try tmux.send("Enter")
    try tmux.waitFor("15 70")
  }

  @Test func passesTermAndUnsetsVariables() throws {
    let tmux = try TmuxSession(
      ["sh", "-c", "echo \"T=$TERM L=${LANG-unset}\"; read x"], width: 40, height: 3,
      unset: ["LANG"], term: "xterm-256color")
    try tmux.waitFor("T=xterm-256color L=unset")
  }

  @Test func sttyReportTellsSaneFromBroken() throws {
    let dir = FileManager.default.temporaryDirectory
    let good = dir.appendingPathComponent("stty-good-\(UUID().uuidString)").path
    let bad = dir.appendingPathComponent("stty-bad-\(UUID().uuidString)").path
    defer {
      try? FileManager.default.removeItem(atPath: good); try? FileManager.default.removeItem(atPath: bad)
    }
    let a = try TmuxSession(SttyReport.wrap(["sh", "-c", "exit 4"], reportTo: good))
    let b = try TmuxSession(SttyReport.wrap(["stty", "-echo", "-icanon"], reportTo: bad))
    let sane = try #require(SttyReport.await(file: good))
    #expect(sane.isSane)
    #expect(sane.status == 4)
    let broken = try #require(SttyReport.await(file: bad))
    #expect(!broken.echo && !broken.icanon && !broken.isSane)
    _ = (a, b)
  }

  @Test func reportsSignalDeathsAndTerminalModes() throws {
    let tmux = try TmuxSession(["sh", "-c", "printf '\\033[?1049h\\033[?25lin'; read x"])
    try tmux.waitFor("in")
    let modes = try tmux.terminalModes()
    #expect(modes.alternateScreen && !modes.cursorVisible && !modes.mouseReporting)
    #expect(kill(try tmux.programPID(), SIGTERM) == 0)
    #expect(try tmux.exitStatus() == 143)
  }

  @Test func ctrlCReachesTheProgramNotTheHarness() throws {
    let tmux = try TmuxSession(["sh", "-c", "echo ready; sleep 30"])
    try tmux.waitFor("ready")
    try tmux.send("C-c")
    #expect(try tmux.exitStatus() == 130)
  }

  @Test func findsTheChuangwenBinaryWhenBuilt() {
    if let url = ChuangwenBinary.url {
      #expect(FileManager.default.isExecutableFile(atPath: url.path))
    }
  }
}
