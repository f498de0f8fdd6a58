import CampaignKit

/// What a unit's weekly sheet holds: the campaign, the unit, the report date, and one row per
/// indicator or task the unit leads or supports. Written as xlsx or CSV (``SheetLayout``) and
/// read back by ``SheetReader``.
public struct TemplateSheet: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public enum Role: String, Sendable { case leads = "牵头指标", supports = "配合指标", task = "任务" }
    public var subject: ReportSubject
    public var role: Role
    public var name: String
    public var measureUnit: String
    /// What kind of value the row takes, for the sheet's input checks.
    public var kind: Measure.Kind
    public var target: Double
    public var lastValue: Double?
    public var lastDate: Day?
    /// What the unit already reported for this very date (by `record` or an earlier sheet),
    /// pre-filled so handing the sheet back keeps it.
    public var value: Double? = nil
    public var note: String = ""
  }

  public var campaignTitle: String
  public var unit: String
  public var unitName: String
  public var day: Day
  public var rows: [Row]

  public var week: ReportingWeek { ReportingWeek(containing: day) }

  /// The sheet of `unit` for a report dated `day`; "last reported" is the latest value before
  /// that day, whoever reported it (what the dashboard shows).
  public static func make(campaign c: Campaign, unit: String, day: Day) -> TemplateSheet {
    var rows: [Row] = []
    func last(_ s: ReportSubject) -> SeriesPoint? { c.latest(s, on: day - 1) }
    for ind in c.indicators where ind.lead == unit {
      let l = last(.indicator(ind.id))
      rows.append(
        Row(
          subject: .indicator(ind.id), role: .leads, name: ind.name, measureUnit: ind.measure.unit,
          kind: ind.measure.kind,
          target: ind.measure.target, lastValue: l?.value, lastDate: l?.date))
    }
    for ind in c.indicators where ind.lead != unit && ind.support.contains(unit) {
      let l = last(.indicator(ind.id))
      rows.append(
        Row(
          subject: .indicator(ind.id), role: .supports, name: ind.name, measureUnit: ind.measure.unit,
          kind: ind.measure.kind,
          target: ind.measure.target, lastValue: l?.value, lastDate: l?.date))
    }
    for t in c.tasks where t.lead == unit || t.support.contains(unit) {
      let l = last(.task(t.id))
      rows.append(
        Row(
          subject: .task(t.id), role: .task, name: t.name, measureUnit: t.measure.unit, kind: t.measure.kind,
          target: t.measure.target, lastValue: l?.value, lastDate: l?.date))
    }
    // Values the unit already gave for this date.
    var given: [ReportSubject: (Double, String)] = [:]
    for f in c.reportFiles(of: unit) {
      for e in f.entries where e.date == day { given[e.subject] = (e.value, e.note) }
    }
    for i in rows.indices {
      if let (v, n) = given[rows[i].subject] {
        rows[i].value = v
        rows[i].note = n
      }
    }
    let node = c.node(unit)
    return TemplateSheet(
      campaignTitle: c.info.title, unit: unit, unitName: node?.name ?? unit, day: day, rows: rows)
  }
}
