import CampaignKit
import Testing

@testable import DashboardKit

/// The jump palette: `:` + text + Enter opens any named thing from anywhere.
@Suite struct PaletteTests {
  let start = Bundled.app(width: 120, height: 40)
  let c = Bundled.campaign

  /// `:`, the text (typed one character at a time, counted as one step), Enter.
  func jump(_ text: String, from app: App? = nil) -> App {
    Bundled.press([.char(":")] + text.map { .char($0) } + [.enter], on: app ?? start)
  }

  func names(_ list: [String]) -> [String: Int] { list.reduce(into: [:]) { $0[$1, default: 0] += 1 } }

  @Test func everyIndicatorAndUnitOpensFromTheOverviewInThreeSteps() {
    let indicatorNames = names(c.indicators.map(\.name))
    let unitNames = names(c.units.map(\.name))
    var opened = 0
    for ind in c.indicators {
      // A name two indicators share is reached by its id instead (still three steps).
      let text = indicatorNames[ind.name] == 1 && unitNames[ind.name] == nil ? ind.name : ind.id
      let app = jump(text)
      #expect(app.page == .indicator(ind.id), "\(text)")
      #expect(app.stack.map(\.page) == [.indicators, .indicator(ind.id)])
      opened += 1
    }
    for u in c.units {
      let text = unitNames[u.name] == 1 ? u.name : u.id
      let app = jump(text)
      #expect(app.page == .unit(u.id), "\(text)")
      #expect(app.stack.first?.page == .overview)
      opened += 1
    }
    #expect(opened == c.indicators.count + c.units.count)
    #expect(c.indicators.count > 100)
  }

  @Test func pinyinInitialsFindTheIndicator() {
    guard let green = c.indicators.first(where: { $0.name == "建成区绿化覆盖率" }) else {
      Issue.record("the bundled campaign has no 建成区绿化覆盖率")
      return
    }
    #expect(PinyinInitials.of("绿化覆盖率") == Array("lhfgl".utf8))
    #expect(PinyinInitials.of("G319 国道") == Array("g319gd".utf8))
    let r = Palette.matches("lhfg", app: start, data: Bundled.data, s: Strings(.zh))
    #expect(r.entries.first?.target == .pages([.indicators, .indicator(green.id)]))
    #expect(jump("lhfg").page == .indicator(green.id))
  }

  @Test func rankingIsExactThenPrefixThenSubstringThenInitials() {
    let r = Palette.matches("绿化", app: start, data: Bundled.data, s: Strings(.zh), limit: 500)
    let tiers = r.entries.map { e -> Int in
      let n = e.name
      return n == "绿化" ? 0 : n.hasPrefix("绿化") ? 1 : n.contains("绿化") ? 2 : 3
    }
    #expect(!tiers.isEmpty)
    #expect(tiers == tiers.sorted(), "\(r.entries.map(\.name))")
  }

  /// A grid cell opens by name under its community, with the path back to the sub-command.
  @Test func everyGridCellOpensByName() throws {
    let cells = c.nodes.filter { $0.kind == .grid }
    #expect(cells.count > 10)
    for g in cells {
      let app = jump(g.name)
      let community = try #require(g.parent)
      #expect(app.page == .grid(g.id), "\(g.name)")
      #expect(app.stack.map(\.page).suffix(2) == [.unit(community), .grid(g.id)])
    }
  }

  @Test func problemsByPlaceOrIdAndCommands() {
    let p = c.problems[0]
    #expect(jump(p.id).page == .problem(p.id))
    let first = Palette.matches(p.place, app: start, data: Bundled.data, s: Strings(.zh)).entries.first
    #expect(first?.kind == .problem)
    // Commands: a date, print, a theme.
    let meeting = c.info.meetings[0]
    #expect(jump("as-of \(meeting)").asOf == meeting)
    #expect(jump("print").effects == [.snapshot])
    var themed = start
    themed.themeNames = ["default", "projector"]
    #expect(jump("theme projector", from: themed).effects == [.theme("projector")])
    // Tabs by name.
    #expect(jump("红黑榜").page == .rankings)
  }

  @Test func thePaletteListShowsKindAndPath() {
    let u = c.units.first { c.subCommandOfUnit[$0.id] != nil }!
    let app = Bundled.press([.char(":")] + u.name.map { .char($0) }, on: start)
    let screen = Screens.render(app, Bundled.data)
    let text = (0..<screen.height).map { screen.line($0) }.joined(separator: "\n")
    let sc = c.node(c.subCommandOfUnit[u.id]!)!
    #expect(text.contains("单位"))
    #expect(text.contains(u.name))
    #expect(text.contains(sc.shortName))
    // Esc closes without moving.
    #expect(Bundled.press([.escape], on: app).palette == nil)
    #expect(Bundled.press([.escape], on: app).page == .overview)
  }

  @Test func aFilterThatFindsNothingSaysSoAndOffersThePalette() {
    let app = Bundled.press([.char("/")] + "lhfg".map { .char($0) }, on: start)
    let screen = Screens.render(app, Bundled.data)
    let text = (0..<screen.height).map { screen.line($0) }.joined(separator: "\n")
    #expect(text.contains("没有匹配“lhfg”"))
    let palette = Bundled.press([.ctrl("k")], on: app)
    #expect(palette.palette?.query == "lhfg")
    #expect(palette.filter.isEmpty)
  }
}
