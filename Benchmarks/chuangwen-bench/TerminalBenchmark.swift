import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Terminal issue, Performance: the release `chuangwen` dashboard on a 120×40 pseudo-terminal
/// (TERM=xterm-256color, LANG=C.UTF-8, the bundled campaign), measuring
/// (a) key press → screen settled: from just before writing the key to the master until the
///     read that returned the last byte of the response, "settled" meaning no output for
///     `quiet` (30 ms) afterwards; 50 presses alternating `j`/`k` on each screen; median, p95;
/// (b) bytes written for one `j`, as a share of a full repaint at the same size. On the overview
///     the full repaint is the first frame from its clear-screen on (the terminal set-up before
///     it is left out). On the sub-command list, which has no first frame, it is the answer to a
///     height-only resize 120×39 → 120×40: ncurses clears and repaints everything it has (the
///     39-row screen) and the app then sends the small difference to its 40-row layout, so that
///     figure is a slight overestimate; it is shown for the overview too, to compare;
/// (c) CPU time (utime + stime from /proc/<pid>/stat) of the dashboard over 10 idle seconds.
/// Also the time and bytes to settle after a width resize (100×30 → 120×40). Then `q`, and the
/// exit status must be 0. Set `CHUANGWEN_BENCH_DUMP=DIR` to keep the raw responses (first frame,
/// one `j`, the resizes) as files for inspection.
enum TerminalBenchmark {
  static let columns = 120
  static let rows = 40
  static let quiet: UInt64 = 30_000_000
  static let presses = 50
  static let idleSeconds = 10.0

  struct ScreenFigures {
    var name: String
    var latencies: [Double] = []  // seconds, key → last byte
    var jBytes: [Int] = []
    var kBytes: [Int] = []
    /// The answer to a height-only resize 120×39 → 120×40 (a full repaint plus a small diff).
    var heightRepaint: PseudoTerminal.Response?
    var medianJ: Double { Bench.median(jBytes.map(Double.init)) }
    var medianK: Double { Bench.median(kBytes.map(Double.init)) }
  }

