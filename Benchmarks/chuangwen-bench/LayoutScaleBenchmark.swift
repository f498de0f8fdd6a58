import CampaignKit
import DashboardKit
import Foundation

/// Issue 12, the layout part: what the circular costs once its data is computed, in process,
/// at 1×, 10× and 50× the bundled campaign, and what laying a 10,000-row page out again costs.
/// The data (`DashboardData`, with its rankings) is computed once per campaign and shared by
/// every round, so the figures are the page model plus its sink:
///
/// - model: `Snapshot.model(page: .brief)` alone (the rows, before any laying out);
/// - text, markdown, html: `Snapshot.render(format, page: .brief)` (model, layout, writing);
/// - re-layout: the 10,000-row sub-command list laid out again after a sort change, as
///   `chuangwen-bench render`'s "re-sorted every frame" row, with CPU time.
///
///     swift build -c release --product chuangwen-bench && .build/release/chuangwen-bench layout-scale [SCALES…]
///
/// `CHUANGWEN_BENCH_DATA=DIR` keeps the generated campaigns in DIR/xN (as `compute-scale`).
enum LayoutScaleBenchmark {
  static func run() throws {
    let scales = Bench.scales()
    print("## laying out big pages (in process, release; median wall, with CPU time)\n")
    print("| scale | brief rows | model | text | markdown | html |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    let kept = ProcessInfo.processInfo.environment["CHUANGWEN_BENCH_DATA"]
    for n in scales {
      let dir = try Bench.scaledCampaign(n, kept: kept, label: "layout")
      defer { if kept == nil { try? FileManager.default.removeItem(atPath: dir) } }
      measure(scale: n, dir: dir)
    }
    print()
    try relayout()
  }

  static func measure(scale n: Int, dir: String) {
    guard let c = CampaignLoader.load(directory: dir).campaign else { fatalError("\(dir) did not load") }
    let data = DashboardData(campaign: c, asOf: c.info.defaultAsOf)
    let rounds = n >= 50 ? 7 : n >= 10 ? 11 : 31
    var checksum = Snapshot.render(.text, page: .brief, data: data).utf8.count  // rankings computed once
    var rows = 0
    var modelT = ComputeScaleBenchmark.Timing()
    var textT = ComputeScaleBenchmark.Timing()
    var mdT = ComputeScaleBenchmark.Timing()
    var htmlT = ComputeScaleBenchmark.Timing()
    for _ in 0..<rounds {
      modelT.add {
        let m = Snapshot.model(page: .brief, data: data)
        rows = m.blocks.reduce(0) { n, b in if case .table(let t) = b { n + t.rows.count } else { n } }
      }
      textT.add { checksum &+= Snapshot.render(.text, page: .brief, data: data).utf8.count }
      mdT.add { checksum &+= Snapshot.render(.markdown, page: .brief, data: data).utf8.count }
      htmlT.add { checksum &+= Snapshot.render(.html, page: .brief, data: data).utf8.count }
    }
    precondition(checksum > 0)
    print("| \(n)× | \(rows) | \(modelT.text) | \(textT.text) | \(mdT.text) | \(htmlT.text) |")
  }

  /// The 10,000-row list laid out again on every frame (`s` changes the sort each time).
  static func relayout() throws {
    let big = try Bench.tenThousandRows()
    let data = DashboardData(campaign: big, asOf: big.info.defaultAsOf)
    var keyMap: [Int: String] = [:]
    for sc in data.campaign.subCommands { if let k = sc.key { keyMap[k] = sc.id } }
    var app = App(width: 200, height: 60, subCommandKeys: keyMap)
    app = app.update(.key(.char("1")), plan: { Screens.plan($0, data) })
    var t = ComputeScaleBenchmark.Timing()
    var checksum = 0
    for _ in 0..<40 {
      t.add {
        app = app.update(.key(.char("s")), plan: { Screens.plan($0, data) })
        checksum &+= Screens.render(app, data).cells.count
      }
    }
    precondition(checksum > 0)
    print(
      "| 10,000-row list at 200×60, re-sorted (update + render) | \(Screens.plan(app, data).lineCount) rows | \(t.text) |"
    )
    print()
  }
}
