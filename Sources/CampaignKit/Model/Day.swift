/// A calendar day (`YYYY-MM-DD`), stored as days since 1970-01-01.
///
/// Campaign data only ever speaks in whole days (deadlines, meetings, report dates), so a day
/// number keeps comparisons, "days left" and week arithmetic exact and free of time zones.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var ordinal: Int

  public init(ordinal: Int) { self.ordinal = ordinal }

  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysInMonth(year: year, month: month)).contains(day)
    else { return nil }
    ordinal = Day.daysFromCivil(year, month, day)
  }

  /// Parses exactly `YYYY-MM-DD` (ASCII digits, real calendar date); anything else is nil.
  public init?(_ text: String) {
    var t = text
    guard let day = t.withUTF8({ Day(iso: $0) }) else { return nil }
    self = day
  }

  /// The same from UTF-8 bytes (the report fast path reads dates without making a String).
  init?(iso u: UnsafeBufferPointer<UInt8>) {
    guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D else { return nil }
    func digits(_ r: Range<Int>) -> Int? {
      var v = 0
      for i in r {
        guard u[i] >= 0x30, u[i] <= 0x39 else { return nil }
        v = v * 10 + Int(u[i] - 0x30)
      }
      return v
    }
    guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

  public static func + (a: Day, days: Int) -> Day { Day(ordinal: a.ordinal + days) }
  public static func - (a: Day, days: Int) -> Day { Day(ordinal: a.ordinal - days) }
  /// Whole days from `b` to `a`.
  public static func - (a: Day, b: Day) -> Int { a.ordinal - b.ordinal }

  public var components: (year: Int, month: Int, day: Int) { Day.civil(from: ordinal) }

  /// `YYYY-MM-DD`.
  public var description: String {
    let (y, m, d) = components
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  /// ISO weekday, Monday = 1 … Sunday = 7.
  public var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 + 1 }

  private func pad(_ v: Int, _ n: Int) -> String {
    let s = String(v)
    return String(repeating: "0", count: max(0, n - s.count)) + s
  }

  static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  // Howard Hinnant's civil-date algorithms: exact for the proleptic Gregorian calendar.
  static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  static func civil(from z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp + (mp < 10 ? 3 : -9)
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
