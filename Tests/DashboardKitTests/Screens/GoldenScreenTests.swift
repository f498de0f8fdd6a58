import CampaignKit
import Testing

@testable import DashboardKit

/// Every screen of the bundled campaign at its default as-of date, at 80×24 and 120×40.
@Suite struct GoldenScreenTests {
  static let sizes = [(80, 24), (120, 40)]

  /// The key presses that reach each screen from the start.
  static let screens: [(String, [Key])] = [
    ("overview", []),
    ("subcommand-3", [.char("3")]),
    ("subcommand-2-sorted-by-name", [.char("2"), .char("s"), .char("s")]),
    ("unit", [.char("3"), .enter]),
    ("indicator", [.char("2"), .end, .enter]),
    ("help", [.char("?")]),
    ("filter", [.char("1"), .char("/"), .char("局")]),
  ]

  @Test(arguments: screens)
  func screenMatchesGolden(_ screen: (String, [Key])) throws {
    for (w, h) in Self.sizes {
      let app = Bundled.press(screen.1, on: Bundled.app(width: w, height: h))
      let canvas = Screens.render(app, Bundled.data)
      try Golden.check(canvas, "\(screen.0)-\(w)x\(h)")
      for y in 0..<canvas.height {
        #expect(
          DisplayWidth.of(canvas.line(y)) == w, "line \(y) of \(screen.0) at \(w)×\(h) is not \(w) columns")
      }
    }
  }

  /// A task page: from sub-command 1's first unit, the first task row.
  @Test func taskScreenMatchesGolden() throws {
    for (w, h) in Self.sizes {
      var app = Bundled.press([.char("1"), .enter], on: Bundled.app(width: w, height: h))
      let plan = Screens.plan(app, Bundled.data)
      let row = try #require(plan.targets.firstIndex { if case .task = $0 { true } else { false } })
      app = Bundled.press(Array(repeating: .down, count: row) + [.enter], on: app)
      guard case .task = app.page else {
        Issue.record("did not reach a task page")
        return
      }
      try Golden.check(Screens.render(app, Bundled.data), "task-\(w)x\(h)")
    }
  }

  /// ASCII glyphs (for printers and terminals that misalign box drawing) and English labels.
  @Test func asciiAndEnglishMatchGolden() throws {
    let sub = Bundled.press([.char("2")], on: Bundled.app(width: 80, height: 24))
    let ascii = Screens.render(sub, Bundled.data, options: RenderOptions(language: .zh, ascii: true))
    try Golden.check(ascii, "subcommand-2-ascii-80x24")
    for y in 0..<ascii.height {
      let line = ascii.line(y)
      #expect(
        line.unicodeScalars.allSatisfy { $0.value < 0x2500 || $0.value > 0x259F },
        "box or block glyph in ASCII mode")
      #expect(
        !line.contains { AsciiFallback.replacement(for: String($0)) != nil },
        "ambiguous-width glyph in ASCII mode: \(line)")
    }
    let english = Screens.render(sub, Bundled.data, options: RenderOptions(language: .en))
    try Golden.check(english, "subcommand-2-english-80x24")
  }

  @Test func tooSmallNamesTheSizeNeeded() {
    let canvas = Screens.render(Bundled.app(width: 60, height: 20), Bundled.data)
    #expect(canvas.text.contains("80×24"))
    #expect(canvas.text.contains("60×20"))
  }
}
