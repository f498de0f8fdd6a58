/// The responsibility audit (责任落实): the article's "no gaps, no blind spots" made checkable.
/// Each finding is a warning, not an error: the campaign still runs, but someone must own it.
public enum ResponsibilityAudit {
  public struct Gap: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
      /// An indicator nobody leads (牵头单位缺失).
      case indicatorWithoutLead(indicator: String)
      /// A unit that leads and supports nothing, owns no task: a unit with no responsibility.
      case unitWithoutResponsibility(unit: String)
      case taskWithoutDeadline(task: String)
      /// The indicators' points do not add up to the declared total.
      case pointsMismatch(sum: Double, declared: Double)
    }
    public var kind: Kind
    public var message: String
    public var file: String
    public var path: String

    public var finding: Finding { Finding(.warning, file: file, path: path, message: message) }
  }

  public static func run(_ c: Campaign) -> [Gap] {
    var gaps: [Gap] = []
    for i in c.indicators where i.lead == nil {
      gaps.append(
        Gap(
          kind: .indicatorWithoutLead(indicator: i.id),
          message: "indicator \"\(i.id)\" (\(i.name)) has no lead unit: a blind spot, assign a \"lead\"",
          file: "indicators.json", path: ""))
    }
    var responsible: Set<String> = []
    for i in c.indicators {
      if let l = i.lead { responsible.insert(l) }
      responsible.formUnion(i.support)
    }
    for t in c.tasks {
      responsible.insert(t.lead)
      responsible.formUnion(t.support)
    }
    for u in c.units where !responsible.contains(u.id) {
      gaps.append(
        Gap(
          kind: .unitWithoutResponsibility(unit: u.id),
          message:
            "unit \"\(u.id)\" (\(u.name)) leads or supports no indicator and no task: give it its share",
          file: "organization.json", path: ""))
    }
    for t in c.tasks where t.deadline == nil {
      gaps.append(
        Gap(
          kind: .taskWithoutDeadline(task: t.id),
          message: "task \"\(t.id)\" (\(t.name)) has no deadline: every task needs one (限时必达标)",
          file: "tasks.json", path: ""))
    }
    let sum = c.pointsSum
    if abs(sum - c.info.totalPoints) > 1e-9 {
      gaps.append(
        Gap(
          kind: .pointsMismatch(sum: sum, declared: c.info.totalPoints),
          message:
            "the indicators' points add up to \(formatNumber(sum)), but campaign.json declares totalPoints \(formatNumber(c.info.totalPoints))",
          file: "indicators.json", path: ""))
    }
    return gaps
  }
}
