import CampaignKit

/// `--format docx`: a ``PageDocument`` as the parts of an editable Office Open XML document
/// (WordprocessingML), for the office to add its words, stamp and file through its OA system.
/// Pure: returns the parts (path, XML text); the command line zips them. Named styles for the
/// masthead, headings and tables (so Word's and WPS's style pane work), A4 with page numbers in
/// the footer, header rows repeated on every page, the same tables and words as the HTML.
public enum DocxWriter {
  public struct Part: Sendable {
    public var path: String
    public var xml: String
  }

  static func parts(_ doc: PageDocument) -> [Part] {
    [
      Part(path: "[Content_Types].xml", xml: contentTypes),
      Part(path: "_rels/.rels", xml: packageRels),
      Part(path: "docProps/core.xml", xml: core(doc)),
      Part(path: "docProps/app.xml", xml: app),
      Part(path: "word/_rels/document.xml.rels", xml: documentRels),
      Part(path: "word/styles.xml", xml: styles),
      Part(path: "word/settings.xml", xml: settings),
      Part(path: "word/footer1.xml", xml: footer(doc.s)),
      Part(path: "word/document.xml", xml: document(doc)),
    ]
  }

  // MARK: - Body

  static func document(_ doc: PageDocument) -> String {
    let f = CellFormat(s: doc.s, glyphs: .unicode, medium: .paper)
    var body = ""
    if !doc.hasMasthead {
      body += para(doc.title, style: "Title")
      body += para("\(doc.view) · \(doc.dateLine)", style: "Subtitle")
      body += para(doc.scoreText(f))
    }
    var factsOpen = false
    for block in doc.model.blocks {
      if case .facts = block {} else { factsOpen = false }
      switch block {
      case .masthead(let mh):
        body += para(mh.office, style: "Masthead")
        body += para(mh.series, style: "Series")
        let note = mh.note.isEmpty ? "" : "\t" + mh.note
        body += para(mh.issuer + note + "\t" + mh.date, style: "IssueLine")
      case .heading(let t, let note): body += para(note.isEmpty ? t : "\(t)  \(note)", style: "Heading1")
      case .subheading(let t, let note): body += para(note.isEmpty ? t : "\(t)  \(note)", style: "Heading2")
      case .paragraph(let t, _): body += para(t)
      case .gap: break
      case .list(let items):
        for (i, item) in items.enumerated() { body += para("\(i + 1). \(item)", style: "ListItem") }
      case .signature(let sig):
        if let seal = sig.seal { body += para(doc.s.sealMark(seal), style: "Seal") }
        body += para(sig.issuer, style: "Signature") + para(sig.date, style: "Signature")
      case .facts(let facts):
        for (i, fact) in facts.enumerated() {
          let text = fact.label.isEmpty ? fact.value : doc.s.labelled(fact.label, fact.value)
          body += para(text, style: i == 0 && !factsOpen ? "DistributionFirst" : "Distribution")
        }
        factsOpen = true
      case .table(let t): body += table(t, f)
      }
    }
    // A4 portrait with the HTML print's margins (12 mm top, 13 mm at the sides, 16 mm at the
    // bottom for the page number), so Word and the PDF break into the same number of pages.
    let section =
      "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
      + "<w:pgMar w:top=\"680\" w:right=\"737\" w:bottom=\"907\" w:left=\"737\" w:header=\"425\" w:footer=\"425\" w:gutter=\"0\"/></w:sectPr>"
    return xmlHead
      + "<w:document xmlns:w=\"\(ns)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>"
      + body + section + "</w:body></w:document>"
  }

  /// The text width between the margins, in twentieths of a point.
  static let textWidth = 11906 - 2 * 737

  static func table(_ t: PageTable, _ f: CellFormat) -> String {
    let texts: [[String]] = t.rows.map { row in
      let hasPercent = row.cells.contains { if case .percent = $0 { true } else { false } }
      let hasStatus = row.cells.contains { if case .status = $0 { true } else { false } }
      return t.columns.indices.map { i in
        text(i < row.cells.count ? row.cells[i] : .empty, f, percent: !hasPercent, status: !hasStatus)
      }
    }
    // Columns as wide as their widest text (capped, so prose wraps) plus the cell margins,
    // sharing the text width; figures keep room for themselves so they never wrap.
    let weights = t.columns.indices.map { i in
      2
        + min(
          28, max(3, ([t.columns[i].header] + texts.map { $0[i] }).map { DisplayWidth.of($0) }.max() ?? 3))
    }
    let total = max(1, weights.reduce(0, +))
    let widths = weights.map { textWidth * $0 / total }
    var out =
      "<w:tbl><w:tblPr><w:tblStyle w:val=\"CircularTable\"/><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\"/></w:tblPr><w:tblGrid>"
    out += widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
    // The header row repeats on every page (tblHeader) and never splits.
    out += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
    for (i, c) in t.columns.enumerated() {
      out += cell(c.header, width: widths[i], header: true, right: c.align == .right)
    }
    out += "</w:tr>"
    for row in texts {
      out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
      for (i, c) in t.columns.enumerated() {
        out += cell(row[i], width: widths[i], header: false, right: c.align == .right)
      }
      out += "</w:tr>"
    }
    return out + "</w:tbl>" + para("", style: "TableGap")
  }

