import CampaignKit
import Foundation
import Testing

@testable import DashboardKit

/// Golden snapshots: whole files compared exactly, in `Tests/DashboardKitTests/Golden/snapshots/`.
/// To accept a change: `CHUANGWEN_UPDATE_GOLDEN=1 swift test --filter SnapshotGoldenTests`, then
/// review the diff like code.
enum SnapshotGolden {
  static let directory = Golden.directory + "/snapshots"

  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    let path = directory + "/" + name
    if Golden.updating {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try actual.write(toFile: path, atomically: true, encoding: .utf8)
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
      Issue.record(
        "missing golden snapshots/\(name); run with CHUANGWEN_UPDATE_GOLDEN=1", sourceLocation: sourceLocation
      )
      return
    }
    guard actual != expected else { return }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let i = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
    Issue.record(
      """
      snapshot \(name) differs from its golden at line \(i + 1):
        actual:   \(i < a.count ? String(a[i]) : "<none>")
        expected: \(i < e.count ? String(e[i]) : "<none>")
      """, sourceLocation: sourceLocation)
  }
}

/// The views every snapshot test prints, with a file-name-safe label.
enum SnapshotCases {
  static let views: [(label: String, view: String)] = [
    ("overview", "overview"),
    ("subcommand-2", "subcommand:2"),
    ("unit-u-jtj", "unit:u-jtj"),
    ("indicator-c6-2-4", "indicator:c6-2-4"),
    ("brief", "brief"),
    ("indicators", "indicators"),
    ("problems", "problems"),
    ("rankings", "rankings"),
    ("audit", "audit"),
    ("missing", "missing"),
  ]

  /// Pages reached only from a tab (no `--view` name): a problem and a unit's rank history.
  static let subPages: [(label: String, page: Page)] = [
    ("problem-p-0010", .problem("p-0010")),
    ("rank-u-jtj", .rankHistory("u-jtj")),
  ]

  static func page(_ view: String, _ campaign: Campaign = Bundled.campaign) throws -> Page {
    try SnapshotViews.parse(view, campaign: campaign).get()
  }
}

/// A strict check of our HTML: every tag closed in order (void elements excepted), attribute
/// values double-quoted, text and attribute values with every special character escaped, only
/// the five entities we write, no script, no external resource.
enum HTMLCheck {
  static let void: Set<String> = ["meta", "br"]
  static let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]

  /// Problems found, empty when the document is well formed.
  static func problems(_ html: String) -> [String] {
    var out: [String] = []
    var stack: [String] = []
    let chars = Array(html.unicodeScalars)
    var i = 0
    func text(_ from: Int, _ to: Int) {
      let t = String(String.UnicodeScalarView(chars[from..<to]))
      for bad in [">", "\"", "'"] where t.contains(bad) {
        out.append("unescaped \(bad) in text: \(t.prefix(60))")
      }
      checkEntities(t, &out)
    }
    var textStart = 0
    while i < chars.count {
      guard chars[i] == "<" else {
        i += 1
        continue
      }
      text(textStart, i)
      guard let close = chars[i...].firstIndex(of: ">") else {
        out.append("unterminated tag at \(i)")
        break
      }
      let tag = String(String.UnicodeScalarView(chars[(i + 1)..<close]))
      i = close + 1
      textStart = i
      if tag.hasPrefix("!DOCTYPE") { continue }
      if tag.hasPrefix("/") {
        let name = String(tag.dropFirst())
        if stack.last == name {
          stack.removeLast()
        } else {
          out.append("</\(name)> closes <\(stack.last ?? "nothing")>")
        }
        continue
      }
      let name = String(tag.prefix { $0 != " " })
      if name.lowercased() == "script" { out.append("a script element") }
      guard name.allSatisfy({ $0.isLetter || $0.isNumber }) else {
        out.append("bad tag name <\(name)>")
        continue
      }
      checkAttributes(String(tag.dropFirst(name.count)), &out)
      if name == "style" {
        // Raw text up to </style>.
        let rest = String(String.UnicodeScalarView(chars[i...]))
        guard let end = rest.range(of: "</style>") else {
          out.append("unclosed style")
          break
        }
        let css = rest[..<end.lowerBound]
        if css.contains("url(") || css.contains("@import") { out.append("an external resource in CSS") }
        i += css.unicodeScalars.count + "</style>".count
        textStart = i
        continue
      }
      if !void.contains(name) { stack.append(name) }
    }
    text(textStart, chars.count)
    if !stack.isEmpty { out.append("unclosed: \(stack)") }
    return out
  }

  static func checkAttributes(_ s: String, _ out: inout [String]) {
    var rest = Substring(s)
    while let eq = rest.firstIndex(of: "=") {
      let after = rest[rest.index(after: eq)...]
      guard after.first == "\"", let end = after.dropFirst().firstIndex(of: "\"") else {
        out.append("unquoted attribute in \(s)")
        return
      }
      let value = after[after.index(after: after.startIndex)..<end]
      if value.contains("<") || value.contains(">") || value.contains("'") {
        out.append("unescaped attribute \(value)")
      }
      checkEntities(String(value), &out)
      rest = after[after.index(after: end)...]
    }
  }

  static func checkEntities(_ t: String, _ out: inout [String]) {
    var r = Substring(t)
    while let a = r.firstIndex(of: "&") {
      let tail = r[a...]
      if !entities.contains(where: { tail.hasPrefix($0) }) { out.append("bare & in: \(t.prefix(60))") }
      r = r[r.index(after: a)...]
    }
  }
}

/// SGR sequences out, the way a terminal would show the text (for comparing ANSI with text).
enum ANSI {
  /// The text with `ESC[…m` removed; nil if any other escape is present.
  static func strip(_ s: String) -> String? {
    var out = ""
    var it = s.unicodeScalars.makeIterator()
    while let c = it.next() {
      guard c == "\u{1B}" else {
        out.unicodeScalars.append(c)
        continue
      }
      guard it.next() == "[" else { return nil }
      while let d = it.next() {
        if d == "m" { break }
        guard ("0"..."9").contains(d) || d == ";" else { return nil }
      }
    }
    return out
  }
}
