import Foundation

/// Loading at scale (issue 12, the loading half): only the commands whose time is mostly
/// reading and checking files, `validate --quiet` and `snapshot --view brief`, against
/// `jq -c .` over the same files, at 1×, 10× and 50× (or the scales given). Whole processes of
/// the release binary, alternately in one run, medians of wall time, CPU time (user + system,
/// steadier than wall time on a shared machine) and peak RSS (wait4).
///
///     swift build -c release --product chuangwen && swift run -c release chuangwen-bench load-scale [SCALES…]
///
/// `CHUANGWEN_BIN` runs another binary (a before/after pair on one machine);
/// `CHUANGWEN_BENCH_ROUNDS` sets the rounds per scale (default 5, 3 above 10×).
/// Faster than `scale` (no dashboard, no Python): about a minute for all three scales.
enum LoadScaleBenchmark {
  struct Row {
    var scale: Int
    var files = 0
    var bytes = 0
    var validate: [ScaleBenchmark.Run] = []
    var brief: [ScaleBenchmark.Run] = []
    var jq: [ScaleBenchmark.Run] = []
  }

  static func run() throws {
    let scales = Bench.scales()
    let binary = Bench.releaseBinary()
    guard let jq = Bench.which("jq") else {
      print("jq is needed (apt-get install -y jq)")
      exit(69)
    }
    let root = NSTemporaryDirectory() + "chuangwen-bench-load-scale-\(getpid())"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    var rows: [Row] = []
    for n in scales {
      let dir = root + "/x\(n)"
      let gen = try ScaleBenchmark.runMeasured(binary, ["generate", "--out", dir, "--scale", "\(n)"])
      precondition(gen.status == 0, "chuangwen generate --scale \(n) failed")
      rows.append(try measure(scale: n, dir: dir, binary: binary, jq: jq))
      try? FileManager.default.removeItem(atPath: dir)
    }
    print(table(rows))
  }

  static func measure(scale n: Int, dir: String, binary: String, jq: String) throws -> Row {
    var row = Row(scale: n)
    let (files, bytes) = Bench.jsonFiles(dir)
    row.files = files.count
    row.bytes = bytes
    let rounds =
      ProcessInfo.processInfo.environment["CHUANGWEN_BENCH_ROUNDS"].flatMap(Int.init) ?? (n <= 10 ? 5 : 3)
    // Round 0 warms the page cache and checks that each command works.
    for r in 0...rounds {
      let j = try ScaleBenchmark.runBatched(jq, ["-c", "."], files)
      let v = try ScaleBenchmark.runMeasured(binary, ["validate", "--quiet", dir])
      let b = try ScaleBenchmark.runMeasured(
        binary, ["snapshot", "--data", dir, "--view", "brief", "--format", "text"])
      precondition(
        j.status == 0 && v.status == 0 && b.status == 0,
        "a command failed at \(n)× (jq \(j.status), validate \(v.status), brief \(b.status))")
      FileHandle.standardError.write(Data("load-scale: \(n)×: round \(r) of \(rounds)\n".utf8))
      guard r > 0 else { continue }
      row.jq.append(j)
      row.validate.append(v)
      row.brief.append(b)
    }
    return row
  }

  static func table(_ rows: [Row]) -> String {
    func m(_ runs: [ScaleBenchmark.Run], _ f: (ScaleBenchmark.Run) -> Double) -> Double {
      Bench.median(runs.map(f))
    }
    func s(_ x: Double) -> String {
      x < 1 ? String(format: "%.0f ms", x * 1000) : String(format: "%.2f s", x)
    }
    func mb(_ x: Double) -> String { String(format: "%.0f MB", x / 1e6) }
    func r(_ a: Double, _ b: Double) -> String { b > 0 ? String(format: "%.2f", a / b) : "n/a" }
    var out = [
      "| campaign | files | JSON | `validate` wall / CPU / RSS | `brief` wall / CPU / RSS | jq -c . wall / CPU | validate / jq (wall, CPU) | brief / jq (wall, CPU) |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows {
      let vw = m(row.validate, \.seconds)
      let vc = m(row.validate, \.cpu)
      let bw = m(row.brief, \.seconds)
      let bc = m(row.brief, \.cpu)
      let jw = m(row.jq, \.seconds)
      let jc = m(row.jq, \.cpu)
      out.append(
        "| \(row.scale)× | \(row.files) | \(String(format: "%.1f MB", Double(row.bytes) / 1e6)) | "
          + "\(s(vw)) / \(s(vc)) / \(mb(m(row.validate) { Double($0.maxRSS) })) | "
          + "\(s(bw)) / \(s(bc)) / \(mb(m(row.brief) { Double($0.maxRSS) })) | \(s(jw)) / \(s(jc)) | "
          + "\(r(vw, jw)), \(r(vc, jc)) | \(r(bw, jw)), \(r(bc, jc)) |")
    }
    return out.joined(separator: "\n")
  }
}
