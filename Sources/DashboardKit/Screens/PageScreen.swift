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
      case .heading(let title, let note): lines.append(headingLine(title, note: note))
      case .facts(let facts):
        let labelWidth = facts.map { DisplayWidth.of($0.label) }.max() ?? 0
        for fact in facts { lines += factLines(fact, labelWidth: labelWidth, width: ctx.width) }
      case .paragraph(let text, let role): lines.append(infoLine("", text, role: role))
      case .gap: lines.append(.blank)
      case .table(let t): lines += tableLines(t, f: f, width: ctx.width)
      }
    }
    return lines
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

  static func tableLines(_ t: PageTable, f: CellFormat, width: Int) -> [ScreenLine] {
    var slots = layout(t, f: f, width: width)
    // Names: full where the column fits them all, else the short names for the whole column,
    // so one column never mixes the two.
    var short = Set<Int>()
    for slot in slots
    where t.rows.contains(where: { row in
      guard slot.column < row.cells.count, case .name(let full, let s?, _) = row.cells[slot.column] else {
        return false
      }
      return !f.narrow && s != full && DisplayWidth.of(full) > slot.width
    }) {
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
