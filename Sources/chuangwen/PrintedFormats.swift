import DashboardKit
import Foundation
import ZIPFoundation

/// The two formats that are files rather than text: `docx` (the writer's parts, zipped) and
/// `pdf` (the HTML printed by a headless Chromium).
enum PrintedFormat: String {
  case pdf, docx
}

/// Zips the parts of a Word document in memory, in their given order, deflated, each dated
/// 1980-01-01 (the ZIP epoch), so the same page gives the same bytes.
enum DocxArchive {
  static func bytes(_ parts: [DocxWriter.Part]) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    let epoch = Date(timeIntervalSince1970: 315_532_800)
    for part in parts {
      let data = Data(part.xml.utf8)
      try archive.addEntry(
        with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: epoch,
        permissions: 0o644, compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    return Array(archive.data ?? Data())
  }
}

/// Prints HTML to PDF with a headless Chromium: `--browser PATH`, else the first of
/// `chromium`, `chromium-browser`, `google-chrome` on the PATH. The browser gets a private
/// profile in a temporary folder (removed afterwards) and prints without its own header and
/// footer; the page's `@page` rules give the size (A4), margins and page numbers.
enum PDFPrinter {
  static let names = ["chromium", "chromium-browser", "google-chrome"]

  struct Unavailable: Error, CustomStringConvertible {
    var description: String
  }

  /// The browser to print with, or nil when there is none.
  static func browser(_ given: String?) -> String? {
    if let given { return FileManager.default.isExecutableFile(atPath: given) ? given : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in names {
      for dir in path.split(separator: ":") where !dir.isEmpty {
        let candidate = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }

  static func print(html: String, browser: String) throws -> [UInt8] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "chuangwen-pdf-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let page = dir.appendingPathComponent("page.html")
    let out = dir.appendingPathComponent("page.pdf")
    try Data(html.utf8).write(to: page)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: browser)
    p.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
      "--user-data-dir=\(dir.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
      "--print-to-pdf=\(out.path)", page.absoluteString,
    ]
    p.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    p.standardError = errors
    try p.run()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0, let bytes = try? Data(contentsOf: out), !bytes.isEmpty else {
      let last =
        String(decoding: message, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? "no output"
      throw Unavailable(
        description: "\(browser) did not print the page (exit \(p.terminationStatus)): \(last)")
    }
    return Array(bytes)
  }
}
