import CampaignKit
import Foundation
import ZIPFoundation

/// Writes a minimal SpreadsheetML workbook (what Excel, WPS and LibreOffice all open): one
/// worksheet per sheet, inline strings (no shared-string table to keep in step), four cell
/// styles (locked grey, editable white, header, instructions) and sheet protection without a
/// password, so the grey cells resist accidental edits while the white ones stay open.
public enum XLSXWriter {
  public struct SheetInput {
    public var name: String
    public var rows: [[(SheetLayout.Cell, SheetLayout.Style)]]
    public var columnWidths: [Double]
    /// Cells to merge, e.g. `A1:I1`.
    public var merges: [String]
    /// Input checks on the value column: kind of value and the rows it applies to.
    public var checks: [(Measure.Kind, [Int])]
    public init(
      name: String, rows: [[(SheetLayout.Cell, SheetLayout.Style)]], columnWidths: [Double], merges: [String],
      checks: [(Measure.Kind, [Int])] = []
    ) {
      self.name = name
      self.rows = rows
      self.columnWidths = columnWidths
      self.merges = merges
      self.checks = checks
    }
  }

  /// The sheet of one unit laid out as ``SheetLayout`` says.
  public static func sheet(_ t: TemplateSheet, name: String) -> SheetInput {
    let last = CellRef.letters(SheetLayout.Column.allCases.count)
    return SheetInput(
      name: name, rows: SheetLayout.rows(t), columnWidths: SheetLayout.Column.allCases.map(\.width),
      merges: ["A1:\(last)1"], checks: SheetLayout.valueChecks(t))
  }

  /// The workbook's bytes.
  public static func workbook(_ sheets: [SheetInput]) throws -> Data {
    let archive = try Archive(accessMode: .create)
    var parts: [(String, String)] = [
      ("[Content_Types].xml", contentTypes(sheets.count)),
      ("_rels/.rels", rootRels),
      ("xl/workbook.xml", workbookXML(sheets.map(\.name))),
      ("xl/_rels/workbook.xml.rels", workbookRels(sheets.count)),
      ("xl/styles.xml", styles),
    ]
    for (i, s) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(s))) }
    // A fixed time keeps the bytes the same for the same input (reproducible templates).
    let stamp = Date(timeIntervalSince1970: 1_451_606_400)
    for (path, text) in parts {
      let data = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
        compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    guard let bytes = archive.data else { throw WriteError("the workbook could not be assembled in memory") }
    return bytes
  }

  public struct WriteError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
  }

  static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  static func contentTypes(_ n: Int) -> String {
    var s =
      header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
      + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    for i in 1...max(1, n) where i <= n {
      s +=
        "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    return s + "</Types>"
  }

  static let rootRels =
    header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

  static func workbookXML(_ names: [String]) -> String {
    var s = header + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><sheets>"
    for (i, n) in names.enumerated() {
      s += "<sheet name=\"\(XMLText.escape(n))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
    }
    return s + "</sheets></workbook>"
  }

  static func workbookRels(_ n: Int) -> String {
    var s = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    for i in 0..<n {
      s +=
        "<Relationship Id=\"rId\(i + 1)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
    }
    s += "<Relationship Id=\"rId\(n + 1)\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/>"
    return s + "</Relationships>"
  }

  /// Style indices match ``SheetLayout/Style`` raw values (0 is the default).
  static let styles =
    header + "<styleSheet xmlns=\"\(mainNS)\">"
    + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/></font><font><b/><sz val=\"11\"/><name val=\"等线\"/></font></fonts>"
    + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
    + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9D9D9\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
    + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
    + "<border><left style=\"thin\"><color rgb=\"FF999999\"/></left><right style=\"thin\"><color rgb=\"FF999999\"/></right>"
    + "<top style=\"thin\"><color rgb=\"FF999999\"/></top><bottom style=\"thin\"><color rgb=\"FF999999\"/></bottom><diagonal/></border></borders>"
    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    + "<cellXfs count=\"5\">"
    + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFill=\"1\" applyBorder=\"1\" applyProtection=\"1\"><protection locked=\"1\"/></xf>"
    + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyProtection=\"1\"><protection locked=\"0\"/></xf>"
    + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyProtection=\"1\"><protection locked=\"1\"/></xf>"
    + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\" applyProtection=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/><protection locked=\"1\"/></xf>"
    + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"

  /// `dataValidations` for the value column: numbers ≥ 0 (a percentage at most 100; typing 95%
  /// stores 0.95, which passes), 是/否/1/0 for yes/no. Blank stays allowed: not reported.
  static func validations(_ checks: [(Measure.Kind, [Int])]) -> String {
    guard !checks.isEmpty else { return "" }
    let col = CellRef.letters(SheetLayout.Column.value.rawValue)
    var x = "<dataValidations count=\"\(checks.count)\">"
    for (kind, rows) in checks {
      let sqref = rows.map { "\(col)\($0)" }.joined(separator: " ")
      let common =
        "allowBlank=\"1\" showErrorMessage=\"1\" errorTitle=\"\(XMLText.escape("数值有误"))\" sqref=\"\(sqref)\""
      switch kind {
      case .yesno:
        x +=
          "<dataValidation type=\"list\" \(common) error=\"\(XMLText.escape("请填写 是 或 否（也可填 1 或 0）"))\"><formula1>\"是,否,1,0\"</formula1></dataValidation>"
      case .percent:
        x +=
          "<dataValidation type=\"decimal\" operator=\"between\" \(common) error=\"\(XMLText.escape("请填写 0 到 100 之间的数字，可带 %"))\"><formula1>0</formula1><formula2>100</formula2></dataValidation>"
      case .count, .ratio, .score:
        x +=
          "<dataValidation type=\"decimal\" operator=\"greaterThanOrEqual\" \(common) error=\"\(XMLText.escape("请填写不小于 0 的数字（阿拉伯数字）"))\"><formula1>0</formula1></dataValidation>"
      }
    }
    return x + "</dataValidations>"
  }

  static func worksheet(_ s: SheetInput) -> String {
    var x = header + "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
    // Keep the header rows in view while scrolling through many indicators.
    x +=
      "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(SheetLayout.headerRow)\" topLeftCell=\"A\(SheetLayout.firstDataRow)\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
    if !s.columnWidths.isEmpty {
      x += "<cols>"
      for (i, w) in s.columnWidths.enumerated() {
        x += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>"
      }
      x += "</cols>"
    }
    x += "<sheetData>"
    for (r, row) in s.rows.enumerated() {
      let rowNumber = r + 1
      x += rowNumber == 1 ? "<row r=\"1\" ht=\"48\" customHeight=\"1\">" : "<row r=\"\(rowNumber)\">"
      for (c, (cell, style)) in row.enumerated() {
        let ref = CellRef(column: c + 1, row: rowNumber).description
        switch cell {
        case .empty: x += "<c r=\"\(ref)\" s=\"\(style.rawValue)\"/>"
        case .number(let d): x += "<c r=\"\(ref)\" s=\"\(style.rawValue)\"><v>\(CellValue.plain(d))</v></c>"
        case .text(let t):
          x +=
            "<c r=\"\(ref)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLText.escape(t))</t></is></c>"
        }
      }
      x += "</row>"
    }
    x += "</sheetData>"
    x += "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\"/>"
    if !s.merges.isEmpty {
      x += "<mergeCells count=\"\(s.merges.count)\">"
      for m in s.merges { x += "<mergeCell ref=\"\(m)\"/>" }
      x += "</mergeCells>"
    }
    x += validations(s.checks)
    return x + "</worksheet>"
  }
}
