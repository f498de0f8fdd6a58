import CampaignKit

/// How a ``Status`` looks: its style role, and its short label. The glyph comes from the
/// ``GlyphSet`` so it follows the Unicode/ASCII choice. One place, so every widget that shows a
/// status (bars, lamps, tables) shows it the same way.
extension Status {
  /// The role a theme colours this status with.
  public var role: StyleRole {
    switch self {
    case .done: .done
    case .onTrack: .onTrack
    case .behind: .behind
    case .atRisk: .atRisk
    case .overdue: .overdue
    }
  }

  /// A short label (two Han characters in Chinese) for lamps, legends and column headers.
  public func label(_ language: Language) -> String {
    switch language {
    case .zh:
      switch self {
      case .done: "完成"
      case .onTrack: "正常"
      case .behind: "滞后"
      case .atRisk: "危险"
      case .overdue: "逾期"
      }
    case .en:
      switch self {
      case .done: "done"
      case .onTrack: "on track"
      case .behind: "behind"
      case .atRisk: "at risk"
      case .overdue: "overdue"
      }
    }
  }
}
