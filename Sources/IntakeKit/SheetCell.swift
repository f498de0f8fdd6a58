/// A cell address, 1-based: column 5, row 7 is `E7`.
public struct CellRef: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var column: Int
  public var row: Int
  public init(column: Int, row: Int) {
    self.column = column
    self.row = row
  }

  /// Parses `E7`, `AA10`; nil for anything else.
  public init?(_ text: String) {
    var col = 0
    var digits = ""
    for ch in text.uppercased() {
      if digits.isEmpty, let a = ch.asciiValue, a >= 65, a <= 90 {
        col = col * 26 + Int(a - 64)
      } else if ch.isASCII, ch.isNumber {
        digits.append(ch)
      } else {
        return nil
      }
    }
    guard col > 0, let r = Int(digits), r > 0 else { return nil }
    column = col
    row = r
  }

  /// The column's letters: 1 → A, 27 → AA.
  public static func letters(_ column: Int) -> String {
    var n = column
    var s = ""
    while n > 0 {
      let r = (n - 1) % 26
      s = String(UnicodeScalar(UInt8(65 + r))) + s
      n = (n - 1) / 26
    }
    return s
  }

  public var description: String { Self.letters(column) + String(row) }

  public static func < (a: CellRef, b: CellRef) -> Bool { (a.row, a.column) < (b.row, b.column) }
}

/// What a spreadsheet cell holds, as read back from a file.
public enum CellValue: Sendable, Equatable {
  case text(String)
  case number(Double)
  /// A number shown as a percentage (the cell's format has `%`): Excel stores 95% as 0.95.
  case percent(Double)
  case bool(Bool)
  /// An error value such as `#DIV/0!`.
  case error(String)

  /// The cell as the user sees it, for messages.
  public var shown: String {
    switch self {
    case .text(let s): s
    case .number(let d): Self.plain(d)
    case .percent(let d): Self.plain(d * 100) + "%"
    case .bool(let b): b ? "TRUE" : "FALSE"
    case .error(let e): e
    }
  }

  /// The text of the cell, trimmed; numbers in their plain form.
  public var text: String { shown.trimmingCharacters(in: .whitespacesAndNewlines) }

  static func plain(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return String(d)
  }
}

/// One sheet as read: its name and its non-empty cells.
public struct Sheet: Sendable, Equatable {
  public var name: String
  public var cells: [CellRef: CellValue]
  public init(name: String, cells: [CellRef: CellValue]) {
    self.name = name
    self.cells = cells
  }

  public subscript(column: Int, row: Int) -> CellValue? { cells[CellRef(column: column, row: row)] }
  public var rowCount: Int { cells.keys.map(\.row).max() ?? 0 }
}
