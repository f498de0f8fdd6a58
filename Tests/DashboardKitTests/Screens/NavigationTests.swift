import CampaignKit
import Testing

@testable import DashboardKit

/// Key sequences to expected pages, selections and breadcrumbs (App.update is pure, so these
/// are plain value tests).
@Suite struct NavigationTests {
  let start = Bundled.app(width: 100, height: 30)
  let c = Bundled.campaign

  func crumbs(_ app: App) -> String {
    Screens.render(app, Bundled.data).line(3)  // title, score, tabs, breadcrumbs
  }

  @Test func numberKeysOpenTheSubCommandWithABreadcrumb() {
    let app = Bundled.press([.char("3")], on: start)
    #expect(app.page == .subCommand(c.subCommand(key: 3)!.id))
    #expect(app.stack.count == 2)
    #expect(crumbs(app).contains("指挥体系 › [3]"))
  }

  @Test func enterOnAUnitOpensItAndEscapeTwiceReturns() {
    let inSub = Bundled.press([.char("3")], on: start)
    let plan = Screens.plan(inSub, Bundled.data)
    guard case .unit(let firstUnit)? = plan.targets.first else {
      Issue.record("the first row of a sub-command is not a unit")
      return
    }
    let inUnit = Bundled.press([.enter], on: inSub)
    #expect(inUnit.page == .unit(firstUnit))
    #expect(crumbs(inUnit).contains(c.node(firstUnit)!.shortName))
    let back = Bundled.press([.escape, .escape], on: inUnit)
    #expect(back.page == .overview)
    #expect(back.stack.count == 1)
  }

  @Test func movingIsClampedAndHomeEndJump() {
    let app = Bundled.press([.up, .up], on: start)
    #expect(app.current.selection == 0)
    let end = Bundled.press([.end], on: start)
    #expect(end.current.selection == c.subCommands.count - 1)
    let down = Bundled.press([.char("j"), .char("j"), .down, .char("k")], on: start)
    #expect(down.current.selection == 2)
    let home = Bundled.press([.home], on: down)
    #expect(home.current.selection == 0)
  }

  @Test func enterOnTheOverviewOpensTheSelectedSubCommand() {
    let app = Bundled.press([.down, .down, .enter], on: start)
    #expect(app.page == .subCommand(c.subCommands[2].id))
  }

  @Test func selectionIsRememberedPerPage() {
    let app = Bundled.press([.char("2"), .down, .down, .escape, .char("2")], on: start)
    #expect(app.current.selection == 2)
  }

  @Test func pageDownScrollsAndKeepsTheSelectionVisible() {
    let small = Bundled.app(width: 80, height: 24)
    let app = Bundled.press([.char("4"), .pageDown, .pageDown, .pageDown], on: small)
    let plan = Screens.plan(app, Bundled.data)
    let line = plan.lineOfRow[app.current.selection]
    #expect(line >= app.current.scroll)
    #expect(line < app.current.scroll + plan.bodyHeight)
    #expect(app.current.scroll > 0)
  }

  @Test func helpOpensAndAnyKeyClosesIt() {
    let app = Bundled.press([.char("?")], on: start)
    #expect(app.showHelp)
    #expect(Screens.render(app, Bundled.data).text.contains("打开第 N 分指挥部"))
    let closed = Bundled.press([.char("x")], on: app)
    #expect(!closed.showHelp)
    #expect(closed.page == .overview)
  }

  @Test func filterNarrowsTheRowsAndEscapeClearsIt() {
    let inSub = Bundled.press([.char("1")], on: start)
    let all = Screens.plan(inSub, Bundled.data).targets.count
    let filtered = Bundled.press([.char("/"), .char("局"), .enter], on: inSub)
    let some = Screens.plan(filtered, Bundled.data).targets.count
    #expect(some < all)
    #expect(some > 0)
    #expect(filtered.filter == "局")
    let cleared = Bundled.press([.escape], on: filtered)
    #expect(cleared.filter.isEmpty)
    #expect(cleared.page == inSub.page)
  }

  @Test func sortCycles() {
    let app = Bundled.press([.char("1"), .char("s")], on: start)
    #expect(app.sort == .progress)
    #expect(crumbs(app).contains("按进度"))
  }

  @Test func qQuits() {
    #expect(Bundled.press([.char("q")], on: start).quit)
  }

  @Test func mouseClickSelectsAndSecondClickOpens() {
    let plan = Screens.plan(start, Bundled.data)
    let y = plan.bodyTop + plan.lineOfRow[4] - start.current.scroll
    let clicked = start.update(
      .mouse(MouseEvent(kind: .press, x: 10, y: y)), plan: { Screens.plan($0, Bundled.data) })
    #expect(clicked.current.selection == 4)
    #expect(clicked.page == .overview)
    let opened = clicked.update(
      .mouse(MouseEvent(kind: .press, x: 10, y: y)), plan: { Screens.plan($0, Bundled.data) })
    #expect(opened.page == .subCommand(c.subCommands[4].id))
  }

  @Test func resizeKeepsTheSelectionVisible() {
    let app = Bundled.press([.char("4"), .end], on: Bundled.app(width: 160, height: 50))
    let resized = app.update(.resize(width: 80, height: 24), plan: { Screens.plan($0, Bundled.data) })
    let plan = Screens.plan(resized, Bundled.data)
    let line = plan.lineOfRow[resized.current.selection]
    #expect(line >= resized.current.scroll && line < resized.current.scroll + plan.bodyHeight)
  }
}
