/// The largest numbers a campaign may hold, checked as data rules like any other.
///
/// Real campaigns count in hundreds of points and in values up to millions (square metres,
/// vehicles, people); nothing legitimate comes near these limits. They exist so that a typo
/// such as `1e19` is named, with its file and JSON path, instead of flowing into sums and
/// screens: every figure the dashboard derives stays far inside the range where numbers are
/// exact and cheap to print. `record` refuses such values before writing (docs/data-format.md).
public enum DataLimits {
  /// Values, baselines and targets: at most a million million in magnitude.
  public static let maximumValue = 1e12
  /// One indicator's points.
  public static let maximumPoints = 1000.0
  /// The campaign's declared total of points.
  public static let maximumTotalPoints = 1_000_000.0

  /// The findings for every number in `root` (a file of `kind`) beyond its limit.
  static func check(_ root: JSONNode, kind: FileKind, diag: Diagnostics) {
    guard case .object(let top) = root.value else { return }
    // Paths are written out only for a finding: nearly every number is well inside its limit.
    func limit(_ node: JSONNode?, _ path: @autoclosure () -> String, _ maximum: Double, _ what: String) {
      guard let node, case .number(let d) = node.value, d.magnitude > maximum else { return }
      diag.error(
        "\(what) \(formatNumber(d)) is beyond the limit of \(formatNumber(maximum)) (docs/data-format.md, Limits)",
        at: node.position, path: path())
    }
    func measure(_ object: JSONObject, _ path: @autoclosure () -> String) {
      guard case .object(let m)? = object["measure"]?.value else { return }
      limit(m["baseline"], path() + ".measure.baseline", maximumValue, "the baseline")
      limit(m["target"], path() + ".measure.target", maximumValue, "the target")
    }
    switch kind {
    case .campaign:
      limit(top["totalPoints"], "totalPoints", maximumTotalPoints, "totalPoints")
    case .indicators:
      for (c, category) in objects(top["categories"]) {
        for (i, item) in objects(category["items"]) {
          for (k, indicator) in objects(item["indicators"]) {
            func path() -> String { "categories[\(c)].items[\(i)].indicators[\(k)]" }
            limit(indicator["points"], path() + ".points", maximumPoints, "points")
            measure(indicator, path())
          }
        }
      }
    case .tasks:
      for (t, task) in objects(top["tasks"]) { measure(task, "tasks[\(t)]") }
    case .report:
      for (e, entry) in objects(top["entries"]) {
        limit(entry["value"], "entries[\(e)].value", maximumValue, "the value")
      }
    case .organization, .problems:
      break
    }
  }

  /// The objects of an array node with their indices (anything else is left to the decoders).
  private static func objects(_ node: JSONNode?) -> [(Int, JSONObject)] {
    guard let node, case .array(let list) = node.value else { return [] }
    return list.enumerated().compactMap { i, n in
      if case .object(let o) = n.value { return (i, o) }
      return nil
    }
  }
}
