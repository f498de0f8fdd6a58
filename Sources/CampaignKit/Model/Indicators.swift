/// What an indicator or task measures and which way is better.
public struct Measure: Sendable, Equatable {
  public enum Kind: String, CaseIterable, Sendable { case percent, count, ratio, yesno, score }
  public enum Direction: String, CaseIterable, Sendable { case up, down }

  public var kind: Kind
  public var unit: String
  public var baseline: Double
  public var target: Double
  public var direction: Direction

  public init(kind: Kind, unit: String = "", baseline: Double, target: Double, direction: Direction = .up) {
    self.kind = kind
    self.unit = unit
    self.baseline = baseline
    self.target = target
    self.direction = direction
  }
}

/// How an indicator is assessed (测评方法).
public enum AssessmentMethod: String, CaseIterable, Sendable {
  case site, survey, document, data
}

/// A category of the assessment system (one of the eight environments, or the campaign work).
public struct Category: Sendable, Equatable, Identifiable {
  public var id: String
  public var name: String
  public var short: String?
  public var items: [Item]
  public init(id: String, name: String, short: String? = nil, items: [Item]) {
    self.id = id
    self.name = name
    self.short = short
    self.items = items
  }
  public var shortName: String { short ?? name }
}

/// An assessment item (测评项目) grouping indicators.
public struct Item: Sendable, Equatable, Identifiable {
  public var id: String
  public var name: String
  public var indicators: [Indicator]
  public init(id: String, name: String, indicators: [Indicator]) {
    self.id = id
    self.name = name
    self.indicators = indicators
  }
}

/// A weighted indicator (测评指标): the unit of scoring.
public struct Indicator: Sendable, Equatable, Identifiable {
  public var id: String
  public var name: String
  public var points: Double
  public var definition: String
  public var measure: Measure
  public var method: AssessmentMethod
  public var deadline: Day
  public var subCommand: String
  public var lead: String?
  public var support: [String]
  /// Filled in by the loader: where the indicator sits in the system.
  public var categoryID: String = ""
  public var itemID: String = ""

  public init(
    id: String, name: String, points: Double, definition: String = "", measure: Measure,
    method: AssessmentMethod, deadline: Day, subCommand: String, lead: String?, support: [String] = []
  ) {
    self.id = id
    self.name = name
    self.points = points
    self.definition = definition
    self.measure = measure
    self.method = method
    self.deadline = deadline
    self.subCommand = subCommand
    self.lead = lead
    self.support = support
  }
}
