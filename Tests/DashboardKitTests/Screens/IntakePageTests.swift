import CampaignKit
import Testing

@testable import DashboardKit

/// The dashboard half of issue 16 as page models: 本周未报送, the ledger's loop stage and grid
/// filter, a reopened problem's history.
@Suite struct IntakePageTests {
  static func context(_ app: App, _ data: DashboardData = Bundled.data, _ lang: Language = .zh) -> PageContext
  {
    PageContext(app: app, data: data, s: Strings(lang), options: RenderOptions())
  }

  static func cellText(_ c: PageCell) -> String {
    switch c {
    case .text(let t, _), .name(let t, _, _): t
    case .count(let n, _): "\(n)"
    case .date(let d, _): "\(d)"
    default: ""
    }
  }

  /// The missing page lists exactly CampaignKit's 催报 list for the as-of week (entries up to
  /// the as-of date), each unit once with its weeks in a row; the overview says how many.
  @Test func theMissingPageListsTheSilentUnitsWithWeeksInARow() throws {
    let data = Bundled.data
    let week = ReportingWeek(containing: data.asOf)
    let expected = MissingReports.compute(campaign: Bundled.campaign, week: week, through: data.asOf)
    #expect(!expected.isEmpty, "the fixture has silent units in its as-of week")
    #expect(data.missing == expected)
    let app = Bundled.app(width: 120, height: 40)
    let model = Pages.model(.missing, Self.context(app))
    let rows = try #require(model.tables.first).rows
    #expect(rows.count == expected.count)
    #expect(Set(rows.compactMap(\.subject)) == Set(expected.map(\.unit)))
    for r in expected {
      let row = try #require(rows.first { $0.subject == r.unit })
      #expect(row.cells.map(Self.cellText).contains("\(r.weeksInARow)"))
    }
    let overview = Screens.render(app, data).text
    #expect(overview.contains("本周未报送  \(expected.count)/\(data.reportingUnitCount) 个单位"))
  }

  /// A sub-command page lists its own silent units (and only them), with weeks in a row; one
  /// whose units all reported says so.
  @Test func eachSubCommandPageListsItsOwnSilentUnits() throws {
    let c = Bundled.campaign
    for sc in c.subCommands {
      let model = Pages.model(.subCommand(sc.id), Self.context(Bundled.app(width: 120, height: 40)))
      let mine = Bundled.data.missing.filter { $0.subCommand == sc.id }
      let heading = "\(Strings(.zh).missingReports) (\(mine.count))"
      let has = model.blocks.contains { if case .heading(let h, _) = $0 { h == heading } else { false } }
      #expect(has, "\(sc.id) lacks \(heading)")
      if mine.isEmpty { continue }
      let table = try #require(model.tables.first { $0.columns.contains { $0.key == "weeksInARow" } })
      #expect(table.rows.map(\.subject) == Bundled.data.missing(subCommand: sc.id).map(\.unit))
      #expect(Set(table.rows.compactMap(\.subject)) == Set(mine.map(\.unit)))
    }
  }

  /// A report dated after the as-of date does not count for the as-of week (a past view does
  /// not know of it); dated on it, it takes the unit off the list.
  @Test func onlyReportsUpToTheAsOfDateCount() throws {
    let data = Bundled.data
    let silent = try #require(data.missing.first)
    let c = Bundled.campaign
    let subject: ReportSubject =
      c.indicators.first { $0.lead == silent.unit }.map { .indicator($0.id) }
      ?? .task(c.tasks.first { $0.lead == silent.unit }!.id)
    func with(_ day: Day) -> DashboardData {
      let file = ReportFile(
        path: "reports/zz.json", unit: silent.unit,
        entries: [ReportEntry(date: day, subject: subject, value: 1)])
      let c2 = Campaign(
        info: c.info, nodes: c.nodes, categories: c.categories, tasks: c.tasks, problems: c.problems,
        reportFiles: c.reportFiles + [file])
      return DashboardData(campaign: c2, asOf: data.asOf)
    }
    #expect(with(data.asOf + 1).missing.contains { $0.unit == silent.unit })
    #expect(!with(data.asOf).missing.contains { $0.unit == silent.unit })
  }

  /// The ledger's stage column says each problem's loop stage in the Strings word for
  /// CampaignKit's stage; the 待复核 state keeps exactly the fixed, unverified ones.
  @Test func theLedgerShowsTheLoopStageAndFiltersAwaitingVerification() throws {
    let day = Bundled.data.asOf
    var app = Bundled.press([.tab, .tab], on: Bundled.app(width: 120, height: 40))
    let model = Pages.model(.problems, Self.context(app))
    let table = try #require(model.tables.first)
    let stage = try #require(table.columns.firstIndex { $0.key == "stage" })
    let s = Strings(.zh)
    for row in table.rows {
      guard case .problem(let id)? = row.target else { continue }
      let p = try #require(Bundled.campaign.problems.first { $0.id == id })
      #expect(Self.cellText(row.cells[stage]) == s.stage(p.stage(on: day)))
    }
    app = Bundled.press([.char("f"), .char("f"), .char("f"), .char("f")], on: app)
    #expect(app.ledger.state == .awaitingVerification)
    let waiting = LedgerModel.problems(Self.context(app))
    let expected = Bundled.campaign.problems.filter { $0.isAwaitingVerification(on: day) }
    #expect(!waiting.isEmpty)
    #expect(Set(waiting.map(\.id)) == Set(expected.map(\.id)))
    #expect(Set(ProblemStage.allCases.map(Strings(.en).stage)).count == ProblemStage.allCases.count)
  }

