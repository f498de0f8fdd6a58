import CampaignKit

/// The errors a command prints when the campaign does not load, root causes first.
///
/// One broken non-report file (`"tasks": "x"`) makes every report entry about a task an
/// "unknown task" error; listed in file order, hundreds of those would scroll the one line
/// that matters out of sight. So errors in the campaign's own files come first, and when there
/// are any, the report errors after them are counted by what they refer to instead of listed.
enum StartupErrors {
  static func lines(_ errors: [Finding], limit: Int, directory: String) -> [String] {
    let isReport = { (f: Finding) in f.file.hasPrefix("reports/") }
    let roots = errors.filter { !isReport($0) }
    let reports = errors.filter(isReport)
    var out: [String] = []
    if roots.isEmpty {
      out = reports.prefix(limit).map { "error: \($0)" }
      if reports.count > limit {
        out.append("… and \(reports.count - limit) more (run chuangwen validate \(directory))")
      }
      return out
    }
    out = roots.prefix(limit).map { "error: \($0)" }
    if roots.count > limit { out.append("… and \(roots.count - limit) more like these") }
    guard !reports.isEmpty else { return out }
    // Follow-ons: report entries pointing at what the broken files no longer define.
    var byTarget: [String: Int] = [:]
    var other = 0
    for f in reports {
      if let noun = ["task", "indicator", "unit"].first(where: { f.message.hasPrefix("unknown \($0) ") }) {
        byTarget[noun, default: 0] += 1
      } else {
        other += 1
      }
    }
    var parts = byTarget.keys.sorted().map { noun in
      let n = byTarget[noun]!
      return "\(n) report entr\(n == 1 ? "y" : "ies") that refer to \(noun)s"
    }
    if other > 0 { parts.append("\(other) other error\(other == 1 ? "" : "s") in report files") }
    out.append(
      "… and " + parts.joined(separator: ", ")
        + " (most follow from the errors above: fix those first; run chuangwen validate \(directory) for all)"
    )
    return out
  }
}
