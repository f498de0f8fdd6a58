import CampaignKit

/// Writes a ``PageDocument`` as one self-contained HTML page for printing on A4: inline CSS,
/// no scripts, no external resources; Chinese fonts named with fallbacks; the print palette
/// (``PrintPalette``: dark on white, status by glyph, word and fill pattern); table headers
/// repeated on every printed page; page numbers (第 X 页 共 Y 页) from `@page` rules; no forced
/// page breaks, only rows and short blocks kept whole. Every string from the data is escaped
/// (`& < > " '`) after ``SafeText`` has made control characters visible.
enum HTMLWriter {
  static func write(_ doc: PageDocument) -> String {
    let f = CellFormat(s: doc.s, glyphs: .unicode, medium: .paper)
    var out =
      "<!DOCTYPE html>\n<html lang=\"\(doc.s.language == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
    out +=
      "<title>\(h(doc.title)) · \(h(doc.view))</title>\n<style>\n\(css(doc.s))</style>\n</head>\n<body>\n"
    if !doc.hasMasthead {
      out += "<header>\n<h1>\(h(doc.title))</h1>\n<p class=\"meta\">\(h(doc.view)) · \(h(doc.dateLine))</p>\n"
      out += "<p class=\"score\"><strong>\(h(doc.scoreText(f)))</strong> "
      out += bar(doc.header.progress, doc.header.mark) + "</p>\n<p class=\"counts\">"
      out += doc.countsText.map { c in
        "<span class=\"st\(c.mark.map { " st-\($0.code)" } ?? "")\">\(h(c.text))</span>"
      }.joined(separator: " ")
      out += "</p>\n</header>\n"
    }
    var open = false
    for block in doc.model.blocks {
      switch block {
      case .heading(let title, let note):
        if open { out += "</section>\n" }
        out += "<section>\n"
        open = true
        out += "<h2>\(h(title))" + (note.isEmpty ? "" : " <small>\(h(note))</small>") + "</h2>\n"
        continue
      case .masthead(let mh):
        out += "<header class=\"masthead\">\n<p class=\"office\">\(h(mh.office))</p>\n"
        out += "<p class=\"series\">\(h(mh.series))</p>\n"
        out += "<p class=\"issue\"><span>\(h(mh.issuer))</span>"
        out += mh.note.isEmpty ? "" : "<span>\(h(mh.note))</span>"
        out += "<span>\(h(mh.date))</span></p>\n</header>\n"
        continue
      default: break
      }
      if !open {
        out += "<section>\n"
        open = true
      }
      switch block {
      case .heading, .masthead, .gap: break
      case .subheading(let title, let note):
        out += "<h3>\(h(title))" + (note.isEmpty ? "" : " <small>\(h(note))</small>") + "</h3>\n"
      case .paragraph(let p, _): out += "<p>\(h(p))</p>\n"
      case .list(let items):
        out += "<ol>\n" + items.map { "<li>\(h($0))</li>\n" }.joined() + "</ol>\n"
      case .signature(let sig):
        out += "<div class=\"signature\">\n"
        if let seal = sig.seal { out += "<div class=\"seal\">\(h(seal))</div>\n" }
        out += "<p>\(h(sig.issuer))</p>\n<p>\(h(sig.date))</p>\n</div>\n"
      case .facts(let facts):
        out += "<dl>\n"
        for fact in facts { out += "<dt>\(h(fact.label))</dt><dd>\(h(fact.value))</dd>\n" }
        out += "</dl>\n"
      case .table(let t): out += table(t, f)
      }
    }
    if open { out += "</section>\n" }
    if let stamp = doc.stamp { out += "<footer>\(h(doc.s.generated + stamp))</footer>\n" }
    out += "</body>\n</html>\n"
    return out
  }

