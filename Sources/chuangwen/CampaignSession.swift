import ArgumentParser
import CampaignKit
import DashboardKit

/// Loads the campaign a command works on, turning load failures into the documented exits:
/// findings on stderr, 66 when something is missing, 65 for data errors.
struct CampaignSession {
  var directory: String
  var campaign: Campaign
  var data: DashboardData
  /// The files as loaded, for the live dashboard to reload incrementally.
  var source: CampaignSource

  static func open(data: String?, asOf: String?) throws -> CampaignSession {
    let dir = DataLocation.resolve(data)
    let source = CampaignSource(directory: dir)
    let result = source.result
    guard let campaign = result.campaign, result.errors.isEmpty else {
      for f in result.errors.prefix(20) { printError("error: \(f)") }
      if result.errors.count > 20 {
        printError("… and \(result.errors.count - 20) more (run chuangwen validate \(dir))")
      }
      throw result.missing.isEmpty ? ExitCodes.dataError : ExitCodes.noInput
    }
    var day = campaign.info.defaultAsOf
    if let text = asOf {
      guard let d = Day(text) else {
        throw ValidationError("--as-of must be a date as YYYY-MM-DD, not \"\(text)\"")
      }
      day = d
    }
    return CampaignSession(
      directory: dir, campaign: campaign, data: DashboardData(campaign: campaign, asOf: day), source: source)
  }
}
