import CampaignKit
import Foundation
import Testing

@testable import DashboardKit

/// The binding table is the only list of keys: README's table is generated from it, and the
/// keys that used to surprise do what the footer says.
@Suite struct KeymapTests {
  let start = Bundled.app(width: 120, height: 40)
  let c = Bundled.campaign

  static let begin =
    "<!-- keys:begin (generated from Keymap.bindings; CHUANGWEN_UPDATE_GOLDEN=1 swift test --filter KeymapTests) -->"
  static let end = "<!-- keys:end -->"

  @Test func readmeKeyTableIsGeneratedFromTheBindings() throws {
    let url = Golden.repo.appendingPathComponent("README.md")
    let readme = try String(contentsOf: url, encoding: .utf8)
    guard let b = readme.range(of: Self.begin), let e = readme.range(of: Self.end) else {
      Issue.record("README.md has no generated key table between \(Self.begin) and \(Self.end)")
      return
    }
    let current = String(readme[b.upperBound..<e.lowerBound])
    let wanted = "\n" + Keymap.markdownTable()
    if current != wanted, ProcessInfo.processInfo.environment["CHUANGWEN_UPDATE_GOLDEN"] == "1" {
      try (readme.replacingCharacters(in: b.upperBound..<e.lowerBound, with: wanted))
        .write(to: url, atomically: true, encoding: .utf8)
      return
    }
    #expect(
      current == wanted,
      "README's key table is stale: run CHUANGWEN_UPDATE_GOLDEN=1 swift test --filter KeymapTests")
  }

  @Test func everyBoundKeyHasOneActionPerPage() {
    for page in [Page.overview, .problems] {
      var seen: [Key: Int] = [:]
      for (i, b) in Keymap.bindings.enumerated() where b.context.applies(to: page) {
        for k in b.keys {
          if let j = seen[k], Keymap.bindings[j].context == b.context {
            Issue.record("\(k) is bound twice on \(page)")
          }
          seen[k] = i
        }
      }
    }
    #expect(Keymap.action(for: .char("f"), on: .problems) == .ledgerState)
    #expect(Keymap.action(for: .char("f"), on: .overview) == nil)
  }

  @Test func helpListsThisPagesKeysFirst() {
    let onLedger = HelpScreen.entries(Strings(.zh), glyphs: .unicode, page: .problems)
    #expect(onLedger.prefix(3).map(\.0) == ["f", "g", "o"])
    let onOverview = HelpScreen.entries(Strings(.en), glyphs: .unicode, page: .overview)
    #expect(onOverview.first?.0 == "1 – 8")
    #expect(!onOverview.contains { $0.0 == "f" })  // the ledger's keys only on the ledger
    let printed = HelpScreen.entries(Strings(.en), glyphs: .unicode, page: .help)
    #expect(printed.count == Keymap.bindings.count + 1)  // every key, + the mouse
  }

  @Test func f1HelpsAndF10Quits() {
    #expect(Bundled.press([.function(1)], on: start).showHelp)
    #expect(Bundled.press([.function(10)], on: start).quit)
    #expect(Bundled.press([.char("q")], on: start).quit)
  }

  @Test func nextSubCommandFromAUnitPageGoesToTheNextOne() {
    let five = c.subCommand(key: 5)!.id
    let six = c.subCommand(key: 6)!.id
    let four = c.subCommand(key: 4)!.id
    let inUnit = Bundled.press([.char("5"), .enter], on: start)
    guard case .unit = inUnit.page else {
      Issue.record("5 Enter did not open a unit: \(inUnit.page)")
      return
    }
    #expect(Bundled.press([.char("n")], on: inUnit).page == .subCommand(six))
    #expect(Bundled.press([.char("N")], on: inUnit).page == .subCommand(four))
    _ = five
  }

  @Test func enterOnAProblemRowOfAUnitPageOpensTheProblem() {
    let u = c.units.first { id in
      c.problems.contains { $0.unit == id.id && $0.isOpen(on: c.info.defaultAsOf) }
    }!
    var app = start
    app.stack = [App.Level(page: .overview), App.Level(page: .unit(u.id))]
    let plan = Screens.plan(app, Bundled.data)
    guard let row = plan.targets.firstIndex(where: { if case .problem = $0 { true } else { false } }) else {
      Issue.record("the unit page has no problem rows")
      return
    }
    app.stack[1].selection = row
    guard case .problem = Bundled.press([.enter], on: app).page else {
      Issue.record("Enter on a problem row did not open it")
      return
    }
  }

  /// Worst first, as the issue defines it: points behind pace, then overdue problems, then the
  /// rectification rate; units with nothing led or due last. In the bundled data that is
  /// 综治办 (1.0 of 2.5 points, 1.5 behind pace), ahead of 市房产管理局 (0.2 of 0.5 points), which
  /// in turn is ahead of 玉壶社区 (no lead indicator, 3 overdue problems).
  @Test func fiveEnterOpensTheUnitMostBehindPace() {
    let st = Bundled.data.standing
    let units = Bundled.data.units(under: c.subCommand(key: 5)!.id)
    let most = units.max { WorstFirst.behind(st.unit($0.id).led) < WorstFirst.behind(st.unit($1.id).led) }!
    let app = Bundled.press([.char("5"), .enter], on: start)
    #expect(app.page == .unit(most.id))
    #expect(most.name == "市社会治安综合治理办公室")
    let order = Screens.plan(Bundled.press([.char("5")], on: start), Bundled.data).targets.compactMap {
      t -> String? in
      if case .unit(let id)? = t { c.node(id)?.name } else { nil }
    }
    let fcj = order.firstIndex(of: "市房产管理局")
    let yuhu = order.firstIndex(of: "玉壶社区")
    #expect(fcj != nil && yuhu != nil && fcj! < yuhu!)
  }

  @Test func byProgressPutsUnitsThatLeadNothingLast() {
    let app = Bundled.press([.char("5"), .char("s")], on: start)
    #expect(app.sort == .progress)
    // The units table comes first; the 未报送 section below it lists some units again.
    let units = Bundled.data.units(under: Bundled.campaign.subCommand(key: 5)!.id).count
    let led = Screens.plan(app, Bundled.data).targets.prefix(units).compactMap { t -> Bool? in
      if case .unit(let id)? = t { Bundled.data.standing.unit(id).led.points > 0 } else { nil }
    }
    #expect(led.first == true)
    #expect(led == led.sorted { $0 && !$1 })
  }

  @Test func clickingATabOrABreadcrumbGoesThere() {
    let deep = Bundled.press([.char("5"), .enter], on: start)
    let plan = Screens.plan(deep, Bundled.data)
    let crumb = plan.crumbs.first { $0.depth == 1 }!
    let up = deep.update(
      .mouse(MouseEvent(kind: .press, x: crumb.columns.lowerBound, y: plan.crumbRow)),
      plan: { Screens.plan($0, Bundled.data) })
    #expect(up.page == deep.stack[1].page)
    let tab = plan.tabs.first { $0.tab == .rankings }!
    let ranked = deep.update(
      .mouse(MouseEvent(kind: .press, x: tab.columns.lowerBound + 1, y: plan.tabRow)),
      plan: { Screens.plan($0, Bundled.data) })
    #expect(ranked.page == .rankings)
  }
}
