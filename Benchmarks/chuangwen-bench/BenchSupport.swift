import Foundation

/// Small timing helpers: medians of repeated runs, whole-process timing, repository paths.
enum Bench {
  /// The repository root, from this source file (benchmarks run from a checkout).
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  static func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }

  /// Runs a process to completion with output discarded; wall seconds and exit status.
  /// posix_spawn + waitpid rather than Foundation's `Process`, whose `waitUntilExit` polls a
  /// run loop and rounds short processes up to about 50 ms (which hides a 25 ms process).
  static func runProcess(_ executable: String, _ arguments: [String]) throws -> (Double, Int32) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    var status: Int32 = 0
    let t = try seconds {
      let r = posix_spawn(&pid, executable, &actions, nil, argv, environ)
      guard r == 0 else { throw CocoaError(.executableLoad) }
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
    // WEXITSTATUS, spelled out (the macro is not imported).
    return (t, (status >> 8) & 0xFF)
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

  static func which(_ tool: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
      let p = "\(dir)/\(tool)"
      if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
  }

  static func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }
}