  /// A cell's words on paper: a bar as its percentage (and status, when no other cell says it).
  static func text(_ v: PageCell, _ f: CellFormat, percent: Bool, status: Bool) -> String {
    guard case .bar(let p, let mark, _) = v else { return f.text(v) }
    guard p != nil else { return mark.map { f.text(.status($0)) } ?? "—" }
    var parts: [String] = []
    if percent { parts.append(f.text(v)) }
    if status, let mark { parts.append(f.text(.status(mark))) }
    return parts.joined(separator: " ")
  }

  static func cell(_ text: String, width: Int, header: Bool, right: Bool) -> String {
    let style = header ? "TableHeading" : "TableText"
    let jc = right ? "<w:jc w:val=\"right\"/>" : ""
    return
      "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>\(jc)</w:pPr>\(run(text))</w:p></w:tc>"
  }

  static func para(_ text: String, style: String? = nil) -> String {
    let pPr = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
    return "<w:p>\(pPr)\(run(text))</w:p>"
  }

  /// A run of text; tabs become tab elements (the issue line's stops).
  static func run(_ text: String) -> String {
    guard !text.isEmpty else { return "" }
    return "<w:r>"
      + text.split(separator: "\t", omittingEmptySubsequences: false).map {
        "<w:t xml:space=\"preserve\">\(x(String($0)))</w:t>"
      }.joined(separator: "<w:tab/>") + "</w:r>"
  }

