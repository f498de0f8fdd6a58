import ArgumentParser
import CampaignKit
import Foundation

/// `chuangwen record`: a unit reports one value. Checked against the campaign, then written
/// under `reports/` atomically (temporary file + rename), appending to the unit's file for the
/// day when there is one, so no earlier entry and no other unit's file is ever touched.
struct RecordCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "record",
    abstract: "Record a unit's report of one indicator or task value.",
    discussion: """
      Writes reports/<unit>-<date>.json in the campaign directory (appending to it when the unit \
      already reported that day). A running dashboard shows the new value within a second.
      Exit codes: 0 recorded · 64 usage (unknown id, bad option) · 65 bad value or date, or the \
      file cannot be written · 66 no campaign at --data
      """
  )

  @Option(
    help: "The campaign directory (default: $CHUANGWEN_DATA; the bundled campaign is never written to).")
  var data: String?

  @Option(help: "The reporting unit's id.") var unit: String
  @Option(help: "The indicator reported on.") var indicator: String?
  @Option(help: "The task reported on.") var task: String?
  @Option(help: "The value: a number; for yes/no measures 0, 1, true or false.") var value: String
  @Option(help: "The date of the report, YYYY-MM-DD (default: today).") var date: String?
  @Option(help: "A note shown with the value.") var note: String?

  func validate() throws {
    if (indicator == nil) == (task == nil) {
      throw ValidationError("give exactly one of --indicator ID or --task ID")
    }
  }

  func run() throws {
    guard let dir = data ?? ProcessInfo.processInfo.environment["CHUANGWEN_DATA"], !dir.isEmpty else {
      throw ValidationError("say which campaign to write to with --data DIR (or $CHUANGWEN_DATA)")
    }
    let result = CampaignLoader.load(directory: dir)
    guard let campaign = result.campaign else {
      for f in result.errors.prefix(10) { printError("error: \(f)") }
      throw result.missing.isEmpty ? ExitCodes.dataError : ExitCodes.noInput
    }

    // Ids: unknown ones are a usage error, with the nearest ids as suggestions.
    guard campaign.node(unit)?.kind.isUnit == true else {
      if let node = campaign.node(unit) { throw usage(notAUnit(node, in: campaign)) }
      throw usage(unknown("unit", unit, among: campaign.units.map(\.id)))
    }
    let subject: ReportSubject
    let measure: Measure
    if let id = indicator {
      guard let ind = campaign.indicator(id) else {
        throw usage(unknown("indicator", id, among: campaign.indicators.map(\.id)))
      }
      subject = .indicator(id)
      measure = ind.measure
    } else {
      let id = task!
      guard let t = campaign.task(id) else {
        throw usage(unknown("task", id, among: campaign.tasks.map(\.id)))
      }
      subject = .task(id)
      measure = t.measure
    }

    // The value and the date: wrong ones are data errors.
    let number = try parseValue(value, measure: measure)
    let day = try reportDay(campaign.info)

    // The shared writer (also used by `import` and `problem`), under the campaign's write lock.
    let entry = ReportEntry(date: day, subject: subject, value: number, note: note ?? "")
    var writer = ReportWriter(directory: dir)
    let written: String
    do {
      written = try CampaignWriteLock.withLock(directory: dir) {
        try writer.append([entry], unit: unit, day: day)
      }
    } catch {
      for n in writer.notes { printError("note: \(n)") }
      printError("chuangwen record: \(error)")
      throw ExitCodes.dataError
    }
    for n in writer.notes { printError("note: \(n)") }
    printOut(
      "recorded \(subject.id) = \(JSONWriter.numberText(number))\(measure.unit.isEmpty ? "" : " " + measure.unit) for \(unit) on \(day) in \(written)"
    )
    // A later file with an entry of the same day would still win; say so rather than surprise.
    let name = written
    if let later = campaign.series(subject).last(where: { $0.date == day && $0.file > name }) {
      printError(
        "note: \(later.file) also reports \(subject.id) on \(day) and sorts after \(name), so its value (\(JSONWriter.numberText(later.value))) is the one shown"
      )
    }
  }

  /// `--unit sc1`: the id is known but names a sub-command (or the headquarters…), which does
  /// not report; say so and name the units that do.
  func notAUnit(_ node: OrgNode, in campaign: Campaign) -> String {
    var msg = "\"\(node.id)\" (\(node.name)) is \(node.kind.noun), not a unit; only units report"
    if node.kind == .subCommand {
      let under = campaign.units.filter { campaign.subCommandOfUnit[$0.id] == node.id }.map(\.id)
      msg += under.isEmpty ? "; it has no units under it" : "; its units are " + under.joined(separator: ", ")
    }
    return msg
  }

  func unknown(_ noun: String, _ id: String, among ids: [String]) -> String {
    var msg = "unknown \(noun) \"\(id)\""
    let near = Suggestions.near(id, in: ids)
    if !near.isEmpty { msg += "; did you mean " + near.map { "\"\($0)\"" }.joined(separator: ", ") + "?" }
    return msg
  }

  /// The value by the rule the dashboard's entry form shares (``ReportValue``).
  func parseValue(_ text: String, measure: Measure) throws -> Double {
    do {
      return try ReportValue.parse(text, measure: measure)
    } catch {
      throw bad(error.description)
    }
  }

  func reportDay(_ info: CampaignInfo) throws -> Day {
    let day: Day
    if let date {
      guard let d = Day(date) else { throw bad("--date must be a date as YYYY-MM-DD, not \"\(date)\"") }
      day = d
    } else {
      var t = time(nil)
      var parts = tm()
      localtime_r(&t, &parts)
      day = Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
    guard day >= info.start && day <= info.end else {
      throw bad(
        "\(day)\(date == nil ? " (today)" : "") lies outside the campaign period \(info.start) … \(info.end); give --date inside it"
      )
    }
    return day
  }

  func usage(_ message: String) -> Error {
    printError("chuangwen record: \(message)")
    return ExitCodes.usage
  }

  func bad(_ message: String) -> Error {
    printError("chuangwen record: \(message)")
    return ExitCodes.dataError
  }
}
