import CampaignKit
import Foundation
import Testing

/// The one report writer `record`, `import` and the dashboard share.
@Suite struct ReportWriterTests {
  static func entry(_ day: Day, _ id: String, _ v: Double, note: String = "") -> ReportEntry {
    ReportEntry(date: day, subject: .indicator(id), value: v, note: note)
  }

  static func files(_ dir: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir + "/reports")) ?? []).filter {
      !$0.hasPrefix(".")
    }.sorted()
  }

  @Test func appendsToTheUnitsFileOfTheDay() throws {
    let dir = try Fixtures.copy("minimal")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var w = ReportWriter(directory: dir)
    let first = try CampaignWriteLock.withLock(directory: dir) {
      try w.append([Self.entry("2016-07-08", "c1-1-1", 90)], unit: "u-cg", day: "2016-07-08")
    }
    let second = try w.append([Self.entry("2016-07-08", "c1-1-1", 91)], unit: "u-cg", day: "2016-07-08")
    #expect(first == "reports/u-cg-2016-07-08.json" && second == first)
    #expect(w.entries(of: "u-cg", on: "2016-07-08").map(\.value) == [90, 91])
    let r = CampaignLoader.load(directory: dir)
    #expect(r.errors.isEmpty)
    #expect(r.campaign?.latest(.indicator("c1-1-1"), on: "2016-07-08")?.value == 91)
  }

  @Test func neverTouchesAnotherUnitsOrABrokenFile() throws {
    let dir = try Fixtures.copy("minimal")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let theirs = "{\"schema\": \"chuangwen/1\", \"unit\": \"u-jj\", \"entries\": []}\n"
    let broken = "{\"schema\": \"chuangwen/1\", \"unit\": \"u-cg\", \"entries\": [\n"
    try theirs.write(toFile: dir + "/reports/u-cg-2016-07-08.json", atomically: true, encoding: .utf8)
    try broken.write(toFile: dir + "/reports/u-cg-2016-07-08-2.json", atomically: true, encoding: .utf8)
    var w = ReportWriter(directory: dir)
    let path = try w.append([Self.entry("2016-07-08", "c1-1-1", 90)], unit: "u-cg", day: "2016-07-08")
    #expect(path == "reports/u-cg-2016-07-08-3.json")
    #expect(try String(contentsOfFile: dir + "/reports/u-cg-2016-07-08.json", encoding: .utf8) == theirs)
    #expect(try String(contentsOfFile: dir + "/reports/u-cg-2016-07-08-2.json", encoding: .utf8) == broken)
    #expect(w.notes.count == 2)
  }

  @Test func replaceIsIdempotentAndKeepsOtherDates() throws {
    let dir = try Fixtures.copy("minimal")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var w = ReportWriter(directory: dir)
    // u-zj.json holds entries of 06-24, 07-01 and 07-08; a sheet for 07-01 replaces only 07-01's.
    let sheet = [Self.entry("2016-07-01", "c1-1-2", 390, note: "更正")]
    // u-zj's entries live in reports/u-zj.json (any name is the unit's when it says so inside).
    let r1 = try w.replace(unit: "u-zj", day: "2016-07-01", with: sheet)
    #expect(r1 == .written(file: "reports/u-zj-2016-07-01.json", cleared: ["reports/u-zj.json"]))
    let c = try #require(CampaignLoader.load(directory: dir).campaign)
    #expect(c.latest(.indicator("c1-1-2"), on: "2016-07-01")?.value == 390)
    #expect(c.latest(.indicator("c1-1-2"), on: "2016-07-08")?.value == 400, "another date's entry stays")
    #expect(c.latest(.indicator("c1-1-2"), on: "2016-06-24")?.value == 300)
    let before = Self.files(dir).map {
      (try? String(contentsOfFile: dir + "/reports/" + $0, encoding: .utf8)) ?? ""
    }
    #expect(try w.replace(unit: "u-zj", day: "2016-07-01", with: sheet) == .unchanged)
    let after = Self.files(dir).map {
      (try? String(contentsOfFile: dir + "/reports/" + $0, encoding: .utf8)) ?? ""
    }
    #expect(before == after)
  }

  @Test func replaceClearsTheDayFromTheUnitsOtherDatedFiles() throws {
    let dir = try Fixtures.copy("minimal")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var w = ReportWriter(directory: dir)
    // Two records the same day (the second in a -2 file because the first is "being edited").
    _ = try w.append([Self.entry("2016-07-08", "c1-1-1", 80)], unit: "u-cg", day: "2016-07-08")
    let other =
      "{\"schema\": \"chuangwen/1\", \"unit\": \"u-cg\", \"entries\": [{\"date\": \"2016-07-08\", \"indicator\": \"c1-1-1\", \"value\": 85}, {\"date\": \"2016-07-15\", \"indicator\": \"c1-1-1\", \"value\": 86}]}"
    try other.write(toFile: dir + "/reports/u-cg-2016-07-08-2.json", atomically: true, encoding: .utf8)
    let r = try w.replace(unit: "u-cg", day: "2016-07-08", with: [Self.entry("2016-07-08", "c1-1-1", 88)])
    #expect(r == .written(file: "reports/u-cg-2016-07-08.json", cleared: ["reports/u-cg-2016-07-08-2.json"]))
    #expect(w.entries(of: "u-cg", on: "2016-07-08").map(\.value) == [88])
    #expect(w.entries(of: "u-cg", on: "2016-07-15").map(\.value) == [86])
  }
}
