import CampaignKit
import Testing

@testable import DashboardKit

/// The rules of issue 13 that are not a golden screen: filters leave no empty sections and the
/// ledger's counts follow them, 未报送 is its own state, the live line belongs to the live date.
@Suite struct PageRuleTests {
  static func lines(_ app: App, _ data: DashboardData = Bundled.data) -> [String] {
    Screens.render(app, data).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// `/` on a sub-command keeps the matching units; the indicators section, left with no row,
  /// goes with its heading instead of standing empty.
  @Test func aFilterLeavesNoEmptySection() {
    var app = Bundled.press([.char("1")], on: Bundled.app(width: 100, height: 40))
    app.filter = "城管"
    let text = Self.lines(app).joined(separator: "\n")
    #expect(text.contains("市城市管理和行政执法局"))
    #expect(!text.contains(Strings(.zh).indicators + " ("), "an emptied section keeps its heading")
    let model = Pages.model(
      .subCommand("sc1"), PageContext(app: app, data: Bundled.data, s: Strings(.zh), options: RenderOptions())
    ).filtered(app.filter)
    #expect(model.tables.count == 1)
    #expect(model.tables[0].rows.allSatisfy { $0.filterText.contains("城管") })
  }

  /// The ledger's count line counts what `/` lets through, and a state filter shows no fix rate
  /// (a rate of open problems is always 0%).
  @Test func ledgerCountsFollowTheFilters() throws {
    var app = Bundled.press([.tab, .tab], on: Bundled.app(width: 100, height: 40))
    let all = LedgerModel.problems(
      PageContext(app: app, data: Bundled.data, s: Strings(.zh), options: RenderOptions()))
    app.filter = "玉壶"
    let some = LedgerModel.problems(
      PageContext(app: app, data: Bundled.data, s: Strings(.zh), options: RenderOptions()))
    #expect(some.count < all.count && !some.isEmpty)
    #expect(Self.lines(app)[5].contains("\(some.count) 条"))
    app.filter = ""
    let open = Bundled.press([.char("f")], on: app)
    #expect(open.ledger.state == .open)
    let line = Self.lines(open)[5]
    #expect(line.contains("未整改") && !line.contains("整改率"), "\(line)")
  }

  /// An indicator with no report on the as-of date is 未报送: `—`, not `0%`, and ○, not ▲.
  @Test func neverReportedIsItsOwnState() throws {
    let c = Bundled.campaign
    let st = Bundled.data.standing
    let i = try #require(c.indicators.indices.first { st.indicators[$0].value == nil })
    #expect(StatusMark(st.indicators[i]) == .notReported)
    let model = Snapshot.model(page: .subCommand(c.indicators[i].subCommand), data: Bundled.data)
    let row = try #require(model.tables.flatMap(\.rows).first { $0.subject == c.indicators[i].id })
    let f = CellFormat(s: Strings(.zh), glyphs: .unicode, medium: .screen)
    let texts = row.cells.map { f.text($0) }
    #expect(texts.contains("○ 未报送"))
    #expect(texts.contains("—") && !texts.contains("0%"))
    #expect(HeaderFigures(Bundled.data).count(.notReported) == st.indicators.filter { $0.value == nil }.count)
  }

  /// 实时 · 更新 shows on the live date only: not in a past view, not in a projection.
  @Test func theLiveLineBelongsToTheLiveDate() {
    var live = Bundled.data
    live.live = LiveStatus(mode: .watching, updated: .init(hour: 21, minute: 27, second: 10))
    let app = Bundled.app(width: 100, height: 30)
    #expect(Self.lines(app, live)[3].contains("实时 · 更新 21:27:10"))
    for day in [Bundled.campaign.info.defaultAsOf - 14, Bundled.campaign.info.defaultAsOf + 14] {
      var other = DashboardData(campaign: Bundled.campaign, asOf: day)
      other.live = live.live
      let lines = Self.lines(app, other)
      #expect(!lines[3].contains("实时"), "\(day): \(lines[3])")
      #expect(lines[0].contains(day < live.asOf ? "历史回看" : "推演"))
    }
  }

  /// In ASCII mode no status glyph is a minus sign (the header read `-4`), and help names keys
  /// in ASCII.
  @Test func asciiModeReadsWithoutUnicode() {
    let canvas = Screens.render(
      Bundled.press([.char("?")], on: Bundled.app(width: 80, height: 24)), Bundled.data,
      options: RenderOptions(ascii: true))
    let text = canvas.text
    #expect(!text.contains("⌫") && !text.contains("⇧"))
    #expect(text.contains("BkSp") && text.contains("S-Tab"))
    #expect(text.contains("按任意键关闭"), "the help box says how to close it, even at 80×24")
    #expect(!canvas.line(1).contains(" -4"))
  }
}