  /// `w` walks the grid cells: the ledger keeps only that cell's problems and says which.
  @Test func theLedgerFiltersByGrid() throws {
    let app = Bundled.press([.tab, .tab, .char("w")], on: Bundled.app(width: 120, height: 40))
    let grid = try #require(app.ledger.grid)
    let list = LedgerModel.problems(Self.context(app))
    #expect(!list.isEmpty)
    #expect(list.allSatisfy { $0.grid == grid })
    let name = try #require(Bundled.campaign.node(grid)?.name)
    #expect(Screens.render(app, Bundled.data).text.contains("网格: \(name)"))
  }

  /// A reopened problem's page shows the whole loop: the undone fix and verification, the
  /// reopening with its note, then the new fix with its note.
  @Test func aReopenedProblemShowsItsEarlierCycle() throws {
    let app = Bundled.app(width: 120, height: 40)
    let model = Pages.model(.problem("p-0167"), Self.context(app))
    let history = try #require(model.tables.first { $0.columns.contains { $0.key == "step" } })
    let s = Strings(.zh)
    let steps = history.rows.map { $0.cells.map(Self.cellText) }
    #expect(
      steps == [
        ["2016-07-23", s.foundStep, ""], ["2016-07-24", s.assignedOn, ""], ["2016-07-24", s.fixedStep, ""],
        ["2016-07-29", s.verifiedStep, "创建办督查组组长"], ["2016-08-04", s.reopenedStep, "复查发现问题反弹，退回重新整改"],
        ["2016-08-08", s.fixedStep, "重新清理并安排网格员每日巡查"],
      ])
    var onScreen = app
    onScreen.stack = [.init(page: .problems), .init(page: .problem("p-0167"))]
    #expect(Screens.render(onScreen, Bundled.data).text.contains("环节  待复核"))
  }

  /// A community's page lists its grid cells with their leaders by title and each cell's open,
  /// overdue and awaiting-verification problems and rate, from the standing's grid ledgers; a
  /// unit without grid cells has no such section.
  @Test func aCommunityPageListsItsGridCells() throws {
    let app = Bundled.app(width: 120, height: 40)
    let id = "cm-dashaping"
    let cells = Bundled.campaign.gridCells(under: id)
    #expect(cells.count == 4)
    let model = Pages.model(.unit(id), Self.context(app))
    let table = try #require(model.tables.first { $0.columns.first?.key == "grid" })
    #expect(table.rows.map(\.subject) == cells.map(\.id))
    let keys = table.columns.map(\.key)
    let waiting = try #require(keys.firstIndex(of: "awaitingVerification"))
    let leaders = try #require(keys.firstIndex(of: "leaders"))
    for (row, g) in zip(table.rows, cells) {
      let r = Bundled.data.standing.grids[g.id] ?? Rectification()
      #expect(Self.cellText(row.cells[waiting]) == "\(r.awaitingVerification)")
      #expect(Self.cellText(row.cells[leaders]).contains("网格长"))
    }
    // p-0167 (reopened, fixed again) waits in the fourth cell.
    #expect(Self.cellText(table.rows[3].cells[waiting]) == "1")
    let bureau = Pages.model(.unit("u-jtj"), Self.context(app))
    #expect(!bureau.tables.contains { $0.columns.first?.key == "grid" })
  }

  /// Enter on a grid cell of a community's page opens the cell's page: every problem found in
  /// the cell by the as-of date, in the ledger's order, each opening its problem; `x` on one of
  /// them opens the fix form for it (the loop works from the cell as from the ledger).
  @Test func aGridCellOpensWithItsProblems() throws {
    var app = Bundled.app(width: 120, height: 40)
    let data = Bundled.data
    let id = "cm-yuhu"
    let cell = try #require(Bundled.campaign.gridCells(under: id).first)
    app.stack = [.init(page: .overview), .init(page: .unit(id))]
    let plan = Screens.plan(app, data)
    let row = try #require(plan.targets.firstIndex(of: .grid(cell.id)), "the cell's row opens it")
    app.stack[1].selection = row
    app = Bundled.press([.enter], on: app)
    #expect(app.page == .grid(cell.id))
    let day = data.asOf
    let expected = LedgerModel.ordered(
      Bundled.campaign.problems.filter { $0.grid == cell.id && $0.found <= day }, on: day)
    #expect(!expected.isEmpty)
    let opened = Screens.plan(app, data).targets
    #expect(opened == expected.map { Page.problem($0.id) })
    let screen = Screens.render(app, data).text
    #expect(screen.contains(cell.name))
    #expect(screen.contains("玉壶社区第一网格"))
    let fixed = Bundled.press([.char("x")], on: app)
    #expect(fixed.form?.purpose == .fix(problem: expected[0].id))
  }
}
