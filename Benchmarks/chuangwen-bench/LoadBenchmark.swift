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
    let exe = Bench.root + "/.build/release/chuangwen"
    let haveExe = FileManager.default.isExecutableFile(atPath: exe)
    print("## load + validate + standing vs jq -c .\n")
    print(
      "| campaign | files | MB | load+validate | standing | in-process total | MB/s | `chuangwen validate` (process) | jq -c . (process) | in-process / jq | process / jq |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for (name, dir) in [("bundled hongjiang", bundled), ("generated ×20", big)] {
      let (files, bytes) = Bench.jsonFiles(dir)
      var loads: [Double] = []
      var standings: [Double] = []
      var processes: [Double] = []
      var theirs: [Double] = []
      var standingTotal = 0.0
      for _ in 0..<7 {
        var campaign: Campaign?
        loads.append(
          Bench.seconds {
            let r = CampaignLoader.load(directory: dir)
            campaign = r.campaign
          })
        guard let c = campaign else { fatalError("\(dir) did not load") }
        standings.append(
          Bench.seconds { standingTotal += Standing(campaign: c, asOf: c.info.defaultAsOf).total.earned })
        if haveExe {
          let (t, status) = try Bench.runProcess(exe, ["validate", "--quiet", dir])
          precondition(status == 0, "chuangwen validate failed on \(dir)")
          processes.append(t)
        }
        let (t, status) = try Bench.runProcess(jq, ["-c", "."] + files)
        precondition(status == 0, "jq failed on \(dir)")
        theirs.append(t)
      }
      let l = Bench.median(loads)
      let st = Bench.median(standings)
      let o = l + st
      let p = Bench.median(processes)
      let j = Bench.median(theirs)
      let mb = Double(bytes) / 1e6
      let proc = haveExe ? Bench.ms(p) : "(build release first)"
      let procRatio = haveExe ? String(format: "%.2f", p / j) : "—"
      print(
        "| \(name) | \(files.count) | \(String(format: "%.2f", mb)) | \(Bench.ms(l)) | \(Bench.ms(st)) | \(Bench.ms(o)) | \(String(format: "%.0f", mb / o)) | \(proc) | \(Bench.ms(j)) | \(String(format: "%.2f", o / j)) | \(procRatio) |"
      )
      precondition(standingTotal > 0)
    }
    print()
  }
}
