import Foundation

/// Snapshots issue: the whole `chuangwen snapshot --view brief --format text` process (read,
/// validate, compute the standing and the previous meeting's, render, write) against `jq -c .`
/// merely parsing the same campaign files, timed alternately in one run. Needs the release
/// binary: `swift build -c release` first.
enum SnapshotBenchmark {
  static func run() throws {
    let binary = Bench.root + "/.build/release/chuangwen"
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      print("\(binary) is missing; run swift build -c release first")
      exit(66)
    }
    guard let jq = Bench.which("jq") else {
      print("jq is not installed (apt-get install -y jq)")
      exit(69)
    }
    let dir = Bench.root + "/fixtures/hongjiang"
    let (files, bytes) = Bench.jsonFiles(dir)
    let ours = [binary, "snapshot", "--data", dir, "--view", "brief", "--format", "text"]
    // Warm the page cache and check both commands work.
    for _ in 0..<2 {
      let mine = try spawn(ours[0], Array(ours.dropFirst())).1
      let theirs = try spawn(jq, ["-c", "."] + files).1
      precondition(mine == 0 && theirs == 0, "chuangwen snapshot or jq failed")
    }
    var a: [Double] = []
    var b: [Double] = []
    for _ in 0..<15 {
      a.append(try spawn(ours[0], Array(ours.dropFirst())).0)
      b.append(try spawn(jq, ["-c", "."] + files).0)
    }
    let o = Bench.median(a)
    let j = Bench.median(b)
    print("## chuangwen snapshot --view brief --format text vs jq -c . (whole processes, median of 15)\n")
    print("| campaign | files | MB | chuangwen snapshot | jq -c . | ratio chuangwen/jq |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print(
      "| bundled hongjiang | \(files.count) | \(String(format: "%.2f", Double(bytes) / 1e6)) | \(Bench.ms(o)) | \(Bench.ms(j)) | \(String(format: "%.2f", o / j)) |"
    )
    print()
  }

  /// Runs a process to completion with output discarded; wall seconds and exit status.
  /// posix_spawn + waitpid rather than Foundation's `Process`, whose `waitUntilExit` polls a
  /// run loop and rounds short processes up to about 50 ms (which hides a 25 ms process).
  static func spawn(_ executable: String, _ arguments: [String]) throws -> (Double, Int32) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    var status: Int32 = 0
    let t = try Bench.seconds {
      let r = posix_spawn(&pid, executable, &actions, nil, argv, environ)
      guard r == 0 else { throw CocoaError(.executableLoad) }
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
    // WEXITSTATUS, spelled out (the macro is not imported).
    return (t, (status >> 8) & 0xFF)
  }
}
