import CampaignKit

/// Writes a ``PageDocument`` as one self-contained HTML page for printing on A4: inline
/// CSS, no scripts, no external resources; a CJK font stack; page breaks before the large
/// sections; bars drawn with CSS; every status shown as glyph and word so it reads in
/// greyscale. Every string from the data is escaped (`& < > " '`) after ``SafeText`` has made
/// control characters visible.
enum HTMLWriter {
  static func write(_ doc: PageDocument, palette: StylePalette) -> String {
    let f = CellFormat(s: doc.s, glyphs: .unicode, medium: .paper)
    var out =
      "<!DOCTYPE html>\n<html lang=\"\(doc.s.language == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
    out +=
      "<title>\(h(doc.title)) · \(h(doc.view))</title>\n<style>\n\(css(palette))</style>\n</head>\n<body>\n"
    out += "<header>\n<h1>\(h(doc.title))</h1>\n<p class=\"meta\">\(h(doc.view)) · \(h(doc.dateLine))</p>\n"
    out += "<p class=\"score\"><strong>\(h(doc.scoreText(f)))</strong> "
    out += bar(doc.header.progress, doc.header.mark) + "</p>\n<p class=\"counts\">"
    out += doc.countsText.map { c in
      "<span class=\"st\(c.mark.map { " st-\($0.code)" } ?? "")\">\(h(c.text))</span>"
    }.joined(separator: " ")
    out += "</p>\n</header>\n"
    var open = false
    var tables = 0
    for block in doc.model.blocks {
      if case .heading(let title, let note) = block {
        if open { out += "</section>\n" }
        // The large sections of a long page start a printed page.
        out += tables >= 2 ? "<section class=\"break\">\n" : "<section>\n"
        tables = 0
        open = true
        out += "<h2>\(h(title))" + (note.isEmpty ? "" : " <small>\(h(note))</small>") + "</h2>\n"
        continue
      }
      if !open {
        out += "<section>\n"
        open = true
      }
      switch block {
      case .heading, .gap: break
      case .paragraph(let p, _): out += "<p>\(h(p))</p>\n"
      case .facts(let facts):
        out += "<dl>\n"
        for fact in facts { out += "<dt>\(h(fact.label))</dt><dd>\(h(fact.value))</dd>\n" }
        out += "</dl>\n"
      case .table(let t):
        tables += t.rows.count > 12 ? 2 : 1
        out += "<table>\n<thead><tr>"
        for c in t.columns {
          out += c.align == .right ? "<th class=\"num\">\(h(c.header))</th>" : "<th>\(h(c.header))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in t.rows {
          out += "<tr>"
          for (i, v) in row.cells.enumerated() {
            out += i < t.columns.count && t.columns[i].align == .right ? "<td class=\"num\">" : "<td>"
            out += cell(v, f) + "</td>"
          }
          out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
      }
    }
    if open { out += "</section>\n" }
    if let stamp = doc.stamp { out += "<footer>\(h(doc.s.generated + stamp))</footer>\n" }
    out += "</body>\n</html>\n"
    return out
  }

  static func cell(_ v: PageCell, _ f: CellFormat) -> String {
    switch v {
    case .bar(let p, let mark, _):
      guard let p else { return mark.map { status($0, f) } ?? "—" }
      return bar(p, mark) + " <span class=\"pct\">\(h(f.text(v)))</span>"
        + (mark.map { " " + status($0, f) } ?? "")
    case .status(let m): return status(m, f)
    case .delta(let d, _):
      let text = h(f.text(v))
      guard let d, text != "—" else { return text }
      return "<span class=\"\(d > 0 ? "up" : "down")\">\(text)</span>"
    default: return h(f.text(v))
    }
  }

  static func status(_ m: StatusMark, _ f: CellFormat) -> String {
    "<span class=\"st st-\(m.code)\">\(h(f.text(.status(m))))</span>"
  }

  /// A bar: a track with a fill as wide as the progress (floored to 0.1%, like the screen's bar).
  static func bar(_ p: Double, _ mark: StatusMark?) -> String {
    let permille = ProgressBar.filledUnits(fraction: p, cells: 1, resolution: 1000)
    let width = "\(permille / 10).\(permille % 10)%"
    let cls = mark.map { " st-\($0.code)" } ?? ""
    return "<span class=\"bar\"><span class=\"fill\(cls)\" style=\"width:\(width)\"></span></span>"
  }

  /// Escaped, inert text.
  static func h(_ text: String) -> String {
    let safe = SafeText.sanitize(text)
    var out = ""
    out.reserveCapacity(safe.utf8.count)
    for ch in safe {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(ch)
      }
    }
    return out
  }

