import CampaignKit
import Foundation
import Testing

@testable import DashboardKit

/// The circular (通报) page model: every part the issue names comes from the data.
@Suite struct CircularModelTests {
  static func model(_ data: DashboardData = Bundled.data, _ lang: Language = .zh) -> PageModel {
    Snapshot.model(page: .brief, data: data, options: RenderOptions(language: lang))
  }

  static func headings(_ m: PageModel) -> [String] {
    m.blocks.compactMap { if case .heading(let h, _) = $0 { h } else { nil } }
  }

  @Test func mastheadNamesOfficeSeriesIssueAndDate() throws {
    guard case .masthead(let mh) = Self.model().blocks.first else {
      Issue.record("the circular starts with its masthead")
      return
    }
    #expect(mh.office == "洪江市创建省级文明城市工作指挥部办公室")
    #expect(mh.series == "创文工作通报 第35期")
    #expect(mh.issuer == "市创建办")
    #expect(mh.date == "2016年9月2日")
    #expect(mh.note == "第35次调度会")
  }

  @Test func sectionsInOrderFromTheData() {
    let m = Self.model()
    #expect(
      Self.headings(m).map { String($0.prefix(2)) } == ["一、", "二、", "三、", "四、", "五、", "六、"])
    #expect(Self.headings(m)[5] == "六、下步工作要求")
    let overall = m.blocks.compactMap { if case .paragraph(let p, _) = $0 { p } else { nil } }.first ?? ""
    #expect(overall == "截至2016年9月2日，全市创建工作得分97.5分（满分134分），完成72.8%，较第34次调度会提高3.4分、2.5个百分点。")
    guard case .list(let items) = m.blocks.first(where: { if case .list = $0 { true } else { false } }) else {
      Issue.record("no 下步工作要求 list")
      return
    }
    #expect(items.count == 5 && items[4].hasPrefix("各单位做好迎接省级第三方暗访测评准备"))
  }

  @Test func laggingIndicatorsCarryLeadUnitAndLiaisonLeader() throws {
    let m = Self.model()
    let subs = m.blocks.compactMap { if case .subheading(let h, let n) = $0 { (h, n) } else { nil } }
    let sc2 = try #require(subs.first { $0.0.contains("交通秩序整治分指挥部") })
    #expect(sc2.1 == "联系领导 副市长、公安局长")
    #expect(sc2.0 == "（二）交通秩序整治分指挥部 · 需关注 7")
    let table = try #require(
      m.tables.first {
        $0.columns.map(\.key) == ["name", "lead", "progress", "percent", "change", "status", "deadline"]
      })
    let f = CellFormat(s: Strings(.zh), glyphs: .unicode, medium: .paper)
    #expect(table.rows.allSatisfy { !f.text($0.cells[1]).isEmpty })
  }

  @Test func notReportedUnitsBySubCommand() throws {
    let m = Self.model()
    let t = try #require(m.tables.first { $0.columns.first?.key == "subCommand" })
    let b = Brief(data: Bundled.data)
    let f = CellFormat(s: Strings(.zh), glyphs: .unicode, medium: .paper)
    let listed = t.rows.map { f.text($0.cells[1]) }.joined(separator: "、")
    for r in b.missing {
      #expect(listed.contains(Bundled.campaign.node(r.unit)!.name), "\(r.unit)")
    }
    #expect(
      t.rows.reduce(0) { s, r in if case .count(let n, _) = r.cells[2] { s + n } else { s } }
        == b.missing.count)
  }

  @Test func overdueProblemsGroupedByUnit() throws {
    let m = Self.model()
    let t = try #require(
      m.tables.first { $0.columns.map(\.key) == ["unit", "place", "kind", "deadline", "daysOverdue"] })
    #expect(t.rows.count == 13)
    let named = t.rows.filter { if case .empty = $0.cells[0] { false } else { true } }
    #expect(named.count == Brief(data: Bundled.data).overdueUnits.count)
  }

  @Test func blackListCarriesStepMeaningAndDeadline() throws {
    let m = Self.model()
    let t = try #require(m.tables.first { $0.columns.map(\.key).contains("fixBy") })
    let r = Bundled.data.ranking
    #expect(t.rows.count == r.black.count)
    for (row, e) in zip(t.rows, r.black) {
      let esc = try #require(r.escalation(e.unit))
      let rule = try #require(r.rules.rule(level: esc.level))
      guard case .text(let action, _) = row.cells[4], case .date(let d, _) = row.cells[5] else {
        Issue.record("black-list row without action or deadline")
        continue
      }
      #expect(action == rule.action)
      #expect(d == r.meeting + rule.daysToFix!)
    }
  }

  @Test func signatureAndDistributionFromCampaignJSON() throws {
    let m = Self.model()
    let sig = m.blocks.compactMap { if case .signature(let s) = $0 { s } else { nil } }.first
    #expect(sig?.seal == "洪江市创建省级文明城市工作指挥部办公室（印章）")
    #expect(sig?.date == "2016年9月2日")
    guard case .facts(let facts) = m.blocks.last else {
      Issue.record("报送/抄送 close the circular")
      return
    }
    #expect(facts.map(\.label) == ["报送", "抄送"])
    #expect(facts[1].value == "各分指挥部，市直各责任单位，各乡镇（街道），各社区。")
  }

  @Test func aCampaignWithoutCircularFieldsStillGetsACircular() throws {
    let r = CampaignLoader.load(directory: Golden.repo.appendingPathComponent("fixtures/minimal").path)
    let c = try #require(r.campaign)
    let m = Self.model(DashboardData(campaign: c, asOf: c.info.defaultAsOf))
    guard case .masthead(let mh) = m.blocks.first else {
      Issue.record("no masthead")
      return
    }
    #expect(mh.office == c.info.title && mh.issuer == c.info.title)
    #expect(mh.series.hasPrefix("创文工作通报"))
    #expect(!Self.headings(m).contains { $0.contains("下步工作要求") })
    #expect(!m.blocks.contains { if case .facts = $0 { true } else { false } })
    #expect(m.blocks.contains { if case .signature(let s) = $0 { s.seal == nil } else { false } })
  }

  @Test func englishCircularSaysTheSameInEnglish() {
    guard case .masthead(let mh) = Self.model(Bundled.data, .en).blocks.first else {
      Issue.record("no masthead")
      return
    }
    #expect(mh.date == "2 September 2016" && mh.series.hasSuffix("No. 35") && mh.note == "Meeting 35")
  }
}
