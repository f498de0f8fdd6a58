import CampaignKit
import Testing

@testable import DashboardKit

/// The screens of issue 16's dashboard half at 80×24 and 120×40: the 未报送 page, the entry
/// form for a value and for a verification (with a refusal shown), a reopened problem, and a
/// community's grid cell with its problems.
@Suite struct IntakeScreenTests {
  static func app(_ w: Int, _ h: Int, _ pages: [Page], keys: [Key] = []) -> App {
    var a = Bundled.app(width: w, height: h)
    a.stack = pages.map { App.Level(page: $0) }
    return Bundled.press(keys, on: a)
  }

  static let screens: [(String, [Page], [Key], String?)] = [
    ("missing", [.overview, .missing], [], nil),
    ("form-value", [.indicators, .indicator("c6-1-2")], [.char("e"), .char("9"), .char("5")], nil),
    (
      "form-verify-refused", [.problems, .problem("p-0167")], [.char("v")],
      "say who verified it, by title (--by)"
    ),
    ("problem-reopened", [.problems, .problem("p-0167")], [], nil),
    ("grid-cell", [.overview, .subCommand("sc5"), .unit("cm-yuhu"), .grid("g-yuhu-4")], [], nil),
  ]

  @Test(arguments: screens.map(\.0))
  func screenMatchesGolden(_ name: String) throws {
    let (_, pages, keys, error) = try #require(Self.screens.first { $0.0 == name })
    for (w, h) in GoldenScreenTests.sizes {
      var a = Self.app(w, h, pages, keys: keys)
      if let error { a.form?.error = error }
      let canvas = Screens.render(a, Bundled.data)
      try Golden.check(canvas, "\(name)-\(w)x\(h)")
      for y in 0..<canvas.height { #expect(DisplayWidth.of(canvas.line(y)) == w) }
    }
  }
}