  // MARK: - Style

  static func css(_ palette: StylePalette) -> String {
    var out = """
      @page { size: A4; margin: 14mm 12mm; }
      html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "SimHei", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; background: #fff; margin: 0 auto; max-width: 190mm; }
      h1 { font-size: 17pt; margin: 0 0 2pt; }
      h2 { font-size: 13pt; margin: 14pt 0 6pt; border-bottom: 1pt solid #888; }
      h2 small { font-size: 9.5pt; font-weight: normal; color: #555; margin-left: 6pt; }
      .meta { color: #444; margin: 0 0 6pt; }
      .score, .counts { margin: 2pt 0; }
      .counts .st { margin-right: 10pt; }
      section.break { break-before: page; page-break-before: always; }
      table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
      thead { display: table-header-group; }
      tr { break-inside: avoid; page-break-inside: avoid; }
      th, td { border-bottom: 0.5pt solid #bbb; padding: 2pt 5pt; text-align: left; vertical-align: middle; }
      th { border-bottom: 1pt solid #555; font-weight: bold; }
      .num { text-align: right; white-space: nowrap; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 10pt; margin: 4pt 0; }
      dt { font-weight: bold; }
      dd { margin: 0; }
      .bar { display: inline-block; width: 30mm; height: 3.2mm; border: 0.6pt solid #444; background: #fff; vertical-align: -0.5mm; }
      .fill { display: block; height: 100%; background: #777; }
      .pct { display: inline-block; min-width: 9mm; text-align: right; }
      .st { white-space: nowrap; }
      footer { margin-top: 12pt; color: #555; font-size: 9pt; }

      """
    // Status colours from the palette, darkened for paper; fills get distinct grey patterns
    // too (hatched for lagging states) so that a greyscale print still tells them apart.
    for st in StatusMark.allCases {
      let color = paperColor(palette[st.role].fg)
      out += ".st-\(st.code) { color: \(color); }\n"
      let pattern =
        st.needsAttention
        ? "repeating-linear-gradient(45deg, \(color) 0 1.2mm, #fff 1.2mm 1.8mm)" : color
      out += ".fill.st-\(st.code) { background: \(pattern); }\n"
    }
    out +=
      ".up { color: \(paperColor(palette[.deltaUp].fg)); }\n.down { color: \(paperColor(palette[.deltaDown].fg)); }\n"
    return out
  }

  /// A theme colour as CSS for white paper: the ANSI colours become darker, print-friendly
  /// tones; the terminal default becomes ink.
  static func paperColor(_ c: TermColor) -> String {
    switch c.kind {
    case .terminalDefault: return "#222"
    case .rgb(let r, let g, let b): return hex(r, g, b)
    case .indexed(let i):
      let ansi = [
        "#000", "#b3261e", "#1b7f3b", "#9a6700", "#1f4fbf", "#8e2a8e", "#0b7285", "#555",
        "#666", "#d0312d", "#2e9e4f", "#b8860b", "#3b6fd8", "#a63da6", "#138a9e", "#333",
      ]
      if i < 16 { return ansi[Int(i)] }
      if i >= 232 {
        let v = UInt8(8 + 10 * (Int(i) - 232))
        return hex(v, v, v)
      }
      let n = Int(i) - 16
      let level: (Int) -> UInt8 = { $0 == 0 ? 0 : UInt8(55 + 40 * $0) }
      return hex(level(n / 36), level(n / 6 % 6), level(n % 6))
    }
  }

  static func hex(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    var s = "#"
    for v in [r, g, b] {
      s.append(digits[Int(v >> 4)])
      s.append(digits[Int(v & 0xF)])
    }
    return s
  }
}
