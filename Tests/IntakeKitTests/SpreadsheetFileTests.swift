import CampaignKit
import Foundation
import Testing

@testable import IntakeKit

/// The files: xlsx written by chuangwen and by openpyxl, CSV in UTF-8 with and without BOM and
/// in GB18030.
@Suite struct SpreadsheetFileTests {
  @Test func cellAddresses() {
    #expect(CellRef("E7") == CellRef(column: 5, row: 7))
    #expect(CellRef("AA10") == CellRef(column: 27, row: 10))
    #expect(CellRef("7E") == nil && CellRef("E") == nil && CellRef("E0") == nil)
    #expect(CellRef(column: 28, row: 3).description == "AB3")
  }

  @Test func theTemplateReadsBackAsWritten() throws {
    let c = try Repo.campaign("minimal")
    let t = TemplateSheet.make(campaign: c, unit: "u-zj", day: "2016-07-01")
    // u-zj leads c1-1-2 and task-covers, supports c1-1-1; it reported 380 for both on 07-01.
    #expect(t.rows.map(\.subject.id) == ["c1-1-2", "c1-1-1", "task-covers"])
    #expect(t.rows.map(\.role) == [.leads, .supports, .task])
    #expect(t.rows[0].lastValue == 300 && t.rows[0].lastDate == "2016-06-24")
    #expect(
      t.rows[0].value == 380 && t.rows[0].note == "本周更换80块", "what was already reported that day is kept")
    let data = try XLSXWriter.workbook([XLSXWriter.sheet(t, name: t.week.label)])
    let sheets = try XLSXReader.sheets(data)
    #expect(sheets.map(\.name) == ["第26周"])
    let s = try #require(sheets.first)
    #expect(s[1, 1] == .text(SheetLayout.instructions))
    #expect(s[2, SheetLayout.unitRow] == .text("u-zj"))
    #expect(s[5, SheetLayout.firstDataRow] == .number(380))
    let (f, issues) = SheetParser(campaign: c).parse(s, file: "住建局.xlsx")
    #expect(issues.isEmpty)
    #expect(f?.entries.map(\.value) == [380, 380])
  }

  @Test func theWorkbookLocksAndGreysAllButTheValueAndNoteColumns() throws {
    let c = try Repo.campaign("minimal")
    let t = TemplateSheet.make(campaign: c, unit: "u-cg", day: "2016-07-01")
    let data = try XLSXWriter.workbook([XLSXWriter.sheet(t, name: "第26周")])
    let xml = XLSXWriter.worksheet(XLSXWriter.sheet(t, name: "第26周"))
    #expect(xml.contains("<sheetProtection sheet=\"1\""))
    #expect(xml.contains("<c r=\"E7\" s=\"2\"/>"), "the value cell is editable (style 2, unlocked)")
    #expect(xml.contains("<c r=\"A7\" s=\"1\" t=\"inlineStr\">"), "the id cell is locked and grey (style 1)")
    #expect(XLSXWriter.styles.contains("<protection locked=\"0\"/>"))
    // u-cg: c1-1-1 (percent, row 7), task-covers (count, row 8): the sheet checks the values.
    #expect(t.rows.map(\.kind) == [.percent, .count])
    #expect(xml.contains("<dataValidation type=\"decimal\" operator=\"between\""))
    #expect(
      xml.contains(
        "sqref=\"E7\" error=\"请填写 0 到 100 之间的数字，可带 %\"><formula1>0</formula1><formula2>100</formula2>"))
    #expect(xml.contains("operator=\"greaterThanOrEqual\""))
    #expect(xml.contains("sqref=\"E8\""))
    #expect(data.count > 1000)
  }

  @Test func csvIsUTF8WithABOMAndReadsBackInAnyOfTheThreeEncodings() throws {
    let c = try Repo.campaign("minimal")
    let t = TemplateSheet.make(campaign: c, unit: "u-zj", day: "2016-07-01")
    let bytes = [UInt8](try CSVSheet.write(t))
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    let (s, enc) = try CSVSheet.read(bytes, name: "")
    #expect(enc == .utf8BOM)
    #expect(s[2, SheetLayout.unitRow] == .text("u-zj"))
    #expect(s[1, SheetLayout.headerRow] == .text("编号"))
    let (_, plain) = try CSVSheet.read(Array(bytes.dropFirst(3)), name: "")
    #expect(plain == .utf8)
    // "编号,名称" in GB18030, as WPS saves a CSV on Chinese Windows.
    let gb: [UInt8] = [0xB1, 0xE0, 0xBA, 0xC5, 0x2C, 0xC3, 0xFB, 0xB3, 0xC6]
    let (g, genc) = try CSVSheet.read(gb, name: "")
    #expect(genc == .gb18030)
    #expect(g[1, 1] == .text("编号") && g[2, 1] == .text("名称"))
    #expect(throws: TextDecoding.DecodeError.self) { try CSVSheet.read([0xFF, 0xFE, 0x41, 0x00], name: "") }
  }

  @Test func namesThatLookLikeFormulasAreWrittenInertInCSV() throws {
    #expect(CSVSheet.guarded("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
    #expect(CSVSheet.guarded("市容") == "市容")
    #expect(CSVSheet.unguarded("'=1+1") == "=1+1")
    #expect(CSVSheet.unguarded("'abc") == "'abc")
  }

  @Test func notAWorkbookIsSaidPlainly() {
    #expect(throws: XLSXReader.ReadError.self) { try XLSXReader.sheets(Data("hello".utf8)) }
  }

  @Test(.enabled(if: Python.available, "needs python3 (the openpyxl checks are skipped)"))
  func aSheetFilledByOpenpyxlImports() throws {
    #expect(Python.haveOpenpyxl, "python3 has no openpyxl: python3 -m pip install openpyxl (.ci/run does)")
    guard Python.haveOpenpyxl else { return }
    let c = try Repo.campaign("minimal")
    let dir = try Repo.tempDir()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let t = TemplateSheet.make(campaign: c, unit: "u-cg", day: "2016-07-08")
    try XLSXWriter.workbook([XLSXWriter.sheet(t, name: t.week.label)]).write(
      to: URL(fileURLWithPath: dir + "/t.xlsx"))
    // openpyxl writes shared strings (not inline ones), a percent format, and a formula with no
    // cached value; the note as a shared string too.
    try Python.fill([dir + "/t.xlsx", dir + "/filled.xlsx", "E7=0.93@0%", "F7=巡查整改", "E8==1+1"])
    let sheets = try XLSXReader.sheets(try Data(contentsOf: URL(fileURLWithPath: dir + "/filled.xlsx")))
    let s = try #require(sheets.first)
    #expect(s.name == "第27周")
    #expect(s[5, 7] == .percent(0.93))
    let (f, issues) = SheetParser(campaign: c).parse(s, file: "filled.xlsx")
    #expect(issues.isEmpty, "\(issues)")
    // The formula has no cached value (openpyxl computes nothing), so that row is not reported.
    #expect(
      f?.entries == [ReportEntry(date: "2016-07-08", subject: .indicator("c1-1-1"), value: 93, note: "巡查整改")])
  }

  @Test func cachedFormulaValuesAndSharedStringsAreRead() throws {
    // A sheet part as Excel writes it: shared strings, a formula with its cached value, a
    // string formula, a boolean, an inline rich-text string.
    let sheet = """
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="7"><c r="A7" t="s"><v>1</v></c><c r="E7"><f>SUM(G7:H7)</f><v>91.5</v></c>
      <c r="F7" t="str"><f>"备"&amp;"注"</f><v>备注</v></c><c r="G7" t="b"><v>1</v></c>
      <c r="H7" t="inlineStr"><is><r><t>甲</t></r><r><t>乙</t></r></is></c><c r="I7" s="1"><v>0.5</v></c></row>
      </sheetData></worksheet>
      """
    let strings = SharedStringsHandler()
    _ = try XLSXReader.parse(
      Data(
        "<sst><si><t>编号</t></si><si><r><t>c1-</t></r><r><t>1-1</t></r><rPh><t>x</t></rPh></si></sst>".utf8),
      strings)
    #expect(strings.strings == ["编号", "c1-1-1"])
    let h = try XLSXReader.parse(Data(sheet.utf8), SheetHandler(strings: strings.strings, percentStyles: [1]))
    #expect(h.cells[CellRef("A7")!] == .text("c1-1-1"))
    #expect(h.cells[CellRef("E7")!] == .number(91.5))
    #expect(h.cells[CellRef("F7")!] == .text("备注"))
    #expect(h.cells[CellRef("G7")!] == .bool(true))
    #expect(h.cells[CellRef("H7")!] == .text("甲乙"))
    #expect(h.cells[CellRef("I7")!] == .percent(0.5))
  }
}
