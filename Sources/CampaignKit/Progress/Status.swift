/// Where an indicator, task or node stands against its expected pace (docs/data-format.md,
/// "Progress"). Ordered from best to worst so that sorting by status puts trouble last, and
/// `lagging` is the set the meeting talks about.
public enum Status: Int, CaseIterable, Sendable, Hashable, Comparable, Codable {
  case done
  case onTrack
  case behind
  case atRisk
  case overdue

  public static func < (a: Status, b: Status) -> Bool { a.rawValue < b.rawValue }

  /// Behind, at risk or overdue: what a liaison leader must act on.
  public var isLagging: Bool { self >= .behind }

  /// Stable identifier used in JSON output and themes.
  public var code: String {
    switch self {
    case .done: "done"
    case .onTrack: "onTrack"
    case .behind: "behind"
    case .atRisk: "atRisk"
    case .overdue: "overdue"
    }
  }
}
