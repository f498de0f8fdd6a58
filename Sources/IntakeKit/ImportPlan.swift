import CampaignKit
import Foundation

/// What importing a set of files would do: the sheets that go in, the changes they make, and
/// every problem found, per file. A file with any problem goes in not at all (no sheet of it),
/// so nothing is half-imported; the other files are unaffected.
public struct ImportPlan: Sendable {
  /// One value that changes: what the dashboard shows for that date now, and after.
  public struct Change: Sendable, Equatable {
    public var unit: String
    public var day: Day
    public var subject: ReportSubject
    public var old: Double?
    public var new: Double?
  }

  public struct FileOutcome: Sendable {
    public var file: String
    public var sheets: [FilledSheet]
    public var issues: [ImportIssue]
    public var isGood: Bool { issues.isEmpty }
  }

  public var files: [FileOutcome]
  /// Problems not tied to one readable file (a path that does not exist).
  public var issues: [ImportIssue]

  public var goodSheets: [FilledSheet] { files.filter(\.isGood).flatMap(\.sheets) }
  public var allIssues: [ImportIssue] { issues + files.flatMap(\.issues) }

  /// Reads and checks every file.
  public static func make(campaign: Campaign, paths: [String]) -> ImportPlan {
    let (files, pathIssues) = SheetFiles.expand(paths)
    let parser = SheetParser(campaign: campaign)
    var outcomes: [FileOutcome] = []
    var claimed: [String: String] = [:]  // unit + date → where it was first given
    for path in files {
      let shown = (path as NSString).lastPathComponent
      switch SheetFiles.read(path) {
      case .failure(let i):
        outcomes.append(FileOutcome(file: shown, sheets: [], issues: [i]))
      case .success(let sheets):
        var filled: [FilledSheet] = []
        var issues: [ImportIssue] = []
        for s in sheets {
          let (f, problems) = parser.parse(s, file: shown)
          issues += problems
          guard let f else { continue }
          let key = f.unit + "\u{0}" + f.day.description
          let here = shown + (s.name.isEmpty ? "" : ": " + s.name)
          if let prior = claimed[key] {
            issues.append(
              ImportIssue(
                file: shown, sheet: s.name, cell: nil,
                message:
                  "\(f.unit)'s report for \(f.day) is also in \(prior); hand in one sheet per unit and date"))
            continue
          }
          claimed[key] = here
          filled.append(f)
        }
        if filled.isEmpty && issues.isEmpty {
          issues.append(
            ImportIssue(
              file: shown, sheet: "", cell: nil,
              message:
                "no chuangwen sheet in this file (no \(SheetLayout.unitLabel) cell); use the sheets chuangwen template writes"
            ))
        }
        outcomes.append(FileOutcome(file: shown, sheets: filled, issues: issues))
      }
    }
    return ImportPlan(files: outcomes, issues: pathIssues)
  }

  /// The changes one sheet makes against what the unit reported for that date: values added or
  /// changed, and values of that date the sheet no longer gives (removed).
  public static func changes(of s: FilledSheet, current: [ReportEntry], campaign: Campaign) -> [Change] {
    var out: [Change] = []
    var now: [ReportSubject: Double] = [:]
    for e in current { now[e.subject] = e.value }
    var given: Set<ReportSubject> = []
    for e in s.entries {
      given.insert(e.subject)
      let before = now[e.subject] ?? campaign.latest(e.subject, on: s.day)?.value
      if now[e.subject] != e.value {
        out.append(Change(unit: s.unit, day: s.day, subject: e.subject, old: before, new: e.value))
      }
    }
    for e in current where !given.contains(e.subject) {
      out.append(Change(unit: s.unit, day: s.day, subject: e.subject, old: e.value, new: nil))
    }
    return out
  }
}
