import CampaignKit
import Foundation
import Testing

@testable import IntakeKit

/// Reading a filled sheet against the minimal campaign: u-cg leads c1-1-1 (percent) and
/// supports task-covers; t-qc leads c2-1-2 (yes/no).
@Suite struct SheetParserTests {
  /// A sheet laid out as the template writes it, with `values` (row → cell) typed into column E.
  static func sheet(unit: String, day: Day, rows: [(String, CellValue?)], note: [Int: String] = [:]) throws
    -> Sheet
  {
    let c = try Repo.campaign("minimal")
    var t = TemplateSheet.make(campaign: c, unit: unit, day: day)
    t.rows = []
    var cells: [CellRef: CellValue] = [:]
    for (r, row) in SheetLayout.rows(t).enumerated() {
      for (col, (cell, _)) in row.enumerated() {
        switch cell {
        case .text(let s): cells[CellRef(column: col + 1, row: r + 1)] = .text(s)
        case .number(let d): cells[CellRef(column: col + 1, row: r + 1)] = .number(d)
        case .empty: break
        }
      }
    }
    for (i, (id, value)) in rows.enumerated() {
      let r = SheetLayout.firstDataRow + i
      cells[CellRef(column: 1, row: r)] = .text(id)
      if let value { cells[CellRef(column: 5, row: r)] = value }
      if let n = note[i] { cells[CellRef(column: 6, row: r)] = .text(n) }
    }
    return Sheet(name: "第27周", cells: cells)
  }

  static func parse(_ s: Sheet) throws -> (FilledSheet?, [String]) {
    let (f, issues) = SheetParser(campaign: try Repo.campaign("minimal")).parse(s, file: "城管局.xlsx")
    return (f, issues.map(\.description))
  }

  @Test func readsValuesNotesAndPercentages() throws {
    let s = try Self.sheet(
      unit: "u-cg", day: "2016-07-08", rows: [("c1-1-1", .text("95%")), ("task-covers", .number(390))],
      note: [0: "本周完成"])
    let (f, issues) = try Self.parse(s)
    #expect(issues.isEmpty)
    #expect(f?.unit == "u-cg" && f?.day == "2016-07-08")
    #expect(
      f?.entries == [
        ReportEntry(date: "2016-07-08", subject: .indicator("c1-1-1"), value: 95, note: "本周完成"),
        ReportEntry(date: "2016-07-08", subject: .task("task-covers"), value: 390),
      ])
    // Excel stores a typed 95% as 0.95 in a percent-formatted cell.
    let (g, _) = try Self.parse(
      try Self.sheet(unit: "u-cg", day: "2016-07-08", rows: [("c1-1-1", .percent(0.95))]))
    #expect(g?.entries.first?.value == 95)
  }

  @Test func reportsEveryProblemWithItsCell() throws {
    let s = try Self.sheet(
      unit: "u-cg", day: "2016-07-08",
      rows: [
        ("c1-1-1", .text("九十")), ("c2-1-1", .number(3)), ("c9-9-9", .number(1)), ("task-covers", .number(-1)),
      ])
    let (f, issues) = try Self.parse(s)
    #expect(f == nil)
    #expect(
      issues == [
        "城管局.xlsx: 第27周!E7: expected a number, found \"九十\"",
        "城管局.xlsx: 第27周!E8: 城管局 (u-cg) does not report on c2-1-1; it is led by 交警大队 (u-jj)",
        "城管局.xlsx: 第27周!A9: unknown indicator or task \"c9-9-9\"",
        "城管局.xlsx: 第27周!E10: a value cannot be negative, found -1",
      ])
  }

  @Test func yesNoAndOddButHonestNumbers() {
    let yesno = Measure(kind: .yesno, baseline: 0, target: 1)
    let count = Measure(kind: .count, baseline: 0, target: 400)
    let pct = Measure(kind: .percent, baseline: 0, target: 100)
    func v(_ c: CellValue, _ m: Measure) -> Double? { try? SheetParser.value(c, measure: m).get() }
    #expect(v(.text("是"), yesno) == 1 && v(.text("否"), yesno) == 0 && v(.bool(true), yesno) == 1)
    #expect(v(.text("也许"), yesno) == nil)
    #expect(v(.number(2), yesno) == nil)
    #expect(v(.text("1,234"), count) == 1234)
    #expect(v(.text("３８０"), count) == 380, "full-width digits, as a Chinese input method types them")
    #expect(v(.text("95％"), pct) == 95)
    #expect(v(.text("95%"), count) == nil, "a percent sign only for a percentage")
    #expect(v(.text("101"), pct) == nil)
    #expect(v(.text("0x10"), count) == nil && v(.text("inf"), count) == nil && v(.text("nan"), count) == nil)
    #expect(v(.error("#DIV/0!"), count) == nil)
  }

  @Test func readsTheDateAsTextOrAsASerial() throws {
    var s = try Self.sheet(unit: "u-cg", day: "2016-07-08", rows: [("c1-1-1", .number(90))])
    s.cells[CellRef(column: 2, row: SheetLayout.dateRow)] = .number(42559)  // 2016-07-08 in Excel
    #expect(try Self.parse(s).0?.day == "2016-07-08")
    s.cells[CellRef(column: 2, row: SheetLayout.dateRow)] = .text("2017-01-02")
    #expect(
      try Self.parse(s).1 == [
        "城管局.xlsx: 第27周!B5: 2017-01-02 lies outside the campaign period 2016-01-01 … 2016-12-31"
      ])
  }

  @Test func aSheetWithoutAUnitCellIsNotOurs() {
    let other = Sheet(name: "说明", cells: [CellRef(column: 1, row: 1): .text("本表由各单位填写")])
    let (f, issues) = SheetParser(campaign: try! Repo.campaign("minimal")).parse(other, file: "x.xlsx")
    #expect(f == nil && issues.isEmpty)
  }
}
