import CampaignKit

/// "Worst first" (需关注优先), defined once and used by every lagging-first list, so that the
/// first row is the one most in need of attention (`5 Enter` opens it):
/// 1. behind pace, weighted by points: the points a unit (or an indicator) should have earned
///    by now and has not (expected − earned, never negative);
/// 2. then overdue problems (units);
/// 3. then the rectification rate, lowest first (units; no problem due counts as none yet);
/// and a unit with nothing led and nothing due comes last, whatever else.
enum WorstFirst {
  /// Points behind pace: 0 when on or ahead of pace.
  static func behind(_ a: Aggregate) -> Double { max(0, a.expectedPoints - a.earned) }
  static func behind(_ i: IndicatorStanding) -> Double { max(0, (i.expected - i.progress) * i.points) }

  /// Whether unit `a` comes before unit `b`; ties fall back to the id, so the order is total.
  static func before(_ a: UnitStanding, _ b: UnitStanding) -> Bool {
    let idleA = a.led.points == 0 && a.rectification.due == 0
    let idleB = b.led.points == 0 && b.rectification.due == 0
    if idleA != idleB { return idleB }
    let ba = behind(a.led)
    let bb = behind(b.led)
    if abs(ba - bb) > 1e-9 { return ba > bb }
    if a.rectification.overdue != b.rectification.overdue {
      return a.rectification.overdue > b.rectification.overdue
    }
    let ra = a.rectification.rate ?? 2
    let rb = b.rectification.rate ?? 2
    if ra != rb { return ra < rb }
    return a.id < b.id
  }
}
