import CampaignKit
import Foundation  // links libm for rounding; no Foundation API is used on the render path

/// Number formatting for screens and snapshots: fixed, locale-independent, deterministic.
enum Format {
  /// `d` with `digits` decimals (0…3), rounding half away from zero; "—" for non-finite.
  static func fixed(_ d: Double, _ digits: Int) -> String {
    guard d.isFinite else { return "—" }
    let scale = [1.0, 10, 100, 1000][min(3, max(0, digits))]
    let n = Int((abs(d) * scale).rounded(.toNearestOrAwayFromZero))
    let sign = d < 0 && n != 0 ? "-" : ""
    if digits == 0 { return sign + String(n) }
    let whole = n / Int(scale)
    var frac = String(n % Int(scale))
    while frac.count < digits { frac = "0" + frac }
    return sign + String(whole) + "." + frac
  }

  /// A value as people write it: integers without decimals, others with up to 2.
  static func value(_ d: Double) -> String {
    if d == d.rounded() && abs(d) < 1e12 { return String(Int(d)) }
    var s = fixed(d, 2)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
  }

  /// Points: one decimal unless whole.
  static func points(_ d: Double) -> String {
    let s = fixed(d, 1)
    return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
  }

  /// A fraction as a whole percentage, floored so that 99.6% never shows as 100% before it is.
  static func percent(_ f: Double) -> String {
    guard f.isFinite else { return "—" }
    let p = f >= 1 ? 100 : Int((max(0, f) * 100).rounded(.down))
    return "\(p)%"
  }

  /// A rate that may be missing (no problem due yet).
  static func rate(_ r: Double?) -> String { r.map(percent) ?? "—" }

  /// `MM-DD` for compact columns.
  static func shortDate(_ d: Day) -> String { String(d.description.dropFirst(5)) }
}
