import CNcurses
import DashboardKit

/// A hidden hand-test of the terminal layer (wire it to a hidden subcommand): Chinese text,
/// bars in every status style, the last events received, and `q` to quit, `t` to start a
/// one-second tick, `c` to crash on purpose (to check the terminal is given back).
public enum CursesDemo {
  struct State {
    var width = 0, height = 0
    var log: [String] = []
    var ticking = false
  }

  /// Runs the demo; returns the process exit status (0, or 128 + signal).
  public static func run() -> Int32 {
    let session: TerminalSession
    do { session = try TerminalSession() } catch {
      print("chuangwen: \(error); try `chuangwen snapshot` instead")
      return 1
    }
    let loop = EventLoop(session: session)
    let (_, reason) = loop.run(initial: State(), handle: handle, render: render)
    session.end()
    return reason.exitCode
  }

  static func handle(_ s: inout State, _ event: Event) -> LoopDecision {
    s.log.append(String(describing: event))
    if s.log.count > 8 { s.log.removeFirst() }
    switch event {
    case .resize(let w, let h): (s.width, s.height) = (w, h)
    case .key(.char("q")): return .quit
    case .key(.char("t")): s.ticking.toggle(); if s.ticking { return .wake(after: .seconds(1)) }
    case .key(.char("c")): fatalError("crash requested from the demo")
    case .tick: if s.ticking { return .wake(after: .seconds(1)) }
    default: break
    }
    return .continue
  }

  static func render(_ s: State, _ w: Int, _ h: Int) -> Canvas {
    var c = Canvas(width: w, height: h)
    write(&c, 0, 0, "洪江市 创建全国文明城市 · 终端层演示  \(w)×\(h)", .title)
    let rows: [(String, StyleRole, Double)] = [
      ("已完成 done", .done, 1), ("正常 onTrack", .onTrack, 0.8), ("滞后 behind", .behind, 0.55),
      ("风险 atRisk", .atRisk, 0.3), ("逾期 overdue", .overdue, 0.1),
    ]
    for (i, row) in rows.enumerated() {
      write(&c, 0, 2 + i, row.0, .text)
      let barWidth = max(0, min(40, w - 16))
      let filled = Int(Double(barWidth) * row.2)
      write(&c, 16, 2 + i, String(repeating: "█", count: filled), row.1)
      write(&c, 16 + filled, 2 + i, String(repeating: "░", count: barWidth - filled), .barTrack)
    }
    write(&c, 0, 8, "选中行 selection", .selection)
    write(&c, 18, 8, " 错误 error ", .error)
    write(&c, 32, 8, "dim 暗", .dim)
    for (i, line) in s.log.enumerated() { write(&c, 0, 10 + i, line, .text) }
    write(&c, 0, h - 1, "q 退出  t 计时\(s.ticking ? "开" : "关")  c 崩溃测试", .key)
    write(&c, max(0, w - 2), h - 1, "尾", .highlight)  // wide glyph in the last column pair
    return c
  }

  static func write(_ c: inout Canvas, _ x: Int, _ y: Int, _ text: String, _ role: StyleRole) {
    var x = x
    for ch in text {
      let first = ch.unicodeScalars.first!.value
      let wide = first >= 0x1100 && cw_wcwidth(wchar_t(bitPattern: first)) == 2
      c.put(Cell(text: String(ch), width: wide ? 2 : 1, role: role), x: x, y: y)
      x += wide ? 2 : 1
    }
  }
}
