import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads the cells of every sheet of an xlsx workbook: shared and inline strings, numbers,
/// booleans, errors, and the cached values of formulas. Cells formatted as percentages come
/// back as ``CellValue/percent(_:)`` (Excel stores a typed "95%" as 0.95).
///
/// XML is read with Foundation's `XMLParser` (FoundationXML on Linux, over libxml2): a streaming
/// parser is all a sheet needs, and the listed XML packages (SWXMLHash, XMLCoder) are built on
/// the same parser while adding a tree or a Codable layer we would not use.
public enum XLSXReader {
  public struct ReadError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
  }

  /// The largest part (sheet, shared strings) read: 32 MB, thousands of times a unit's sheet.
  public static let maxPartSize: UInt64 = 32 << 20

  public static func sheets(_ data: Data) throws -> [Sheet] {
    let archive: Archive
    do {
      archive = try Archive(data: data, accessMode: .read)
    } catch {
      throw ReadError("not an xlsx workbook (the file is not a readable zip archive)")
    }
    func part(_ path: String) throws -> Data? {
      guard let entry = archive[path] else { return nil }
      // A weekly sheet is a few kilobytes; refuse what would unpack to something huge.
      guard entry.uncompressedSize <= maxPartSize else {
        throw ReadError(
          "\(path) inside the workbook unpacks to \(entry.uncompressedSize / 1_048_576) MB; a report sheet is far smaller"
        )
      }
      var out = Data()
      do {
        _ = try archive.extract(entry, skipCRC32: false) { chunk in
          // The header's size can lie; count what actually comes out.
          guard UInt64(out.count + chunk.count) <= maxPartSize else {
            throw ReadError("\(path) inside the workbook is too large")
          }
          out.append(chunk)
        }
      } catch let e as ReadError {
        throw e
      } catch {
        throw ReadError("\(path) inside the workbook cannot be read: \(error)")
      }
      return out
    }
    guard let wb = try part("xl/workbook.xml") else {
      throw ReadError("not an xlsx workbook (no xl/workbook.xml inside)")
    }
    let declared = try parse(wb, WorkbookHandler()).sheets
    let rels = try part("xl/_rels/workbook.xml.rels").map { try parse($0, RelsHandler()).targets } ?? [:]
    let strings = try part("xl/sharedStrings.xml").map { try parse($0, SharedStringsHandler()).strings } ?? []
    let percentStyles = try part("xl/styles.xml").map { try parse($0, StylesHandler()).percentStyles } ?? []
    var out: [Sheet] = []
    for (i, s) in declared.enumerated() {
      var target = s.rid.flatMap { rels[$0] } ?? "worksheets/sheet\(i + 1).xml"
      if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
      guard let bytes = try part(target) else { throw ReadError("sheet \"\(s.name)\" has no part \(target)") }
      let h = try parse(bytes, SheetHandler(strings: strings, percentStyles: percentStyles))
      out.append(Sheet(name: s.name, cells: h.cells))
    }
    return out
  }

  static func parse<H: XMLParserDelegate & ErrorTracking>(_ data: Data, _ handler: H) throws -> H {
    let p = XMLParser(data: data)
    p.delegate = handler
    p.shouldProcessNamespaces = false
    guard p.parse(), handler.failure == nil else {
      throw ReadError(
        "the workbook's XML is damaged (line \(p.lineNumber)): \(handler.failure ?? p.parserError.map { "\($0)" } ?? "parse error")"
      )
    }
    return handler
  }
}

protocol ErrorTracking: AnyObject { var failure: String? { get } }

/// The local name of an element or attribute (`x:sheet` → `sheet`).
private func local(_ name: String) -> Substring {
  name.split(separator: ":", maxSplits: 1).last ?? Substring(name)
}

final class WorkbookHandler: NSObject, XMLParserDelegate, ErrorTracking {
  var sheets: [(name: String, rid: String?)] = []
  var failure: String?
  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    guard local(elementName) == "sheet" else { return }
    let rid = attributes.first { $0.key == "id" || $0.key.hasSuffix(":id") }?.value
    sheets.append((attributes["name"] ?? "Sheet\(sheets.count + 1)", rid))
  }
}

