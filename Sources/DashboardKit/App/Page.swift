/// A place in the dashboard the navigation stack can hold.
public enum Page: Hashable, Sendable {
  /// 指挥体系: the command tree with the eight sub-commands.
  case overview
  /// A sub-command by node id.
  case subCommand(String)
  case unit(String)
  case indicator(String)
  case task(String)
  /// The help overlay's page when printed; on screen help is an overlay.
  case help
  /// 通报: the weekly circular (totals and changes since the previous meeting), for printing.
  case brief

  /// The id of the record the page shows, if any.
  public var subjectID: String? {
    switch self {
    case .subCommand(let id), .unit(let id), .indicator(let id), .task(let id): id
    case .overview, .help, .brief: nil
    }
  }
}

/// The tabs of the dashboard (DESIGN.md section 6). Only the tabs whose screens exist are
/// offered: `available` grows as the meeting views land.
public enum Tab: Int, CaseIterable, Sendable {
  case command, indicators, problems, rankings, audit

  public static let available: [Tab] = [.command]

  public var root: Page {
    switch self {
    case .command, .indicators, .problems, .rankings, .audit: .overview
    }
  }
}

/// How list pages order their rows (`s` cycles).
public enum SortOrder: Int, CaseIterable, Sendable {
  /// Lagging first (worst status, then least progress): what a meeting looks at.
  case lagging
  case progress
  case name
  case points

  public var next: SortOrder { SortOrder(rawValue: (rawValue + 1) % SortOrder.allCases.count)! }
}
