/// Numbers written for people, without ever trapping. `Int(someDouble)` traps when the value is
/// beyond Int's range (about 9.2e18) or not finite, and one hostile `"points": 1e308` would then
/// kill the dashboard; every Double-to-text and Double-to-Int conversion on a data value goes
/// through here instead.
public enum NumberText {
  /// Below this magnitude whole numbers are written with every digit; at and above it Swift's
  /// shortest form (`1e+19`) is used. Well inside Int's range, and beyond every data limit.
  public static let exactLimit = 1e15

  /// `d` with `digits` decimals (0…3), rounding half away from zero; "—" when not finite.
  public static func fixed(_ d: Double, digits: Int) -> String {
    guard d.isFinite else { return "—" }
    let places = min(3, max(0, digits))
    let scale = [1, 10, 100, 1000][places]
    let scaled = (d.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
    guard scaled < exactLimit else { return d.description }
    let n = Int(scaled)
    let sign = d < 0 && n != 0 ? "-" : ""
    if places == 0 { return sign + String(n) }
    var frac = String(n % scale)
    while frac.count < places { frac = "0" + frac }
    return sign + String(n / scale) + "." + frac
  }

  /// Whole numbers without decimals (`12`, `-3`), others in Swift's shortest form (`0.5`),
  /// huge or non-finite ones as Swift writes them (`1e+19`, `inf`, `nan`).
  public static func plain(_ d: Double) -> String {
    if d.isFinite, d == d.rounded(), d.magnitude < exactLimit { return String(Int(d)) }
    return d.description
  }

  /// `d` as an Int when it is finite and within Int's range (truncating toward zero), else nil.
  public static func int(_ d: Double) -> Int? {
    guard d.isFinite, d > -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0 else { return nil }
    return Int(d)
  }

  /// `d` as an Int, clamped into `range` (NaN gives the lower bound).
  public static func clampedInt(_ d: Double, _ range: ClosedRange<Int>) -> Int {
    guard !d.isNaN else { return range.lowerBound }
    if d <= Double(range.lowerBound) { return range.lowerBound }
    if d >= Double(range.upperBound) { return range.upperBound }
    return Int(d)
  }
}
