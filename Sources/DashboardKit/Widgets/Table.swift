/// A table whose columns are sized by display width, so Chinese and ASCII columns line up.
///
/// Columns have a minimum and optional maximum width, an alignment, a flex weight (share of
/// the width left over once every column has its natural width) and a priority. When the
/// width is too small for every column's minimum, the least important columns are dropped,
/// so a wide terminal shows more columns and 80 columns still shows the essential ones.
///
/// Sizing reads the rows it is given. A list screen that renders only its visible rows should
/// compute ``naturalWidths()`` once over all rows (when the data changes) and pass it to
/// ``layout(width:natural:)``, so the columns do not jitter while scrolling.
public struct Table: Sendable {
  public struct Column: Sendable, Equatable {
    public var header: String
    public var minWidth: Int
    public var maxWidth: Int?
    public var align: TextAlignment
    /// Share of the left-over width this column takes (0: keeps its natural width).
    public var flex: Int
    /// Lower is more important; the highest value is dropped first when space runs out.
    public var priority: Int
    public var truncation: Truncation

    public init(
      _ header: String, minWidth: Int = 1, maxWidth: Int? = nil, align: TextAlignment = .left,
      flex: Int = 0, priority: Int = 0, truncation: Truncation = .ellipsis
    ) {
      self.header = header
      let lo = max(1, minWidth)
      self.minWidth = lo
      self.maxWidth = maxWidth.map { max(lo, $0) }
      self.align = align
      self.flex = max(0, flex)
      self.priority = priority
      self.truncation = truncation
    }
  }

  /// One cell: text, or a drawer for anything else (a progress bar, a lamp).
  public enum Content: Sendable {
    /// Text in the row's role unless `role` is given.
    case text(String, role: StyleRole? = nil)
    /// Draws itself into the cell's rect; `width` is its natural width for sizing.
    case custom(width: Int, draw: @Sendable (inout Canvas, Rect) -> Void)

    var naturalWidth: Int {
      switch self {
      case .text(let s, _): DisplayWidth.of(SafeText.sanitize(s))
      case .custom(let w, _): max(0, w)
      }
    }
  }

  public struct Row: Sendable {
    public var cells: [Content]
    public var role: StyleRole
    public init(_ cells: [Content], role: StyleRole = .text) {
      self.cells = cells
      self.role = role
    }
  }

  /// Where a visible column landed: its index in ``columns``, x offset and width.
  public struct Slot: Sendable, Equatable {
    public var column: Int
    public var x: Int
    public var width: Int
  }

  public var columns: [Column]
  public var rows: [Row]
  /// Columns between adjacent columns.
  public var gap: Int
  public var headerRole: StyleRole
  public var glyphs: GlyphSet

  public init(
    columns: [Column], rows: [Row], gap: Int = 2, headerRole: StyleRole = .header,
    glyphs: GlyphSet = .unicode
  ) {
    self.columns = columns
    self.rows = rows
    self.gap = max(0, gap)
    self.headerRole = headerRole
    self.glyphs = glyphs
  }

  /// Each column's natural width: the widest of its header and its cells, within min…max.
  public func naturalWidths() -> [Int] {
    columns.enumerated().map { i, col in
      var w = DisplayWidth.of(SafeText.sanitize(col.header))
      for row in rows where i < row.cells.count { w = max(w, row.cells[i].naturalWidth) }
      return clamp(w, col)
    }
  }

  /// Which columns are shown, where and how wide, in `width` columns.
  public func layout(width: Int, natural: [Int]? = nil) -> [Slot] {
    let natural = (natural ?? naturalWidths()).enumerated().map { i, w in
      i < columns.count ? clamp(w, columns[i]) : w
    }
    // Drop the least important columns until the minimums fit.
    var shown = Array(columns.indices)
    func needed(_ cols: [Int]) -> Int {
      cols.reduce(0) { $0 + columns[$1].minWidth } + gap * max(0, cols.count - 1)
    }
    while shown.count > 1 && needed(shown) > width {
      let drop = shown.indices.max { a, b in
        let pa = columns[shown[a]].priority
        let pb = columns[shown[b]].priority
        return pa != pb ? pa < pb : a < b  // ties: the rightmost goes first
      }!
      shown.remove(at: drop)
    }
    guard !shown.isEmpty, width > 0 else { return [] }
    var widths = shown.map { columns[$0].minWidth }
    var rest = width - needed(shown)
    // Fixed columns first get their natural width, most important first.
    let byPriority = shown.indices.sorted { columns[shown[$0]].priority < columns[shown[$1]].priority }
    for k in byPriority where columns[shown[k]].flex == 0 && rest > 0 {
      let add = min(rest, natural[shown[k]] - widths[k])
      if add > 0 { widths[k] += add; rest -= add }
    }
    // Flexible columns share what is left by weight, up to their maximums.
    var open = shown.indices.filter { columns[shown[$0]].flex > 0 }
    while rest > 0 && !open.isEmpty {
      let weights = open.reduce(0) { $0 + columns[shown[$1]].flex }
      var given = 0
      var leftover = rest
      for k in open {
        var add = rest * columns[shown[k]].flex / weights
        if k == open.last { add = leftover }
        if let cap = columns[shown[k]].maxWidth { add = min(add, cap - widths[k]) }
        add = max(0, min(add, leftover))
        widths[k] += add
        given += add
        leftover -= add
      }
      rest -= given
      open = open.filter { k in columns[shown[k]].maxWidth.map { widths[k] < $0 } ?? true }
      if given == 0 { break }
    }
    // A single column narrower than its minimum still must not exceed the width.
    if shown.count == 1 { widths[0] = min(widths[0], width) }
    var x = 0
    var slots: [Slot] = []
    for (k, c) in shown.enumerated() {
      slots.append(Slot(column: c, x: x, width: widths[k]))
      x += widths[k] + gap
    }
    return slots
  }

  /// Draws the header on `rect`'s first row and the rows below it, as many as fit; paints row
  /// `selected` (an index into ``rows``) with `.selection`. Returns the layout used.
  @discardableResult
  public func draw(
    into canvas: inout Canvas, rect: Rect, selected: Int? = nil, layout: [Slot]? = nil
  ) -> [Slot] {
    guard !rect.isEmpty else { return [] }
    let slots = layout ?? self.layout(width: rect.width)
    canvas.fill(rect.row(0), role: headerRole)
    for s in slots {
      let col = columns[s.column]
      canvas.draw(
        col.header, in: Rect(x: rect.x + s.x, y: rect.y, width: s.width, height: 1),
        align: col.align, role: headerRole, truncation: col.truncation,
        ellipsis: glyphs.ellipsis)
    }
    for (i, row) in rows.prefix(rect.height - 1).enumerated() {
      let y = rect.y + 1 + i
      canvas.fill(rect.row(1 + i), role: row.role)
      for s in slots where s.column < row.cells.count {
        let cellRect = Rect(x: rect.x + s.x, y: y, width: s.width, height: 1)
          .intersection(rect)
        guard !cellRect.isEmpty else { continue }
        switch row.cells[s.column] {
        case .text(let text, let role):
          let col = columns[s.column]
          canvas.draw(
            text, in: cellRect, align: col.align, role: role ?? row.role,
            truncation: col.truncation, ellipsis: glyphs.ellipsis)
        case .custom(_, let drawCell):
          drawCell(&canvas, cellRect)
        }
      }
      if i == selected { canvas.setRole(.selection, in: rect.row(1 + i)) }
    }
    return slots
  }

  private func clamp(_ w: Int, _ col: Column) -> Int {
    min(max(w, col.minWidth), col.maxWidth ?? Int.max)
  }
}
