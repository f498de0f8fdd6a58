import CampaignKit
import Foundation
import Testing

@testable import DashboardKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Paper: the HTML's print palette and page rules, the text snapshot's paper rules, the DOCX parts.
@Suite struct PrintOutputTests {
  static let views = [
    "overview", "subcommand:2", "unit:u-jtj", "indicator:c6-2-4", "brief", "indicators", "problems",
    "rankings",
    "audit", "problem:p-0010", "rank:u-jtj",
  ]

  static func page(_ view: String) -> Page {
    guard case .success(let p) = SnapshotViews.parse(view, campaign: Bundled.campaign) else {
      fatalError(view)
    }
    return p
  }

  static func rgb(_ hex: Substring) -> RGBColor? {
    var h = hex.dropFirst()
    if h.count == 3 { h = Substring(h.map { "\($0)\($0)" }.joined()) }
    guard h.count == 6, let v = UInt32(h, radix: 16) else { return nil }
    return RGBColor(UInt8(v >> 16), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
  }

  @Test func everyTextColourIsReadableOnWhite() throws {
    let white = RGBColor(255, 255, 255)
    for (name, hex) in PrintPalette.textColors {
      let c = try #require(Self.rgb(Substring(hex)))
      #expect(Contrast.ratio(c, white) >= 4.5, "\(name) \(hex): \(Contrast.ratio(c, white))")
    }
    // And every `color:` the stylesheet of every view actually sets.
    for view in Self.views {
      let html = Snapshot.render(.html, page: Self.page(view), data: Bundled.data)
      let css = html[html.range(of: "<style>")!.upperBound..<html.range(of: "</style>")!.lowerBound]
      var found = 0
      for part in css.components(separatedBy: "color:").dropFirst() {
        let value = part.drop { $0 == " " }.prefix { $0 != ";" && $0 != " " && $0 != "}" }
        guard value.hasPrefix("#"), let c = Self.rgb(value) else { continue }
        found += 1
        #expect(Contrast.ratio(c, white) >= 4.5, "\(view): color \(value)")
      }
      #expect(found >= 10)
    }
  }

  @Test func statusesDifferInPatternNotOnlyHue() {
    let fills = StatusMark.allCases.map(PrintPalette.fill)
    let shapes = fills.map {
      $0.replacingOccurrences(of: #"#[0-9a-f]{6}"#, with: "C", options: .regularExpression)
    }
    #expect(Set(shapes).count == StatusMark.allCases.count)
  }

  @Test func htmlHasPageRulesAndNoForcedBreaks() {
    let html = Snapshot.render(.html, page: .brief, data: Bundled.data)
    #expect(!html.contains("break-before: page") && !html.contains("page-break-before: always"))
    #expect(html.contains("@page { size: A4;"))
    #expect(html.contains("content: \"第 \" counter(page) \" 页 共 \" counter(pages) \" 页\""))
    #expect(html.contains("thead { display: table-header-group; }"))
    for font in ["Noto Sans CJK SC", "Source Han Sans", "SimSun", "Microsoft YaHei"] {
      #expect(html.contains(font))
    }
    #expect(!html.contains(">键<"))
    // The masthead replaces the campaign's title block.
    #expect(html.contains("<header class=\"masthead\">") && !html.contains("<p class=\"meta\">"))
  }

  @Test func paperTextHasNoScreenControlsAndCutsNoName() {
    let s = Strings(.zh)
    for view in Self.views {
      for width in [80, 100] {
        let text = Snapshot.render(.text, page: Self.page(view), data: Bundled.data, width: width)
        #expect(!text.contains("…"), "\(view) at \(width) cuts a cell")
        for tab in Tab.available {
          #expect(!text.contains("\(s.tab(tab)) › "), "\(view): breadcrumbs on paper")
        }
        #expect(
          !(text.contains(s.tab(.indicators)) && text.contains(s.tab(.audit))), "\(view): tab bar on paper")
        // No key hint of the footer, in the words the key table gives them.
        for b in Keymap.bindings where b.footerKey == "Enter" || b.footerKey == "q" {
          let hint = "\(b.footerKey) \(s.language == .zh ? b.footer.zh : b.footer.en)"
          #expect(!text.contains(hint), "\(view): key hint \(hint) on paper")
        }
      }
    }
  }

  /// Whether `name` can be read down one column of `lines`: it starts on some line at column
  /// x and every next piece starts at the same column of the following line.
  static func readsDownAColumn(_ name: String, in lines: [String]) -> Bool {
    func cells(_ line: String) -> [(Character, Int)] {
      var x = 0
      return line.map { ch in
        defer { x += DisplayWidth.of(ch) }
        return (ch, x)
      }
    }
    let grid = lines.map(cells)
    for (i, row) in grid.enumerated() {
      for (k, cell) in row.enumerated() where cell.0 == name.first {
        var rest = Substring(name)
        var line = i
        var start = k
        let x = cell.1
        while !rest.isEmpty, line < grid.count {
          let chars = grid[line][start...].prefix { $0.0 != " " }.map(\.0)
          guard !chars.isEmpty, rest.hasPrefix(String(chars)) || String(chars).hasPrefix(rest) else { break }
          rest = rest.dropFirst(min(chars.count, rest.count))
          line += 1
          guard line < grid.count, let next = grid[line].firstIndex(where: { $0.1 == x }) else { break }
          start = next
        }
        if rest.isEmpty { return true }
      }
    }
    return false
  }

  @Test func wrappedNamesStayWhole() {
    let c = Bundled.campaign
    var wrapped = 0
    for width in [80, 100] {
      let lines = Snapshot.render(.text, page: .brief, data: Bundled.data, width: width).split(
        separator: "\n"
      )
      .map(String.init)
      var names = Set(c.subCommands.compactMap { BriefModel.liaison(PrintOutputTests.context, $0) })
      for line in Brief(data: Bundled.data).subCommands {
        // Below 100 columns the screen's rule gives short names; from 100 the full ones.
        names.formUnion(
          line.lagging.compactMap {
            $0.lead.flatMap(c.node).map { width < 100 ? $0.short ?? $0.name : $0.name }
          })
      }
      for name in names {
        #expect(Self.readsDownAColumn(name, in: lines), "\(name) at \(width)")
        if !lines.contains(where: { $0.contains(name) }) { wrapped += 1 }
      }
    }
    #expect(wrapped > 0, "some name wraps")
  }

  static let context = PageContext(
    app: App(width: 100, height: 40), data: Bundled.data, s: Strings(.zh), options: RenderOptions())

  @Test func docxPartsAreWellFormedA4WithStylesAndRepeatedHeaders() throws {
    let parts = Snapshot.docxParts(page: .brief, data: Bundled.data)
    #expect(parts.map(\.path).contains("word/document.xml") && parts.first?.path == "[Content_Types].xml")
    for p in parts {
      let parser = XMLParser(data: Data(p.xml.utf8))
      #expect(parser.parse(), "\(p.path): \(parser.parserError.map(String.init(describing:)) ?? "")")
    }
    let body = try #require(parts.first { $0.path == "word/document.xml" }).xml
    #expect(body.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
    #expect(body.contains("<w:tblHeader/>"))
    #expect(body.contains("<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">一、总体情况"))
    let styles = try #require(parts.first { $0.path == "word/styles.xml" }).xml
    for id in ["Heading1", "Heading2", "Masthead", "CircularTable", "TableHeading"] {
      #expect(styles.contains("w:styleId=\"\(id)\""))
    }
    let footer = try #require(parts.first { $0.path == "word/footer1.xml" }).xml
    #expect(footer.contains(" PAGE ") && footer.contains(" NUMPAGES "))
  }

  @Test func docxEscapesHostileText() {
    #expect(
      DocxWriter.x("<a & \"b\">\u{1B}[31m")
        == "&lt;a &amp; &quot;b&quot;&gt;\(SafeText.sanitize("\u{1B}"))[31m")
  }
}
