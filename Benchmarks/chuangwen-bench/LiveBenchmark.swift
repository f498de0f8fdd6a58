import CampaignKit
import CursesTerminal
import DashboardKit
import Foundation

/// Live issue: from a report file being written to the screen settling, in process: the real
/// watcher (inotify, with its debounce) → `CampaignSource.reload` → `DashboardData` for the
/// same as-of date → `Screens.render` of the overview (80×24 is what a meeting projector shows;
/// 120×40 here). Bundled campaign and a generated one 50× larger; each step timed apart, so the
/// part that grows with the campaign shows.
enum LiveBenchmark {
  static func run() throws {
    let bundledCopy = NSTemporaryDirectory() + "chuangwen-bench-live-\(getpid())"
    try? FileManager.default.removeItem(atPath: bundledCopy)
    try FileManager.default.copyItem(atPath: Bench.root + "/fixtures/hongjiang", toPath: bundledCopy)
    let big = NSTemporaryDirectory() + "chuangwen-bench-live-x50-\(getpid())"
    try? FileManager.default.removeItem(atPath: big)
    try CampaignGenerator.write(.scaled(50, seed: 7), to: big)
    defer {
      try? FileManager.default.removeItem(atPath: bundledCopy)
      try? FileManager.default.removeItem(atPath: big)
    }
    print("## live: report written → screen settled (in process, median of 15)\n")
    print(
      "| campaign | report files | write→watcher answer (incl. 25 ms debounce) | reload | data (standings) | render | total |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for (name, dir) in [("bundled hongjiang", bundledCopy), ("generated ×50", big)] {
      try measure(name: name, dir: dir)
    }
    print()
  }

  static func measure(name: String, dir: String) throws {
    let source = CampaignSource(directory: dir)
    guard let c0 = source.result.campaign else { fatalError("\(dir) did not load") }
    let asOf = c0.info.defaultAsOf
    var data = DashboardData(campaign: c0, asOf: asOf)
    let app = App(width: 120, height: 40)
    let watcher = FileWatcher(directory: dir)
    guard let fd = watcher.fileDescriptor else { fatalError("no inotify") }
    let ind = c0.indicators.first { $0.lead != nil && $0.measure.kind != .yesno }!
    var waits: [Double] = []
    var reloads: [Double] = []
    var datas: [Double] = []
    var renders: [Double] = []
    var totals: [Double] = []
    for round in 0..<15 {
      let value = ind.measure.baseline + (ind.measure.target - ind.measure.baseline) * Double(round % 7) / 7
      let text = """
        { "schema": "chuangwen/1", "unit": "\(ind.lead!)",
          "entries": [ { "date": "\(asOf)", "indicator": "\(ind.id)", "value": \(value) } ] }

        """
      let start = DispatchTime.now().uptimeNanoseconds
      func since(_ t: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9 }
      try AtomicFile.write(text, to: dir + "/reports/zz-bench.json")
      var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      guard poll(&p, 1, 2000) > 0 else { fatalError("the watcher did not answer") }
      let paths = watcher.readChanges()
      let t1 = DispatchTime.now().uptimeNanoseconds
      source.reload(changed: paths)
      let t2 = DispatchTime.now().uptimeNanoseconds
      guard let c = source.result.campaign else { fatalError("reload lost the campaign") }
      data = DashboardData(campaign: c, asOf: asOf, reusing: data, changedFrom: source.lastChangedFrom)
      let t3 = DispatchTime.now().uptimeNanoseconds
      let canvas = Screens.render(app, data)
      let t4 = DispatchTime.now().uptimeNanoseconds
      precondition(canvas.width == 120 && source.lastReadCount == 1)
      totals.append(since(start))
      waits.append(Double(t1 - start) / 1e9)
      reloads.append(Double(t2 - t1) / 1e9)
      datas.append(Double(t3 - t2) / 1e9)
      renders.append(Double(t4 - t3) / 1e9)
    }
    let files = c0.reportFiles.count
    print(
      "| \(name) | \(files) | \(Bench.ms(Bench.median(waits))) | \(Bench.ms(Bench.median(reloads))) | \(Bench.ms(Bench.median(datas))) | \(Bench.ms(Bench.median(renders))) | \(Bench.ms(Bench.median(totals))) |"
    )
  }
}
