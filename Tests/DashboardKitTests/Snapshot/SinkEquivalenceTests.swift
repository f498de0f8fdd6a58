import CampaignKit
import Foundation
import Testing

@testable import DashboardKit

/// Every page of the bundled campaign, at several as-of dates, printed by every sink: the
/// screen's text, Markdown, HTML and JSON must show the same tables with the same rows, and
/// every figure read back from the printed text must be the JSON's raw number, within the
/// rounding its medium uses (whole percents on screen, one decimal on paper).
@Suite struct SinkEquivalenceTests {
  /// The first meeting (no change yet), a mid-campaign meeting, the campaign's as-of date, and a
  /// projection six weeks past it.
  static let dates: [Day] = {
    let info = Bundled.campaign.info
    return [
      info.meetings[0], info.meetings[info.meetings.count / 2], info.defaultAsOf, info.defaultAsOf + 42,
    ]
  }()

  static let pages: [Page] = {
    let c = Bundled.campaign
    let notReported = c.indicators.indices.first {
      Standing(campaign: c, asOf: c.info.defaultAsOf).indicators[$0].value == nil
    }
    return [
      .overview, .subCommand("sc2"), .subCommand("sc5"), .unit("u-jtj"), .indicator("c6-2-4"),
      .indicator(c.indicators[notReported ?? 0].id), .task(c.tasks[0].id), .brief, .indicators, .problems,
      .problem("p-0010"), .rankings, .rankHistory("u-jtj"), .audit, .grid("g-yuhu-1"),
    ]
  }()

  @Test(arguments: dates)
  func everySinkShowsTheSameRowsAndNumbers(_ day: Day) throws {
    let data = DashboardData(campaign: Bundled.campaign, asOf: day)
    for page in Self.pages {
      for language in [Language.zh, .en] {
        try check(page, data, RenderOptions(language: language))
      }
    }
  }

  func check(_ page: Page, _ data: DashboardData, _ options: RenderOptions) throws {
    let label = "\(page) on \(data.asOf) (\(options.language))"
    let width = 240
    let model = Snapshot.model(page: page, data: data, width: width, options: options)
    let s = Strings(options.language)
    let json = try Sinks.jsonTables(
      Snapshot.render(.json, page: page, data: data, width: width, options: options))
    let md = Sinks.markdownTables(
      Snapshot.render(.markdown, page: page, data: data, width: width, options: options))
    let html = Sinks.htmlTables(
      Snapshot.render(.html, page: page, data: data, width: width, options: options))
    // The screen's lines: one row per line (paper would wrap long cells onto more lines).
    let screen = CanvasWriter.text(
      SnapshotRender.canvas(page: page, data: data, width: width, options: options, paper: false)
    )
    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let tables = model.tables
    #expect(json.count == tables.count, "\(label): JSON tables")
    #expect(md.count == tables.count, "\(label): Markdown tables")
    #expect(html.count == tables.count, "\(label): HTML tables")
    guard json.count == tables.count, md.count == tables.count, html.count == tables.count else { return }
    let paper = CellFormat(s: s, glyphs: .unicode, medium: .paper)
    let onScreen = CellFormat(s: s, glyphs: .unicode, medium: .screen, width: width)
    var line = 0
    for (k, table) in tables.enumerated() {
      #expect(md[k].header == table.columns.map(\.header), "\(label): Markdown header of table \(k)")
      #expect(html[k].header == table.columns.map(\.header), "\(label): HTML header of table \(k)")
      #expect(
        json[k].rows.count == table.rows.count && md[k].rows.count == table.rows.count
          && html[k].rows.count == table.rows.count, "\(label): rows of table \(k)")
      // The screen shows the header, then every row on a line of its own, in order.
      let header = table.columns.map(\.header).filter { !$0.isEmpty }
      guard let h = screen[line...].firstIndex(where: { l in header.allSatisfy { l.contains($0) } }) else {
        Issue.record("\(label): no header line for table \(k) on screen")
        return
      }
      line = h + 1
      for (r, row) in table.rows.enumerated() where r < json[k].rows.count && r < md[k].rows.count {
        #expect(json[k].rows[r].id == row.subject, "\(label): row \(r) of table \(k) shows another subject")
        let texts = row.cells.map { onScreen.text($0) }.filter { !$0.isEmpty }
        // A long text (the circular's list of units) may be cut on screen: its start and the
        // ellipsis are there.
        let shows: (String, String) -> Bool = { l, t in
          l.contains(t) || (DisplayWidth.of(t) > 60 && l.contains(String(t.prefix(12))) && l.contains("…"))
        }
        if line < screen.count, texts.allSatisfy({ shows(screen[line], $0) }) {
          line += 1
        } else {
          Issue.record("\(label): screen line \(line) is not row \(r) of table \(k): \(texts)")
          // Go on from where the row is, if it is anywhere, so one miss is reported once.
          line =
            screen[line...].firstIndex { l in texts.allSatisfy { shows(l, $0) } }.map { $0 + 1 } ?? line
        }
        for (c, cell) in row.cells.enumerated() {
          let raw = json[k].rows[r].cells[c]
          let where_ = "\(label), table \(k) row \(r) column \(table.columns[c].key)"
          Sinks.expectSame(
            cell, raw: raw, text: md[k].rows[r][c], paper: paper, where: where_ + " (Markdown)")
          // HTML's bar says its percentage and status only when no other cell of the row does.
          let hasPercent = row.cells.contains { if case .percent = $0 { true } else { false } }
          let hasStatus = row.cells.contains { if case .status = $0 { true } else { false } }
          Sinks.expectSame(
            cell, raw: raw, text: html[k].rows[r][c], paper: paper, where: where_ + " (HTML)",
            barSays: (!hasPercent, !hasStatus))
          Sinks.expectSame(
            cell, raw: raw, text: onScreen.text(cell), paper: onScreen, where: where_ + " (screen)")
        }
      }
    }
  }

  /// The header's figures are the same on screen and on paper: counts by status add up to the
  /// indicators, and 需关注 is the sum of the overview's rows.
  @Test(arguments: dates)
  func headerCountsAddUp(_ day: Day) throws {
    let data = DashboardData(campaign: Bundled.campaign, asOf: day)
    let h = HeaderFigures(data)
    #expect(h.counts.reduce(0, +) == Bundled.campaign.indicators.count)
    let rows = Bundled.campaign.subCommands.map { data.needsAttention(subCommand: $0.id) }
    #expect(rows.reduce(0, +) == h.needsAttention)
    let screen = Screens.render(Bundled.app(width: 80, height: 24), data).line(1)
    #expect(screen.contains("需关注 \(h.needsAttention)"))
    #expect(screen.contains(Format.percent(h.progress, digits: 1)))
    let md = Snapshot.render(.markdown, page: .overview, data: data)
    #expect(md.contains("需关注 \(h.needsAttention)"))
    #expect(md.contains(Format.percent(h.progress, digits: 1)))
  }
}

