import CampaignKit

/// One thing wrong with a filled sheet, located the way the user sees it:
/// `城管局.xlsx: 第36周!E7: expected a number, found "九十"`.
public struct ImportIssue: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  /// Empty for CSV, which has no sheets.
  public var sheet: String
  public var cell: CellRef?
  public var message: String

  public init(file: String, sheet: String, cell: CellRef?, message: String) {
    self.file = file
    self.sheet = sheet
    self.cell = cell
    self.message = message
  }

  public var description: String {
    var at = file + ": "
    if !sheet.isEmpty || cell != nil {
      at += sheet.isEmpty ? "" : sheet + (cell == nil ? "" : "!")
      at += cell?.description ?? ""
      at += ": "
    }
    return at + message
  }
}

/// A sheet read and checked: the unit, the report date, and the entries to record.
public struct FilledSheet: Sendable, Equatable {
  public var file: String
  public var sheet: String
  public var unit: String
  public var day: Day
  public var entries: [ReportEntry]
}

/// Reads a unit's filled sheet (laid out by ``SheetLayout``; the header row is found by its
/// labels, so a sheet whose rows were moved still reads) and checks every value against the
/// campaign, collecting every problem rather than stopping at the first.
public struct SheetParser {
  public let campaign: Campaign
  public init(campaign: Campaign) { self.campaign = campaign }

  /// The filled sheet, or the issues that keep it out. A sheet without a unit id cell is not a
  /// chuangwen sheet (a notes tab, say) and gives neither.
  public func parse(_ sheet: Sheet, file: String) -> (FilledSheet?, [ImportIssue]) {
    var issues: [ImportIssue] = []
    func issue(_ ref: CellRef?, _ msg: String) {
      issues.append(ImportIssue(file: file, sheet: sheet.name, cell: ref, message: msg))
    }
    // The labelled facts: label in column A, value in column B.
    var labelRow: [String: Int] = [:]
    var headerRow: Int?
    for r in 1...max(1, sheet.rowCount) {
      guard let a = sheet[1, r]?.text else { continue }
      if a == SheetLayout.Column.id.header {
        headerRow = headerRow ?? r
      } else {
        labelRow[a] = labelRow[a] ?? r
      }
    }
    guard let unitRow = labelRow[SheetLayout.unitLabel] else { return (nil, []) }
    let unitRef = CellRef(column: 2, row: unitRow)
    let unitText = sheet[2, unitRow]?.text ?? ""
    let unitNode = campaign.node(unitText)
    if unitText.isEmpty {
      issue(
        unitRef, "the unit id (\(SheetLayout.unitLabel)) is empty; use the sheet chuangwen template wrote")
    } else if unitNode?.kind.isUnit != true {
      issue(unitRef, "unknown unit \"\(unitText)\"" + near(unitText, campaign.units.map(\.id)))
    }

    var day: Day?
    if let r = labelRow[SheetLayout.dateLabel] {
      let ref = CellRef(column: 2, row: r)
      switch sheet[2, r] {
      case .number(let serial)?:
        day = Self.day(fromSerial: serial)
      case let v?:
        day = Day(v.text)
      case nil: break
      }
      if day == nil {
        issue(ref, "expected the report date as YYYY-MM-DD, found \"\(sheet[2, r]?.shown ?? "")\"")
      } else if let d = day, d < campaign.info.start || d > campaign.info.end {
        issue(ref, "\(d) lies outside the campaign period \(campaign.info.start) … \(campaign.info.end)")
        day = nil
      }
    } else {
      issue(nil, "no \(SheetLayout.dateLabel) row; use the sheet chuangwen template wrote")
    }

    guard let headerRow else {
      issue(nil, "no header row (a row starting with \"\(SheetLayout.Column.id.header)\")")
      return (nil, issues)
    }
    // Columns by their header text, so a sheet with a column moved still reads.
    var columnOf: [SheetLayout.Column: Int] = [:]
    for c in 1...max(1, SheetLayout.Column.allCases.count + 10) {
      guard let h = sheet[c, headerRow]?.text,
        let col = SheetLayout.Column.allCases.first(where: { $0.header == h })
      else { continue }
      columnOf[col] = columnOf[col] ?? c
    }
    for needed in [SheetLayout.Column.id, .value] where columnOf[needed] == nil {
      issue(CellRef(column: 1, row: headerRow), "no \"\(needed.header)\" column in the header row")
    }
    guard let idCol = columnOf[.id], let valueCol = columnOf[.value] else { return (nil, issues) }
    let noteCol = columnOf[.note]

    var entries: [ReportEntry] = []
    var seen: [String: Int] = [:]
    let unit = unitNode?.kind.isUnit == true ? unitText : nil
    for r in (headerRow + 1)...max(headerRow + 1, sheet.rowCount) {
      guard let id = sheet[idCol, r]?.text, !id.isEmpty else { continue }
      let valueRef = CellRef(column: valueCol, row: r)
      guard let raw = sheet[valueCol, r], !raw.text.isEmpty else { continue }  // not reported this week
      let idRef = CellRef(column: idCol, row: r)
      let subject: ReportSubject
      let measure: Measure
      var owners: (lead: String?, support: [String])
      if let ind = campaign.indicator(id) {
        subject = .indicator(id)
        measure = ind.measure
        owners = (ind.lead, ind.support)
      } else if let t = campaign.task(id) {
        subject = .task(id)
        measure = t.measure
        owners = (t.lead, t.support)
      } else {
        issue(
          idRef,
          "unknown indicator or task \"\(id)\""
            + near(id, campaign.indicators.map(\.id) + campaign.tasks.map(\.id)))
        continue
      }
      if let prior = seen[id] {
        issue(idRef, "\(id) is given twice (also on row \(prior)); keep one row per indicator or task")
        continue
      }
      seen[id] = r
      if let unit, owners.lead != unit, !owners.support.contains(unit) {
        let owner = owners.lead.map { l in "\(campaign.node(l)?.name ?? l) (\(l))" } ?? "no unit"
        issue(
          valueRef,
          "\(unitNode?.name ?? unit) (\(unit)) does not report on \(id); it is led by \(owner)")
        continue
      }
      switch Self.value(raw, measure: measure) {
      case .success(let v):
        let note = noteCol.flatMap { sheet[$0, r]?.text } ?? ""
        if let day { entries.append(ReportEntry(date: day, subject: subject, value: v, note: note)) }
      case .failure(let e):
        issue(valueRef, e.message)
      }
    }
    guard issues.isEmpty, let unit, let day else { return (nil, issues) }
    return (FilledSheet(file: file, sheet: sheet.name, unit: unit, day: day, entries: entries), [])
  }

