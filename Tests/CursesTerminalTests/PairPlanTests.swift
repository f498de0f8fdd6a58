import DashboardKit
import Testing

@testable import CursesTerminal

@Suite("colour pair allocation")
struct PairPlanTests {
  @Test func everyRoleGetsAPairAndPairsAreShared() {
    let plan = PairPlan.make(palette: .defaultDark, depth: .indexed256, colorPairs: 65536)
    #expect(Set(plan.pairForRole.keys) == Set(StyleRole.allCases))
    #expect(plan.pairForRole[.text] == 0)  // default on default needs no pair
    #expect(plan.pairForRole[.selection] == 0)  // reverse is an attribute
    #expect(plan.pairForRole[.done] == plan.pairForRole[.deltaUp])  // both green
    let numbers = plan.pairs.map(\.number)
    #expect(numbers == Array(1...Int16(numbers.count)))
    #expect(Set(plan.pairs.map { [$0.fg, $0.bg] }).count == plan.pairs.count)
  }

  @Test func staysWithinColorPairsAndTheAttributeByte() {
    var styles: [StyleRole: TextStyle] = [:]
    for (i, role) in StyleRole.allCases.enumerated() {
      styles[role] = TextStyle(fg: .indexed(UInt8(16 + i)), bg: .indexed(UInt8(100 + i)))
    }
    let palette = StylePalette(styles: styles)
    let tight = PairPlan.make(palette: palette, depth: .indexed256, colorPairs: 8)
    #expect(tight.pairs.count == 7)
    #expect(tight.pairs.allSatisfy { $0.number <= 7 })
    #expect(tight.pairForRole.values.allSatisfy { $0 <= 7 })
    #expect(tight.pairForRole.values.filter { $0 == 0 }.count == StyleRole.allCases.count - 7)
    let roomy = PairPlan.make(palette: palette, depth: .indexed256, colorPairs: 1 << 16)
    #expect(roomy.pairs.allSatisfy { $0.number <= PairPlan.packableLimit })
  }

  @Test func coloursFitTheTerminal() {
    let plan = PairPlan.make(palette: .defaultDark, depth: .ansi8, colorPairs: 64)
    #expect(plan.pairs.allSatisfy { (-1..<8).contains($0.fg) && (-1..<8).contains($0.bg) })
  }

  @Test func noColourMeansNoPairs() {
    let plan = PairPlan.make(palette: .defaultDark, depth: .none, colorPairs: 256)
    #expect(plan.pairs.isEmpty && plan.pairForRole.isEmpty)
  }

  @Test func withoutDefaultColoursDefaultBecomesWhiteOnBlack() {
    let palette = StylePalette(styles: [.done: TextStyle(fg: .green)])
    let plan = PairPlan.make(palette: palette, depth: .ansi8, colorPairs: 64, defaultColors: false)
    #expect(plan.pairs.contains { $0.fg == 2 && $0.bg == 0 })
    #expect(plan.pairs.contains { $0.fg == 7 && $0.bg == 0 })  // plain roles
  }
}
