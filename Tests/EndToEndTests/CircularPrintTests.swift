import Foundation
import Testing

/// The weekly circular printed the way an office prints it: through a real headless Chromium
/// to PDF (checked with poppler's `pdfinfo` and `pdftotext`), and as a .docx read back by
/// python-docx and, when installed, opened by LibreOffice. `.ci/run` installs the tools; a
/// machine without them skips these tests (and says which tool is missing).
@Suite(.enabled(if: ChuangwenBinary.url != nil, "build the executable first: swift build"))
struct CircularPrintTests {
  static func tool(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let p = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
  }

  static let browser = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(tool).first
  static let poppler = tool("pdftotext") != nil && tool("pdfinfo") != nil
  static let canPrint = browser != nil && poppler

  /// Runs a program, returning its status and standard output (standard error discarded).
  static func capture(_ path: String, _ args: [String]) throws -> (status: Int32, out: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  static func tempDir() throws -> String {
    let dir = NSTemporaryDirectory() + "chuangwen-circular-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  static func printPDF(_ path: String) throws {
    let r = try CommandLineTests.run(["snapshot", "--view", "brief", "--format", "pdf", "-o", path])
    #expect(r.status == 0, "\(r.stderr)")
  }

  @Test(.enabled(if: canPrint, "needs chromium and poppler-utils (.ci/run installs them)"))
  func theBundledCircularPrintsOnAtMostThreeA4Pages() throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let pdf = dir + "/circular.pdf"
    try Self.printPDF(pdf)
    let info = try Self.capture(Self.tool("pdfinfo")!, [pdf]).out
    #expect(info.contains("(A4)"), "\(info)")
    let pages =
      Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
    #expect((1...3).contains(pages), "\(pages) pages")

    let first = try Self.capture(Self.tool("pdftotext")!, ["-f", "1", "-l", "1", pdf, "-"]).out
    #expect(first.contains("洪江市创建省级文明城市工作指挥部办公室") && first.contains("第35期"), "masthead on page 1")
    #expect(first.contains("2016年9月2日"))

    let text = try Self.capture(Self.tool("pdftotext")!, [pdf, "-"]).out
    let flat = text.filter { !$0.isWhitespace }
    for needle in [
      "第35期", "未报送", "抄送", "报送", "下步工作要求", "黑榜", "组织部", "第1页共", "市容环境卫生整治分指挥部", "交通秩序整治分指挥部",
      "市场秩序与窗口服务分指挥部", "宣传教育与志愿服务分指挥部", "社区网格化创建分指挥部", "未成年人思想道德建设分指挥部", "社会治安与公共安全分指挥部",
      "生态环境与基础设施分指挥部",
    ] {
      #expect(flat.contains(needle), "\(needle) missing from the PDF's text")
    }

    // No page but the last is more than half blank: the lowest word on it sits below the middle.
    let bbox = try Self.capture(Self.tool("pdftotext")!, ["-bbox", pdf, "-"]).out
    let pageChunks = bbox.components(separatedBy: "<page ").dropFirst()
    #expect(pageChunks.count == pages)
    for (i, chunk) in pageChunks.enumerated() where i < pages - 1 {
      let height = Self.attribute("height", in: chunk) ?? 0
      let lowest =
        chunk.components(separatedBy: "<word ").dropFirst().compactMap { Self.attribute("yMax", in: $0) }
        .max() ?? 0
      #expect(height > 0 && lowest > height / 2, "page \(i + 1): text ends at \(lowest) of \(height)")
    }
  }

  static func attribute(_ name: String, in text: String) -> Double? {
    guard let r = text.range(of: "\(name)=\"") else { return nil }
    return Double(text[r.upperBound...].prefix { $0 != "\"" })
  }

