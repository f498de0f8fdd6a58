/// A work item with a quantity (更换雨水井盖 400 块), owned by a lead unit.
public struct CampaignTask: Sendable, Equatable, Identifiable {
  public var id: String
  public var name: String
  public var measure: Measure
  public var lead: String
  public var support: [String]
  public var indicator: String?
  public var deadline: Day?
  public var note: String

  public init(
    id: String, name: String, measure: Measure, lead: String, support: [String] = [],
    indicator: String? = nil, deadline: Day? = nil, note: String = ""
  ) {
    self.id = id
    self.name = name
    self.measure = measure
    self.lead = lead
    self.support = support
    self.indicator = indicator
    self.deadline = deadline
    self.note = note
  }
}

/// One entry of the rectification ledger (问题台账).
public struct Problem: Sendable, Equatable, Identifiable {
  public enum Severity: String, CaseIterable, Sendable { case minor, major, critical }
  public enum Source: String, CaseIterable, Sendable { case inspection, citizen, mock, media }

  public var id: String
  public var found: Day
  public var place: String
  public var kind: String
  public var description: String
  public var severity: Severity
  public var source: Source
  public var unit: String
  public var deadline: Day
  public var fixed: Day?

  public init(
    id: String, found: Day, place: String, kind: String, description: String = "",
    severity: Severity, source: Source, unit: String, deadline: Day, fixed: Day? = nil
  ) {
    self.id = id
    self.found = found
    self.place = place
    self.kind = kind
    self.description = description
    self.severity = severity
    self.source = source
    self.unit = unit
    self.deadline = deadline
    self.fixed = fixed
  }

  /// Fixed on or before `day`.
  public func isFixed(by day: Day) -> Bool { fixed.map { $0 <= day } ?? false }
  /// Past its deadline on `day` and not fixed by then.
  public func isOverdue(on day: Day) -> Bool { deadline < day && !isFixed(by: day) }
  /// Known (found) on `day` and not yet fixed.
  public func isOpen(on day: Day) -> Bool { found <= day && !isFixed(by: day) }
}

/// What a report entry is about.
public enum ReportSubject: Sendable, Hashable {
  case indicator(String)
  case task(String)
  public var id: String {
    switch self {
    case .indicator(let id), .task(let id): id
    }
  }
}

/// One dated value reported by a unit.
public struct ReportEntry: Sendable, Equatable {
  public var date: Day
  public var subject: ReportSubject
  public var value: Double
  public var note: String
  public init(date: Day, subject: ReportSubject, value: Double, note: String = "") {
    self.date = date
    self.subject = subject
    self.value = value
    self.note = note
  }
}

/// One file under `reports/`: the entries of one unit.
public struct ReportFile: Sendable, Equatable {
  /// Path relative to the campaign directory, e.g. `reports/u-cgj-2016-09-02.json`.
  public var path: String
  public var unit: String
  public var entries: [ReportEntry]
  public init(path: String, unit: String, entries: [ReportEntry]) {
    self.path = path
    self.unit = unit
    self.entries = entries
  }
}