  struct ValueError: Error { var message: String }

  /// A cell's value for a measure: numbers (also typed as text), `95%` for percentages, and
  /// 是/否, 1/0, true/false, √/× for yes/no measures.
  static func value(_ cell: CellValue, measure m: Measure) -> Result<Double, ValueError> {
    var number: Double?
    switch cell {
    case .number(let d): number = d
    case .percent(let d): number = m.kind == .percent ? d * 100 : d
    case .bool(let b): number = b ? 1 : 0
    case .error(let e): return .failure(ValueError(message: "the cell holds an error (\(e)), not a value"))
    case .text(let raw):
      let t = raw.trimmingCharacters(in: .whitespaces)
      if m.kind == .yesno {
        switch t.lowercased() {
        case "是", "1", "true", "yes", "√", "✓", "y": number = 1
        case "否", "0", "false", "no", "×", "✗", "n": number = 0
        default:
          return .failure(
            ValueError(message: "expected 是 or 否 (or 1/0) for a yes/no measure, found \"\(raw)\""))
        }
      } else if m.kind == .percent, t.hasSuffix("%") || t.hasSuffix("％") {
        number = plainNumber(String(t.dropLast()))
      } else {
        number = plainNumber(t)
      }
      if number == nil {
        return .failure(ValueError(message: "expected a number, found \"\(raw)\""))
      }
    }
    guard let d = number, d.isFinite else {
      return .failure(ValueError(message: "expected a number, found \"\(cell.shown)\""))
    }
    if m.kind == .yesno && d != 0 && d != 1 {
      return .failure(
        ValueError(message: "expected 是 or 否 (or 1/0) for a yes/no measure, found \"\(cell.shown)\""))
    }
    if d < 0 { return .failure(ValueError(message: "a value cannot be negative, found \(cell.shown)")) }
    if m.kind == .percent && d > 100 {
      return .failure(ValueError(message: "a percentage cannot exceed 100, found \(cell.shown)"))
    }
    return .success(d)
  }

  /// Decimal numbers as people type them (`1,234.5`, full-width digits); nothing else.
  static func plainNumber(_ s: String) -> Double? {
    var t = ""
    for ch in s.trimmingCharacters(in: .whitespaces) {
      if let v = ch.unicodeScalars.first?.value, ch.unicodeScalars.count == 1, (0xFF10...0xFF19).contains(v) {
        t.append(Character(UnicodeScalar(v - 0xFF10 + 0x30)!))
      } else if ch == "．" {
        t.append(".")
      } else if ch != "," {
        t.append(ch)
      }
    }
    guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") })
    else {
      return nil
    }
    return Double(t)
  }

  /// Excel's day number (1 = 1900-01-01, with its phantom 1900-02-29) as a day.
  static func day(fromSerial serial: Double) -> Day? {
    guard serial >= 61, serial < 2_958_466 else { return nil }
    return Day(year: 1899, month: 12, day: 30).map { $0 + Int(serial.rounded(.down)) }
  }

  func near(_ id: String, _ ids: [String]) -> String {
    let n = Suggestions.near(id, in: ids)
    return n.isEmpty ? "" : "; did you mean " + n.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
  }
}
