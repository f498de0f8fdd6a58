/// The kinds of node in the command tree, top to bottom.
public enum NodeKind: String, CaseIterable, Sendable {
  case leadingGroup, headquarters, office, subCommand, unit, township, community, section, grid

  /// Units, townships and communities are the campaign's responsible units (责任单位): they
  /// lead and support indicators, own tasks and problems, and report.
  public var isUnit: Bool { self == .unit || self == .township || self == .community }

  /// The kind in words, for messages.
  public var noun: String {
    switch self {
    case .leadingGroup: "the leading group"
    case .headquarters: "the headquarters"
    case .office: "an office"
    case .subCommand: "a sub-command"
    case .unit: "a unit"
    case .township: "a township"
    case .community: "a community"
    case .section: "a section"
    case .grid: "a grid cell"
    }
  }
}

/// A leader of a node, by title only (the data never names people).
public struct Leader: Sendable, Equatable {
  public var role: String
  public var title: String
  public init(role: String, title: String) {
    self.role = role
    self.title = title
  }
}

/// The target responsibility book (目标责任书) a unit signed with the creation office.
public struct Responsibility: Sendable, Equatable {
  public var signed: Day?
  public var targets: [String]
  public init(signed: Day?, targets: [String]) {
    self.signed = signed
    self.targets = targets
  }
}

/// One node of `organization.json`.
public struct OrgNode: Sendable, Equatable, Identifiable {
  public var id: String
  public var kind: NodeKind
  public var name: String
  public var short: String?
  public var parent: String?
  /// 1–8 for sub-commands: the key that opens them.
  public var key: Int?
  public var leaders: [Leader]
  public var responsibility: Responsibility?

  public init(
    id: String, kind: NodeKind, name: String, short: String? = nil, parent: String? = nil,
    key: Int? = nil, leaders: [Leader] = [], responsibility: Responsibility? = nil
  ) {
    self.id = id
    self.kind = kind
    self.name = name
    self.short = short
    self.parent = parent
    self.key = key
    self.leaders = leaders
    self.responsibility = responsibility
  }

  /// The short name when there is one: for narrow columns.
  public var shortName: String { short ?? name }
}
