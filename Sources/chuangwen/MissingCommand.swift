import ArgumentParser
import CampaignKit
import DashboardKit
import Foundation

/// `chuangwen missing`: the 催报 list, the units that have not reported for a week, with how
/// many weeks in a row, grouped by sub-command (whose liaison chases them).
struct MissingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "missing",
    abstract: "List the units that have not reported for a week (催报).",
    discussion: """
      A unit that leads an indicator or task has not reported for a week (Monday to \
      Sunday) when none of its report entries is dated in it. `chuangwen template --missing` \
      writes the sheets of exactly these units.
      Exit codes: 0 listed (also when the list is empty) · 64 usage · 65 bad data · 66 no campaign
      """
  )

  @Option(help: "The campaign directory (default: $CHUANGWEN_DATA, else the bundled campaign).")
  var data: String?
  @Option(help: "Any day of the week, YYYY-MM-DD (default: today inside the campaign, else its as-of date).")
  var week: String?
  @Option(help: "text or json.") var format: String = "text"

  func validate() throws {
    guard format == "text" || format == "json" else {
      throw ValidationError("unknown format \"\(format)\"; choose text or json")
    }
  }

  func run() throws {
    let c = try IntakeSupport.load(DataLocation.resolve(data), command: "missing")
    let day = try IntakeSupport.day(week, campaign: c, command: "missing")
    let w = ReportingWeek(containing: day)
    let list = MissingReports.compute(campaign: c, week: w)
    if format == "json" {
      let units: [JSONValue] = list.map { m in
        .object(
          JSONObject([
            ("unit", .string(m.unit)), ("name", .string(c.node(m.unit)?.name ?? m.unit)),
            ("subCommand", m.subCommand.map { .string($0) } ?? .null),
            ("weeksInARow", .number(Double(m.weeksInARow))),
            ("lastReported", m.lastReported.map { .string($0.description) } ?? .null),
          ]))
      }
      let top = JSONValue.object(
        JSONObject([
          ("week", .string(w.label)), ("from", .string(w.start.description)),
          ("to", .string(w.end.description)),
          ("expected", .number(Double(MissingReports.reportingUnits(c).count))),
          ("missing", .array(units.map { JSONNode($0) })),
        ]))
      printOut(JSONWriter.write(top))
      return
    }
    let expected = MissingReports.reportingUnits(c).count
    printOut("\(w.label) (\(w.start) … \(w.end)): \(list.count) of \(expected) units have not reported")
    for sc in c.subCommands + [nil] as [OrgNode?] {
      let mine = list.filter { $0.subCommand == sc?.id }
      guard !mine.isEmpty else { continue }
      printOut("")
      printOut(sc.map { SafeText.sanitize($0.name) } ?? "（未归属分指挥部）")
      for m in mine {
        let name = SafeText.sanitize(c.node(m.unit)?.name ?? m.unit)
        let last = m.lastReported.map { "last reported \($0)" } ?? "never reported"
        printOut(
          "  \(name) (\(SafeText.sanitize(m.unit)))  \(m.weeksInARow) week\(m.weeksInARow == 1 ? "" : "s") in a row · \(last)"
        )
      }
    }
  }
}
