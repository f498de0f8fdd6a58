import CampaignKit
import DashboardKit
import Foundation

/// Issue 12, the computing half: what the dashboard and the circular compute after the files
/// are loaded, in process, at 1×, 10× and 50× the bundled campaign (generated into a temporary
/// folder). Loading is left out (`chuangwen-bench scale` times whole processes); each row is the
/// median of several rounds, with the process's CPU time beside the wall time (the machine is
/// shared: CPU time is the steadier figure, and it shows when work runs on both cores).
///
/// - data: `DashboardData(campaign:asOf:)` for the default as-of date (standings, trend, meeting
///   context, missing reports);
/// - first frame: that, plus laying out and drawing the overview at 120×40;
/// - `[` and `{`: a key through `App.update`, the data following the date, the settled frame;
/// - `j`: a key press on the overview (update and draw);
/// - saved report: one report file written and reloaded by the source (not timed), then the
///   data rebuilt for the same date (shown to a hundredth of a millisecond: the ratio column
///   divides the rebuild at each scale by the one at 1×), the changes marked
///   (``RecentChanges``) and the frame drawn;
/// - brief: the data plus `Snapshot.render(.text, page: .brief)`, as `snapshot --view brief`;
/// - parts: one standing, and every meeting's ranking table up to the default date, each on
///   one core (steadier than the composite figures on a shared machine).
///
///     swift build -c release --product chuangwen-bench && .build/release/chuangwen-bench compute-scale [SCALES…]
///
/// `CHUANGWEN_BENCH_DATA=DIR` keeps the generated campaigns in DIR/xN and uses them again on
/// the next run (generating 68,885 files takes longer than the measuring).
enum ComputeScaleBenchmark {
  struct Timing {
    var wall: [Double] = []
    var cpu: [Double] = []
    mutating func add(_ body: () -> Void) {
      let c0 = cpuNow()
      let w = Bench.seconds(body)
      cpu.append(cpuNow() - c0)
      wall.append(w)
    }
    var text: String { "\(Bench.ms(Bench.median(wall))) (\(Bench.ms(Bench.median(cpu))) CPU)" }
    /// In hundredths of a millisecond, for what takes well under one (the rebuild after a
    /// saved report, whose 1× figure the ratio column divides by).
    var fineText: String {
      String(format: "%.2f ms (%.2f ms CPU)", Bench.median(wall) * 1000, Bench.median(cpu) * 1000)
    }
  }

