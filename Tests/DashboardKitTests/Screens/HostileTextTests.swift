import CampaignKit
import Foundation
import Testing

@testable import DashboardKit

/// Data strings are untrusted: names with escape sequences, markup, absurd lengths, combining
/// marks, emoji and bidi overrides must render inside their cells and stay inert.
@Suite struct HostileTextTests {
  /// JSON-escaped hostile names, substituted for names in a copy of `fixtures/minimal`.
  static let hostile: [(original: String, replacement: String)] = [
    ("城管局", #"\u001b[2J\u001b]0;pwned\u0007城管\u001b[31m局"#),
    ("住建局", "<script>alert('住建')</script>"),
    ("交警大队", String(repeating: "交警", count: 150)),
    ("黔城镇", #"e\u0301\u0301\u0301 黔城 👨‍👩‍👧‍👦 🇨🇳"#),
    ("主干道路灯亮灯率", #"\u202e率灯亮灯路道干主\u202c \u0085\u009b6n"#),
    ("市容分指挥部", "市容\t分\r\n指挥部\u{7f}"),
  ]

  static func campaign() throws -> DashboardData {
    let dir = NSTemporaryDirectory() + "chuangwen-hostile-\(UUID().uuidString)"
    try FileManager.default.copyItem(
      atPath: Golden.repo.appendingPathComponent("fixtures/minimal").path, toPath: dir)
    for file in ["organization.json", "indicators.json"] {
      let path = dir + "/" + file
      var text = try String(contentsOfFile: path, encoding: .utf8)
      for (o, r) in hostile {
        text = text.replacingOccurrences(
          of: "\"\(o)\"",
          with:
            "\"\(r.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n"))\""
        )
      }
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let result = CampaignLoader.load(directory: dir)
    let c = try #require(result.campaign, "hostile campaign did not load: \(result.errors)")
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect(
      c.nodes.contains { $0.name.contains("\u{1b}") }, "the escape sequence must reach the model intact")
    return DashboardData(campaign: c, asOf: c.info.defaultAsOf)
  }

  static func isDangerous(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
      || (0x2066...0x2069).contains(v)
  }

  @Test func hostileNamesRenderInsideTheirCells() throws {
    let data = try Self.campaign()
    var keys: [Int: String] = [:]
    for sc in data.campaign.subCommands { if let k = sc.key { keys[k] = sc.id } }
    let paths: [[Key]] = [
      [], [.char("1")], [.char("1"), .enter], [.char("1"), .end, .enter], [.char("2"), .enter],
    ]
    for (w, h) in [(80, 24), (120, 40)] {
      for keySeq in paths {
        let app = keySeq.reduce(App(width: w, height: h, subCommandKeys: keys)) { a, k in
          a.update(.key(k), plan: { Screens.plan($0, data) })
        }
        let canvas = Screens.render(app, data)
        for y in 0..<canvas.height {
          #expect(DisplayWidth.of(canvas.line(y)) == w, "row \(y) overflows after \(keySeq)")
          for x in 0..<canvas.width {
            let cell = canvas[x, y]
            #expect(
              !cell.text.unicodeScalars.contains(where: Self.isDangerous),
              "raw control at \(x),\(y): \(cell.text.debugDescription)")
            #expect(DisplayWidth.of(cell.text) == Int(cell.width), "cell \(x),\(y) width mismatch")
          }
        }
        let text = canvas.text
        #expect(!text.contains("\u{1b}"))
      }
    }
  }

  @Test func theReplacementIsVisible() throws {
    let data = try Self.campaign()
    var keys: [Int: String] = [:]
    for sc in data.campaign.subCommands { if let k = sc.key { keys[k] = sc.id } }
    let app = App(width: 120, height: 40, subCommandKeys: keys).update(
      .key(.char("1")), plan: { Screens.plan($0, data) })
    let text = Screens.render(app, data).text
    #expect(text.contains("\u{FFFD}[2J"), "an escape sequence shows as a visible replacement")
    #expect(text.contains("<script>"), "markup is shown as text on a terminal")
  }
}
