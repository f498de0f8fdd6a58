import Foundation
import Testing

@testable import CampaignKit

/// Every directory under `fixtures/invalid/` is a copy of `fixtures/minimal` with one defect;
/// its `expected.txt` holds the exact findings (as `chuangwen validate` prints them). These are
/// golden files: regenerate with `CHUANGWEN_UPDATE_GOLDEN=1 swift test --filter InvalidFixtureTests`
/// and review the diff like code.
@Suite struct InvalidFixtureTests {
  static let cases: [String] = {
    let dir = Fixtures.path("invalid")
    return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter {
      FileManager.default.fileExists(atPath: dir + "/" + $0 + "/defect.txt")
    }.sorted()
  }()

  @Test func thereAreAtLeastTwentyCases() {
    #expect(Self.cases.count >= 20)
  }

  @Test(arguments: cases)
  func findingsMatchTheGolden(_ name: String) throws {
    let dir = Fixtures.path("invalid/" + name)
    let result = CampaignLoader.load(directory: dir)
    let actual = result.findings.map { "\($0.severity.rawValue): \($0)" }.joined(separator: "\n") + "\n"
    let goldenPath = dir + "/expected.txt"
    if ProcessInfo.processInfo.environment["CHUANGWEN_UPDATE_GOLDEN"] == "1" {
      try actual.write(toFile: goldenPath, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOfFile: goldenPath, encoding: .utf8)
    #expect(actual == expected, "findings of fixtures/invalid/\(name) differ from expected.txt")
    #expect(!result.findings.isEmpty, "a broken fixture must produce a finding")
    // Every case but the warnings-only ones is invalid.
    if name == "unknown-field" || name == "responsibility-gaps" {
      #expect(result.isValid)
      #expect(!result.warnings.isEmpty)
    } else {
      #expect(!result.isValid)
    }
  }

  @Test func theMinimalFixtureIsClean() {
    let r = Fixtures.load("minimal")
    #expect(r.isValid)
    #expect(r.findings.isEmpty, "\(r.findings)")
  }

  @Test func missingFilesAreReportedAsMissing() {
    let r = Fixtures.load("invalid/missing-file")
    #expect(r.missing == ["problems.json"])
    let none = CampaignLoader.load(directory: Fixtures.path("no-such-campaign"))
    #expect(none.campaign == nil)
    #expect(!none.missing.isEmpty)
  }
}
