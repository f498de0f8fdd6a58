import CampaignKit

/// The screen sink: a ``PageModel`` as the scrolling body's lines. Tables are laid out by the
/// ``Table`` widget's column rules over all their rows (so scrolling never moves a column),
/// with a header line; bars, sparklines and tree guides are the only cells drawn by hand.
enum PageScreen {
  static let margin = 2

  static func lines(_ model: PageModel, ctx: PageContext) -> [ScreenLine] {
    let f = CellFormat(s: ctx.s, glyphs: ctx.glyphs, medium: .screen, width: ctx.width)
    var lines: [ScreenLine] = []
    for block in model.blocks {
      switch block {
      case .heading(let title, let note), .subheading(let title, let note):
        lines.append(headingLine(title, note: note))
      case .masthead(let mh): lines += mastheadLines(mh, width: ctx.width, glyphs: ctx.glyphs)
      case .list(let items): lines += listLines(items, width: ctx.width)
      case .signature(let sig): lines += signatureLines(sig, s: ctx.s)
      case .facts(let facts):
        let labelWidth = facts.map { DisplayWidth.of($0.label) }.max() ?? 0
        for fact in facts { lines += factLines(fact, labelWidth: labelWidth, width: ctx.width) }
      case .paragraph(let text, let role):
        // Prose wraps under itself; a one-line message stays one line.
        for piece in TextWrap.lines(text, width: max(10, ctx.width - margin - 1)) {
          lines.append(infoLine("", piece, role: role))
        }
      case .gap: lines.append(.blank)
      case .table(let t): lines += tableLines(t, f: f, width: ctx.width, wraps: ctx.options.paper)
      }
    }
    return lines
  }

  /// The masthead centred: office, series and issue, then issuer and date at the two ends of
  /// a rule-topped line.
  static func mastheadLines(_ mh: PageMasthead, width: Int, glyphs: GlyphSet) -> [ScreenLine] {
    func centred(_ text: String, _ role: StyleRole) -> ScreenLine {
      .text { c, y, w in
        let tw = DisplayWidth.of(text)
        c.draw(text, x: max(margin, (w - tw) / 2), y: y, maxWidth: max(0, w - margin - 1), role: role)
      }
    }
    var out = [centred(mh.office, .title), centred(mh.series, .title)]
    if !mh.note.isEmpty { out.append(centred(mh.note, .dim)) }
    out.append(
      .text { c, y, w in
        c.draw(mh.issuer, x: margin, y: y, role: .text)
        let dw = DisplayWidth.of(mh.date)
        c.draw(mh.date, x: max(margin, w - margin - 1 - dw), y: y, role: .text)
      })
    out.append(
      .text { c, y, w in
        c.draw(
          String(repeating: glyphs.horizontal, count: max(0, w - 2 * margin - 1)), x: margin, y: y,
          role: .border)
      })
    return out
  }

  /// Numbered items; a long item wraps under its own text.
  static func listLines(_ items: [String], width: Int) -> [ScreenLine] {
    var out: [ScreenLine] = []
    for (i, item) in items.enumerated() {
      let number = "\(i + 1). "
      let indent = margin + DisplayWidth.of(number)
      for (k, text) in TextWrap.lines(item, width: max(10, width - indent - 1)).enumerated() {
        out.append(
          .text { c, y, _ in
            if k == 0 { c.draw(number, x: margin, y: y, role: .dim) }
            c.draw(text, x: indent, y: y, role: .text)
          })
      }
    }
    return out
  }

  /// Issuer and date at the right; the seal's space as its caption in brackets.
  static func signatureLines(_ sig: PageSignature, s: Strings) -> [ScreenLine] {
    func right(_ text: String, _ role: StyleRole) -> ScreenLine {
      .text { c, y, w in
        c.draw(text, x: max(margin, w - margin - 1 - DisplayWidth.of(text)), y: y, role: role)
      }
    }
    var out: [ScreenLine] = [.blank]
    if let seal = sig.seal { out.append(right(s.sealMark(seal), .dim)) }
    out += [right(sig.issuer, .text), right(sig.date, .text), .blank]
    return out
  }

  /// A fact as `label value`; a long value wraps under itself.
  static func factLines(_ fact: PageModel.Fact, labelWidth: Int, width: Int) -> [ScreenLine] {
    let indent = margin + (labelWidth > 0 ? labelWidth + 2 : 0)
    let wrapped = fact.wraps ? TextWrap.lines(fact.value, width: max(10, width - indent - 1)) : [fact.value]
    return (wrapped.isEmpty ? [""] : wrapped).enumerated().map { n, text in
      .text { c, y, _ in
        if n == 0, !fact.label.isEmpty { c.draw(fact.label, x: margin, y: y, role: .dim) }
        c.draw(
          text, x: indent, y: y, maxWidth: max(0, width - indent - 1), role: fact.role, truncation: .ellipsis)
      }
    }
  }

