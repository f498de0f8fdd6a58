import Foundation
import Testing

@testable import CampaignKit

/// The report files are read, and their findings and series points ordered, in the order
/// `ReportsFolder` lists them: `String` order. Issue 12 tried sorting the names by their bytes
/// instead (no measurable gain, see docs/benchmarks.md); these tests hold any such change to
/// `String`'s own order, which for names outside ASCII is not the byte order (canonically
/// equivalent spellings compare equal as Strings).
@Suite struct ReportsFolderOrderTests {
  func listing(_ names: [String]) throws -> [String] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rf-order-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let reports = dir.appendingPathComponent("reports")
    try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
    for n in names { try Data("{}".utf8).write(to: reports.appendingPathComponent(n)) }
    return ReportsFolder.list(directory: dir.path).names
  }

  @Test func asciiNamesAreListedInStringOrder() throws {
    let names = [
      "u-b-2026-03-02.json", "U-a.json", "u-b-2026-03-1.json", "u_b.json", "u-b.json", "0.json", "~.json",
    ]
    let listed = try listing(names)
    #expect(listed == names.map { "reports/" + $0 }.sorted())
    #expect(listed.first == "reports/0.json" && listed.last == "reports/~.json")
  }

  /// A precomposed "é" sorts after "e" + combining accent by bytes (C3 A9 > 65) but not as a
  /// String (canonically equal prefixes, then "a" < "b"): the listing follows the String.
  @Test func nonASCIINamesAreListedInStringOrder() throws {
    let precomposed = "\u{E9}a.json"
    let decomposed = "e\u{301}b.json"
    #expect(Array(decomposed.utf8).lexicographicallyPrecedes(Array(precomposed.utf8)))
    #expect(precomposed < decomposed)
    let listed = try listing(["f.json", decomposed, precomposed, "e.json", "z.json"])
    #expect(listed.count == 5)
    #expect(listed == listed.sorted())
    #expect(
      listed.firstIndex(of: "reports/" + precomposed)! < listed.firstIndex(of: "reports/" + decomposed)!)
  }
}
