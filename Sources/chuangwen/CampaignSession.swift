import ArgumentParser
import CampaignKit
import DashboardKit
import Foundation

/// Loads the campaign a command works on, turning load failures into the documented exits:
/// findings on stderr, 66 when something is missing, 65 for data errors.
struct CampaignSession {
  var directory: String
  var campaign: Campaign
  var data: DashboardData
  /// The files as loaded, for the live dashboard to reload incrementally.
  var source: CampaignSource

  /// With `toleratingReports`, errors confined to report files do not stop the command: those
  /// files are left out (as the loader always does) and the caller shows the errors. The live
  /// dashboard opens this way, so one unit's truncated report cannot keep a meeting's screen
  /// dark; printed snapshots and `validate` stay strict.
  static func open(
    data: String?, asOf: String?, toleratingReports: Bool = false, style: CampaignSource.LoadStyle = .quickest
  ) throws -> CampaignSession {
    let dir = DataLocation.resolve(data)
    // Unchanged reports come from the cache (ReportCache: a stat per file instead of a read and
    // a decode; never stale). `validate` reads every file.
    let source = CampaignSource(
      directory: dir, cache: ReportCache.standard(environment: ProcessInfo.processInfo.environment),
      style: style)
    let result = source.result
    let onlyReports = result.errors.allSatisfy { $0.file.hasPrefix("reports/") }
    guard let campaign = result.campaign, result.errors.isEmpty || (toleratingReports && onlyReports) else {
      for line in StartupErrors.lines(result.errors, limit: 20, directory: dir) { printError(line) }
      throw result.missing.isEmpty ? ExitCodes.dataError : ExitCodes.noInput
    }
    var day = campaign.info.defaultAsOf
    if let text = asOf {
      guard let d = Day(text) else {
        throw ValidationError("--as-of must be a date as YYYY-MM-DD, not \"\(text)\"")
      }
      day = d
    }
    let session = CampaignSession(
      directory: dir, campaign: campaign, data: DashboardData(campaign: campaign, asOf: day), source: source)
    KeptUntilExit.keep(session)
    return session
  }
}
