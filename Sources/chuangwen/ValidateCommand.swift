import ArgumentParser
import CampaignKit

/// `chuangwen validate [DIR]` (or `--data DIR`, as every other command takes it): the summary
/// of a campaign directory and every finding.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check a campaign directory and print a summary and every problem found.",
    discussion:
      "Exit codes: 0 valid (warnings allowed) · 65 data errors · 66 directory or a required file missing"
  )

  @Argument(help: "The campaign directory (default: the bundled Hongjiang campaign).")
  var directory: String?

  @Option(name: .customLong("data"), help: "The campaign directory, as the other commands take it.")
  var data: String?

  @Flag(name: .customLong("quiet"), help: "Print only the findings, no summary.")
  var quiet = false

  func validate() throws {
    if directory != nil && data != nil {
      throw ValidationError("give the campaign directory once: either as an argument or with --data")
    }
  }

  func run() throws {
    let dir = DataLocation.resolve(data ?? directory)
    let source = CampaignSource(directory: dir)
    KeptUntilExit.keep(source)
    let result = source.result
    if !quiet { printOut(ValidationReport.summary(result, directory: dir)) }
    for f in result.findings { printOut("\(f.severity.rawValue): \(f)") }
    printOut(ValidationReport.verdict(result))
    if !result.missing.isEmpty { throw ExitCodes.noInput }
    if !result.isValid { throw ExitCodes.dataError }
  }
}

/// The text `validate` prints; kept apart so that tests can check it without a process.
enum ValidationReport {
  static func summary(_ r: LoadResult, directory: String) -> String {
    guard let c = r.campaign else { return "\(directory): cannot be loaded" }
    let units = c.units.count
    // From the columns: no file or entry is made (275,000 entries at 50×).
    let reports = c.reportSummary
    let range = reports.first.map { "\($0) … \(reports.last!)" } ?? "none yet"
    let points = format(c.pointsSum)
    return """
      \(c.info.title)  (\(directory))
        period       \(c.info.start) … \(c.info.end), as of \(c.info.defaultAsOf)
        command      \(c.subCommands.count) sub-commands, \(units) units, \(c.nodes.count) nodes in all
        indicators   \(c.categories.count) categories, \(c.indicators.count) indicators, \(points) points (declared \(format(c.info.totalPoints)))
        work         \(c.tasks.count) task\(c.tasks.count == 1 ? "" : "s"), \(c.problems.count) problems in the ledger
        reports      \(reports.files) files, \(reports.entries) entries, dated \(range)
      """
  }

  static func verdict(_ r: LoadResult) -> String {
    let e = r.errors.count
    let w = r.warnings.count
    let counts = "\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")"
    return r.isValid ? "valid: \(counts)" : "invalid: \(counts)"
  }

  static func format(_ d: Double) -> String {
    NumberText.plain(d)
  }
}
