import Foundation
import Testing

/// The meeting keys in a real terminal: `[` travels back a week, Tab changes tabs, `n` walks to
/// the next sub-command, and rotation walks the pages until a key stops it.
@Suite(
  .serialized,
  .enabled(if: ChuangwenBinary.url != nil && TmuxSession.tmuxPath != nil, "needs tmux and a built chuangwen"))
struct MeetingTests {
  static func start(_ args: [String]) throws -> TmuxSession {
    try TmuxSession(
      [ChuangwenBinary.url!.path] + args, width: 100, height: 30, environment: ["CHUANGWEN_DATA": ""])
  }

  @Test func keysChangeTheScreen() throws {
    let t = try Self.start(["--as-of", "2016-09-02"])
    try t.waitFor("截至 2016-09-02")
    try t.type("[")
    let past = try t.waitFor("截至 2016-08-26")
    #expect(past.contains("历史回看"))
    try t.send("Tab")
    try t.waitFor("133 项指标")
    try t.type("n")
    try t.waitFor("指挥体系 › [1]")
    try t.type("q")
    #expect(try t.exitStatus() == 0)
  }

  @Test func rotationWalksThePagesUntilAKey() throws {
    let t = try Self.start(["--rotate", "300ms"])
    try t.waitFor("轮播中")
    try t.waitFor("指挥体系 › [2]")
    try t.waitFor("第35次调度会")  // the red and black lists end the round
    try t.type("x")
    let stopped = try t.waitUntil(timeout: 5, "rotation to stop") { !$0.contains("轮播中") }
    Thread.sleep(forTimeInterval: 0.8)
    #expect(try t.capture() == stopped, "the screen moved after a key stopped the rotation")
    try t.type("q")
    #expect(try t.exitStatus() == 0)
  }
}
