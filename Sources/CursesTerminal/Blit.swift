import CNcurses
import DashboardKit

/// Copying a ``Canvas`` into ncurses. Each row goes in with one `mvwadd_wchnstr`, which neither
/// wraps nor scrolls (so the bottom-right cell is safe) and leaves ncurses to diff against the
/// screen: only changed cells reach the terminal.
extension TerminalSession {
  /// Draws `canvas` at the top-left and updates the terminal. Rows and columns beyond the
  /// screen are clipped; a wide grapheme cut by the right edge becomes a space.
  public func blit(_ canvas: Canvas) {
    let (cols, lines) = size
    let win = cw_stdscr()
    if canvas.width < cols || canvas.height < lines { _ = werase(win) }
    var row = [cchar_t](repeating: cchar_t(), count: cols + 1)
    var text = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
    for y in 0..<min(canvas.height, lines) {
      var n = 0
      var x = 0
      let limit = min(canvas.width, cols)
      while x < limit {
        let cell = canvas[x, y]
        x += 1
        if cell.isContinuation { continue }
        let style = styles[Int(cell.role.rawValue)]
        var glyph = Glyph.make(cell.text, width: Int(cell.width))
        if glyph.columns == 2 && x >= limit { glyph = .fallback(width: 1) }  // cut by the edge
        glyph.store(into: &text)
        _ = setcchar(&row[n], text, style.attr, style.pair, nil)
        n += 1
        if glyph.padAfter {  // the terminal thinks it is narrower than the canvas does
          text[0] = 32
          text[1] = 0
          _ = setcchar(&row[n], text, style.attr, style.pair, nil)
          n += 1
        }
      }
      _ = mvwadd_wchnstr(win, Int32(y), 0, row, Int32(n))
    }
    _ = wnoutrefresh(win)
    _ = doupdate()
  }
}

/// What one canvas cell becomes on the terminal. ncurses advances by `wcwidth`, the canvas by
/// its own width table; when they disagree the row would shift, so the cell is replaced.
struct Glyph {
  var scalars: [UInt32]
  var columns: Int
  var padAfter = false

  static func fallback(width: Int) -> Glyph {
    Glyph(scalars: [63], columns: 1, padAfter: width == 2)  // "?"
  }

  static func make(_ text: String, width: Int) -> Glyph {
    let scalars = text.unicodeScalars.prefix(Int(CCHARW_MAX)).map(\.value)
    guard let first = scalars.first else { return Glyph(scalars: [32], columns: 1, padAfter: width == 2) }
    // Data is untrusted: a control character must never reach the terminal.
    if scalars.contains(where: { $0 < 32 || (0x7F...0x9F).contains($0) }) {
      return .fallback(width: width)
    }
    if first < 0x7F { return Glyph(scalars: scalars, columns: 1, padAfter: width == 2) }
    let measured = Int(cw_wcwidth(wchar_t(bitPattern: first)))
    if measured == width { return Glyph(scalars: scalars, columns: width) }
    if measured == 1 && width == 2 { return Glyph(scalars: scalars, columns: 1, padAfter: true) }
    return .fallback(width: width)
  }

  func store(into buffer: inout [wchar_t]) {
    for (i, s) in scalars.enumerated() { buffer[i] = wchar_t(bitPattern: s) }
    buffer[scalars.count] = 0
  }
}
