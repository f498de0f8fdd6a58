import Foundation

/// The checks a typed report value and date pass before they are written — one rule for
/// `chuangwen record` and the dashboard's entry form (`e`), so both refuse the same things
/// with the same words.
public enum ReportValue {
  /// Why a value or a date was refused, said so the user knows what to type instead.
  public struct Refusal: Error, Equatable, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
  }

  /// The number `text` stands for under `measure`: 0/1 (or true/false, yes/no) for yes/no
  /// measures, else a plain non-negative number, at most 100 for a percentage.
  public static func parse(_ text: String, measure: Measure) throws(Refusal) -> Double {
    let t = text.trimmingCharacters(in: .whitespaces).lowercased()
    if measure.kind == .yesno {
      switch t {
      case "1", "true", "yes": return 1
      case "0", "false", "no": return 0
      default: throw Refusal("a yes/no measure takes 0, 1, true or false, not \"\(text)\"")
      }
    }
    // A minus sign first: `-1`, `-0` and `-inf` are all refused for being negative.
    if t.hasPrefix("-"), Double(t) != nil, !t.hasPrefix("-0x") {
      throw Refusal("the value cannot be negative (\(text))")
    }
    guard let d = Double(t), d.isFinite, !t.hasPrefix("0x"), !t.contains("inf"), !t.contains("nan") else {
      throw Refusal("the value must be a number, not \"\(text)\"")
    }
    if d < 0 { throw Refusal("the value cannot be negative (\(text))") }
    if d > DataLimits.maximumValue {
      throw Refusal(
        "the value \(text) is beyond the limit of \(NumberText.plain(DataLimits.maximumValue)) (docs/data-format.md)"
      )
    }
    if measure.kind == .percent && d > 100 { throw Refusal("a percentage cannot exceed 100 (\(text))") }
    return d
  }

  /// The date `text` names (YYYY-MM-DD), inside the campaign period.
  public static func day(_ text: String, period info: CampaignInfo) throws(Refusal) -> Day {
    guard let d = Day(text.trimmingCharacters(in: .whitespaces)) else {
      throw Refusal("the date must be YYYY-MM-DD, not \"\(text)\"")
    }
    try check(d, period: info)
    return d
  }

  /// Refuses a day outside the campaign period.
  public static func check(_ day: Day, period info: CampaignInfo, what: String = "") throws(Refusal) {
    guard day >= info.start && day <= info.end else {
      throw Refusal(
        "\(day)\(what) lies outside the campaign period \(info.start) … \(info.end); give a date inside it")
    }
  }
}
