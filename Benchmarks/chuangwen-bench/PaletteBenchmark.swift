import CampaignKit
import DashboardKit
import Foundation

/// Issue 14: the jump palette's per-keystroke cost over every name of the 50× generated
/// campaign (what a key press costs with the palette open: `App.update`, which matches for the
/// navigation plan, then `Screens.render`, which matches for the list), and the one-off cost of
/// building the index on the first `:` after a load.
enum PaletteBenchmark {
  static func run() throws {
    let dir = NSTemporaryDirectory() + "chuangwen-bench-palette-x50-\(getpid())"
    try? FileManager.default.removeItem(atPath: dir)
    try CampaignGenerator.write(.scaled(50, seed: 7), to: dir)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let bundled = CampaignLoader.load(directory: Bench.root + "/fixtures/hongjiang").campaign!
    let big = CampaignLoader.load(directory: dir).campaign!

    print("## jump palette (release)\n")
    print("| campaign | entries | index build (first `:`) | keystroke: update + render, median | p95 | max |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for (name, c) in [("bundled hongjiang", bundled), ("generated ×50", big)] {
      measure(name, c)
    }
    print()
  }

  static func measure(_ name: String, _ c: Campaign) {
    let data = DashboardData(campaign: c, asOf: c.info.defaultAsOf)
    var entries = 0
    let build = Bench.seconds { entries = data.jumps.index(for: c).entries.count }
    // Queries a user types, one key at a time: Han text, pinyin initials, an id, a command.
    let names = [c.indicators[c.indicators.count / 2].name, c.units[c.units.count / 3].name]
    let queries = names + ["lhfg", c.indicators[7].id, "as-of 2016-08-26", "zz"]
    var times: [Double] = []
    var checksum = 0
    for _ in 0..<3 {
      for q in queries {
        var app = App(width: 160, height: 50, campaign: c)
        app = app.update(.key(.char(":")), plan: { Screens.plan($0, data) })
        for ch in q {
          times.append(
            Bench.seconds {
              app = app.update(.key(.char(ch)), plan: { Screens.plan($0, data) })
              checksum &+= Screens.render(app, data).cells.count
            })
        }
      }
    }
    precondition(checksum > 0)
    let sorted = times.sorted()
    print(
      "| \(name) | \(entries) | \(Bench.ms(build)) | \(String(format: "%.2f ms", Bench.median(times) * 1000)) | \(String(format: "%.2f ms", sorted[sorted.count * 95 / 100] * 1000)) | \(String(format: "%.2f ms", sorted.last! * 1000)) |"
    )
  }
}
