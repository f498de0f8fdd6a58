/// One cell of a ``Canvas``: the grapheme cluster shown there and the role it is painted with.
///
/// A double-width grapheme occupies its own cell plus the cell to its right, which holds a
/// *continuation* (`text` empty, `width` 0). Every row therefore always spans exactly
/// `Canvas.width` display columns, which is what lets the terminal and the snapshot writers
/// copy rows without measuring anything again.
public struct Cell: Equatable, Sendable {
  /// The grapheme cluster drawn in this cell; `""` for the right half of a wide grapheme.
  public var text: String
  /// Display width of `text`: 1 or 2, or 0 for a continuation cell.
  public var width: UInt8
  public var role: StyleRole

  public init(text: String, width: UInt8, role: StyleRole) {
    self.text = text
    self.width = width
    self.role = role
  }

  public static let blank = Cell(text: " ", width: 1, role: .text)
  public var isContinuation: Bool { width == 0 }
}

/// A grid of cells that knows display width: the one thing every screen draws into and every
/// sink (the live terminal, text/ANSI/HTML snapshots, golden tests) reads from.
public struct Canvas: Equatable, Sendable {
  public let width: Int
  public let height: Int
  /// Row-major cells; settable inside DashboardKit so drawing helpers (CanvasText) can change
  /// roles in place, but only through `put` from outside, which keeps the wide-cell invariant.
  public internal(set) var cells: [Cell]

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.cells = Array(repeating: .blank, count: self.width * self.height)
  }

  /// A canvas from rows that already keep the wide-cell invariant (copied from another canvas).
  init(width: Int, height: Int, cells: [Cell]) {
    precondition(cells.count == max(0, width) * max(0, height))
    self.width = max(0, width)
    self.height = max(0, height)
    self.cells = cells
  }

  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
  }

  /// Writes one cell, keeping the wide-grapheme invariant: a grapheme of width 2 takes the
  /// cell to its right as a continuation, and overwriting either half of an existing wide
  /// grapheme blanks its other half. A wide grapheme that would straddle the right edge
  /// becomes a space. Writes outside the canvas, and zero-width cells, are ignored.
  public mutating func put(_ cell: Cell, x: Int, y: Int) {
    guard y >= 0, y < height, x >= 0, x < width, cell.width > 0 else { return }
    var cell = cell
    if cell.width == 2 && x + 1 >= width { cell = Cell(text: " ", width: 1, role: cell.role) }
    let row = y * width
    let last = x + Int(cell.width) - 1
    if cells[row + x].width == 0, x > 0 {
      cells[row + x - 1] = Cell(text: " ", width: 1, role: cells[row + x - 1].role)
    }
    if cells[row + last].width == 2, last + 1 < width {
      cells[row + last + 1] = Cell(text: " ", width: 1, role: cells[row + last + 1].role)
    }
    cells[row + x] = cell
    if cell.width == 2 { cells[row + x + 1] = Cell(text: "", width: 0, role: cell.role) }
  }

  /// Replaces a cell's role or text in place without touching its neighbours; for restyling a
  /// region (the cell keeps its width, so the wide-grapheme invariant holds).
  public mutating func replace(_ cell: Cell, x: Int, y: Int) {
    guard y >= 0, y < height, x >= 0, x < width, cell.width == cells[y * width + x].width else { return }
    cells[y * width + x] = cell
  }

  /// The text of row `y`, continuation cells skipped: exactly `width` display columns.
  public func line(_ y: Int) -> String {
    var s = ""
    for x in 0..<width { s += self[x, y].text }
    return s
  }

  /// The whole canvas as a rectangle, for layout.
  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  /// All rows joined by newlines; what golden tests and text snapshots compare.
  public var text: String { (0..<height).map(line).joined(separator: "\n") }
}
