import CampaignKit
import Foundation  // links libm for rounding; no Foundation API is used on the render path

/// Number formatting for screens and snapshots: fixed, locale-independent, deterministic.
enum Format {
  /// `d` with `digits` decimals (0…3), rounding half away from zero; "—" for non-finite.
  /// (Through ``NumberText``, which never traps, whatever the number.)
  static func fixed(_ d: Double, _ digits: Int) -> String { NumberText.fixed(d, digits: digits) }

  /// A value as people write it: integers without decimals, others with up to 2.
  static func value(_ d: Double) -> String {
    if d == d.rounded() && abs(d) < 1e12 { return String(Int(d)) }
    var s = fixed(d, 2)
    guard s.contains(".") else { return s }
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
    let p = f >= 1 ? 100 : NumberText.clampedInt((max(0, f) * 100).rounded(.down), 0...100)
    return "\(p)%"
  }

  /// A rate that may be missing (no problem due yet).
  static func rate(_ r: Double?) -> String { r.map(percent) ?? "—" }

  /// `MM-DD` for compact columns.
  static func shortDate(_ d: Day) -> String { String(d.description.dropFirst(5)) }
}
