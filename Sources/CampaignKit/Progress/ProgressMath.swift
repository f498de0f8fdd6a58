/// The definitions of docs/data-format.md "Progress", as small pure functions every view shares.
public enum ProgressMath {
  /// Progress p ∈ [0, 1] of `value` on `measure`: `(v − baseline)/(target − baseline)` clamped.
  /// For `down` measures target < baseline, so the same formula counts down. Yes/no is 0 or 1.
  public static func progress(value: Double?, measure m: Measure) -> Double {
    progress(value: value, rule: ProgressRule(m))
  }

  /// The same, from the measure's rule as plain values (what a standing keeps per indicator).
  static func progress(value: Double?, rule m: ProgressRule) -> Double {
    guard let v = value, v.isFinite else { return 0 }
    if m.isYesNo { return v >= 1 ? 1 : 0 }
    let span = m.target - m.baseline
    guard span != 0 else { return 0 }
    return clamp((v - m.baseline) / span)
  }

  /// Expected progress on `day`: linear from the campaign start to the deadline, clamped.
  public static func expected(on day: Day, start: Day, deadline: Day) -> Double {
    let total = deadline - start
    guard total > 0 else { return day >= deadline ? 1 : 0 }
    return clamp(Double(day - start) / Double(total))
  }

  /// Status of progress `p` against expected `e` on `day`.
  public static func status(progress p: Double, expected e: Double, on day: Day, deadline: Day, pace: Pace)
    -> Status
  {
    if p >= 1 { return .done }
    if day > deadline { return .overdue }
    if p >= e * pace.amber { return .onTrack }
    if p >= e * pace.red { return .behind }
    return .atRisk
  }

  static func clamp(_ x: Double) -> Double { x.isNaN ? 0 : min(1, max(0, x)) }
}
