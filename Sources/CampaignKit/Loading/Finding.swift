/// One problem found while loading or auditing a campaign directory.
///
/// Rendered like a compiler diagnostic so that editors and terminals can jump to it:
/// `indicators.json:45:19: categories[2].items[0].indicators[3].measure.target: expected a
/// number, found "95%"`. Syntax errors have a position and no path.
public struct Finding: Sendable, Equatable, CustomStringConvertible, Comparable {
  public enum Severity: String, Sendable, Comparable {
    case error, warning
    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
  }

  public var severity: Severity
  /// Path relative to the campaign directory (`reports/u-cgj-2016-09-02.json`); empty for
  /// findings about the directory as a whole.
  public var file: String
  public var position: SourcePosition?
  /// JSON path inside the file (`categories[2].items[0].points`); empty for the whole file.
  public var path: String
  public var message: String

  public init(
    _ severity: Severity, file: String, position: SourcePosition? = nil, path: String = "", message: String
  ) {
    self.severity = severity
    self.file = file
    self.position = position
    self.path = path
    self.message = message
  }

  public var description: String {
    var s = file
    if let p = position { s += ":\(p.line):\(p.column)" }
    if !path.isEmpty { s += (s.isEmpty ? "" : ": ") + path }
    return s.isEmpty ? message : s + ": " + message
  }

  /// Sorted by file, then position in the file, then path; errors before warnings at one place.
  public static func < (a: Finding, b: Finding) -> Bool {
    if a.file != b.file { return fileRank(a.file) < fileRank(b.file) }
    let pa = a.position.map { ($0.line, $0.column) } ?? (Int.max, 0)
    let pb = b.position.map { ($0.line, $0.column) } ?? (Int.max, 0)
    if pa != pb { return pa < pb }
    if a.path != b.path { return a.path < b.path }
    if a.severity != b.severity { return a.severity < b.severity }
    return a.message < b.message
  }

  /// Directory-level findings first, then the files in the order of docs/data-format.md, then
  /// reports by name.
  static func fileRank(_ file: String) -> String {
    let order = ["", "campaign.json", "organization.json", "indicators.json", "tasks.json", "problems.json"]
    if let i = order.firstIndex(of: file) { return "\(i)" }
    return "9" + file
  }
}
