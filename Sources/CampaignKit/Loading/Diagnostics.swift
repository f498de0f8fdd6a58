/// Collects the findings of one file while it is decoded, so that decoding never stops at the
/// first problem: the user sees every problem at once.
final class Diagnostics {
  let file: String
  private(set) var findings: [Finding] = []

  init(file: String) { self.file = file }

  func error(_ message: String, at position: SourcePosition?, path: String) {
    findings.append(Finding(.error, file: file, position: position, path: path, message: message))
  }

  func warning(_ message: String, at position: SourcePosition?, path: String) {
    findings.append(Finding(.warning, file: file, position: position, path: path, message: message))
  }

  var hasErrors: Bool { findings.contains { $0.severity == .error } }
}

/// How a JSON value is named in "expected …, found …" messages: strings are quoted (and cut
/// short) because the value itself is what the user must find and fix.
func describeFound(_ value: JSONValue) -> String {
  switch value {
  case .string(let s):
    let cut = s.count > 40 ? String(s.prefix(40)) + "…" : s
    return "\"\(cut)\""
  case .number(let d): return formatNumber(d)
  case .bool(let b): return b ? "true" : "false"
  default: return value.typeName
  }
}

/// Numbers as a person writes them: `12`, `0.5`, `-3`.
func formatNumber(_ d: Double) -> String {
  if d.isFinite, d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
  return "\(d)"
}

/// Joins a JSON path: `categories[2]` + `items` → `categories[2].items`.
func joinPath(_ base: String, _ key: String) -> String { base.isEmpty ? key : base + "." + key }

/// Levenshtein distance, for "did you mean" suggestions on unknown fields and ids.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a.unicodeScalars)
  let b = Array(b.unicodeScalars)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var prev = Array(0...b.count)
  var cur = prev
  for i in 1...a.count {
    cur[0] = i
    for j in 1...b.count {
      cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&prev, &cur)
  }
  return prev[b.count]
}

/// The candidates closest to `word` (at most `limit`), for suggestions.
func nearMatches(_ word: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
  let threshold = max(2, word.count / 3)
  let lowered = word.lowercased()
  var scored: [(name: String, distance: Int)] = []
  for c in candidates {
    let d = editDistance(lowered, c.lowercased())
    if d <= threshold { scored.append((c, d)) }
  }
  scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
  return scored.prefix(limit).map { $0.name }
}

/// "Did you mean" for commands outside the loader (`chuangwen record`).
public enum Suggestions {
  /// The candidates closest to `word` by edit distance (at most `limit`), closest first.
  public static func near(_ word: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
    nearMatches(word, in: candidates, limit: limit)
  }
}
