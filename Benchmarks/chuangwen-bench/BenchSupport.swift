import CampaignKit
import Foundation

/// Small timing helpers: medians of repeated runs, whole-process timing, repository paths.
enum Bench {
  /// The repository root, from this source file (benchmarks run from a checkout).
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  /// The 10,000-row campaign (one sub-command owning 10,000 indicators) the render and
  /// layout benchmarks lay out, generated into a temporary folder, loaded, and removed.
  static func tenThousandRows() throws -> Campaign {
    var o = CampaignGenerator.Options()
    o.subCommands = 1
    o.unitsPerSubCommand = 20
    o.indicators = 10_000
    o.problems = 200
    o.tasks = 10
    o.weeks = 10
    let dir = NSTemporaryDirectory() + "chuangwen-bench-10k-\(getpid())"
    try CampaignGenerator.write(o, to: dir)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    return CampaignLoader.load(directory: dir).campaign!
  }

  /// The campaign `CampaignGenerator.scaled(n)` (seed 7): in `kept`/xN when a folder to keep
  /// campaigns in is given (`CHUANGWEN_BENCH_DATA`; made once, used again), else in a new
  /// temporary folder the caller removes.
  static func scaledCampaign(_ n: Int, kept: String?, label: String) throws -> String {
    let dir =
      kept.map { "\($0)/x\(n)" } ?? NSTemporaryDirectory() + "chuangwen-bench-\(label)-x\(n)-\(getpid())"
    if kept == nil || !FileManager.default.fileExists(atPath: dir + "/campaign.json") {
      try? FileManager.default.removeItem(atPath: dir)
      try CampaignGenerator.write(.scaled(n, seed: 7), to: dir)
    }
    return dir
  }

  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  static func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }

  /// Runs a process to completion with output discarded; wall seconds and exit status
  /// (``ScaleBenchmark/runMeasured(_:_:)``: posix_spawn + wait4, not Foundation's `Process`,
  /// whose `waitUntilExit` rounds short processes up to about 50 ms).
  static func runProcess(_ executable: String, _ arguments: [String]) throws -> (Double, Int32) {
    let r = try ScaleBenchmark.runMeasured(executable, arguments)
    return (r.seconds, r.status)
  }

  /// Every JSON file of a campaign directory, and their total size in bytes.
  static func jsonFiles(_ dir: String) -> ([String], Int) {
    var files: [String] = []
    var bytes = 0
    let e = FileManager.default.enumerator(atPath: dir)
    while let f = e?.nextObject() as? String {
      guard f.hasSuffix(".json") else { continue }
      let path = dir + "/" + f
      files.append(path)
      bytes += (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
    return (files.sorted(), bytes)
  }

  /// The scales named after the benchmark (`chuangwen-bench scale 1 10`); 1×, 10× and 50×
  /// when none are.
  static func scales() -> [Int] {
    let args = Array(CommandLine.arguments.dropFirst(2))
    return args.isEmpty ? [1, 10, 50] : args.compactMap(Int.init)
  }

  /// The chuangwen the whole-process benchmarks run: `CHUANGWEN_BIN`, else the release build.
  /// Exits (66) with what to do when it is not there.
  static func releaseBinary() -> String {
    let binary = ProcessInfo.processInfo.environment["CHUANGWEN_BIN"] ?? root + "/.build/release/chuangwen"
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      print("\(binary) is missing; run swift build -c release first")
      exit(66)
    }
    return binary
  }

  static func which(_ tool: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
      let p = "\(dir)/\(tool)"
      if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
  }

  static func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }
}