  @Test(.enabled(if: canPrint, "needs chromium (.ci/run installs it)"))
  func thePDFIsTheSameApartFromItsDates() throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Self.printPDF(dir + "/a.pdf")
    try Self.printPDF(dir + "/b.pdf")
    func undated(_ path: String) throws -> Data {
      var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      for key in ["/CreationDate (", "/ModDate ("] {
        var from = bytes.startIndex
        while let r = bytes.range(of: Data(key.utf8), in: from..<bytes.endIndex),
          let close = bytes[r.upperBound...].firstIndex(of: UInt8(ascii: ")"))
        {
          bytes.replaceSubrange(r.upperBound..<close, with: Data())
          from = r.upperBound
        }
      }
      return bytes
    }
    #expect(try undated(dir + "/a.pdf") == undated(dir + "/b.pdf"))
  }

  @Test func withoutABrowserPDFExits69WithOneLine() throws {
    let r = try CommandLineTests.run(
      ["snapshot", "--view", "brief", "--format", "pdf"], environment: ["PATH": "/nonexistent"])
    #expect(r.status == 69)
    #expect(r.stdout.isEmpty)
    #expect(
      r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("install it (apt-get install chromium)")
    )
    let b = try CommandLineTests.run([
      "snapshot", "--view", "brief", "--format", "pdf", "--browser", "/nonexistent",
    ])
    #expect(b.status == 69 && b.stderr.contains("--browser /nonexistent"))
    #expect(try CommandLineTests.run(["snapshot", "--format", "html", "--browser", "/x"]).status == 64)
  }

  @Test func docxIsDeterministicAndNeverOverwrites() throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for name in ["a", "b"] {
      let r = try CommandLineTests.run([
        "snapshot", "--view", "brief", "--format", "docx", "-o", "\(dir)/\(name).docx",
      ])
      #expect(r.status == 0, "\(r.stderr)")
    }
    let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.docx"))
    #expect(a == (try Data(contentsOf: URL(fileURLWithPath: dir + "/b.docx"))))
    #expect(a.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    let again = try CommandLineTests.run([
      "snapshot", "--view", "brief", "--format", "docx", "-o", dir + "/a.docx",
    ])
    #expect(again.status == 73)
  }

  static let pythonDocx: Bool = {
    guard let py = tool("python3") else { return false }
    return (try? capture(py, ["-c", "import docx"]).status) == 0
  }()

  @Test(.enabled(if: pythonDocx, "needs python-docx (pip install python-docx; .ci/run does)"))
  func docxReadsBackWithHeadingsTablesAndCells() throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/circular.docx"
    #expect(
      try CommandLineTests.run(["snapshot", "--view", "brief", "--format", "docx", "-o", path]).status == 0)
    let reader = CommandLineTests.repo.appendingPathComponent("tools/testing/read_docx.py").path
    let r = try Self.capture(Self.tool("python3")!, [reader, path])
    #expect(r.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    let paragraphs = try #require(json["paragraphs"] as? [[String]])
    let tables = try #require(json["tables"] as? [[[String]]])
    #expect(json["page"] as? [Int] == [210, 297])
    #expect(paragraphs.first == ["Masthead", "洪江市创建省级文明城市工作指挥部办公室"])
    #expect(paragraphs.contains(["Series", "创文工作通报 第35期"]))
    let headings = paragraphs.filter { $0[0].lowercased() == "heading 1" }.map { $0[1] }
    #expect(headings.first == "一、总体情况")
    #expect(headings.contains { $0.hasPrefix("三、未报送单位") } && headings.contains("六、下步工作要求"))
    #expect(paragraphs.filter { $0[0].lowercased() == "heading 2" }.count >= 8)
    #expect(paragraphs.contains { $0[1].hasPrefix("抄送：各分指挥部") })
    let subCommands = try #require(tables.first)
    #expect(subCommands[0] == ["序号", "分指挥部", "联系领导", "进度", "%", "较上次", "需关注"])
    #expect(subCommands.count == 9)
    #expect(subCommands[2][1] == "交通秩序整治分指挥部" && subCommands[2][3] == "▲ 危险")
    #expect(tables.contains { $0[0].contains("升级措施") && $0.count == 4 })
  }

  @Test(.enabled(if: tool("libreoffice") != nil && poppler, "needs LibreOffice Writer and poppler-utils"))
  func libreOfficeOpensTheDocx() throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/circular.docx"
    #expect(
      try CommandLineTests.run(["snapshot", "--view", "brief", "--format", "docx", "-o", path]).status == 0)
    let r = try Self.capture(
      Self.tool("libreoffice")!,
      [
        "-env:UserInstallation=file://\(dir)/lo-profile", "--headless", "--convert-to", "pdf", "--outdir",
        dir, path,
      ])
    let pdf = dir + "/circular.pdf"
    guard FileManager.default.fileExists(atPath: pdf) else {
      // Without the Writer component LibreOffice cannot load a document at all; say so.
      Issue.record(
        "LibreOffice did not convert the docx (exit \(r.status)); is libreoffice-writer installed?")
      return
    }
    let text = try Self.capture(Self.tool("pdftotext")!, [pdf, "-"]).out.filter { !$0.isWhitespace }
    #expect(text.contains("创文工作通报第35期") && text.contains("抄送"))
    // Word's pages match the printed HTML's (the same margins and sizes): at most three.
    let info = try Self.capture(Self.tool("pdfinfo")!, [pdf]).out
    let pages =
      Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
    #expect((1...3).contains(pages), "the docx runs to \(pages) pages in LibreOffice")
  }
}
