import ArgumentParser
import CampaignKit
import Foundation
import IntakeKit

/// `chuangwen import`: the filled sheets come back. Every sheet is checked first; each good file
/// goes in (through the same writer and lock as `record`), each bad one is listed with the file,
/// sheet and cell of every problem, and left out whole.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import filled report sheets (xlsx or CSV) into the campaign's reports.",
    discussion: """
      Reads the sheets `chuangwen template` wrote once units have filled them in (Excel, WPS or \
      LibreOffice; CSV in UTF-8, with or without BOM, or GB18030). A sheet replaces its unit's \
      entries for its report date, so importing a corrected sheet again is how a mistake is put \
      right, and importing the same sheet twice changes nothing. Folders are read for their \
      .xlsx and .csv files. --dry-run shows every change (old → new) and writes nothing.
      Exit codes: 0 all imported · 64 usage · 65 some files refused (the others went in) · 66 no \
      campaign, or a named file or folder is missing (the others went in)
      """
  )

  @Option(
    help: "The campaign directory (default: $CHUANGWEN_DATA; the bundled campaign is never written to).")
  var data: String?
  @Flag(help: "Show what would change and write nothing.") var dryRun = false
  @Argument(help: "Filled sheets (.xlsx, .csv) or folders of them.") var paths: [String]

  func validate() throws {
    if paths.isEmpty { throw ValidationError("name the filled sheets (files or folders) to import") }
  }

  func run() throws {
    let dir = try IntakeSupport.writableDirectory(data, command: "import")
    let c = try IntakeSupport.load(dir, command: "import")
    let plan = ImportPlan.make(campaign: c, paths: paths)
    for i in plan.allIssues { complain(i.description) }

    var writer = ReportWriter(directory: dir)
    var changedSheets = 0
    var unchangedSheets = 0
    var failed = false
    let sheets = plan.goodSheets
    func name(_ s: ReportSubject) -> String {
      switch s {
      case .indicator(let id): c.indicator(id).map { "\(id) \($0.name)" } ?? id
      case .task(let id): c.task(id).map { "\(id) \($0.name)" } ?? id
      }
    }
    func show(_ v: Double?) -> String { v.map(JSONWriter.numberText) ?? "—" }
    // The write lock only when writing: a dry run leaves the directory exactly as it was.
    func locked(_ body: () throws -> Void) throws {
      if dryRun { try body() } else { try CampaignWriteLock.withLock(directory: dir, body) }
    }
    do {
      try locked {
        for s in sheets {
          let at = s.file + (s.sheet.isEmpty ? "" : ": " + s.sheet)
          let unitName = c.node(s.unit)?.name ?? s.unit
          // A sheet handed back with no value filled in is not a report (and must not wipe one).
          if s.entries.isEmpty {
            say("\(at): \(unitName) (\(s.unit)) \(s.day): no values filled in; nothing to import")
            unchangedSheets += 1
            continue
          }
          let current = writer.entries(of: s.unit, on: s.day)
          let changes = ImportPlan.changes(of: s, current: current, campaign: c)
          if dryRun {
            if changes.isEmpty {
              say("\(at): \(unitName) (\(s.unit)) \(s.day): no change")
              unchangedSheets += 1
            } else {
              say(
                "\(at): \(unitName) (\(s.unit)) \(s.day): \(changes.count) change\(changes.count == 1 ? "" : "s")"
              )
              for ch in changes {
                say(
                  "  \(name(ch.subject)): \(show(ch.old)) → \(ch.new.map(JSONWriter.numberText) ?? "(removed)")"
                )
              }
              changedSheets += 1
            }
            continue
          }
          do {
            switch try writer.replace(unit: s.unit, day: s.day, with: s.entries) {
            case .unchanged:
              say("\(at): \(unitName) (\(s.unit)) \(s.day): no change")
              unchangedSheets += 1
            case .written(let file, let cleared):
              let moved =
                cleared.isEmpty
                ? "" : " (its entries of that day taken out of \(cleared.joined(separator: ", ")))"
              say(
                "\(at): \(unitName) (\(s.unit)) \(s.day): \(s.entries.count) value\(s.entries.count == 1 ? "" : "s"), \(changes.count) changed → \(file)\(moved)"
              )
              changedSheets += 1
            }
          } catch {
            complain("\(at): cannot write \(s.unit)'s report: \(error)")
            failed = true
          }
        }
      }
    } catch {
      complain("chuangwen import: \(error)")
      throw ExitCodes.dataError
    }
    for n in writer.notes { complain("note: \(n)") }
    let badFiles = plan.files.filter { !$0.isGood }.map(\.file)
    var summary =
      dryRun
      ? "dry run: \(changedSheets) sheet\(changedSheets == 1 ? "" : "s") would change, \(unchangedSheets) unchanged; nothing written"
      : "imported \(changedSheets) sheet\(changedSheets == 1 ? "" : "s"), \(unchangedSheets) unchanged"
    if !badFiles.isEmpty || !plan.issues.isEmpty {
      summary +=
        "; refused \(badFiles.count + plan.issues.count) (see above): "
        + (badFiles + plan.issues.map(\.file)).joined(separator: ", ")
    }
    say(summary)
    // A bad sheet is a data error (65); a named file or folder that is not there, missing input (66).
    if failed || !badFiles.isEmpty { throw ExitCodes.dataError }
    if !plan.issues.isEmpty { throw ExitCodes.noInput }
  }
}