  /// Escaped, inert XML text (control characters made visible first by ``SafeText``; XML 1.0
  /// cannot carry them at all).
  static func x(_ text: String) -> String {
    var out = ""
    for ch in SafeText.sanitize(text) {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(ch)
      }
    }
    return out
  }

  // MARK: - Package parts

  static let xmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  static let ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

  static let contentTypes =
    xmlHead
    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    + "</Types>"

  static let packageRels =
    xmlHead
    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
    + "</Relationships>"

  static let documentRels =
    xmlHead
    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    + "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
    + "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
    + "</Relationships>"

  static func core(_ doc: PageDocument) -> String {
    xmlHead
      + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      + "<dc:title>\(x(doc.title)) · \(x(doc.view))</dc:title><dc:creator>chuangwen</dc:creator></cp:coreProperties>"
  }

  static let app =
    xmlHead
    + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>chuangwen</Application></Properties>"

  static let settings =
    xmlHead
    + "<w:settings xmlns:w=\"\(ns)\"><w:defaultTabStop w:val=\"420\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>"

  /// 第 X 页 共 Y 页 (Page X of Y) from PAGE and NUMPAGES fields, centred.
  static func footer(_ s: Strings) -> String {
    func field(_ name: String) -> String {
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> \(name) </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    }
    let words = s.language == .zh ? ("第 ", " 页 共 ", " 页") : ("Page ", " of ", "")
    return xmlHead
      + "<w:ftr xmlns:w=\"\(ns)\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
      + run(words.0) + field("PAGE") + run(words.1) + field("NUMPAGES") + run(words.2) + "</w:p></w:ftr>"
  }

  /// Paragraph and table styles. Sizes are half-points (21 = 10.5 pt, 五号); the Chinese face
  /// is 宋体 (SimSun) with 黑体 for headings, the faces an office's Word and WPS have.
  static let styles: String = {
    let builtIn: Set = ["Heading1", "Heading2", "Title", "Subtitle", "Footer"]
    func pStyle(
      _ id: String, _ name: String, basedOn: String = "Normal", pPr: String = "", rPr: String = "",
      outline: Int? = nil
    ) -> String {
      let level = outline.map { "<w:outlineLvl w:val=\"\($0)\"/>" } ?? ""
      return
        "<w:style w:type=\"paragraph\" \(id == "Normal" ? "w:default=\"1\"" : "w:customStyle=\"\(builtIn.contains(id) ? 0 : 1)\"") w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
        + (id == "Normal" ? "" : "<w:basedOn w:val=\"\(basedOn)\"/>") + "<w:qFormat/>"
        + "<w:pPr>\(pPr)\(level)</w:pPr><w:rPr>\(rPr)</w:rPr></w:style>"
    }
    let hei = "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"黑体\"/>"
    let border = "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"B00000\"/></w:pBdr>"
    let top = "<w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"4\" w:color=\"333333\"/></w:pBdr>"
    let cellBorders =
      "<w:tblBorders><w:top w:val=\"single\" w:sz=\"8\" w:color=\"333333\"/><w:bottom w:val=\"single\" w:sz=\"8\" w:color=\"333333\"/>"
      + "<w:insideH w:val=\"single\" w:sz=\"4\" w:color=\"999999\"/></w:tblBorders>"
    return xmlHead
      + "<w:styles xmlns:w=\"\(ns)\">"
      + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"宋体\" w:cs=\"Times New Roman\"/>"
      + "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
      + "<w:pPrDefault><w:pPr><w:spacing w:after=\"60\" w:line=\"300\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
      + pStyle("Normal", "Normal")
      + pStyle("Title", "Title", pPr: "<w:jc w:val=\"center\"/>", rPr: "\(hei)<w:b/><w:sz w:val=\"32\"/>")
      + pStyle("Subtitle", "Subtitle", pPr: "<w:jc w:val=\"center\"/>", rPr: "<w:color w:val=\"4D4D4D\"/>")
      + pStyle(
        "Masthead", "Masthead", pPr: "<w:jc w:val=\"center\"/><w:spacing w:after=\"120\"/>",
        rPr: "\(hei)<w:b/><w:color w:val=\"B00000\"/><w:sz w:val=\"40\"/>")
      + pStyle(
        "Series", "Series", pPr: "<w:jc w:val=\"center\"/><w:spacing w:after=\"120\"/>",
        rPr: "\(hei)<w:b/><w:sz w:val=\"28\"/>")
      + pStyle(
        "IssueLine", "Issue line",
        pPr:
          "\(border)<w:tabs><w:tab w:val=\"center\" w:pos=\"\(textWidth / 2)\"/><w:tab w:val=\"right\" w:pos=\"\(textWidth)\"/></w:tabs><w:spacing w:after=\"240\"/>"
      )
      + pStyle(
        "Heading1", "heading 1", pPr: "<w:keepNext/><w:spacing w:before=\"200\" w:after=\"80\"/>",
        rPr: "\(hei)<w:b/><w:sz w:val=\"26\"/>", outline: 0)
      + pStyle(
        "Heading2", "heading 2", pPr: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"40\"/>",
        rPr: "\(hei)<w:b/><w:sz w:val=\"22\"/>", outline: 1)
      + pStyle("ListItem", "List item", pPr: "<w:ind w:left=\"420\" w:hanging=\"420\"/>")
      + pStyle(
        "Seal", "Seal space", pPr: "<w:jc w:val=\"right\"/><w:spacing w:before=\"480\" w:after=\"480\"/>",
        rPr: "<w:color w:val=\"4D4D4D\"/><w:sz w:val=\"18\"/>")
      + pStyle("Signature", "Signature", pPr: "<w:jc w:val=\"right\"/><w:spacing w:after=\"0\"/>")
      + pStyle(
        "DistributionFirst", "Distribution (first)",
        pPr: "\(top)<w:spacing w:before=\"360\" w:after=\"40\"/><w:ind w:left=\"840\" w:hanging=\"840\"/>")
      + pStyle(
        "Distribution", "Distribution",
        pPr: "<w:spacing w:after=\"40\"/><w:ind w:left=\"840\" w:hanging=\"840\"/>")
      + pStyle(
        "TableHeading", "Table heading", pPr: "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
        rPr: "\(hei)<w:b/><w:sz w:val=\"17\"/>")
      + pStyle(
        "TableText", "Table text", pPr: "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
        rPr: "<w:sz w:val=\"17\"/>")
      + pStyle("TableGap", "Table gap", pPr: "<w:spacing w:after=\"0\" w:line=\"120\" w:lineRule=\"auto\"/>")
      + pStyle("Footer", "footer", pPr: "<w:jc w:val=\"center\"/>", rPr: "<w:sz w:val=\"18\"/>")
      + "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"CircularTable\"><w:name w:val=\"Circular table\"/><w:qFormat/>"
      + "<w:tblPr>\(cellBorders)<w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
      + "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E6E6E6\"/></w:tcPr></w:tblStylePr></w:style>"
      + "</w:styles>"
  }()
}

extension Snapshot {
  /// The parts of the page as an editable Word document (`--format docx`); the caller zips them.
  public static func docxParts(
    page: Page, data: DashboardData, options: RenderOptions = RenderOptions(), sort: SortOrder = .lagging,
    stamp: String? = nil
  ) -> [DocxWriter.Part] {
    DocxWriter.parts(document(page: page, data: data, width: 100, options: options, sort: sort, stamp: stamp))
  }
}