/// Reading the sinks back: tables out of JSON, Markdown and HTML, and numbers out of text.
enum Sinks {
  struct JSONTable {
    var rows: [(id: String?, cells: [JSONValue])]
  }
  struct TextTable {
    var header: [String]
    var rows: [[String]]
  }

  static func jsonTables(_ text: String) throws -> [JSONTable] {
    let root = try JSONParser.parse(text)
    guard case .object(let o) = root.value, case .array(let blocks)? = o["blocks"]?.value else { return [] }
    return blocks.compactMap { b -> JSONTable? in
      guard case .object(let t) = b.value, case .array(let cols)? = t["columns"]?.value,
        case .array(let rows)? = t["rows"]?.value
      else { return nil }
      let keys = cols.compactMap { c -> String? in
        guard case .object(let co) = c.value, case .string(let k)? = co["key"]?.value else { return nil }
        return k
      }
      return JSONTable(
        rows: rows.map { r in
          guard case .object(let ro) = r.value else { return (nil, []) }
          let id: String? = if case .string(let v)? = ro["id"]?.value { v } else { nil }
          return (id, keys.map { ro[$0]?.value ?? .null })
        })
    }
  }

  static func markdownTables(_ text: String) -> [TextTable] {
    var out: [TextTable] = []
    var inTable = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("| ") else {
        inTable = false
        continue
      }
      let cells = splitRow(String(line))
      if !inTable {
        out.append(TextTable(header: cells, rows: []))
        inTable = true
      } else if !line.hasPrefix("| ---") && !line.hasPrefix("| :") {
        out[out.count - 1].rows.append(cells)
      }
    }
    return out
  }

  /// `| a | b\|c |` → ["a", "b|c"], escapes removed.
  static func splitRow(_ line: String) -> [String] {
    var cells: [String] = []
    var cur = ""
    var escaped = false
    for ch in line.dropFirst(2) {
      if escaped {
        cur.append(ch)
        escaped = false
      } else if ch == "\\" {
        escaped = true
      } else if ch == "|" {
        cells.append(cur.trimmingCharacters(in: .whitespaces))
        cur = ""
      } else {
        cur.append(ch)
      }
    }
    return cells
  }

  static func htmlTables(_ html: String) -> [TextTable] {
    var out: [TextTable] = []
    var rest = Substring(html)
    while let start = rest.range(of: "<table>"), let end = rest.range(of: "</table>") {
      let body = rest[start.upperBound..<end.lowerBound]
      let header = cells(in: body, tag: "th")
      var rows: [[String]] = []
      var r = body[...]
      while let a = r.range(of: "<tr>"), let b = r.range(of: "</tr>", range: a.upperBound..<r.endIndex) {
        let row = cells(in: r[a.upperBound..<b.lowerBound], tag: "td")
        if !row.isEmpty { rows.append(row) }
        r = r[b.upperBound...]
      }
      out.append(TextTable(header: header, rows: rows))
      rest = rest[end.upperBound...]
    }
    return out
  }

  static func cells(in s: Substring, tag: String) -> [String] {
    var out: [String] = []
    var r = s
    while let a = r.range(of: "<\(tag)"), let gt = r.range(of: ">", range: a.upperBound..<r.endIndex),
      let b = r.range(of: "</\(tag)>", range: gt.upperBound..<r.endIndex)
    {
      out.append(plain(r[gt.upperBound..<b.lowerBound]))
      r = r[b.upperBound...]
    }
    return out
  }

  /// Tags out, entities back, spaces collapsed.
  static func plain(_ s: Substring) -> String {
    var out = ""
    var inTag = false
    for ch in s {
      if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { out.append(ch) }
    }
    for (e, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
      out = out.replacingOccurrences(of: e, with: c)
    }
    return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }

  /// The numbers written in a text, in order (`+0.4分 (−2.5百分点)` → [0.4, -2.5]).
  static func numbers(_ text: String) -> [Double] {
    var out: [Double] = []
    var cur = ""
    func flush() {
      if let d = Double(cur), cur != "-", cur != "+" { out.append(d) }
      cur = ""
    }
    for ch in text {
      if ch.isASCII && (ch.isNumber || ch == ".") || ((ch == "-" || ch == "+") && cur.isEmpty) {
        cur.append(ch)
      } else {
        flush()
      }
    }
    flush()
    return out
  }

  static func number(_ v: JSONValue?) -> Double? { if case .number(let d)? = v { d } else { nil } }

  static func object(_ v: JSONValue, _ key: String) -> JSONValue? {
    if case .object(let o) = v { o[key]?.value } else { nil }
  }

  /// The printed text of a cell says what its JSON raw value says, within the medium's rounding.
  static func expectSame(
    _ cell: PageCell, raw: JSONValue, text: String, paper f: CellFormat, where w: String,
    barSays: (percent: Bool, status: Bool) = (true, true)
  ) {
    let n = numbers(text)
    let pct = f.medium == .paper ? 0.05 : 1.0  // screen: whole percents, capped at 99 below done
    switch cell {
    case .percent:
      guard let d = number(raw) else {
        #expect(text == "—", "\(w): \(text) for no figure")
        return
      }
      #expect(n.first.map { abs($0 - d * 100) <= pct + 1e-9 } == true, "\(w): \(text) is not \(d)")
    case .bar:
      guard let d = number(object(raw, "progress")) else { return }
      if f.medium == .paper && barSays.percent {
        #expect(n.first.map { abs($0 - d * 100) <= pct + 1e-9 } == true, "\(w): \(text) is not \(d)")
      }
      if case .string(let code)? = object(raw, "status"),
        let m = StatusMark.allCases.first(where: { $0.code == code }),
        f.medium == .paper, barSays.status
      {
        #expect(text.contains(f.s.status(m)), "\(w): \(text) lacks the status \(code)")
      }
    case .count(let c, _):
      #expect(number(raw) == Double(c) && n == [Double(c)], "\(w): \(text) is not \(c)")
    case .ratio(let a, let b):
      #expect(n == [Double(a), Double(b)] && number(object(raw, "part")) == Double(a), "\(w): \(text)")
    case .points(let p, let of):
      #expect(n.first.map { abs($0 - p) <= 0.05 + 1e-9 } == true, "\(w): \(text) is not \(p)")
      if let of { #expect(n.count == 2 && abs(n[1] - of) <= 0.05 + 1e-9, "\(w): \(text) is not of \(of)") }
    case .delta(let d, let unit):
      guard let d else {
        #expect(text.isEmpty && raw == .null, "\(w): \(text)")
        return
      }
      #expect(number(raw) == d)
      let shown = unit == .percentPoints ? d * 100 : d
      let tolerance = unit == .places ? 0 : (unit == .points && abs(d) < 0.05 ? 0.005 : 0.05)
      if text == "—" {
        #expect(abs(shown) < tolerance + 1e-9, "\(w): — for a change of \(shown)")
      } else {
        #expect(n.first.map { abs($0 - shown) <= tolerance + 1e-9 } == true, "\(w): \(text) is not \(shown)")
        #expect(text.hasPrefix(shown > 0 ? "+" : "-"), "\(w): \(text) has no sign")
      }
    case .value(let v, _):
      guard let v else {
        #expect(text == "—")
        return
      }
      #expect(n.first.map { abs($0 - v) <= 0.005 + 1e-9 } == true, "\(w): \(text) is not \(v)")
    case .date(let d, _):
      #expect(raw == .string(d.description))
      #expect(
        text == (f.medium == .paper ? d.description : String(d.description.dropFirst(5))), "\(w): \(text)")
    case .status(let m):
      #expect(raw == .string(m.code) && text.contains(f.s.status(m)), "\(w): \(text) is not \(m)")
    case .text(let t, _), .tree(let t, _, _):
      #expect(raw == .string(t), "\(w): JSON")
      if f.medium == .paper { #expect(text == SafeText.sanitize(t), "\(w): \(text) is not \(t)") }
    case .name(let full, _, _):
      #expect(raw == .string(full), "\(w): JSON")
      if f.medium == .paper { #expect(text == SafeText.sanitize(full), "\(w): \(text) is not \(full)") }
    case .key(let k): #expect(number(raw) == Double(k) && n == [Double(k)], "\(w): \(text)")
    case .sparkline, .empty: break
    }
  }
}