  static func cpuNow() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  static func run() throws {
    let scales = Bench.scales()
    print("## computing at scale (in process, release; median wall, with CPU time)\n")
    print(
      "| scale | indicators | units | data | first frame | `[` → settled | `{` → settled | `j` → settled | saved report: data | saved report → settled | 1× rebuild ratio | brief (data + text) | one standing | all meeting tables |"
    )
    print(
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    var baseRebuild: Double?
    let kept = ProcessInfo.processInfo.environment["CHUANGWEN_BENCH_DATA"]
    for n in scales {
      let dir = try Bench.scaledCampaign(n, kept: kept, label: "compute")
      defer { if kept == nil { try? FileManager.default.removeItem(atPath: dir) } }
      let rebuild = try measure(scale: n, dir: dir, base: baseRebuild)
      if baseRebuild == nil { baseRebuild = rebuild }
    }
    print()
  }

  /// Prints one row; returns the median rebuild time of a saved report.
  static func measure(scale n: Int, dir: String, base: Double?) throws -> Double {
    let source = CampaignSource(directory: dir)
    guard let c0 = source.result.campaign else { fatalError("\(dir) did not load") }
    let asOf = c0.info.defaultAsOf
    let rounds = n >= 50 ? 5 : n >= 10 ? 7 : 15
    let options = RenderOptions()

    var dataT = Timing()
    var firstT = Timing()
    var briefT = Timing()
    var standingT = Timing()
    var rankT = Timing()
    var checksum = 0
    for _ in 0..<rounds {
      standingT.add { checksum &+= Standing(campaign: c0, asOf: asOf).indicators.count }
      rankT.add {
        let r = Rankings.compute(campaign: c0, meeting: asOf) { (d: Day) -> MeetingTable in
          Rankings.table(campaign: c0, on: d)
        }
        checksum &+= r.ranked.count
      }
      dataT.add { checksum &+= DashboardData(campaign: c0, asOf: asOf).standing.indicators.count }
      firstT.add {
        let d = DashboardData(campaign: c0, asOf: asOf)
        var app = App(width: 120, height: 40, campaign: c0, asOf: d.asOf)
        app = app.update(.resize(width: 120, height: 40), plan: { Screens.plan($0, d, options: options) })
        checksum &+= Screens.render(app, d, options: options).cells.count
      }
      briefT.add {
        let d = DashboardData(campaign: c0, asOf: asOf)
        checksum &+= Snapshot.render(.text, page: .brief, data: d, options: options).utf8.count
      }
    }

    // Time travel and keys, as the live runner does them: update, follow the date, draw.
    var data = DashboardData(campaign: c0, asOf: asOf)
    var app = App(width: 120, height: 40, campaign: c0, asOf: data.asOf)
    func press(_ key: Key) {
      let d = data
      app = app.update(.key(key), plan: { Screens.plan($0, d, options: options) })
      let fresh = data.refreshed(for: app)
      if fresh.asOf != data.asOf {
        data = fresh
        app.clamp(Screens.plan(app, fresh, options: options))
      }
      checksum &+= Screens.render(app, data, options: options).cells.count
    }
    press(.char("j"))
    var weekT = Timing()
    var meetingT = Timing()
    var keyT = Timing()
    for i in 0..<(rounds * 2) {
      weekT.add { press(.char(i % 2 == 0 ? "[" : "]")) }
      meetingT.add { press(.char(i % 2 == 0 ? "{" : "}")) }
      keyT.add { press(.char(i % 2 == 0 ? "j" : "k")) }
    }

    // A saved report: the source reads it (not timed), then the screen data and the frame.
    data = DashboardData(campaign: c0, asOf: asOf)
    app = App(width: 120, height: 40, campaign: c0, asOf: data.asOf)
    let ind = c0.indicators.first { $0.lead != nil && $0.measure.kind != .yesno }!
    var liveDataT = Timing()
    var liveT = Timing()
    for round in 0..<(rounds * 2) {
      let value =
        ind.measure.baseline + (ind.measure.target - ind.measure.baseline) * Double(round % 7 + 1) / 8
      let text = """
        { "schema": "chuangwen/1", "unit": "\(ind.lead!)",
          "entries": [ { "date": "\(asOf)", "indicator": "\(ind.id)", "value": \(value) } ] }

        """
      try AtomicFile.write(text, to: dir + "/reports/zz-bench.json")
      guard source.reload(changed: ["reports/zz-bench.json"]), let c = source.result.campaign else {
        fatalError("the saved report was not taken")
      }
      let from = source.lastChangedFrom
      var fresh = data
      liveDataT.add { fresh = DashboardData(campaign: c, asOf: asOf, reusing: data, changedFrom: from) }
      liveT.add {
        fresh = DashboardData(campaign: c, asOf: asOf, reusing: data, changedFrom: from)
        fresh.live.changes.merge(RecentChanges.between(data, fresh, until: 5))
        app.clamp(Screens.plan(app, fresh, options: options))
        checksum &+= Screens.render(app, fresh, options: options).cells.count
      }
      precondition(fresh.live.changes[ind.id] != nil, "the change was not marked")
      data = fresh
    }
    try FileManager.default.removeItem(atPath: dir + "/reports/zz-bench.json")
    precondition(checksum > 0)
    let rebuild = Bench.median(liveDataT.wall)
    let ratio = base.map { String(format: "%.1f×", rebuild / $0) } ?? "1.0×"
    print(
      "| \(n)× | \(c0.indicators.count) | \(c0.units.count) | \(dataT.text) | \(firstT.text) | \(weekT.text) | \(meetingT.text) | \(keyT.text) | \(liveDataT.fineText) | \(liveT.text) | \(ratio) | \(briefT.text) | \(standingT.text) | \(rankT.text) |"
    )
    return rebuild
  }
}
