import CampaignKit
import Foundation
import Testing

@testable import DashboardKit

/// A campaign whose names carry HTML, Markdown and terminal escape sequences comes out inert
/// in every format.
@Suite struct HostileSnapshotTests {
  /// Written into the JSON files as JSON escapes: ESC, BEL, CSI/OSC payloads, a script.
  static let payload = #"<script>alert('x')</script>\u001b[2J\u001b]0;pwned\u0007\u009b31m|*_[a](b) & \" '"#

  static func campaign() throws -> Campaign {
    let dir = NSTemporaryDirectory() + "chuangwen-hostile-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.copyItem(
      atPath: Golden.repo.appendingPathComponent("fixtures/minimal").path, toPath: dir)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for (file, names) in [
      ("campaign.json", ["小城创文（最小样例）"]), ("organization.json", ["城管局", "市容分指挥部", "副市长"]),
      ("indicators.json", ["主干道路灯亮灯率", "更换雨水井盖"]), ("problems.json", ["迎宾路", "占道经营"]),
    ] {
      let path = dir + "/" + file
      var text = try String(contentsOfFile: path, encoding: .utf8)
      for n in names { text = text.replacingOccurrences(of: "\"\(n)\"", with: "\"\(n)\(payload)\"") }
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let r = CampaignLoader.load(directory: dir)
    let c = try #require(r.campaign, "hostile campaign did not load: \(r.errors)")
    #expect(r.errors.isEmpty)
    #expect(c.node("u-cg")?.name.contains("\u{1B}[2J") == true)  // the payload really is in the data
    return c
  }

  @Test func everyFormatIsInert() throws {
    let c = try Self.campaign()
    let data = DashboardData(campaign: c, asOf: c.info.defaultAsOf)
    let problem = try #require(c.problems.first { $0.place.contains("<script>") }?.id)
    let pages: [Page] = [
      .overview, .subCommand("sc1"), .unit("u-cg"), .indicator("c1-1-1"), .brief, .indicators, .problems,
      .problem(problem), .rankings, .rankHistory("u-cg"), .audit,
    ]
    for page in pages {
      for format in SnapshotFormat.allCases {
        let out = Snapshot.render(format, page: page, data: data)
        let where_ = "\(page) as \(format)"
        // (JSON keeps the data, with C0 and C1 controls as \u escapes.)
        #expect(
          !out.unicodeScalars.contains { $0.value == 0x07 || $0.value == 0x9B },
          "\(where_): a control character")
        switch format {
        case .ansi:
          #expect(ANSI.strip(out) != nil, "\(where_): an escape that is not one of our SGR sequences")
        default:
          #expect(!out.utf8.contains(0x1B), "\(where_): an ESC byte")
        }
        if format == .html {
          #expect(!out.lowercased().contains("<script"), "\(where_)")
          #expect(HTMLCheck.problems(out) == [], "\(where_)")
          #expect(out.contains("&lt;script&gt;alert(&#39;x&#39;)"), "\(where_)")
        }
        if format == .markdown {
          // Every < is backslash-escaped, so no tag can start (CommonMark renders `\<` as text).
          let chars = Array(out)
          #expect(
            chars.indices.allSatisfy { chars[$0] != "<" || ($0 > 0 && chars[$0 - 1] == "\\") }, "\(where_)")
          #expect(!out.contains("[a](b)"), "\(where_): a live link")
        }
      }
    }
  }
}