  static func table(_ t: PageTable, _ f: CellFormat) -> String {
    var out = "<table>\n<thead><tr>"
    for c in t.columns {
      out += c.align == .right ? "<th class=\"num\">\(h(c.header))</th>" : "<th>\(h(c.header))</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for row in t.rows {
      // A bar says its percentage and status only when no other cell of the row does.
      let hasPercent = row.cells.contains { if case .percent = $0 { true } else { false } }
      let hasStatus = row.cells.contains { if case .status = $0 { true } else { false } }
      out += "<tr>"
      for (i, v) in row.cells.enumerated() {
        out += i < t.columns.count && t.columns[i].align == .right ? "<td class=\"num\">" : "<td>"
        out += cell(v, f, percent: !hasPercent, status: !hasStatus) + "</td>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  static func cell(_ v: PageCell, _ f: CellFormat, percent: Bool = true, status withStatus: Bool = true)
    -> String
  {
    switch v {
    case .bar(let p, let mark, _):
      guard let p else { return mark.map { status($0, f) } ?? "—" }
      return bar(p, mark) + (percent ? " <span class=\"pct\">\(h(f.text(v)))</span>" : "")
        + (withStatus ? mark.map { " " + status($0, f) } ?? "" : "")
    case .status(let m): return status(m, f)
    case .delta(let d, _):
      let text = h(f.text(v))
      guard let d, text != "—" else { return text }
      return "<span class=\"\(d > 0 ? "up" : "down")\">\(text)</span>"
    case .date(_, let role), .count(_, let role), .percent(_, let role), .text(_, let role):
      guard let mark = role.flatMap(StatusMark.init(role:)) else { return h(f.text(v)) }
      return "<span class=\"st-\(mark.code)\">\(h(f.text(v)))</span>"
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
    // Plain text (each scalar its own grapheme) with none of the five: nothing to escape.
    if !safe.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }),
      DisplayWidth.plainWidth(safe.utf8) != nil
    {
      return safe
    }
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

  /// The page-number line of `@page`: 第 X 页 共 Y 页, or Page X of Y.
  static func pageNumbers(_ s: Strings) -> String {
    s.language == .zh
      ? "\"第 \" counter(page) \" 页 共 \" counter(pages) \" 页\""
      : "\"Page \" counter(page) \" of \" counter(pages)"
  }

  static func css(_ s: Strings) -> String {
    let p = PrintPalette.self
    var out = """
      @page { size: A4; margin: 12mm 13mm 14mm; @bottom-center { content: \(pageNumbers(s)); font-size: 9pt; color: \(p.muted); } }
      html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "SimSun", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; font-size: 9.5pt; line-height: 1.32; color: \(p.ink); background: #fff; margin: 0 auto; max-width: 182mm; }
      h1 { font-size: 16pt; margin: 0 0 2pt; }
      h2 { font-size: 12pt; margin: 8pt 0 3pt; break-after: avoid; page-break-after: avoid; }
      h3 { font-size: 10pt; margin: 5pt 0 1pt; break-after: avoid; page-break-after: avoid; }
      h2 small, h3 small { font-size: 9pt; font-weight: normal; color: \(p.muted); margin-left: 6pt; }
      p { margin: 2pt 0; }
      .meta { color: \(p.muted); margin: 0 0 6pt; }
      .score, .counts { margin: 2pt 0; }
      .counts .st { margin-right: 10pt; }
      .masthead { text-align: center; border-bottom: 1.5pt solid \(p.masthead); padding-bottom: 3pt; margin-bottom: 8pt; }
      .masthead .office { font-size: 19pt; font-weight: bold; color: \(p.masthead); letter-spacing: 1pt; margin: 0; }
      .masthead .series { font-size: 13pt; font-weight: bold; margin: 3pt 0 6pt; }
      .masthead .issue { display: flex; justify-content: space-between; margin: 0; }
      table { border-collapse: collapse; width: 100%; margin: 2pt 0 4pt; font-size: 8.5pt; line-height: 1.25; }
      thead { display: table-header-group; }
      tr { break-inside: avoid; page-break-inside: avoid; }
      th, td { border-bottom: 0.5pt solid #999; padding: 1pt 3pt; text-align: left; vertical-align: middle; }
      th { border-bottom: 1pt solid #333; font-weight: bold; white-space: nowrap; }
      .num { text-align: right; white-space: nowrap; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 8pt; margin: 6pt 0 0; padding-top: 4pt; border-top: 0.8pt solid #333; break-inside: avoid; }
      dt { font-weight: bold; }
      dd { margin: 0; }
      ol { margin: 2pt 0; padding-left: 18pt; }
      .signature { text-align: right; margin: 6pt 0 4pt; break-inside: avoid; page-break-inside: avoid; }
      .signature p { margin: 1pt 0; }
      .seal { display: inline-flex; align-items: center; justify-content: center; box-sizing: border-box; width: 42mm; height: 24mm; padding: 2mm; border: 0.8pt dashed #777; color: \(p.muted); font-size: 7.5pt; line-height: 1.3; text-align: center; margin-bottom: 4pt; }
      .bar { display: inline-block; width: 22mm; height: 2.8mm; border: 0.6pt solid #333; background: #fff; vertical-align: -0.5mm; }
      .fill { display: block; height: 100%; background: #555; }
      .pct { display: inline-block; min-width: 9mm; text-align: right; }
      .st { white-space: nowrap; }
      .st-atRisk, .st-overdue { font-weight: bold; }
      footer { margin-top: 12pt; color: \(p.muted); font-size: 9pt; }

      """
    for st in StatusMark.allCases {
      out += ".st-\(st.code) { color: \(p.color(st)); }\n"
      out += ".fill.st-\(st.code) { background: \(p.fill(st)); }\n"
    }
    out += ".up { color: \(p.up); }\n.down { color: \(p.down); }\n"
    return out
  }
}
