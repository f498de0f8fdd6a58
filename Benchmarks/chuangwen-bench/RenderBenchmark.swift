import CampaignKit
import DashboardKit
import Foundation

/// Screens issue: composing the overview at 200×60 from a computed standing, and a list screen
/// of 10,000 rows (a sub-command owning 10,000 indicators), per frame: what one key press
/// costs (`App.update`, which lays out the page, then `Screens.render`).
enum RenderBenchmark {
  static func run() throws {
    let bundled = CampaignLoader.load(directory: Bench.root + "/fixtures/hongjiang").campaign!
    let big = try Bench.tenThousandRows()

    print("## rendering (per frame, release)\n")
    print("| screen | size | rows | update + render (median) | p95 |")
    print("| --- | --- | ---: | ---: | ---: |")
    let overview = DashboardData(campaign: bundled, asOf: bundled.info.defaultAsOf)
    measure("overview (bundled)", overview, keys: [], width: 200, height: 60)
    let list = DashboardData(campaign: big, asOf: big.info.defaultAsOf)
    measure("sub-command list", list, keys: [.char("1")], width: 200, height: 60)
    measure(
      "sub-command list, re-sorted every frame", list, keys: [.char("1")], width: 200, height: 60,
      resort: true)
    print()
  }

  /// With `resort`, every frame changes the sort order, so the page is laid out again (the
  /// worst case: the layout memo cannot help).
  static func measure(
    _ name: String, _ data: DashboardData, keys: [Key], width: Int, height: Int, resort: Bool = false
  ) {
    var keyMap: [Int: String] = [:]
    for sc in data.campaign.subCommands { if let k = sc.key { keyMap[k] = sc.id } }
    var app = App(width: width, height: height, subCommandKeys: keyMap)
    for k in keys { app = app.update(.key(k), plan: { Screens.plan($0, data) }) }
    let rows = Screens.plan(app, data).lineCount
    var times: [Double] = []
    var checksum = 0
    for i in 0..<200 {
      // Alternate down/up so every frame is a real selection move.
      let key: Key = resort ? .char("s") : i % 2 == 0 ? .down : .up
      times.append(
        Bench.seconds {
          app = app.update(.key(key), plan: { Screens.plan($0, data) })
          checksum &+= Screens.render(app, data).cells.count
        })
    }
    precondition(checksum > 0)
    let sorted = times.sorted()
    print(
      "| \(name) | \(width)×\(height) | \(rows) | \(String(format: "%.3f ms", Bench.median(times) * 1000)) | \(String(format: "%.3f ms", sorted[sorted.count * 95 / 100] * 1000)) |"
    )
  }
}
