/// The jump palette (`:`, Ctrl-K) drawn over the page: the typed text, then the matches best
/// first, each with its kind and path (`单位  市房产管理局  [5] 城乡住建 …`), the chosen one
/// marked. The matches come from ``Palette/matches(_:app:data:s:limit:)``, the same call the
/// navigation plan makes, so Enter opens the row the user sees.
enum PaletteScreen {
  /// How many matches fit on a screen of `height` rows (the panel leaves the header and the
  /// footer visible).
  static func visibleRows(height: Int) -> Int { max(1, height - 6) }

  static func matches(_ app: App, _ data: DashboardData, s: Strings) -> Palette.Result {
    Palette.matches(
      app.palette?.query ?? "", app: app, data: data, s: s, limit: visibleRows(height: app.height))
  }

  static func draw(_ c: inout Canvas, app: App, data: DashboardData, s: Strings, glyphs: GlyphSet) {
    guard let state = app.palette else { return }
    let result = matches(app, data, s: s)
    let width = min(c.width - 2, max(60, min(110, c.width * 3 / 4)))
    let rows = max(1, result.entries.count)
    let rect = Rect(x: (c.width - width) / 2, y: 1, width: width, height: min(c.height - 2, rows + 4))
    let count = state.query.isEmpty ? s.paletteHint : s.paletteCount(result.entries.count, result.total)
    Box.draw(into: &c, rect: rect, title: "\(s.paletteTitle) · \(count)", glyphs: glyphs)
    let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
    let cursor = glyphs.isASCII ? "_" : "▏"
    c.draw(": " + state.query + cursor, x: inner.x, y: inner.y, maxWidth: inner.width, role: .key)
    guard inner.height > 2 else { return }
    if result.entries.isEmpty {
      c.draw(s.paletteNone, x: inner.x, y: inner.y + 2, maxWidth: inner.width, role: .dim)
      return
    }
    let kindWidth = JumpEntry.Kind.allCases.map { DisplayWidth.of(s.kind($0)) }.max() ?? 6
    for (i, e) in result.entries.prefix(inner.height - 2).enumerated() {
      let y = inner.y + 2 + i
      let chosen = i == state.selection
      var x = inner.x
      c.draw(chosen ? String(glyphs.selectionMarker) : " ", x: x, y: y, role: .selection)
      x += 2
      x += c.draw(TextLayout.pad(s.kind(e.kind), to: kindWidth), x: x, y: y, role: .dim) + 2
      let nameRole: StyleRole = chosen ? .selection : .text
      x += c.draw(
        e.name, x: x, y: y, maxWidth: max(0, inner.x + inner.width - x), role: nameRole, truncation: .ellipsis
      )
      if !e.path.isEmpty, x + 4 < inner.x + inner.width {
        c.draw(
          "  " + e.path, x: x, y: y, maxWidth: inner.x + inner.width - x, role: .dim, truncation: .ellipsis)
      }
    }
  }
}