  /// The table's column layout on this width: the widget's rules over every row's natural widths.
  /// A column is never narrower than its header, and a right-aligned (numeric) column never
  /// narrower than its widest figure: a cut number is a wrong number. When those do not fit,
  /// the least important columns go whole.
  static func layout(_ t: PageTable, f: CellFormat, width: Int, short: Set<Int> = []) -> [Table.Slot] {
    var natural = t.columns.map { DisplayWidth.of($0.header) }
    // A column already as wide as its maximum needs no more measuring.
    let caps = t.columns.map { $0.max ?? .max }
    for i in natural.indices {
      for r in t.rows.indices where i < t.rows[r].cells.count && natural[i] < caps[i] {
        var cell = t.rows[r].cells[i]
        if short.contains(i), case .name(_, let s?, let role) = cell { cell = .name(s, short: s, role: role) }
        natural[i] = max(natural[i], f.naturalWidth(cell))
      }
    }
    let columns = t.columns.enumerated().map { i, c in
      let floor = c.align == .right ? natural[i] : DisplayWidth.of(c.header)
      return Table.Column(
        c.header, minWidth: max(c.min, Swift.min(floor, c.max ?? .max)), maxWidth: c.max, align: c.align,
        flex: c.flex, priority: c.priority)
    }
    return Table(columns: columns, rows: [], gap: 1).layout(width: width - margin - 1, natural: natural)
  }

  static func tableLines(_ t: PageTable, f: CellFormat, width: Int, wraps: Bool = false) -> [ScreenLine] {
    // On paper full names wrap inside their column (``paperLayout``); on screen a column whose
    // full names do not all fit shows the short names for the whole column, so one column
    // never mixes the two.
    var slots = wraps ? paperLayout(t, f: f, width: width) : layout(t, f: f, width: width)
    var short = Set<Int>()
    for slot in slots
    where !wraps
      && t.rows.contains(where: { row in
        guard slot.column < row.cells.count, case .name(let full, let s?, _) = row.cells[slot.column] else {
          return false
        }
        return !f.narrow && s != full && DisplayWidth.of(full) > slot.width
      })
    {
      short.insert(slot.column)
    }
    if !short.isEmpty { slots = layout(t, f: f, width: width, short: short) }
    var lines: [ScreenLine] = [
      .text { c, y, _ in
        for slot in slots {
          let col = t.columns[slot.column]
          c.draw(
            col.header, in: Rect(x: margin + slot.x, y: y, width: slot.width, height: 1), align: col.align,
            role: .dim, ellipsis: f.glyphs.ellipsis)
        }
      }
    ]
    for row in t.rows {
      if wraps, let more = wrappedRow(row, t: t, slots: slots, f: f) {
        lines += more
        continue
      }
      let draw: (inout Canvas, Int, Int) -> Void = { c, y, _ in
        for slot in slots where slot.column < row.cells.count {
          var cell = row.cells[slot.column]
          if short.contains(slot.column), case .name(_, let s?, let role) = cell {
            cell = .name(s, short: s, role: role)
          }
          drawCell(&c, cell, row: row, column: t.columns[slot.column], slot: slot, y: y, f: f)
        }
      }
      lines.append(
        ScreenLine(
          selectable: row.selectable, target: row.target, filterText: row.filterText, subject: row.subject,
          draw: draw))
    }
    return lines
  }

  /// On paper, figures are never cut: a column of figures short of its natural width takes
  /// the columns it lacks from the widest text columns (whose cells then wrap), down to 6.
  static func paperLayout(_ t: PageTable, f: CellFormat, width: Int) -> [Table.Slot] {
    var slots = layout(t, f: f, width: width)
    func wraps(_ c: Int) -> Bool {
      t.rows.contains { row in
        guard c < row.cells.count else { return false }
        switch row.cells[c] {
        case .name, .text, .tree: return true
        default: return false
        }
      }
    }
    for i in slots.indices where !wraps(slots[i].column) {
      let c = slots[i].column
      var natural = DisplayWidth.of(t.columns[c].header)
      for row in t.rows where c < row.cells.count {
        if case .bar = row.cells[c] { continue }
        natural = max(natural, f.naturalWidth(row.cells[c]))
      }
      if case .bar = t.rows.first?.cells[c] ?? .empty { continue }
      var lack = natural - slots[i].width
      while lack > 0 {
        guard
          let j = slots.indices.filter({ wraps(slots[$0].column) && slots[$0].width > 6 }).max(by: {
            slots[$0].width < slots[$1].width
          })
        else { break }
        slots[j].width -= 1
        slots[i].width += 1
        lack -= 1
      }
    }
    var x = slots.first?.x ?? 0
    for i in slots.indices {
      slots[i].x = x
      x += slots[i].width + 1
    }
    return slots
  }

