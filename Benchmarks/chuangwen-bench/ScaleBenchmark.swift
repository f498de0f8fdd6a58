import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Performance at scale (issue 12): campaigns generated at 1×, 10× and 50× the bundled sizes
/// (`chuangwen generate --scale N` into a temporary folder), and for each, whole processes of
/// the release binary timed against `jq -c .` and Python (`json`, `orjson`) reading the same
/// files, alternately in one run, medians:
///
/// - first frame: the dashboard on a 120×40 pseudo-terminal, from spawn to the read that
///   brings "总分" (the overview's score line); its peak RSS (VmHWM) once settled;
/// - `snapshot --view brief --format text` and `validate --quiet`, with peak RSS (wait4);
/// - the brief and the first frame once more with the report cache off (`CHUANGWEN_NO_CACHE`):
///   the figures above are a campaign opened again, as in a meeting (the cache, in a folder of
///   the benchmark's own, warmed by the first round once the generated files are older than
///   its settle margin); these are a campaign's first opening, or any opening without a cache;
/// - then, in one dashboard session: a key (`j`/`k`), time travel (`[` `]` `{` `}`) and a report
///   saved (atomic rename) → screen settled (no output for 30 ms; the time is to the last byte).
///
///     swift build -c release && swift run -c release chuangwen-bench scale [SCALES…]
///
/// `CHUANGWEN_BIN` runs another binary (to measure a before/after pair on one machine);
/// `CHUANGWEN_BENCH_ROUNDS` overrides the rounds per scale (default 7 at 1×, 5 up to 10×, 3 above).
enum ScaleBenchmark {
  struct Run {
    var seconds: Double
    var status: Int32
    /// Peak resident set in bytes.
    var maxRSS: Int
    /// User + system CPU seconds (less sensitive than wall time to other work on the machine).
    var cpu: Double = 0
  }

  struct Row {
    var scale: Int
    var files = 0
    var bytes = 0
    var firstFrame: [Double] = []
    var firstFrameNoCache: [Double] = []
    var dashRSS: [Double] = []
    var brief: [Double] = []
    var briefNoCache: [Double] = []
    var briefRSS: [Double] = []
    var validate: [Double] = []
    var validateRSS: [Double] = []
    var jq: [Double] = []
    var briefCPU: [Double] = []
    var validateCPU: [Double] = []
    var jqCPU: [Double] = []
    var json: [Double] = []
    var orjson: [Double] = []
    var key: [Double] = []
    var week: [Double] = []
    var meeting: [Double] = []
    var live: [Double] = []
  }

  static func run() throws {
    let scales = Bench.scales()
    let binary = Bench.releaseBinary()
    guard let jq = Bench.which("jq"), let python = Bench.which("python3") else {
      print("jq and python3 are needed (apt-get install -y jq python3)")
      exit(69)
    }
    let hasOrjson = (try? runMeasured(python, ["-c", "import orjson"]).status) == 0
    let root = NSTemporaryDirectory() + "chuangwen-bench-scale-\(getpid())"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let began = Date()
    var rows: [Row] = []
    for n in scales {
      let dir = root + "/x\(n)"
      let gen = try runMeasured(binary, ["generate", "--out", dir, "--scale", "\(n)"])
      precondition(gen.status == 0, "chuangwen generate --scale \(n) failed")
      // The report cache takes only files older than its settle margin (3 s).
      Thread.sleep(forTimeInterval: 3.5)
      rows.append(try measure(scale: n, dir: dir, binary: binary, jq: jq, python: python, orjson: hasOrjson))
      try? FileManager.default.removeItem(atPath: dir)
    }
    report(rows, binary: binary, orjson: hasOrjson, seconds: Date().timeIntervalSince(began))
  }

