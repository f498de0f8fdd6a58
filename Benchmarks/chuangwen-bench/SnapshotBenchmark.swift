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
      let mine = try Bench.runProcess(ours[0], Array(ours.dropFirst())).1
      let theirs = try Bench.runProcess(jq, ["-c", "."] + files).1
      precondition(mine == 0 && theirs == 0, "chuangwen snapshot or jq failed")
    }
    var a: [Double] = []
    var b: [Double] = []
    for _ in 0..<15 {
      a.append(try Bench.runProcess(ours[0], Array(ours.dropFirst())).0)
      b.append(try Bench.runProcess(jq, ["-c", "."] + files).0)
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
}
