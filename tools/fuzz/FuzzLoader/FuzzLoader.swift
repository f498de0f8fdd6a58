import CampaignKit
import DashboardKit
import Foundation

/// The libFuzzer entry point (handed to the driver by main.swift) for the campaign loader: the first byte picks which file of a copy of
/// fixtures/minimal the rest of the input replaces (and, by its next bit, how many views are
/// drawn); the campaign is then loaded, checked and, when it loads, rendered. Whatever the bytes, nothing
/// may trap, hang or read out of bounds. Built only by tools/fuzz.sh (see docs/testing.md).
public func fuzzLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard size > 0, let data else { return 0 }
  let names = [
    "campaign.json", "organization.json", "indicators.json", "tasks.json", "problems.json",
    "reports/u-jj.json",
  ]
  let name = names[Int(data[0]) % names.count]
  let dir = FuzzDirectory.shared.path
  let target = dir + "/" + name
  let original = try? Data(contentsOf: URL(fileURLWithPath: target))
  let body = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
  try? body.write(to: URL(fileURLWithPath: target))
  defer { try? original?.write(to: URL(fileURLWithPath: target)) }

  let result = CampaignLoader.load(directory: dir)
  guard let campaign = result.campaign else { return 0 }
  let asOf = campaign.info.defaultAsOf
  let dashboard = DashboardData(campaign: campaign, asOf: asOf)
  // Every view in every format is slow under ASan (a few inputs a second); so the overview and
  // one indicator as text always, everything else when the first byte's next bit says so.
  var pages: [Page] = [.overview]
  if let i = campaign.indicators.first { pages.append(.indicator(i.id)) }
  var formats: [SnapshotFormat] = [.text]
  if (data[0] / UInt8(names.count)) % 2 == 1 {
    pages += [.indicators, .problems, .rankings, .audit, .brief]
    if let s = campaign.subCommands.first { pages.append(.subCommand(s.id)) }
    if let u = campaign.units.first { pages += [.unit(u.id), .rankHistory(u.id)] }
    if let t = campaign.tasks.first { pages.append(.task(t.id)) }
    if let p = campaign.problems.first { pages.append(.problem(p.id)) }
    formats = SnapshotFormat.allCases
  }
  for page in pages {
    for format in formats {
      _ = Snapshot.render(format, page: page, data: dashboard, width: 100)
    }
  }
  return 0
}

/// A private copy of fixtures/minimal made once per fuzzing process.
final class FuzzDirectory: Sendable {
  static let shared = FuzzDirectory()
  let path: String

  init() {
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let source = repo.appendingPathComponent("fixtures/minimal").path
    path = NSTemporaryDirectory() + "chuangwen-fuzz-\(getpid())"
    try? FileManager.default.removeItem(atPath: path)
    try! FileManager.default.copyItem(atPath: source, toPath: path)
  }
}