  static func measure(scale n: Int, dir: String, binary: String, jq: String, python: String, orjson: Bool)
    throws -> Row
  {
    let cached = environment(cache: true, root: (dir as NSString).deletingLastPathComponent)
    let uncached = environment(cache: false, root: (dir as NSString).deletingLastPathComponent)
    var row = Row(scale: n)
    let (files, bytes) = Bench.jsonFiles(dir)
    row.files = files.count
    row.bytes = bytes
    let list = dir + ".files"
    try files.joined(separator: "\n").write(toFile: list, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: list) }
    let loadJSON =
      "import json,sys\nfor p in open(sys.argv[1]).read().split('\\n'):\n json.load(open(p,'rb'))"
    let loadOrjson =
      "import orjson,sys\nfor p in open(sys.argv[1]).read().split('\\n'):\n orjson.loads(open(p,'rb').read())"
    let brief = ["snapshot", "--data", dir, "--view", "brief", "--format", "text"]
    let validate = ["validate", "--quiet", dir]
    let rounds =
      ProcessInfo.processInfo.environment["CHUANGWEN_BENCH_ROUNDS"].flatMap(Int.init)
      ?? (n <= 1 ? 7 : n <= 10 ? 5 : 3)
    // One warm-up of each (page cache, and a check that each command works).
    for r in 0...rounds {
      let j = try runBatched(jq, ["-c", "."], files)
      let b = try runMeasured(binary, brief, environment: cached)
      let bn = try runMeasured(binary, brief, environment: uncached)
      let v = try runMeasured(binary, validate, environment: cached)
      let py = try runMeasured(python, ["-c", loadJSON, list])
      let oj = orjson ? try runMeasured(python, ["-c", loadOrjson, list]) : nil
      let (frame, rss) = try firstFrame(binary, dir: dir, environment: cached)
      let (frameNoCache, _) = try firstFrame(binary, dir: dir, environment: uncached)
      precondition(
        j.status == 0 && b.status == 0 && bn.status == 0 && v.status == 0 && py.status == 0
          && (oj?.status ?? 0) == 0,
        "a command failed at \(n)× (jq \(j.status), brief \(b.status), validate \(v.status), python \(py.status))"
      )
      progress("\(n)×: round \(r) of \(rounds)\(r == 0 ? " (warm-up)" : "")")
      guard r > 0 else { continue }
      row.jq.append(j.seconds)
      row.jqCPU.append(j.cpu)
      row.briefCPU.append(b.cpu)
      row.validateCPU.append(v.cpu)
      row.brief.append(b.seconds)
      row.briefNoCache.append(bn.seconds)
      row.briefRSS.append(Double(b.maxRSS))
      row.validate.append(v.seconds)
      row.validateRSS.append(Double(v.maxRSS))
      row.json.append(py.seconds)
      if let oj { row.orjson.append(oj.seconds) }
      row.firstFrame.append(frame)
      row.firstFrameNoCache.append(frameNoCache)
      row.dashRSS.append(Double(rss))
    }
    progress("\(n)×: processes done; keys, time travel and saves")
    try interactive(binary, dir: dir, environment: cached, into: &row)
    return row
  }

  static func progress(_ line: String) {
    FileHandle.standardError.write(Data("scale: \(line)\n".utf8))
  }

  // MARK: - Processes

  /// posix_spawn + wait4: wall time, exit status and peak RSS of a whole process, output discarded.
  static func runMeasured(_ executable: String, _ arguments: [String], environment: [String: String]? = nil)
    throws -> Run
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
    defer { for p in envp ?? [] { free(p) } }
    var pid: pid_t = 0
    var status: Int32 = 0
    var usage = rusage()
    let start = PseudoTerminal.now()
    let spawned =
      envp.map { e in
        e.withUnsafeBufferPointer { posix_spawn(&pid, executable, &actions, nil, argv, $0.baseAddress) }
      }
      ?? posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else { throw PseudoTerminalError("cannot start \(executable)") }
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let seconds = Double(PseudoTerminal.now() - start) / 1e9
    let cpu =
      Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return Run(seconds: seconds, status: (status >> 8) & 0xFF, maxRSS: usage.ru_maxrss * 1024, cpu: cpu)
  }

  /// `jq -c . FILES` in as few processes as the argument list allows (68,885 paths do not fit
  /// in one), run one after another: total time, worst status, largest RSS.
  static func runBatched(_ tool: String, _ options: [String], _ files: [String]) throws -> Run {
    var total = Run(seconds: 0, status: 0, maxRSS: 0)
    var batch: [String] = []
    var size = 0
    func flush() throws {
      guard !batch.isEmpty else { return }
      let r = try runMeasured(tool, options + batch)
      total.seconds += r.seconds
      total.status = max(total.status, r.status)
      total.maxRSS = max(total.maxRSS, r.maxRSS)
      total.cpu += r.cpu
      batch = []
      size = 0
    }
    for f in files {
      if size + f.utf8.count + 1 > 1_000_000 { try flush() }
      batch.append(f)
      size += f.utf8.count + 1
    }
    try flush()
    return total
  }

  /// The benchmark's own environment with the report cache in `root`/cache, or off.
  static func environment(cache: Bool, root: String) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["XDG_CACHE_HOME"] = root + "/cache"
    env["CHUANGWEN_NO_CACHE"] = cache ? nil : "1"
    return env
  }

  /// What the dashboard runs with: a known terminal and locale, and `base`'s path, home and
  /// cache settings.
  static func dashboardEnvironment(_ base: [String: String]) -> [String: String] {
    var env = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
    for name in ["PATH", "HOME", "XDG_CACHE_HOME", "CHUANGWEN_NO_CACHE"] { env[name] = base[name] }
    return env
  }

  /// Spawn → the read that brings "总分"; then, once settled, the peak RSS so far; then `q`.
  static func firstFrame(_ binary: String, dir: String, environment: [String: String]) throws -> (Double, Int)
  {
    let spawned = PseudoTerminal.now()
    let pty = try PseudoTerminal(
      executable: binary, arguments: ["--data", dir], environment: dashboardEnvironment(environment),
      columns: 120,
      rows: 40)
    let at = try pty.readUntil(Array("总分".utf8), since: spawned, timeout: 60_000_000_000)
    _ = try pty.readResponse(
      since: PseudoTerminal.now(), quiet: 100_000_000, firstByteTimeout: 100_000_000, timeout: 30_000_000_000,
      allowSilence: true)
    let rss = peakRSS(pty.pid)
    try quit(pty)
    return (Double(at - spawned) / 1e9, rss)
  }

  static func quit(_ pty: PseudoTerminal) throws {
    _ = try pty.send(Array("q".utf8))
    guard let status = pty.waitForExit(timeout: 10_000_000_000), status == 0 else {
      throw PseudoTerminalError("the dashboard did not exit cleanly after `q`")
    }
  }

  /// VmHWM of a running process, in bytes.
  static func peakRSS(_ pid: pid_t) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      return (Int(line.split(separator: " ")[1]) ?? 0) * 1024
    }
    return 0
  }

  /// One dashboard session: keys, time travel, and reports saved while it runs.
  static func interactive(_ binary: String, dir: String, environment: [String: String], into row: inout Row)
    throws
  {
    let pty = try PseudoTerminal(
      executable: binary, arguments: ["--data", dir], environment: dashboardEnvironment(environment),
      columns: 120,
      rows: 40)
    _ = try pty.readUntil(Array("总分".utf8), since: PseudoTerminal.now(), timeout: 60_000_000_000)
    _ = try pty.readResponse(
      since: PseudoTerminal.now(), quiet: 200_000_000, firstByteTimeout: 200_000_000, timeout: 30_000_000_000,
      allowSilence: true)
    func press(_ key: String) throws -> Double {
      let r = try pty.readResponse(
        since: try pty.send(Array(key.utf8)), quiet: 30_000_000, firstByteTimeout: 60_000_000_000,
        timeout: 90_000_000_000)
      guard !r.closed else { throw PseudoTerminalError("the dashboard exited after `\(key)`") }
      return Double(r.toLastByte ?? 0) / 1e9
    }
    for i in 0..<20 { row.key.append(try press(i % 2 == 0 ? "j" : "k")) }
    for _ in 0..<5 {
      row.week.append(try press("["))
      row.week.append(try press("]"))
    }
    for _ in 0..<5 {
      row.meeting.append(try press("{"))
      row.meeting.append(try press("}"))
    }
    // A report saved: an existing unit reports on an indicator on the as-of date, its value
    // swinging between the baseline and the target so that the score line visibly moves.
    let (unit, indicator, day, low, high) = try reportSubject(dir)
    for round in 0..<9 {
      let text = """
        { "schema": "chuangwen/1", "unit": "\(unit)",
          "entries": [ { "date": "\(day)", "indicator": "\(indicator)", "value": \(round % 2 == 0 ? low : high) } ] }

        """
      let tmp = dir + "/reports/.zz-bench.tmp"
      try text.write(toFile: tmp, atomically: false, encoding: .utf8)
      let start = PseudoTerminal.now()
      guard rename(tmp, dir + "/reports/zz-bench.json") == 0 else {
        throw PseudoTerminalError.posix("rename")
      }
      let r = try pty.readResponse(
        since: start, quiet: 30_000_000, firstByteTimeout: 60_000_000_000, timeout: 90_000_000_000)
      guard !r.closed else { throw PseudoTerminalError("the dashboard exited after a report was saved") }
      row.live.append(Double(r.toLastByte ?? 0) / 1e9)
      // Let the change highlight settle before the next save.
      _ = try pty.drain(for: 100_000_000)
    }
    try quit(pty)
  }

  /// The unit and first indicator of the first report file, the indicator's baseline and
  /// target, and campaign.json's asOf.
  static func reportSubject(_ dir: String) throws -> (String, String, String, Double, Double) {
    let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/reports").filter {
      $0.hasSuffix(".json") && !$0.hasPrefix("zz")
    }.sorted()
    let report =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: dir + "/reports/" + names[0]))) as! [String: Any]
    let campaign =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: dir + "/campaign.json"))) as! [String: Any]
    let entry = (report["entries"] as! [[String: Any]]).first { $0["indicator"] != nil }!
    let id = entry["indicator"] as! String
    let categories =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: dir + "/indicators.json"))) as! [String: Any]
    for c in categories["categories"] as! [[String: Any]] {
      for item in c["items"] as! [[String: Any]] {
        for ind in item["indicators"] as! [[String: Any]] where ind["id"] as? String == id {
          let m = ind["measure"] as! [String: Any]
          let low = (m["baseline"] as! NSNumber).doubleValue
          let high = (m["target"] as! NSNumber).doubleValue
          return (report["unit"] as! String, id, campaign["asOf"] as! String, low, high)
        }
      }
    }
    throw PseudoTerminalError("indicator \(id) is not in indicators.json")
  }

  // MARK: - The table

  static func report(_ rows: [Row], binary: String, orjson: Bool, seconds: Double) {
    let m = Bench.median
    func s(_ x: Double) -> String {
      x >= 1 ? String(format: "%.2f s", x) : String(format: "%.0f ms", x * 1000)
    }
    func mb(_ x: Double) -> String { String(format: "%.0f MB", x / 1e6) }
    func r(_ a: Double, _ b: Double) -> String { b > 0 ? String(format: "%.2f", a / b) : "—" }
    func k(_ x: Double) -> String { String(format: "%.1f ms", x * 1000) }
    print("## scale (\(binary); whole processes, medians; load \(loadAverage()))\n")
    print(
      "| campaign | files | JSON | first frame (总分) | peak RSS (dashboard) | `snapshot --view brief` | `validate` | jq -c . | python json | orjson | brief / jq | brief / orjson | `validate` / jq | RSS / JSON | first frame, no cache | brief, no cache | brief / jq, no cache |"
    )
    print(
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    for row in rows {
      let o = orjson ? m(row.orjson) : 0
      print(
        "| \(row.scale)× | \(row.files) | \(String(format: "%.2f MB", Double(row.bytes) / 1e6)) | \(s(m(row.firstFrame))) | \(mb(m(row.dashRSS))) | \(s(m(row.brief))) | \(s(m(row.validate))) | \(s(m(row.jq))) | \(s(m(row.json))) | \(orjson ? s(o) : "n/a") | \(r(m(row.brief), m(row.jq))) | \(r(m(row.brief), o)) | \(r(m(row.validate), m(row.jq))) | \(r(m(row.dashRSS), Double(row.bytes))) | \(s(m(row.firstFrameNoCache))) | \(s(m(row.briefNoCache))) | \(r(m(row.briefNoCache), m(row.jq))) |"
      )
    }
    print()
    print(
      "| campaign | rounds | peak RSS brief | peak RSS validate | key `j`/`k` → settled | `[` `]` → settled | `{` `}` → settled | report saved → settled | first frame per MB | brief per MB | CPU brief / validate / jq | CPU brief / jq |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows {
      let perMB = Double(row.bytes) / 1e6
      print(
        "| \(row.scale)× | \(row.brief.count) | \(mb(m(row.briefRSS))) | \(mb(m(row.validateRSS))) | \(k(m(row.key))) | \(k(m(row.week))) | \(k(m(row.meeting))) | \(k(m(row.live))) | \(k(m(row.firstFrame) / perMB)) | \(k(m(row.brief) / perMB)) | \(s(m(row.briefCPU))) / \(s(m(row.validateCPU))) / \(s(m(row.jqCPU))) | \(r(m(row.briefCPU), m(row.jqCPU))) |"
      )
    }
    print(
      "\nKeys and saves: medians of 20, 10, 10 and 9 in one session at 120×40; settled = 30 ms without output, timed to the last byte (the live figure includes the watcher's 25 ms debounce). Whole run: \(String(format: "%.0f s", seconds)).\n"
    )
  }

  static func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
      .joined(separator: " ") ?? "?"
  }
}
