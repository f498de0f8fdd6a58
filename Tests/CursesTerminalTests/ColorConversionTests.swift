import DashboardKit
import Foundation
import Testing

@testable import CursesTerminal

let repositoryRoot = URL(fileURLWithPath: #filePath)  // Tests/CursesTerminalTests/ColorConversionTests.swift
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func bundledTheme(_ name: String) throws -> Theme {
  try ThemeRegistry(
    bundledDirectory: repositoryRoot.appendingPathComponent("themes").path, userDirectory: nil
  )
  .resolve(name)
}

@Suite struct ColorConversionTests {
  @Test func rgbTo256UsesTheCubeAndTheGreyRamp() {
    #expect(ColorConversion.number(for: .rgb(255, 135, 0), depth: .indexed256) == 208)  // exact cube entry
    #expect(ColorConversion.number(for: .rgb(0, 0, 0), depth: .indexed256) == 16)  // cube black, not ANSI 0
    #expect(ColorConversion.number(for: .rgb(0x1c, 0x1c, 0x1c), depth: .indexed256) == 234)
    #expect(ColorConversion.number(for: .rgb(0x80, 0x80, 0x80), depth: .indexed256) == 244)
    #expect(ColorConversion.number(for: .rgb(0xb0, 0x00, 0x00), depth: .indexed256) == 124)  // 175,0,0
    #expect(ColorConversion.number(for: .indexed(123), depth: .indexed256) == 123)
    #expect(ColorConversion.number(for: .default, depth: .indexed256) == -1)
  }

  @Test func rgbTo16KeepsTheHue() {
    func n(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32? {
      ColorConversion.number(for: .rgb(r, g, b), depth: .ansi16)
    }
    #expect(n(0x1e, 0x6b, 0x30) == 2, "a dark green stays green, not grey")
    #expect(n(0x5f, 0xd7, 0x87) == 10, "a light green becomes bright green")
    #expect(n(0x00, 0x5f, 0xaf) == 4)
    #expect(n(0x5f, 0xaf, 0xff) == 12)
    #expect(n(0xff, 0x87, 0x00) == 11, "orange counts as yellow")
    #expect(n(0xb0, 0x00, 0x00) == 1)
    #expect(n(0xff, 0x5f, 0x5f) == 9)
    #expect(n(0x87, 0x00, 0xaf) == 5)
    #expect(n(0x00, 0xaf, 0xaf) == 6)
    #expect(n(0x00, 0x00, 0x00) == 0)
    #expect(n(0x76, 0x76, 0x76) == 8)
    #expect(n(0xd0, 0xd0, 0xd0) == 7)
    #expect(n(0xff, 0xfb, 0xf0) == 15, "warm paper is white")
    #expect(ColorConversion.number(for: .brightRed, depth: .ansi16) == 9)
    #expect(ColorConversion.number(for: .indexed(196), depth: .ansi16) == 9)
  }

  @Test func rgbTo8HasNoBrightForms() {
    func n(_ c: TermColor) -> Int32? { ColorConversion.number(for: c, depth: .ansi8) }
    #expect(n(.rgb(0x5f, 0xd7, 0x87)) == 2)
    #expect(n(.rgb(0xff, 0xff, 0xff)) == 7)
    #expect(n(.rgb(0x60, 0x60, 0x60)) == 0)
    #expect(n(.brightBlue) == 4)
    #expect(n(.indexed(226)) == 3)
    for c: TermColor in [.rgb(1, 2, 3), .indexed(200), .brightWhite] { #expect((0..<8).contains(n(c)!)) }
  }

  @Test func directAndNone() {
    #expect(ColorConversion.number(for: .rgb(0x12, 0x34, 0x56), depth: .direct) == 0x123456)
    #expect(ColorConversion.number(for: .rgb(0, 0, 1), depth: .direct) == 8, "0–7 would mean ANSI colours")
    #expect(ColorConversion.number(for: .red, depth: .direct) == 1)
    #expect(ColorConversion.number(for: .rgb(9, 9, 9), depth: .none) == nil)
  }

  @Test func detection() {
    #expect(ColorDepth.detect(hasColors: true, colors: 256, noColor: nil) == .indexed256)
    #expect(ColorDepth.detect(hasColors: true, colors: 0x1000000, noColor: nil) == .direct)
    #expect(ColorDepth.detect(hasColors: true, colors: 256, noColor: "1") == .none)
    #expect(
      ColorDepth.detect(hasColors: true, colors: 256, noColor: "") == .indexed256, "empty NO_COLOR is unset")
    #expect(ColorDepth.detect(hasColors: false, colors: 0, noColor: nil) == .none)

    #expect(ColorDepth.directTerminal(term: "xterm-256color", colorterm: "truecolor") == "xterm-direct")
    #expect(ColorDepth.directTerminal(term: "tmux-256color", colorterm: "24bit") == "tmux-direct")
    #expect(ColorDepth.directTerminal(term: "xterm-256color", colorterm: nil) == nil)
    #expect(ColorDepth.directTerminal(term: "xterm-direct", colorterm: "truecolor") == nil)

    #expect(
      ColorDepth.fromEnvironment(term: "xterm-256color", colorterm: "truecolor", noColor: nil) == .direct)
    #expect(ColorDepth.fromEnvironment(term: "xterm-256color", colorterm: nil, noColor: nil) == .indexed256)
    #expect(ColorDepth.fromEnvironment(term: "xterm", colorterm: nil, noColor: nil) == .ansi16)
    #expect(ColorDepth.fromEnvironment(term: "dumb", colorterm: "truecolor", noColor: nil) == .none)
    #expect(ColorDepth.fromEnvironment(term: "xterm-256color", colorterm: "truecolor", noColor: "1") == .none)
  }

  @Test func sgrSequences() {
    let style = TextStyle(fg: .rgb(255, 135, 0), bg: .brightWhite, bold: true, reverse: true)
    #expect(SGR.sequence(for: style, depth: .direct) == "\u{1B}[0;1;7;38;2;255;135;0;48;2;255;255;255m")
    #expect(SGR.sequence(for: style, depth: .indexed256) == "\u{1B}[0;1;7;38;5;208;107m")
    #expect(SGR.sequence(for: style, depth: .ansi16) == "\u{1B}[0;1;7;93;107m")
    #expect(SGR.sequence(for: style, depth: .ansi8) == "\u{1B}[0;1;7;33;47m")
    #expect(SGR.sequence(for: style, depth: .none) == "\u{1B}[0;1;7m", "attributes stay without colour")
    #expect(SGR.sequence(for: .plain, depth: .direct) == "")
  }

  /// The 256-colour path is what most terminals get: the bundled themes must still meet their
  /// contrast once every colour is replaced by the palette entry it becomes.
  @Test(arguments: ["default", "light", "projector", "mono", "zhenghong"])
  func contrastSurvivesThe256ColourPalette(name: String) throws {
    var theme = try bundledTheme(name)
    func to256(_ c: TermColor) -> TermColor {
      guard let n = ColorConversion.number(for: c, depth: .indexed256), n >= 0 else { return c }
      return .indexed(UInt8(n))
    }
    theme.foreground = to256(theme.foreground)
    theme.background = to256(theme.background)
    for role in StyleRole.allCases {
      theme.styles.styles[role]!.fg = to256(theme.styles[role].fg)
      theme.styles.styles[role]!.bg = to256(theme.styles[role].bg)
    }
    for role in StyleRole.allCases {
      #expect(theme.contrast(role) >= Theme.minimumContrast(for: role), "\(name).\(role.name) in 256 colours")
    }
  }
}

@Suite struct PairPlanThemeTests {
  @Test func monoNeedsNoPairs() throws {
    let plan = PairPlan.make(palette: try bundledTheme("mono").palette, depth: .indexed256, colorPairs: 256)
    #expect(plan.pairs.isEmpty)
    #expect(plan.pairForRole.values.allSatisfy { $0 == 0 })
  }

  @Test func aFillingThemeGivesEveryRoleAPair() throws {
    let theme = try bundledTheme("projector")
    let plan = PairPlan.make(palette: theme.palette, depth: .indexed256, colorPairs: 256)
    for role in StyleRole.allCases { #expect(plan.pairForRole[role, default: 0] > 0, "\(role.name)") }
    let text = plan.pairs.first { $0.number == plan.pairForRole[.text] }!
    #expect(text.fg == 16 && text.bg == 231)  // black on white
  }

  @Test func switchingThemesRenumbersFromOne() throws {
    // setPalette re-creates pairs 1…n for the new palette; roles must point at the new pairs,
    // never at a number that only the previous palette defined.
    for name in ["default", "light", "projector", "zhenghong"] {
      let plan = PairPlan.make(palette: try bundledTheme(name).palette, depth: .indexed256, colorPairs: 256)
      #expect(plan.pairs.map(\.number) == (1...Int16(plan.pairs.count)).map { $0 }, "\(name)")
      #expect(plan.pairForRole.values.allSatisfy { $0 <= plan.pairs.count }, "\(name)")
    }
    #expect(
      PairPlan.make(palette: try bundledTheme("default").palette, depth: .none, colorPairs: 256).pairs.isEmpty
    )
  }
}
