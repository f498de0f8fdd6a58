import Foundation
import Testing

@testable import CampaignKit

/// Incremental reload on a temporary copy of the minimal fixture: only changed files are read,
/// the result equals a full load, and a broken file keeps its last good version.
@Suite struct CampaignSourceTests {
  let dir: String
  init() throws { dir = try Fixtures.copy("minimal") }

  func write(_ relative: String, _ text: String) throws {
    let path = dir + "/" + relative
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: false, encoding: .utf8)
  }

  /// A report file of the minimal campaign's first unit on its first indicator.
  func report(_ unit: String, _ indicator: String, _ date: Day, _ value: Double) -> String {
    """
    { "schema": "chuangwen/1", "unit": "\(unit)",
      "entries": [ { "date": "\(date)", "indicator": "\(indicator)", "value": \(value) } ] }
    """
  }

  func firstLed(_ c: Campaign) -> (unit: String, indicator: Indicator) {
    let ind = c.indicators.first { $0.lead != nil && $0.measure.kind != .yesno }!
    return (ind.lead!, ind)
  }

  /// The value shown for `indicator` on `day`.
  func value(_ s: CampaignSource, _ id: String, _ day: Day) -> Double? {
    s.result.campaign?.latest(.indicator(id), on: day)?.value
  }

  /// The source's result must equal a fresh full load of the directory.
  func expectSameAsFullLoad(_ s: CampaignSource, sourceLocation: SourceLocation = #_sourceLocation) {
    let full = CampaignAssembler.assemble(
      FileKind.required.map {
        CampaignLoader.decodeFile(at: dir + "/" + $0.fileName!, relative: $0.fileName!, kind: $0)
      }
        + CampaignLoader.reportFileNames(directory: dir).map {
          CampaignLoader.decodeFile(at: dir + "/" + $0, relative: $0, kind: .report)
        })
    #expect(s.result.findings == full.findings, sourceLocation: sourceLocation)
    #expect(s.result.campaign?.reportFiles == full.campaign?.reportFiles, sourceLocation: sourceLocation)
    #expect(s.result.campaign?.series == full.campaign?.series, sourceLocation: sourceLocation)
  }

  @Test func aNewReportIsReadAloneAndPatchedIn() throws {
    let s = CampaignSource(directory: dir)
    let c = try #require(s.result.campaign)
    let (unit, ind) = firstLed(c)
    let day = c.info.defaultAsOf
    try write("reports/zz-new.json", report(unit, ind.id, day, ind.measure.target))
    #expect(s.reload(changed: ["reports/zz-new.json"]))
    #expect(s.lastReadCount == 1)
    #expect(!s.lastReloadWasFull)
    #expect(value(s, ind.id, day) == ind.measure.target)
    expectSameAsFullLoad(s)
    // The same event again (an editor's burst): nothing to read.
    #expect(!s.reload(changed: ["reports/zz-new.json", dir + "/reports/zz-new.json"]))
    #expect(s.lastReadCount == 0)
  }

  /// Loading stamps each file from the descriptor it read (fstat): those stamps must be the
  /// ones a later look at the paths (stat) gives, or every rescan would read everything again.
  @Test func aRescanAfterLoadingReadsNothing() throws {
    let s = CampaignSource(directory: dir)
    #expect(s.lastReadCount == s.result.campaign!.reportFiles.count + FileKind.required.count)
    #expect(!s.rescan())
    #expect(s.lastReadCount == 0)
  }

  @Test func modifiedRenamedOverAndDeleted() throws {
    let s = CampaignSource(directory: dir)
    let c = try #require(s.result.campaign)
    let (unit, ind) = firstLed(c)
    let day = c.info.defaultAsOf
    try write("reports/zz.json", report(unit, ind.id, day, 1))
    s.reload(changed: ["reports/zz.json"])
    #expect(value(s, ind.id, day) == 1)
    // Modified in place.
    try write("reports/zz.json", report(unit, ind.id, day, 2))
    s.reload(changed: ["reports/zz.json"])
    #expect(value(s, ind.id, day) == 2)
    // Replaced by rename (an atomic writer); the temporary name is ignored.
    try write("reports/.zz.json.tmp", report(unit, ind.id, day, 3))
    #expect(rename(dir + "/reports/.zz.json.tmp", dir + "/reports/zz.json") == 0)
    s.reload(changed: ["reports/.zz.json.tmp", "reports/zz.json"])
    #expect(value(s, ind.id, day) == 3)
    expectSameAsFullLoad(s)
    // Deleted: its entries go.
    try FileManager.default.removeItem(atPath: dir + "/reports/zz.json")
    s.reload(changed: ["reports/zz.json"])
    #expect(s.result.campaign?.reportFiles.contains { $0.path == "reports/zz.json" } == false)
    #expect(value(s, ind.id, day) != 3)
    expectSameAsFullLoad(s)
  }

  @Test func aBrokenReportKeepsItsLastGoodVersionUntilFixedOrRemoved() throws {
    let s = CampaignSource(directory: dir)
    let c = try #require(s.result.campaign)
    let (unit, ind) = firstLed(c)
    let day = c.info.defaultAsOf
    try write("reports/zz.json", report(unit, ind.id, day, 5))
    s.reload(changed: ["reports/zz.json"])
    // Truncated: the error names the file and line; the value stays.
    try write("reports/zz.json", String(report(unit, ind.id, day, 6).prefix(40)))
    s.reload(changed: ["reports/zz.json"])
    #expect(value(s, ind.id, day) == 5)
    #expect(s.heldBack == ["reports/zz.json"])
    let error = try #require(s.result.errors.first)
    #expect(error.file == "reports/zz.json")
    #expect(error.position != nil)
    // A value the measure cannot take is also an error (cross-file check), still held back.
    try write("reports/zz.json", report(unit, "no-such-indicator", day, 7))
    s.reload(changed: ["reports/zz.json"])
    #expect(value(s, ind.id, day) == 5)
    #expect(s.result.errors.first?.message.contains("unknown indicator") == true)
    // Fixed: the new version takes over and the error goes.
    try write("reports/zz.json", report(unit, ind.id, day, 8))
    s.reload(changed: ["reports/zz.json"])
    #expect(value(s, ind.id, day) == 8)
    #expect(s.result.errors.isEmpty)
    #expect(s.heldBack.isEmpty)
    // Broken again, then removed: the error goes with it, and so do its entries.
    try write("reports/zz.json", "{")
    s.reload(changed: ["reports/zz.json"])
    #expect(!s.result.errors.isEmpty)
    try FileManager.default.removeItem(atPath: dir + "/reports/zz.json")
    s.reload(changed: ["reports/zz.json"])
    #expect(s.result.errors.isEmpty)
    #expect(s.heldBack.isEmpty)
    expectSameAsFullLoad(s)
  }

  @Test func aBrokenRequiredFileKeepsTheCampaign() throws {
    let s = CampaignSource(directory: dir)
    let before = try #require(s.result.campaign)
    let original = try String(contentsOfFile: dir + "/indicators.json", encoding: .utf8)
    try write("indicators.json", String(original.prefix(original.count / 2)))
    s.reload(changed: ["indicators.json"])
    #expect(s.lastReloadWasFull)
    #expect(s.result.campaign?.indicators.count == before.indicators.count)
    #expect(s.heldBack == ["indicators.json"])
    #expect(s.result.errors.first?.file == "indicators.json")
    // Deleted: still the last good version, with a "missing" error.
    try FileManager.default.removeItem(atPath: dir + "/indicators.json")
    s.reload(changed: ["indicators.json"])
    #expect(s.result.campaign?.indicators.count == before.indicators.count)
    #expect(s.result.errors.contains { $0.message.contains("required file is missing") })
    // Back: clean again.
    try write("indicators.json", original)
    s.reload(changed: ["indicators.json"])
    #expect(s.result.errors.isEmpty)
    #expect(s.heldBack.isEmpty)
    expectSameAsFullLoad(s)
  }

  /// A change to one required file checks the others again: their own findings (made from
  /// sites they let go of between checks, and read again from disk) must still be there.
  @Test func aRequiredFilesFindingsSurviveAChangeToAnother() throws {
    let problems = try String(contentsOfFile: dir + "/problems.json", encoding: .utf8)
    try write(
      "problems.json", problems.replacingOccurrences(of: "\"unit\": \"u-cg\"", with: "\"unit\": \"u-nobody\"")
    )
    let s = CampaignSource(directory: dir)
    let before = s.result.errors.filter { $0.file == "problems.json" }
    #expect(!before.isEmpty && before.allSatisfy { $0.position != nil })
    let tasks = try String(contentsOfFile: dir + "/tasks.json", encoding: .utf8)
    try write("tasks.json", tasks + "\n")
    #expect(s.reload(changed: ["tasks.json"]))
    #expect(s.lastReloadWasFull)
    #expect(s.result.errors.filter { $0.file == "problems.json" } == before)
    expectSameAsFullLoad(s)
  }

  /// A report kept in columns that a changed context now fails (a true/false value once its
  /// indicator is no longer yes/no; an entry dated after a shortened period) leaves the figures
  /// and is pointed at by line, as a fresh load says; put back, it returns.
  @Test func reportsAreCheckedAgainWhenTheContextChanges() throws {
    let s = CampaignSource(directory: dir)
    #expect(s.result.errors.isEmpty)
    // A valid change (a broken required file would keep its last good version instead).
    let indicators = try String(contentsOfFile: dir + "/indicators.json", encoding: .utf8)
    let yesNo =
      "\"c2-1-2\", \"name\": \"社区建立家长学校\", \"points\": 2,\n              \"measure\": { \"kind\": \"yesno\" }"
    #expect(indicators.contains(yesNo))
    try write(
      "indicators.json",
      indicators.replacingOccurrences(
        of: yesNo,
        with: yesNo.replacingOccurrences(
          of: "{ \"kind\": \"yesno\" }", with: "{ \"kind\": \"count\", \"baseline\": 0, \"target\": 3 }")))
    s.reload(changed: ["indicators.json"])
    #expect(s.heldBack.isEmpty)
    let wrong = s.result.errors.filter { $0.file == "reports/t-qc.json" }
    #expect(!wrong.isEmpty && wrong.allSatisfy { $0.position != nil && $0.message.contains("true/false") })
    #expect(s.result.campaign?.series(.indicator("c2-1-2")).isEmpty == true)
    expectSameAsFullLoad(s)
    try write("indicators.json", indicators)
    s.reload(changed: ["indicators.json"])
    #expect(s.result.errors.isEmpty)
    #expect(s.result.campaign?.series(.indicator("c2-1-2")).map(\.value) == [0, 1])
    expectSameAsFullLoad(s)

    // A shorter period: entries after its end are pointed at, and so are other files' dates.
    let campaign = try String(contentsOfFile: dir + "/campaign.json", encoding: .utf8)
    let shorter = campaign.replacingOccurrences(
      of: "\"end\": \"2016-12-31\"", with: "\"end\": \"2016-07-05\""
    )
    .replacingOccurrences(of: ", \"2016-07-08\"]", with: "]")
    #expect(shorter != campaign)
    try write("campaign.json", shorter)
    s.reload(changed: ["campaign.json"])
    #expect(s.heldBack.isEmpty)
    #expect(s.result.errors.contains { $0.file == "reports/u-zj.json" && $0.position != nil })
    #expect(s.result.errors.contains { $0.file == "indicators.json" && $0.position != nil })
    expectSameAsFullLoad(s)
    try write("campaign.json", campaign)
    s.reload(changed: ["campaign.json"])
    #expect(s.result.errors.isEmpty)
    expectSameAsFullLoad(s)
  }

  @Test func rescanFindsWhatChangedWithoutBeingTold() throws {
    let s = CampaignSource(directory: dir)
    let c = try #require(s.result.campaign)
    let (unit, ind) = firstLed(c)
    try write("reports/zz.json", report(unit, ind.id, c.info.defaultAsOf, 4))
    #expect(s.rescan())
    #expect(s.lastReadCount == 1)
    #expect(!s.rescan())
    expectSameAsFullLoad(s)
  }

  @Test func everyInvalidFixtureLoadsAsTheAssemblerSays() throws {
    let root = Fixtures.path("invalid")
    for name in try FileManager.default.contentsOfDirectory(atPath: root).sorted() {
      let d = root + "/" + name
      let source = CampaignSource(directory: d).result
      let jobs =
        FileKind.required.compactMap { k -> DecodedFile? in
          FileManager.default.fileExists(atPath: d + "/" + k.fileName!)
            ? CampaignLoader.decodeFile(at: d + "/" + k.fileName!, relative: k.fileName!, kind: k) : nil
        }
        + CampaignLoader.reportFileNames(directory: d).map {
          CampaignLoader.decodeFile(at: d + "/" + $0, relative: $0, kind: .report)
        }
      let full = CampaignAssembler.assemble(jobs)
      let missing = source.findings.filter { $0.message.contains("required file is missing") }
      #expect(source.findings.filter { !missing.contains($0) } == full.findings, "\(name)")
    }
  }
}