final class RelsHandler: NSObject, XMLParserDelegate, ErrorTracking {
  var targets: [String: String] = [:]
  var failure: String?
  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    guard local(elementName) == "Relationship", let id = attributes["Id"], let t = attributes["Target"] else {
      return
    }
    targets[id] = t
  }
}

final class SharedStringsHandler: NSObject, XMLParserDelegate, ErrorTracking {
  var strings: [String] = []
  var failure: String?
  private var current = ""
  private var inText = false
  /// Phonetic runs (`rPh`) are reading aids, not the cell's text.
  private var inPhonetic = false
  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    switch local(elementName) {
    case "si": current = ""
    case "t": inText = true
    case "rPh": inPhonetic = true
    default: break
    }
  }
  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inText && !inPhonetic { current += string }
  }
  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
  ) {
    switch local(elementName) {
    case "si": strings.append(current)
    case "t": inText = false
    case "rPh": inPhonetic = false
    default: break
    }
  }
}

/// Which cell styles (`cellXfs` indices) show numbers as percentages.
final class StylesHandler: NSObject, XMLParserDelegate, ErrorTracking {
  var percentStyles: Set<Int> = []
  var failure: String?
  private var customPercent: Set<Int> = []
  private var inCellXfs = false
  private var xfIndex = 0
  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    switch local(elementName) {
    case "numFmt":
      if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"],
        code.contains("%")
      {
        customPercent.insert(id)
      }
    case "cellXfs": inCellXfs = true
    case "xf" where inCellXfs:
      let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
      // 9 and 10 are the built-in percentage formats (0% and 0.00%).
      if id == 9 || id == 10 || customPercent.contains(id) { percentStyles.insert(xfIndex) }
      xfIndex += 1
    default: break
    }
  }
  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
  ) {
    if local(elementName) == "cellXfs" { inCellXfs = false }
  }
}

final class SheetHandler: NSObject, XMLParserDelegate, ErrorTracking {
  let strings: [String]
  let percentStyles: Set<Int>
  var cells: [CellRef: CellValue] = [:]
  var failure: String?

  private var row = 0
  private var column = 0
  private var type = "n"
  private var style = 0
  private var value = ""
  private var inline = ""
  private var capture: Capture = .none
  private var inInline = false
  private enum Capture { case none, value, inlineText }

  init(strings: [String], percentStyles: Set<Int>) {
    self.strings = strings
    self.percentStyles = percentStyles
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    switch local(elementName) {
    case "row":
      row = attributes["r"].flatMap(Int.init) ?? row + 1
      column = 0
    case "c":
      if let r = attributes["r"], let ref = CellRef(r) {
        row = ref.row
        column = ref.column
      } else {
        column += 1
      }
      type = attributes["t"] ?? "n"
      style = attributes["s"].flatMap(Int.init) ?? 0
      value = ""
      inline = ""
    case "v": capture = .value
    case "is": inInline = true
    case "t" where inInline: capture = .inlineText
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    switch capture {
    case .value: value += string
    case .inlineText: inline += string
    case .none: break
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
  ) {
    switch local(elementName) {
    case "v", "t": capture = .none
    case "is": inInline = false
    case "c": finishCell()
    default: break
    }
  }

  private func finishCell() {
    let ref = CellRef(column: column, row: row)
    let v: CellValue?
    switch type {
    case "s":
      if let i = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(i) {
        v = .text(strings[i])
      } else {
        v = nil
        if !value.isEmpty { failure = "cell \(ref) names shared string \(value), which does not exist" }
      }
    case "inlineStr": v = inline.isEmpty ? nil : .text(inline)
    case "str", "d": v = value.isEmpty ? nil : .text(value)
    case "b": v = .bool(value == "1")
    case "e": v = .error(value)
    default:
      let t = value.trimmingCharacters(in: .whitespaces)
      if t.isEmpty {
        v = nil
      } else if let d = Double(t) {
        v = percentStyles.contains(style) ? .percent(d) : .number(d)
      } else {
        v = .text(t)
      }
    }
    if let v { cells[ref] = v }
  }
}
