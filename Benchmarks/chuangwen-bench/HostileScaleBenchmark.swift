import CampaignKit
import DashboardKit
import Foundation

/// Hardening issue: sizes no real campaign has, which must still cost time in proportion to
/// their size. A chain of nested sections (once roughly cubic: 4,000 levels took over a
/// minute), and 100,000 units under one sub-command, 100,000 indicators, 200,000 problems, each
/// loaded and printed as the snapshot that lists them.
///
///     swift run -c release chuangwen-bench hostile            # every case
///     swift run -c release chuangwen-bench hostile --keep DIR  # also leave the data sets in DIR
enum HostileScaleBenchmark {
  struct Case: Sendable {
    var name: String
    var view: String
    /// Rewrites the copy of fixtures/minimal in the directory.
    var build: @Sendable (String) throws -> Void
  }

  static let cases: [Case] = [
    Case(name: "nested sections ×1,000", view: "overview") { try nested($0, 1_000) },
    Case(name: "nested sections ×4,000", view: "overview") { try nested($0, 4_000) },
    Case(name: "nested sections ×100,000", view: "overview") { try nested($0, 100_000) },
    Case(name: "units ×100,000 under one sub-command", view: "subcommand:1") { try units($0, 100_000) },
    Case(name: "indicators ×100,000", view: "indicators") { try indicators($0, 100_000) },
    Case(name: "problems ×200,000", view: "problems") { try problems($0, 200_000) },
  ]

  static func run() throws {
    let args = CommandLine.arguments
    let keep = args.firstIndex(of: "--keep").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
    let base = keep ?? NSTemporaryDirectory() + "chuangwen-bench-hostile-\(getpid())"
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    defer { if keep == nil { try? FileManager.default.removeItem(atPath: base) } }
    print("## hostile sizes: load + validate, then the snapshot that lists them (text, width 100)\n")
    print("| case | view | load+validate | snapshot | total |")
    print("| --- | --- | ---: | ---: | ---: |")
    for (i, c) in cases.enumerated() {
      let dir = base + "/case-\(i)"
      try? FileManager.default.removeItem(atPath: dir)
      try FileManager.default.copyItem(atPath: Bench.root + "/fixtures/minimal", toPath: dir)
      try c.build(dir)
      var loads: [Double] = []
      var snaps: [Double] = []
      for _ in 0..<3 {
        var result: LoadResult?
        loads.append(Bench.seconds { result = CampaignLoader.load(directory: dir) })
        guard let campaign = result?.campaign, result?.errors.isEmpty == true else {
          fatalError("\(c.name) did not load: \(result?.errors.prefix(3).map(\.description) ?? [])")
        }
        snaps.append(
          Bench.seconds {
            let data = DashboardData(campaign: campaign, asOf: campaign.info.defaultAsOf)
            guard case .success(let page) = SnapshotViews.parse(c.view, campaign: campaign) else {
              fatalError("no view \(c.view)")
            }
            precondition(!Snapshot.render(.text, page: page, data: data, width: 100).isEmpty)
          })
      }
      let l = Bench.median(loads)
      let s = Bench.median(snaps)
      print("| \(c.name) | \(c.view) | \(Bench.ms(l)) | \(Bench.ms(s)) | \(Bench.ms(l + s)) |")
    }
  }

  // MARK: Data sets

  static func replace(_ dir: String, _ file: String, _ old: String, with new: String) throws {
    let path = dir + "/" + file
    let text = try String(contentsOfFile: path, encoding: .utf8)
    precondition(text.contains(old), "\(file) has no \(old)")
    try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
  }

  static let lastNode = "\"name\": \"新街第一网格\" }"

  static func nested(_ dir: String, _ depth: Int) throws {
    var s = ""
    var parent = "sc1"
    for i in 0..<depth {
      s += node("s\(i)", "section", parent, "节\(i)")
      parent = "s\(i)"
    }
    s += node("u-deep", "unit", parent, "深处单位")
    try replace(dir, "organization.json", lastNode, with: lastNode + s)
  }

  /// One organisation node, as a JSON array element preceded by a comma.
  static func node(_ id: String, _ kind: String, _ parent: String, _ name: String) -> String {
    ",\n    { \"id\": \"\(id)\", \"kind\": \"\(kind)\", \"parent\": \"\(parent)\", \"name\": \"\(name)\" }"
  }

  static func units(_ dir: String, _ n: Int) throws {
    var s = ""
    for i in 0..<n { s += node("u\(i)", "unit", "sc1", "单位\(i)") }
    try replace(dir, "organization.json", lastNode, with: lastNode + s)
  }

  static func indicators(_ dir: String, _ n: Int) throws {
    var s = ""
    for i in 0..<n {
      s += """
        ,
                    { "id": "x\(i)", "name": "指标\(i)", "points": 0.01,
                      "measure": { "kind": "count", "unit": "个", "baseline": 0, "target": \(10 + i % 90) },
                      "method": "data", "deadline": "2016-12-31",
                      "subCommand": "sc\(1 + i % 2)", "lead": "\(i % 2 == 0 ? "u-cg" : "u-jj")" }
        """
    }
    let anchor = #""method": "data", "deadline": "2016-06-30", "subCommand": "sc1", "lead": "u-zj" }"#
    try replace(dir, "indicators.json", anchor, with: anchor + s)
    try replace(dir, "campaign.json", "\"totalPoints\": 10", with: "\"totalPoints\": \(10 + n / 100)")
  }

  static func problems(_ dir: String, _ n: Int) throws {
    let units = ["u-cg", "u-zj", "u-jj", "c-xj"]
    var s = ""
    for i in 0..<n {
      let found = Day(year: 2016, month: 1 + i % 6, day: 1 + i % 28)!
      let fixed = i % 3 == 0 ? ", \"fixed\": \"\(found + 2)\"" : ""
      s += """
        ,
            { "id": "q-\(i)", "found": "\(found)", "place": "路段\(i % 500)", "kind": "占道经营",
              "severity": "minor", "source": "inspection", "unit": "\(units[i % units.count])",
              "deadline": "\(found + 3)"\(fixed) }
        """
    }
    // After the last problem: the end of the list is the one place that is unique.
    try replace(dir, "problems.json", "\n  ]\n}", with: s + "\n  ]\n}")
  }
}
