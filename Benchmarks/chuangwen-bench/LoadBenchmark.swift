import CampaignKit
import Foundation

/// Foundation issue: load, validate and compute the standing of the bundled campaign and of a
/// generated campaign about 20× larger, each against `jq -c .` parsing the same files, timed
/// alternately in one run (so machine noise hits both alike).
enum LoadBenchmark {
  static func run() throws {
    let bundled = Bench.root + "/fixtures/hongjiang"
    let big = NSTemporaryDirectory() + "chuangwen-bench-x20-\(getpid())"
    try CampaignGenerator.write(.scaled(20, seed: 7), to: big)
    defer { try? FileManager.default.removeItem(atPath: big) }
    guard let jq = Bench.which("jq") else {
      print("jq is not installed (apt-get install -y jq)")
      exit(69)
    }
    print("## load + validate + standing vs jq -c .\n")
    print("| campaign | files | MB | chuangwen in-process | MB/s | jq -c . (process) | ratio chuangwen/jq |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for (name, dir) in [("bundled hongjiang", bundled), ("generated ×20", big)] {
      let (files, bytes) = Bench.jsonFiles(dir)
      var ours: [Double] = []
      var theirs: [Double] = []
      var standingTotal = 0.0
      for _ in 0..<7 {
        ours.append(
          Bench.seconds {
            let r = CampaignLoader.load(directory: dir)
            guard let c = r.campaign else { fatalError("\(dir) did not load") }
            standingTotal += Standing(campaign: c, asOf: c.info.defaultAsOf).total.earned
          })
        let (t, status) = try Bench.runProcess(jq, ["-c", "."] + files)
        precondition(status == 0, "jq failed on \(dir)")
        theirs.append(t)
      }
      let o = Bench.median(ours)
      let j = Bench.median(theirs)
      let mb = Double(bytes) / 1e6
      print(
        "| \(name) | \(files.count) | \(String(format: "%.2f", mb)) | \(Bench.ms(o)) | \(String(format: "%.0f", mb / o)) | \(Bench.ms(j)) | \(String(format: "%.2f", o / j)) |"
      )
      _ = standingTotal
    }
    print()
  }
}
