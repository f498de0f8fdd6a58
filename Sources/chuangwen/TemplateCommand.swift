import ArgumentParser
import CampaignKit
import Foundation
import IntakeKit

/// `chuangwen template`: the weekly sheets the creation office sends out, one per unit,
/// pre-filled with what each unit reports on, for the units to fill in and hand back to
/// `chuangwen import`.
struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write the weekly report sheets (xlsx or CSV) units fill in and hand back.",
    discussion: """
      One sheet per unit with a row per indicator or task it leads or supports: id, name, measure \
      unit, target, last reported value and date (grey, locked), and white cells for this week's \
      value and a note. The first row tells the unit how to fill it in. \
      -o FILE.xlsx writes one workbook with a sheet per unit; -o DIR writes one file per unit \
      (<unit>.xlsx or <unit>.csv) into DIR. CSV is UTF-8 with a byte-order mark (Excel on Chinese \
      Windows needs it). Existing files are kept unless --force is given.
      Examples:
        chuangwen template --data D --missing --week 2016-09-02 -o 催报/
        chuangwen template --data D --unit u-cgj --format csv -o 城管局.csv
      Exit codes: 0 written · 64 usage · 65 bad data · 66 no campaign · 73 cannot write
      """
  )

  @Option(help: "The campaign directory (default: $CHUANGWEN_DATA).") var data: String?
  @Option(help: "One unit's sheet.") var unit: String?
  @Option(name: .customLong("sub-command"), help: "The sheets of the units under sub-command N (1–8).")
  var subCommand: Int?
  @Flag(help: "The sheets of every unit that leads or supports something.") var all = false
  @Flag(help: "The sheets of the units that have not reported for the week (催报).") var missing = false
  @Option(help: "The report date, YYYY-MM-DD (default: today inside the campaign, else its as-of date).")
  var week: String?
  @Option(help: "xlsx or csv.") var format: String = "xlsx"
  @Option(name: [.customShort("o"), .customLong("output")], help: "A .xlsx or .csv file, or a folder.")
  var output: String
  @Flag(help: "Replace files that exist.") var force = false

  func validate() throws {
    let chosen = [unit != nil, subCommand != nil, all, missing].filter { $0 }.count
    guard chosen == 1 else {
      throw ValidationError("choose exactly one of --unit ID, --sub-command N, --all or --missing")
    }
    guard format == "xlsx" || format == "csv" else {
      throw ValidationError("unknown format \"\(format)\"; choose xlsx or csv")
    }
  }

  func run() throws {
    let dir = DataLocation.resolve(data)
    let c = try IntakeSupport.load(dir, command: "template")
    let day = try IntakeSupport.day(week, campaign: c, command: "template")
    // Units with something to report on: they lead or support an indicator or task.
    var reporting = MissingReports.reportingUnits(c)
    for i in c.indicators { reporting.formUnion(i.support) }
    for t in c.tasks { reporting.formUnion(t.support) }
    var units: [OrgNode]
    if let unit {
      guard let n = c.node(unit), n.kind.isUnit else {
        complain("chuangwen template: " + IntakeSupport.unknown("unit", unit, among: c.units.map(\.id)))
        throw ExitCodes.usage
      }
      units = [n]
    } else if let key = subCommand {
      guard let sc = c.subCommand(key: key) else {
        complain("chuangwen template: there is no sub-command \(key) (keys are 1–\(c.subCommands.count))")
        throw ExitCodes.usage
      }
      units = c.units.filter { c.subCommandOfUnit[$0.id] == sc.id && reporting.contains($0.id) }
    } else if missing {
      let ids = Set(MissingReports.compute(campaign: c, week: ReportingWeek(containing: day)).map(\.unit))
      units = c.units.filter { ids.contains($0.id) }
      if units.isEmpty {
        say("every unit has reported for the week \(ReportingWeek(containing: day)); no sheets written")
        return
      }
    } else {
      units = c.units.filter { reporting.contains($0.id) }
    }
    let sheets = units.map { TemplateSheet.make(campaign: c, unit: $0.id, day: day) }
    for s in sheets where s.rows.isEmpty {
      complain("note: \(s.unit) leads and supports nothing, so its sheet has no rows")
    }
    let ext = format
    let lower = output.lowercased()
    let singleFile = lower.hasSuffix(".xlsx") || lower.hasSuffix(".csv")
    if singleFile && !lower.hasSuffix("." + ext) {
      throw ValidationError("-o \(output) does not end in .\(ext); give a .\(ext) file or a folder")
    }
    if singleFile && ext == "csv" && sheets.count != 1 {
      throw ValidationError(
        "a CSV file holds one unit's sheet; give a folder with -o for \(sheets.count) units")
    }
    var written: [String] = []
    if singleFile {
      let bytes: Data
      if ext == "xlsx" {
        let names = sheets.count == 1 ? [sheets[0].week.label] : SheetNames.unique(units.map(\.shortName))
        bytes = try XLSXWriter.workbook(zip(sheets, names).map { XLSXWriter.sheet($0, name: $1) })
      } else {
        bytes = try CSVSheet.write(sheets[0])
      }
      try save(bytes, to: output)
      written.append(output)
    } else {
      do {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
      } catch {
        complain("chuangwen template: cannot create \(output): \(error.localizedDescription)")
        throw ExitCodes.cannotCreate
      }
      let names = SheetNames.fileNames(units.map(\.shortName), ids: units.map(\.id))
      for (s, name) in zip(sheets, names) {
        let path = (output as NSString).appendingPathComponent(name + "." + ext)
        let bytes =
          ext == "xlsx"
          ? try XLSXWriter.workbook([XLSXWriter.sheet(s, name: s.week.label)]) : try CSVSheet.write(s)
        try save(bytes, to: path)
        written.append(path)
      }
    }
    say(
      "wrote \(sheets.count) sheet\(sheets.count == 1 ? "" : "s") for \(day) (\(ReportingWeek(containing: day).label)) in \(written.count) file\(written.count == 1 ? "" : "s")"
        + (written.count <= 3 ? ": " + written.joined(separator: ", ") : " under \(output)"))
  }

  func save(_ data: Data, to path: String) throws {
    do {
      let parent = (path as NSString).deletingLastPathComponent
      if !parent.isEmpty {
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
      }
      try AtomicFile.write(bytes: [UInt8](data), to: path, overwrite: force)
    } catch {
      complain("chuangwen template: \(error)\(force ? "" : " (give --force to replace it)")")
      throw ExitCodes.cannotCreate
    }
  }
}

/// Names a spreadsheet and a file system accept.
enum SheetNames {
  /// Sheet names: at most 31 characters, none of `[]:*?/\`, unique (a number appended).
  static func unique(_ names: [String]) -> [String] {
    var used: Set<String> = []
    return names.map { raw in
      var base = String(raw.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(28))
      if base.isEmpty { base = "Sheet" }
      var name = base
      var n = 2
      while used.contains(name) {
        name = base + "(\(n))"
        n += 1
      }
      used.insert(name)
      return name
    }
  }

  /// File names: the unit's short name, with its id when two units share one.
  static func fileNames(_ names: [String], ids: [String]) -> [String] {
    let clean = names.map { String($0.map { "/\\\0:".contains($0) ? "_" : $0 }) }
    var count: [String: Int] = [:]
    for n in clean { count[n, default: 0] += 1 }
    return zip(clean, ids).map { n, id in
      let safeID = String(id.map { "/\\\0".contains($0) ? "_" : $0 })
      return n.isEmpty || n.hasPrefix(".") || count[n]! > 1 ? "\(n)-\(safeID)" : n
    }
  }
}
