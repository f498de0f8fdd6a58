import CampaignKit
import Foundation

/// Paths to the committed fixtures and the repository's tools, found from this source file.
enum Repo {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  static func campaign(_ name: String) throws -> Campaign {
    let r = CampaignLoader.load(directory: root + "/fixtures/" + name)
    guard let c = r.campaign, r.errors.isEmpty else { throw Failure("\(name) did not load: \(r.errors)") }
    return c
  }

  static func tempDir() throws -> String {
    let dir = NSTemporaryDirectory() + "chuangwen-intake-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
  }
}

/// `python3` with openpyxl, for sheets written by a real spreadsheet library.
enum Python {
  static let available: Bool = run(["-c", "pass"])?.status == 0
  static let haveOpenpyxl: Bool = run(["-c", "import openpyxl"])?.status == 0

  static func run(_ args: [String]) -> (status: Int32, output: String)? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3"] + args
    p.currentDirectoryURL = URL(fileURLWithPath: Repo.root)
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    do { try p.run() } catch { return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// Fills a sheet with tools/testing/fill_sheet.py (see there for the cell syntax).
  static func fill(_ args: [String]) throws {
    guard let r = run(["tools/testing/fill_sheet.py"] + args), r.status == 0 else {
      throw Repo.Failure(
        "fill_sheet.py failed: \(run(["tools/testing/fill_sheet.py"] + args)?.output ?? "python3 did not start")"
      )
    }
  }
}

extension Day: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self = Day(value)! }
}
