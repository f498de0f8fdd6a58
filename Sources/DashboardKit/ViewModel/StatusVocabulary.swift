import CampaignKit

/// The bridge from the domain's `Status` to the page vocabulary (``StatusMark``).
extension StatusMark {
  /// The mark of a progress status.
  public init(_ status: Status) {
    switch status {
    case .done: self = .done
    case .onTrack: self = .onTrack
    case .behind: self = .behind
    case .atRisk: self = .atRisk
    case .overdue: self = .overdue
    }
  }

  /// The mark of an indicator on its as-of date: 未报送 until its first report, else its status.
  public init(_ s: IndicatorStanding) {
    self = s.value == nil ? .notReported : StatusMark(s.status)
  }
}

extension Status {
  /// The page vocabulary's mark of this status.
  public var mark: StatusMark { StatusMark(self) }
  /// The role a theme colours this status with.
  public var role: StyleRole { mark.role }
}

extension GlyphSet {
  /// The glyph of a progress status.
  public func statusGlyph(_ status: Status) -> Character { statusGlyph(status.mark) }
}
