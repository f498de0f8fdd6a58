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

  /// A fraction as a percentage with `digits` decimals (0 on screen, 1 on paper and in the
  /// header), rounded to nearest — except that only a finished item reads 100%: 99.96% shows
  /// as 99.9%, not 100.0%.
  static func percent(_ f: Double, digits: Int = 0) -> String {
    guard f.isFinite else { return "—" }
    let p = max(0, min(1, f)) * 100
    var text = fixed(p, digits)
    if f < 1, text == fixed(100, digits) { text = fixed(100 - (digits == 0 ? 1 : 0.1), digits) }
    return text + "%"
  }

  /// A rate that may be missing (no problem due yet).
  static func rate(_ r: Double?, digits: Int = 0) -> String { r.map { percent($0, digits: digits) } ?? "—" }

  /// A signed change with `digits` decimals: `+1.3`, `-0.4`; nil when it rounds to zero.
  static func signed(_ d: Double, _ digits: Int) -> String? {
    let text = fixed(abs(d), digits)
    if text == fixed(0, digits) { return nil }
    return (d < 0 ? "-" : "+") + text
  }

  /// `MM-DD` for compact columns.
  static func shortDate(_ d: Day) -> String { String(d.description.dropFirst(5)) }
}
