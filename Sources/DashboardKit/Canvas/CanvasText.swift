/// Drawing text and painting areas on a ``Canvas``.
///
/// Every call clips to the canvas (nothing is ever written outside it), sanitises text with
/// ``SafeText`` and measures with ``DisplayWidth``, so screens can pass data strings straight
/// through without thinking about escape sequences or double-width characters.
extension Canvas {
  /// Draws `text` starting at column `x` of row `y`, in at most `maxWidth` columns (and never
  /// past the right edge), and returns the number of columns the drawn text spans.
  ///
  /// Text that does not fit is cut by ``Truncation``; a double-width grapheme that would
  /// straddle the limit becomes a space. A zero-width grapheme (a lone combining mark or
  /// Hangul vowel) joins the cell before it, as it would on a terminal.
  @discardableResult
  public mutating func draw(
    _ text: String, x: Int, y: Int, maxWidth: Int? = nil, role: StyleRole = .text,
    truncation: Truncation = .ellipsis, ellipsis: Character = TextLayout.defaultEllipsis
  ) -> Int {
    guard y >= 0, y < height, x < width else { return 0 }
    var limit = width - x
    if let m = maxWidth { limit = min(limit, m) }
    guard limit > 0 else { return 0 }
    let fitted = TextLayout.fit(text, width: limit, truncation: truncation, ellipsis: ellipsis)
    return place(fitted, x: x, y: y, role: role)
  }

  /// Draws `text` on the first row of `rect`, aligned, with the rest of that row filled with
  /// spaces in `role` (so a re-draw fully replaces what was there). Returns the text's width.
  @discardableResult
  public mutating func draw(
    _ text: String, in rect: Rect, align: TextAlignment = .left, role: StyleRole = .text,
    truncation: Truncation = .ellipsis, ellipsis: Character = TextLayout.defaultEllipsis
  ) -> Int {
    guard !rect.isEmpty else { return 0 }
    let fitted = TextLayout.fit(
      text, width: rect.width, truncation: truncation, ellipsis: ellipsis)
    if let w = DisplayWidth.plainWidth(fitted.utf8) {
      // Plain text cannot join the padding into a grapheme: put the padding and the text
      // side by side, as the padded line would have them, without building that line.
      let gap = rect.width - w
      let lead = align == .left ? 0 : align == .right ? gap : gap / 2
      let blank = Cell(text: " ", width: 1, role: role)
      var x = rect.x
      for _ in 0..<lead {
        guard x < width else { break }
        if x >= 0 { put(blank, x: x, y: rect.y) }
        x += 1
      }
      x += placePlain(fitted, x: x, y: rect.y, role: role)
      while x < rect.x + rect.width && x < width {
        if x >= 0 { put(blank, x: x, y: rect.y) }
        x += 1
      }
      return w
    }
    let line = TextLayout.pad(fitted, to: rect.width, align: align)
    place(line, x: rect.x, y: rect.y, role: role)
    return DisplayWidth.of(fitted)
  }

  /// Puts already-fitted, already-safe text cell by cell; returns the columns it spans.
  @discardableResult
  mutating func place(_ fitted: String, x: Int, y: Int, role: StyleRole) -> Int {
    if DisplayWidth.plainWidth(fitted.utf8) != nil { return placePlain(fitted, x: x, y: y, role: role) }
    var col = x
    var lastX: Int? = nil
    for c in fitted {
      let w = DisplayWidth.of(c)
      if w == 0 {
        if let lx = lastX {
          let prev = self[lx, y]
          put(Cell(text: prev.text + String(c), width: prev.width, role: prev.role), x: lx, y: y)
        }
        continue
      }
      if col >= width { break }
      if col >= 0 {
        put(Cell(text: String(c), width: UInt8(w), role: role), x: col, y: y)
        lastX = col
      } else if col + w > 0 {
        // The right half of a wide grapheme cut by the left edge: show a space instead.
        put(Cell(text: " ", width: 1, role: role), x: 0, y: y)
      }
      col += w
    }
    return col - x
  }

  /// ``place(_:x:y:role:)`` for plain text (``DisplayWidth/plainWidth(_:)`` is not nil): every
  /// scalar is a grapheme of its own, one or two columns wide, so no segmenting is needed.
  @discardableResult
  mutating func placePlain(_ fitted: String, x: Int, y: Int, role: StyleRole) -> Int {
    var col = x
    for scalar in fitted.unicodeScalars {
      let w = DisplayWidth.isPlainWide(scalar.value) ? 2 : 1
      if col >= width { break }
      if col >= 0 {
        put(Cell(text: String(scalar), width: UInt8(w), role: role), x: col, y: y)
      } else if col + w > 0 {
        put(Cell(text: " ", width: 1, role: role), x: 0, y: y)
      }
      col += w
    }
    return col - x
  }

  /// Fills a rectangle with spaces painted in `role` (clipped to the canvas).
  public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, role: StyleRole = .text) {
    let r = Rect(x: x, y: y, width: w, height: h).intersection(bounds)
    guard !r.isEmpty else { return }
    let blank = Cell(text: " ", width: 1, role: role)
    for yy in r.y..<r.maxY {
      for xx in r.x..<r.maxX { put(blank, x: xx, y: yy) }
    }
  }

  /// Fills `rect` with spaces painted in `role`.
  public mutating func fill(_ rect: Rect, role: StyleRole = .text) {
    fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, role: role)
  }

  /// Repaints a rectangle in `role` without changing its text (selection highlight). A wide
  /// grapheme partly inside the rectangle is repainted whole, so it never shows two styles.
  public mutating func setRole(
    _ role: StyleRole, x: Int, y: Int, width w: Int, height h: Int
  ) {
    let r = Rect(x: x, y: y, width: w, height: h).intersection(bounds)
    guard !r.isEmpty else { return }
    for yy in r.y..<r.maxY {
      let row = yy * width
      for xx in r.x..<r.maxX {
        cells[row + xx].role = role
        if cells[row + xx].width == 0, xx > 0 { cells[row + xx - 1].role = role }
        if cells[row + xx].width == 2, xx + 1 < width { cells[row + xx + 1].role = role }
      }
    }
  }

  /// Repaints `rect` in `role` without changing its text.
  public mutating func setRole(_ role: StyleRole, in rect: Rect) {
    setRole(role, x: rect.x, y: rect.y, width: rect.width, height: rect.height)
  }
}
