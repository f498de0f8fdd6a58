import CampaignKit
import Foundation
import Testing

@testable import DashboardKit

/// Golden screens: a canvas is stored as its text, a line `~~~ roles ~~~`, and a style layer
/// (one letter per cell, see `RoleCodes`). Compared exactly. To accept a change, run
/// `CHUANGWEN_UPDATE_GOLDEN=1 swift test --filter DashboardKitTests` and review the diff of
/// `Tests/DashboardKitTests/Golden/` like code.
enum Golden {
  static let repo = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let directory = repo.appendingPathComponent("Tests/DashboardKitTests/Golden").path
  static let updating = ProcessInfo.processInfo.environment["CHUANGWEN_UPDATE_GOLDEN"] == "1"

  static func serialize(_ c: Canvas) -> String {
    var out = c.text + "\n~~~ roles ~~~\n"
    for y in 0..<c.height {
      var row = ""
      for x in 0..<c.width { row.append(RoleCodes.code(c[x, y].role)) }
      out += row + "\n"
    }
    return out
  }

  /// Compares `canvas` with the golden `name`, writing it first when updating.
  static func check(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    let path = directory + "/" + name + ".txt"
    let actual = serialize(canvas)
    if updating {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try actual.write(toFile: path, atomically: true, encoding: .utf8)
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
      Issue.record(
        "missing golden \(name).txt; run with CHUANGWEN_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
      return
    }
    if actual != expected {
      let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let firstDiff =
        zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
      Issue.record(
        """
        screen \(name) differs from its golden at line \(firstDiff + 1):
          actual:   \(firstDiff < a.count ? String(a[firstDiff]) : "<none>")
          expected: \(firstDiff < e.count ? String(e[firstDiff]) : "<none>")
        """, sourceLocation: sourceLocation)
    }
  }
}

/// One letter per style role for the golden style layer.
enum RoleCodes {
  static func code(_ r: StyleRole) -> Character {
    switch r {
    case .text: "."
    case .dim: "d"
    case .title: "T"
    case .header: "H"
    case .border: "b"
    case .selection: "S"
    case .tabActive: "A"
    case .tabInactive: "a"
    case .key: "k"
    case .done: "D"
    case .onTrack: "O"
    case .behind: "B"
    case .atRisk: "R"
    case .overdue: "X"
    case .barTrack: "_"
    case .deltaUp: "+"
    case .deltaDown: "-"
    case .error: "E"
    case .toast: "t"
    case .highlight: "h"
    @unknown default: "?"
    }
  }
}

/// The bundled campaign, loaded once for all screen tests.
enum Bundled {
  static let campaign: Campaign = {
    let r = CampaignLoader.load(directory: Golden.repo.appendingPathComponent("fixtures/hongjiang").path)
    guard let c = r.campaign, r.errors.isEmpty else {
      fatalError("fixtures/hongjiang did not load: \(r.errors)")
    }
    return c
  }()
  static let data = DashboardData(campaign: campaign, asOf: campaign.info.defaultAsOf)

  static func app(width: Int, height: Int) -> App {
    App(width: width, height: height, campaign: campaign)
  }

  /// Applies keys in order, as the terminal would.
  static func press(_ keys: [Key], on app: App, data: DashboardData = data) -> App {
    keys.reduce(app) { a, k in a.update(.key(k), plan: { Screens.plan($0, data) }) }
  }
}
