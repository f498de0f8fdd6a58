import CampaignKit

/// What every page builder reads.
struct PageContext {
  var app: App
  var data: DashboardData
  var s: Strings
  var options: RenderOptions
  var campaign: Campaign { data.campaign }
  var standing: Standing { data.standing }
  var width: Int { app.width }
  var glyphs: GlyphSet { options.glyphs }
  var pace: Pace { campaign.info.pace }

  /// An aggregate's mark on the as-of date.
  func mark(_ a: Aggregate) -> StatusMark { StatusMark(a.status(on: standing.asOf, pace: pace)) }

  /// `[3] 市场窗口`.
  func keyed(_ n: OrgNode, short: Bool = false) -> String {
    "[\(n.key ?? 0)] \(short ? n.shortName : n.name)"
  }

  /// `组长 市委书记 · 市长`.
  func leaders(_ n: OrgNode) -> String { n.leaders.map { "\($0.role) \($0.title)" }.joined(separator: " · ") }
}
