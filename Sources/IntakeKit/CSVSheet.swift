import CSV
import Foundation

/// A unit's sheet as CSV: the same rows as the xlsx (``SheetLayout``), UTF-8 with a byte-order
/// mark so Excel on Chinese Windows opens it as UTF-8, CRLF line ends. Quoting and reading are
/// CSV.swift's (yaslab/CSV.swift): of the two listed CSV packages it is the one with a public
/// writer; SwiftCSV can only re-serialise a CSV it parsed, with LF line ends and without quoting
/// fields that hold line breaks (a note can).
public enum CSVSheet {
  public static func write(_ t: TemplateSheet) throws -> Data {
    let stream = OutputStream(toMemory: ())
    stream.open()
    let writer = try CSVWriter(stream: stream, codecType: UTF8.self, newline: .crlf)
    for row in SheetLayout.rows(t) {
      try writer.write(
        row: row.map { cell, _ in
          switch cell {
          case .text(let s): guarded(s)
          case .number(let d): CellValue.plain(d)
          case .empty: ""
          }
        })
    }
    writer.stream.close()
    let body = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    return Data([0xEF, 0xBB, 0xBF]) + body + Data("\r\n".utf8)
  }

  /// Characters that make a spreadsheet read a CSV field as a formula (CSV injection): a name
  /// from the campaign files starting with one is written with a leading apostrophe, which
  /// ``read(_:name:)`` takes off again.
  static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  static func guarded(_ s: String) -> String {
    guard let f = s.first, formulaStarts.contains(f) else { return s }
    return "'" + s
  }

  static func unguarded(_ s: String) -> String {
    guard s.hasPrefix("'"), let second = s.dropFirst().first, formulaStarts.contains(second) else { return s }
    return String(s.dropFirst())
  }

  /// The cells of a CSV file, all as text (the import decides what is a number), with the
  /// encoding it was found in.
  public static func read(_ bytes: [UInt8], name: String) throws -> (
    sheet: Sheet, encoding: TextDecoding.Encoding
  ) {
    let (text, encoding) = try TextDecoding.decode(bytes)
    let reader = try CSVReader(string: text)
    var cells: [CellRef: CellValue] = [:]
    var row = 0
    while let fields = reader.next() {
      row += 1
      for (i, f) in fields.enumerated() where !f.isEmpty {
        cells[CellRef(column: i + 1, row: row)] = .text(unguarded(f))
      }
    }
    if let e = reader.error { throw TextDecoding.DecodeError(description: "is not readable CSV: \(e)") }
    return (Sheet(name: name, cells: cells), encoding)
  }
}
