import CampaignKit

/// Writes a ``PageDocument`` as Markdown: a title, the score line, then the page's headings,
/// facts as a list and tables with their headers. Data text is made inert: control characters
/// become `�` (``SafeText``), and Markdown and HTML punctuation is backslash-escaped so a name
/// can neither break a table nor become a link or a tag.
enum MarkdownWriter {
  static func write(_ doc: PageDocument) -> String {
    let f = CellFormat(s: doc.s, glyphs: .unicode, medium: .paper)
    var out = ""
    // A document with a masthead (the circular) has its own head; others get the campaign's.
    if !doc.hasMasthead {
      out += "# \(md(doc.title))\n\n"
      out += "**\(md(doc.view))** · \(md(doc.dateLine))\n\n"
      out +=
        "**\(md(doc.scoreText(f)))** · " + doc.countsText.map { md($0.text) }.joined(separator: " · ") + "\n"
    }
    for block in doc.model.blocks {
      switch block {
      case .masthead(let mh):
        out += "# \(md(mh.office))\n\n**\(md(mh.series))**"
        out += (mh.note.isEmpty ? "" : " · \(md(mh.note))") + "\n\n"
        out += "\(md(mh.issuer)) · \(md(mh.date))\n\n---\n"
      case .subheading(let h, let note):
        out += "\n### \(md(h))\n"
        if !note.isEmpty { out += "\n\(md(note))\n" }
      case .list(let items):
        out += "\n"
        for (i, item) in items.enumerated() { out += "\(i + 1). \(md(item))\n" }
      case .signature(let sig):
        out += "\n"
        if let seal = sig.seal { out += md(doc.s.sealMark(seal)) + "\n\n" }
        out += "\(md(sig.issuer))  \n\(md(sig.date))\n"
      case .heading(let h, let note):
        out += "\n## \(md(h))\n"
        if !note.isEmpty { out += "\n\(md(note))\n" }
        continue
      case .gap: continue
      case .paragraph(let p, _): out += "\n" + md(p) + "\n"
      case .facts(let facts):
        out += "\n"
        for fact in facts {
          out +=
            fact.label.isEmpty
            ? "- \(md(fact.value))\n" : "- " + doc.s.labelled("**\(md(fact.label))**", md(fact.value)) + "\n"
        }
      case .table(let t):
        out += "\n| " + t.columns.map { md($0.header) }.joined(separator: " | ") + " |\n"
        out += "|" + t.columns.map { $0.align == .right ? " ---: |" : " --- |" }.joined() + "\n"
        for row in t.rows {
          out += "| " + row.cells.map { cell($0, f) }.joined(separator: " | ") + " |\n"
        }
      }
    }
    if let stamp = doc.stamp { out += "\n---\n\n*\(md(doc.s.generated + stamp))*\n" }
    return out
  }

  /// A cell as text; a bar as its percentage and a status as glyph and word (Markdown has no
  /// colour, so the glyph and word carry the meaning).
  static func cell(_ c: PageCell, _ f: CellFormat) -> String {
    switch c {
    case .bar(let p, let mark, _):
      return md(f.text(c)) + (mark.map { p == nil ? "" : " " + md(f.text(.status($0))) } ?? "")
    default: return md(f.text(c))
    }
  }

  /// Whether ``md(_:)`` escapes this ASCII byte (the characters of its switch).
  static func isEscaped(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "\\"), UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "*"),
      UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"),
      UInt8(ascii: "&"), UInt8(ascii: "~"), UInt8(ascii: "!"):
      true
    default: false
    }
  }

  /// Inert Markdown: safe characters, and punctuation that means something escaped.
  static func md(_ text: String) -> String {
    let safe = SafeText.sanitize(text)
    // Plain text (each scalar its own grapheme) with no punctuation that means something.
    if !safe.utf8.contains(where: { isEscaped($0) }), DisplayWidth.plainWidth(safe.utf8) != nil {
      return safe
    }
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
