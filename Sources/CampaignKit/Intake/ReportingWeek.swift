/// A reporting week, Monday to Sunday: units report weekly (每周报送), so "has it reported?" is
/// asked of a week, not of a day.
public struct ReportingWeek: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The Monday.
  public let start: Day

  /// The week containing `day`.
  public init(containing day: Day) { start = day - (day.weekday - 1) }

  /// The Sunday.
  public var end: Day { start + 6 }
  public func contains(_ day: Day) -> Bool { day >= start && day <= end }
  public var previous: ReportingWeek { ReportingWeek(containing: start - 7) }
  public var next: ReportingWeek { ReportingWeek(containing: start + 7) }

  /// ISO 8601 week number (1–53): the office's "第36周".
  public var number: Int {
    let thursday = start + 3
    let jan1 = Day(year: thursday.components.year, month: 1, day: 1)!
    return (thursday - jan1) / 7 + 1
  }

  /// "第36周", the name a sheet of that week gets.
  public var label: String { "第\(number)周" }

  public static func < (a: ReportingWeek, b: ReportingWeek) -> Bool { a.start < b.start }
  public var description: String { "\(start) … \(end)" }
}
