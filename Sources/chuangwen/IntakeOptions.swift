import ArgumentParser
import CampaignKit
import DashboardKit
import Foundation

/// What `template`, `import`, `missing` and `problem` share: the campaign they read or write,
/// loaded strictly enough to write into (a campaign with errors outside its reports is refused),
/// and the week they are about.
enum IntakeSupport {
  /// The campaign directory to write to: `--data` or `$CHUANGWEN_DATA`, never the bundled one.
  static func writableDirectory(_ data: String?, command: String) throws -> String {
    guard let dir = data ?? ProcessInfo.processInfo.environment["CHUANGWEN_DATA"], !dir.isEmpty else {
      throw ValidationError("say which campaign to write to with --data DIR (or $CHUANGWEN_DATA)")
    }
    return dir
  }

  /// Loads the campaign; errors outside `reports/` stop the command (65, or 66 when missing).
  static func load(_ dir: String, command: String) throws -> Campaign {
    let result = CampaignLoader.load(directory: dir)
    let blocking = result.errors.filter { !$0.file.hasPrefix("reports/") }
    guard let campaign = result.campaign, blocking.isEmpty else {
      for f in (blocking.isEmpty ? result.errors : blocking).prefix(10) { printError("error: \(f)") }
      if !result.missing.isEmpty { printError("chuangwen \(command): no campaign at \(dir)") }
      throw result.missing.isEmpty ? ExitCodes.dataError : ExitCodes.noInput
    }
    return campaign
  }

  /// The report date: `--week DATE` (any day of the week; entries are dated that day), else
  /// today when it lies inside the campaign period, else the campaign's as-of date.
  static func day(_ text: String?, campaign c: Campaign, command: String) throws -> Day {
    if let text {
      guard let d = Day(text) else {
        throw ValidationError("--week must be a date as YYYY-MM-DD, not \"\(text)\"")
      }
      guard d >= c.info.start && d <= c.info.end else {
        printError(
          "chuangwen \(command): \(d) lies outside the campaign period \(c.info.start) … \(c.info.end)")
        throw ExitCodes.dataError
      }
      return d
    }
    var t = time(nil)
    var parts = tm()
    localtime_r(&t, &parts)
    let today = Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    return today >= c.info.start && today <= c.info.end ? today : c.info.defaultAsOf
  }

  static func unknown(_ noun: String, _ id: String, among ids: [String]) -> String {
    var msg = "unknown \(noun) \"\(id)\""
    let near = Suggestions.near(id, in: ids)
    if !near.isEmpty { msg += "; did you mean " + near.map { "\"\($0)\"" }.joined(separator: ", ") + "?" }
    return msg
  }
}

/// One line to standard output, made safe first: the intake commands echo names and cell text
/// from campaign files and spreadsheets, which are untrusted and may hold escape sequences.
func say(_ line: String) { printOut(line) }

/// One line to standard error, made safe as ``say(_:)``.
func complain(_ line: String) { printError(SafeText.sanitize(line)) }
