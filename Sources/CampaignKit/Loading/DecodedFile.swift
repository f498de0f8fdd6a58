/// The kinds of file in a campaign directory.
public enum FileKind: String, Sendable, CaseIterable {
  case campaign, organization, indicators, tasks, problems, report

  /// The fixed file name of each required file; reports live under `reports/`.
  public var fileName: String? {
    switch self {
    case .campaign: "campaign.json"
    case .organization: "organization.json"
    case .indicators: "indicators.json"
    case .tasks: "tasks.json"
    case .problems: "problems.json"
    case .report: nil
    }
  }

  public static let required: [FileKind] = [.campaign, .organization, .indicators, .tasks, .problems]
}

/// What one file contributed, decoded on its own. Cross-file checks (references, duplicate
/// ids, dates inside the period) need every file and happen in ``CampaignAssembler``; keeping
/// files apart is what lets a live reload re-read only the file that changed.
public struct DecodedFile: Sendable {
  public enum Content: Sendable {
    case campaign(CampaignInfo)
    case organization([OrgNode])
    case indicators([Category])
    case tasks([CampaignTask])
    case problems([Problem])
    case report(ReportFile)
    /// The file could not be read or parsed, or its top level was unusable.
    case unusable
  }

  public var path: String
  public var kind: FileKind
  public var content: Content
  public var findings: [Finding]
  var definitions: [IDSite]
  var references: [ReferenceSite]
  var dates: [DateSite]
  var values: [ValueSite]
  /// A report read by ``ReportFastDecoder``: its sites are kept packed here (and the three
  /// arrays above stay empty); the checks make each site only when they look at it.
  var reportSites: ReportSites?
  /// The references, dates and values were let go of once checked (``droppingSites()``).
  var sitesDropped = false

  public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}

extension DecodedFile {
  /// The same file without the sites only its own findings are made from (references, dates,
  /// values): what a required file keeps between checks. At 50× they are about 5 MB of the
  /// indicators' and problems' files; the definitions stay, since other files' references are
  /// checked against them.
  func droppingSites() -> DecodedFile {
    var f = self
    f.references = []
    f.dates = []
    f.values = []
    f.sitesDropped = true
    return f
  }
}

/// Where an id is defined, for duplicate detection.
struct IDSite: Sendable {
  enum Space: String, Sendable, Hashable {
    case node = "organisation node"
    case category, item, indicator, task, problem
    /// Nodes, indicators and tasks share one namespace so that a report's or task's reference
    /// can never be ambiguous.
    var sharedSpace: String {
      switch self {
      case .node, .indicator, .task: "record"
      default: rawValue
      }
    }
  }
  var space: Space
  var id: String
  var position: SourcePosition
  var jsonPath: SitePath
  var path: String { jsonPath.text }
  /// Written as `true`/`false`, which only a yes/no measure takes.
  var wasBoolean = false
}

/// A reference to an id defined elsewhere, checked once every file is decoded.
struct ReferenceSite: Sendable {
  enum Target: Sendable, Equatable {
    case anyNode, unit, subCommand, indicator, task
    /// A grid cell, which must lie under the given unit (the problem's) when there is one.
    case grid(within: String?)
    var noun: String {
      switch self {
      case .grid: "grid cell"
      case .anyNode: "organisation node"
      case .unit: "unit"
      case .subCommand: "sub-command"
      case .indicator: "indicator"
      case .task: "task"
      }
    }
  }
  var target: Target
  var id: String
  var position: SourcePosition
  var jsonPath: SitePath
  var path: String { jsonPath.text }
}

/// A date that must lie inside the campaign period.
struct DateSite: Sendable {
  var day: Day
  var position: SourcePosition
  var jsonPath: SitePath
  var path: String { jsonPath.text }
}

/// A reported value, checked against its measure once indicators and tasks are known.
struct ValueSite: Sendable {
  var subject: ReportSubject
  var value: Double
  var position: SourcePosition
  var jsonPath: SitePath
  var path: String { jsonPath.text }
  /// Written as `true`/`false`, which only a yes/no measure takes.
  var wasBoolean = false
}

/// A site's JSON path kept in parts (the place of the object or array, an element's index, the
/// field) and written out only when a finding needs it: nearly every site is checked and found
/// fine, and joining "entries[12]" and "indicator" for each of hundreds of thousands of sites
/// cost an allocation and a heap string that lived as long as the file.
struct SitePath: Sendable {
  var place: JSONPlace
  /// An element of the array at `place`, or -1 when the site is at `place` itself (or a field
  /// of it).
  var index = -1
  var key: String

  /// The field `key` of the object at `place` (or the value at `place` itself, key empty).
  init(_ place: JSONPlace, _ key: String = "") {
    self.place = place
    self.key = key
  }

  /// The field `key` of element `index` of the array at `place` (index -1: of `place` itself).
  init(_ place: JSONPlace, index: Int, _ key: String = "") {
    self.place = place
    self.index = index
    self.key = key
  }

  /// A report's `entries[entry].key`: no place made per entry.
  init(entry: Int, _ key: String) {
    self.place = .entries
    self.index = entry
    self.key = key
  }

  var text: String {
    var base = place.text
    if index >= 0 { base += "[\(index)]" }
    return key.isEmpty ? base : joinPath(base, key)
  }
}