  static func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let binary = Bench.releaseBinary()
    do {
      try measure(binary: binary, dump: environment["CHUANGWEN_BENCH_DUMP"])
    } catch let error as PseudoTerminalError {
      FileHandle.standardError.write(Data("terminal benchmark failed: \(error)\n".utf8))
      exit(70)
    }
  }

  static func measure(binary: String, dump: String?) throws {
    let parent = ProcessInfo.processInfo.environment
    var env = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]  // no CHUANGWEN_DATA, LINES, COLUMNS
    for name in ["PATH", "HOME"] { env[name] = parent[name] }

    let spawned = PseudoTerminal.now()
    let pty = try PseudoTerminal(
      executable: binary, arguments: [], environment: env, columns: columns, rows: rows)

    // The first frame: the first burst of output, ended by 200 ms of silence.
    let first = try pty.readResponse(
      since: spawned, quiet: 200_000_000, firstByteTimeout: 20_000_000_000, timeout: 40_000_000_000)
    guard !first.closed else { throw PseudoTerminalError("the dashboard exited at start-up") }
    let startupCPU = try pty.cpuSeconds()
    save(first.bytes, "first-frame", dump)
    let firstPaint = fromClearScreen(first.bytes)

    let overview = try screen("overview (8 rows)", pty, dump: dump)

    // Width resize: 100×30, then back to 120×40.
    try pty.resize(columns: columns - 20, rows: rows - 10)
    _ = try settle(pty, since: PseudoTerminal.now(), after: "a resize")
    let widthStart = PseudoTerminal.now()
    try pty.resize(columns: columns, rows: rows)
    let widthResize = try settle(pty, since: widthStart, after: "a resize")
    save(widthResize.bytes, "resize-width", dump)

    // (c) Idle: nothing pressed for 10 s; whatever it writes meanwhile is counted.
    let before = try pty.cpuSeconds()
    let idleBytes = try pty.drain(for: UInt64(idleSeconds * 1e9))
    let idleCPU = try pty.cpuSeconds() - before

    let opened = try settle(pty, since: try pty.send(Array("3".utf8)), after: "`3`")
    let list = try screen("sub-command 3 (list)", pty, dump: nil)

    _ = try pty.send(Array("q".utf8))
    guard let status = pty.waitForExit(timeout: 5_000_000_000) else {
      throw PseudoTerminalError("the dashboard did not exit within 5 s of `q` (pid \(pty.pid)); killed")
    }
    guard status == 0 else {
      throw PseudoTerminalError("the dashboard ended with \(PseudoTerminal.describe(status)) after `q`")
    }

    print("## terminal (release binary on a \(columns)×\(rows) pseudo-terminal, xterm-256color)\n")
    print(
      "| screen | key → settled, median | p95 | min | bytes per `j` | bytes per `k` | full repaint | `j` / full repaint |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    let overviewRepaint = firstPaint.count
    let listRepaint = list.heightRepaint?.bytes.count ?? 0
    for (s, full, how) in [
      (overview, overviewRepaint, "first frame"), (list, listRepaint, "height resize"),
    ] {
      print(
        "| \(s.name) | \(Bench.ms(Bench.median(s.latencies))) | \(Bench.ms(percentile(s.latencies, 0.95))) | \(Bench.ms(s.latencies.min() ?? 0)) | \(Int(s.medianJ)) | \(Int(s.medianK)) | \(full) (\(how)) | \(percent(s.medianJ, full)) |"
      )
    }
    print()
    print("| measure | value | aim |")
    print("| --- | ---: | ---: |")
    let all = overview.latencies + list.latencies
    print(
      "| (a) key → settled, median of \(all.count) (p95) | \(Bench.ms(Bench.median(all))) (\(Bench.ms(percentile(all, 0.95)))) | < 16 ms |"
    )
    print(
      "| (b) one `j` on the overview / its full repaint | \(percent(overview.medianJ, overviewRepaint)) | < 5% |"
    )
    let tick = 1 / Double(sysconf(Int32(_SC_CLK_TCK)))
    print(
      "| (c) CPU over \(Int(idleSeconds)) idle seconds (resolution \(Bench.ms(tick))) | \(String(format: "%.3f s", idleCPU)) | < 0.1 s |"
    )
    print("| output while idle | \(idleBytes) bytes | 0 |")
    print(
      "| first frame, from spawn (bytes: all / from the clear-screen on) | \(ms(first.toLastByte)) (\(first.bytes.count) / \(firstPaint.count)) | |"
    )
    print("| CPU to the first frame | \(String(format: "%.3f s", startupCPU)) | |")
    if let h = overview.heightRepaint {
      print(
        "| overview: height resize 120×39 → 120×40 → settled | \(ms(h.toLastByte)), \(h.bytes.count) bytes | |"
      )
    }
    print(
      "| overview: width resize 100×30 → 120×40 → settled | \(ms(widthResize.toLastByte)), \(widthResize.bytes.count) bytes | |"
    )
    print("| `3` (open sub-command 3) → settled | \(ms(opened.toLastByte)), \(opened.bytes.count) bytes | |")
    print("| exit after `q` | \(PseudoTerminal.describe(status)) | exit 0 |")
    print(
      "\n\"Settled\" = no output for \(quiet / 1_000_000) ms; times are to the last byte, from just before the key is written (or the size set). A 2-core machine shared with other work adds noise: compare medians.\n"
    )
  }

  /// (a) and (b) on the current screen: `presses` keys alternating `j`/`k` (so the selection
  /// goes down one row and back), then a height-only resize there and back.
  static func screen(_ name: String, _ pty: PseudoTerminal, dump: String?) throws -> ScreenFigures {
    var figures = ScreenFigures(name: name)
    for i in 0..<presses {
      let key = i % 2 == 0 ? "j" : "k"
      let r = try settle(pty, since: try pty.send(Array(key.utf8)), after: "`\(key)`")
      figures.latencies.append(Double(r.toLastByte ?? 0) / 1e9)
      if key == "j" {
        figures.jBytes.append(r.bytes.count)
        if i == 0 { save(r.bytes, "j", dump) }
      } else {
        figures.kBytes.append(r.bytes.count)
      }
    }
    try pty.resize(columns: columns, rows: rows - 1)
    _ = try settle(pty, since: PseudoTerminal.now(), after: "a resize")
    let start = PseudoTerminal.now()
    try pty.resize(columns: columns, rows: rows)
    figures.heightRepaint = try settle(pty, since: start, after: "a resize")
    save(figures.heightRepaint?.bytes ?? [], "resize-height", dump)
    return figures
  }

  /// The response to one key or resize: at least one byte within 2 s, then `quiet`.
  static func settle(_ pty: PseudoTerminal, since start: UInt64, after what: String) throws
    -> PseudoTerminal.Response
  {
    let r = try pty.readResponse(
      since: start, quiet: quiet, firstByteTimeout: 2_000_000_000, timeout: 10_000_000_000)
    guard !r.closed else { throw PseudoTerminalError("the dashboard exited after \(what)") }
    return r
  }

  /// The bytes from the first clear-screen (`ESC [ H ESC [ 2 J`, xterm's `clear`) on: the
  /// frame without the terminal set-up that precedes it.
  static func fromClearScreen(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
    let clear = Array("\u{1b}[H\u{1b}[2J".utf8)
    guard bytes.count >= clear.count else { return bytes[...] }
    for i in 0...(bytes.count - clear.count) where bytes[i..<(i + clear.count)].elementsEqual(clear) {
      return bytes[i...]
    }
    return bytes[...]
  }

  static func percent(_ part: Double, _ whole: Int) -> String {
    whole == 0 ? "—" : String(format: "%.1f%%", 100 * part / Double(whole))
  }

  static func ms(_ ns: UInt64?) -> String { Bench.ms(Double(ns ?? 0) / 1e9) }

  static func percentile(_ xs: [Double], _ p: Double) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return 0 }
    return s[min(s.count - 1, max(0, Int((p * Double(s.count)).rounded(.up)) - 1))]
  }

  static func save(_ bytes: [UInt8], _ name: String, _ dir: String?) {
    guard let dir else { return }
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: dir + "/" + name + ".bin", contents: Data(bytes))
  }
}