  /// On paper, a row whose text does not fit its column as lines that wrap it inside the
  /// column (a name is never cut); nil when every cell fits on one line.
  static func wrappedRow(_ row: PageRow, t: PageTable, slots: [Table.Slot], f: CellFormat) -> [ScreenLine]? {
    var pieces: [Int: [String]] = [:]
    for slot in slots where slot.column < row.cells.count {
      let cell = row.cells[slot.column]
      switch cell {
      case .name, .text, .tree:
        let text = SafeText.sanitize(f.text(cell))
        if DisplayWidth.of(text) > slot.width {
          pieces[slot.column] = TextWrap.lines(text, width: slot.width)
        }
      default: break
      }
    }
    guard !pieces.isEmpty else { return nil }
    let height = pieces.values.map(\.count).max() ?? 1
    return (0..<height).map { k in
      let draw: (inout Canvas, Int, Int) -> Void = { c, y, _ in
        for slot in slots where slot.column < row.cells.count {
          let cell = row.cells[slot.column]
          if let lines = pieces[slot.column] {
            if k < lines.count {
              c.draw(
                lines[k], in: Rect(x: margin + slot.x, y: y, width: slot.width, height: 1),
                align: t.columns[slot.column].align, role: f.role(cell, row: row.role),
                ellipsis: f.glyphs.ellipsis)
            }
          } else if k == 0 {
            drawCell(&c, cell, row: row, column: t.columns[slot.column], slot: slot, y: y, f: f)
          }
        }
      }
      return ScreenLine(
        selectable: k == 0 && row.selectable, target: row.target, filterText: row.filterText,
        subject: row.subject,
        draw: draw)
    }
  }

  static func drawCell(
    _ c: inout Canvas, _ cell: PageCell, row: PageRow, column: PageColumn, slot: Table.Slot, y: Int,
    f: CellFormat
  ) {
    let x = margin + slot.x
    switch cell {
    case .bar(let p, let mark, let glyph):
      ProgressBar(fraction: p ?? 0, status: mark, showsPercent: false, showsGlyph: glyph, glyphs: f.glyphs)
        .draw(into: &c, x: x, y: y, width: slot.width)
      if p == nil, let mark, glyph {
        // 未报送: the glyph says so; the track stays empty.
        c.draw(String(f.glyphs.statusGlyph(mark)), x: x, y: y, role: mark.role)
      }
    case .tree(let text, let isLast, _) where !isLast.isEmpty:
      let guide = TreeGuides.prefix(isLast: isLast, glyphs: f.glyphs)
      let w = c.draw(guide, x: x, y: y, maxWidth: slot.width, role: .border)
      c.draw(
        text, x: x + w, y: y, maxWidth: max(0, slot.width - w), role: f.role(cell, row: row.role),
        ellipsis: f.glyphs.ellipsis)
    default:
      c.draw(
        f.text(cell), in: Rect(x: x, y: y, width: slot.width, height: 1), align: column.align,
        role: f.role(cell, row: row.role), ellipsis: f.glyphs.ellipsis)
    }
  }
}

/// A section heading line: bold title, then a dim note.
func headingLine(_ title: String, note: String = "") -> ScreenLine {
  .text { c, y, width in
    let x = 2 + c.draw(title, x: 2, y: y, maxWidth: max(0, width - 3), role: .title)
    if !note.isEmpty {
      c.draw("  " + note, x: x, y: y, maxWidth: max(0, width - x - 1), role: .dim, truncation: .ellipsis)
    }
  }
}

/// A plain text line (label: value), clipped with an ellipsis.
func infoLine(_ label: String, _ value: String, role: StyleRole = .text) -> ScreenLine {
  .text { c, y, width in
    var x = 2
    if !label.isEmpty {
      x += c.draw(label, x: x, y: y, role: .dim)
      x += 1
    }
    c.draw(value, x: x, y: y, maxWidth: max(0, width - x - 1), role: role, truncation: .ellipsis)
  }
}
