/// The status vocabulary of every page, defined once: each mark has a glyph (``GlyphSet``), a
/// word (``Strings/status(_:)``), a colour role and a code for JSON. Widgets take a mark, not
/// the domain's `Status`, so they know nothing of how a status is computed.
///
/// `notReported` is not a progress status: an indicator nobody has reported on yet is shown
/// as such (○ 未报送), never as "0% at risk", and it is counted apart.
public enum StatusMark: Int, CaseIterable, Sendable, Hashable {
  case done, onTrack, behind, atRisk, overdue, notReported

  /// The role a theme colours this mark with (未报送 is dim: there is no figure to colour).
  public var role: StyleRole {
    switch self {
    case .done: .done
    case .onTrack: .onTrack
    case .behind: .behind
    case .atRisk: .atRisk
    case .overdue: .overdue
    case .notReported: .dim
    }
  }

  /// The code written to JSON.
  public var code: String {
    switch self {
    case .done: "done"
    case .onTrack: "onTrack"
    case .behind: "behind"
    case .atRisk: "atRisk"
    case .overdue: "overdue"
    case .notReported: "notReported"
    }
  }

  /// Behind or worse, or never reported: what the "needs attention" (需关注) counts add up.
  public var needsAttention: Bool { self != .done && self != .onTrack }
}
