import CampaignKit

/// Writes a ``SnapshotDocument`` as Markdown: a title, the score line, then a heading per
/// section with its facts as a list and its rows as tables. Data text is made inert: control
/// characters become `�` (``SafeText``), and Markdown and HTML punctuation is backslash-escaped
/// so a name can neither break a table nor become a link or a tag.
enum MarkdownWriter {
  static func write(_ doc: SnapshotDocument) -> String {
    let s = Strings(doc.language)
    var out = "# \(md(doc.title))\n\n"
    out += "**\(md(doc.view))** · \(md(doc.dateLine))\n\n"
    var score = "**\(md(doc.total.label)) \(md(doc.total.value))**"
    if let bar = doc.total.bar {
      score += " · " + barText(bar, doc.total.status, ProgressBar.percentText(bar).trimmingLeadingSpaces, s)
    }
    score +=
      " · "
      + doc.counts.map {
        "\($0.status.map { String(GlyphSet.unicode.statusGlyph($0)) } ?? "")\(md($0.label)) \(md($0.value))"
      }
      .joined(separator: " · ")
    out += score + "\n"
    for section in doc.sections {
      out += "\n## \(md(section.heading))\n"
      if !section.note.isEmpty { out += "\n\(md(section.note))\n" }
      for block in section.blocks {
        out += "\n"
        switch block {
        case .paragraph(let p): out += md(p) + "\n"
        case .facts(let facts):
          for f in facts {
            out +=
              "- **\(md(f.label))**：\(md(f.value))\(f.status.map { " (" + statusText($0, s) + ")" } ?? "")\n"
          }
        case .table(let t):
          out += "| " + t.columns.map { md($0.title) }.joined(separator: " | ") + " |\n"
          out += "|" + t.columns.map { $0.numeric ? " ---: |" : " --- |" }.joined() + "\n"
          for row in t.rows {
            out += "| " + row.cells.map { cell($0, s) }.joined(separator: " | ") + " |\n"
          }
        }
      }
    }
    if let stamp = doc.stamp { out += "\n---\n\n*\(md(s.t("生成于 ", "generated ") + stamp))*\n" }
    return out
  }

  static func cell(_ v: SnapshotDocument.Value, _ s: Strings) -> String {
    switch v {
    case .text(let t): md(t)
    case .number(let n): md(n)
    case .status(let st): statusText(st, s)
    case .bar(let f, let st, let pct): barText(f, st, pct, s)
    }
  }

  static func statusText(_ st: Status, _ s: Strings) -> String {
    "\(GlyphSet.unicode.statusGlyph(st)) \(s.status(st))"
  }

  /// A progress as `62% ◐ 滞后`: the number, then the status glyph and its word (legible
  /// without colour, which Markdown does not have).
  static func barText(_ f: Double, _ st: Status?, _ pct: String, _ s: Strings) -> String {
    md(pct) + (st.map { " " + statusText($0, s) } ?? "")
  }

  /// Inert Markdown: safe characters, and punctuation that means something escaped.
  static func md(_ text: String) -> String {
    let safe = SafeText.sanitize(text)
    var out = ""
    out.reserveCapacity(safe.utf8.count)
    for ch in safe {
      switch ch {
      case "\\", "|", "<", ">", "*", "_", "`", "[", "]", "#", "&", "~", "!":
        out.append("\\")
        out.append(ch)
      default: out.append(ch)
      }
    }
    return out
  }
}

extension String {
  var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}
