import CampaignKit
import Foundation
import Testing

/// The ledger's closed loop: a problem is closed (销号) only once verified; a reopening undoes a
/// cycle from its date on, and the ledger on an earlier date still reads as it did then.
@Suite struct ProblemLoopTests {
  static func problem(
    fixed: Day? = nil, verified: Verification? = nil, reopened: [Reopening] = [], assigned: Day? = nil
  ) -> Problem {
    Problem(
      id: "p", found: "2016-06-01", place: "迎宾路", kind: "占道经营", severity: .minor, source: .inspection,
      unit: "u-cg", deadline: "2016-06-05", fixed: fixed, assigned: assigned, verified: verified,
      reopened: reopened)
  }

  @Test func aFixAwaitsVerificationUntilChecked() {
    let p = Self.problem(fixed: "2016-06-03", verified: Verification(date: "2016-06-06", by: "督查组"))
    #expect(p.stage(on: "2016-06-02") == .found)
    #expect(p.stage(on: "2016-06-03") == .awaitingVerification)
    #expect(p.isAwaitingVerification(on: "2016-06-05"))
    #expect(!p.isClosed(by: "2016-06-05"))
    #expect(p.stage(on: "2016-06-06") == .closed)
    // Fixed by the deadline (06-05), verified after it: closed on time once verified.
    #expect(!p.isClosedOnTime(by: "2016-06-05"))
    #expect(p.isClosedOnTime(by: "2016-06-06"))
    // A fix awaiting verification is not overdue: the unit did its part.
    #expect(!p.isOverdue(on: "2016-06-06"))
  }

  @Test func oldFilesReadAsFixedAwaitingVerification() {
    let p = Self.problem(fixed: "2016-06-03")
    #expect(p.isFixed(by: "2016-07-01"))
    #expect(!p.isClosed(by: "2016-07-01"))
    #expect(p.stage(on: "2016-07-01") == .awaitingVerification)
  }

  @Test func assignedIsAStageOfItsOwn() {
    let p = Self.problem(assigned: "2016-06-02")
    #expect(p.stage(on: "2016-06-01") == .found)
    #expect(p.stage(on: "2016-06-02") == .assigned)
  }

  @Test func aReopeningUndoesTheCycleFromItsDateOnly() {
    let undone = Reopening(
      date: "2016-06-10", note: "反弹", fixed: "2016-06-03",
      verified: Verification(date: "2016-06-04", by: "督查组"))
    let p = Self.problem(fixed: "2016-06-12", reopened: [undone])
    // Before the reopening, the ledger reads as it did: closed on time.
    #expect(p.stage(on: "2016-06-09") == .closed)
    #expect(p.isClosedOnTime(by: "2016-06-09"))
    // From the reopening on: open again, overdue (past the deadline, not fixed).
    #expect(p.stage(on: "2016-06-10") == .reopened)
    #expect(p.isOverdue(on: "2016-06-10"))
    #expect(p.isOpen(on: "2016-06-11"))
    // Fixed again after the deadline and not yet verified.
    #expect(p.stage(on: "2016-06-12") == .awaitingVerification)
    #expect(!p.isClosedOnTime(by: "2016-07-01"))
  }

  @Test func theRateCountsOnlyClosedProblems() throws {
    // minimal: u-cg has p-1 (fixed on time, verified) and p-2 (fixed late, verified).
    let c = try Fixtures.campaign("minimal")
    let before = Standing(campaign: c, asOf: "2016-07-01").unit("u-cg").rectification
    #expect(
      before.due == 2 && before.fixedOnTime == 1 && before.closed == 2 && before.awaitingVerification == 0)
    // The same ledger with p-1's verification taken away: its fix no longer counts.
    var problems = c.problems
    problems[0].verified = nil
    let c2 = Campaign(
      info: c.info, nodes: c.nodes, categories: c.categories, tasks: c.tasks, problems: problems,
      reportFiles: c.reportFiles)
    let after = Standing(campaign: c2, asOf: "2016-07-01").unit("u-cg").rectification
    #expect(after.fixedOnTime == 0)
    #expect(after.rate == 0)
    #expect(after.awaitingVerification == 1)
    #expect(after.open == 0, "a fix awaiting verification is not open")
  }

  static func decode(_ problem: String) -> DecodedFile {
    let text = "{\"schema\": \"chuangwen/1\", \"problems\": [\(problem)]}"
    return FileDecoder.decode(path: "problems.json", kind: .problems, bytes: Array(text.utf8))
  }

  static let base =
    "\"id\": \"p-1\", \"found\": \"2016-06-01\", \"place\": \"x\", \"kind\": \"y\", \"severity\": \"minor\", \"source\": \"mock\", \"unit\": \"u-cg\", \"deadline\": \"2016-06-05\""

  @Test func decodesTheLoopInBothFixForms() throws {
    let f = Self.decode(
      "{\(Self.base), \"grid\": \"g-1\", \"assigned\": \"2016-06-01\", \"fixed\": {\"date\": \"2016-06-12\", \"note\": \"重新清理\"}, \"reopened\": [{\"date\": \"2016-06-08\", \"note\": \"反弹\", \"fixed\": \"2016-06-02\", \"verified\": {\"date\": \"2016-06-03\", \"by\": \"督查组\"}}]}"
    )
    #expect(!f.hasErrors, "\(f.findings)")
    guard case .problems(let ps) = f.content, let p = ps.first else {
      Issue.record("no problem decoded")
      return
    }
    #expect(p.grid == "g-1")
    #expect(p.assigned == "2016-06-01")
    #expect(p.fixed == "2016-06-12" && p.fixNote == "重新清理")
    #expect(
      p.reopened == [
        Reopening(
          date: "2016-06-08", note: "反弹", fixed: "2016-06-02",
          verified: Verification(date: "2016-06-03", by: "督查组"))
      ])
    let short = Self.decode("{\(Self.base), \"fixed\": \"2016-06-03\"}")
    #expect(!short.hasErrors)
  }

  @Test func refusesALoopOutOfOrder() {
    let verifiedUnfixed = Self.decode(
      "{\(Self.base), \"verified\": {\"date\": \"2016-06-03\", \"by\": \"督查组\"}}")
    #expect(verifiedUnfixed.findings.map(\.message).contains { $0.hasPrefix("verified but not fixed") })
    let early = Self.decode(
      "{\(Self.base), \"fixed\": \"2016-06-04\", \"verified\": {\"date\": \"2016-06-03\", \"by\": \"督查组\"}}")
    #expect(early.findings.map(\.message).contains("verified (2016-06-03) before the fix (2016-06-04)"))
    let noBy = Self.decode(
      "{\(Self.base), \"fixed\": \"2016-06-04\", \"verified\": {\"date\": \"2016-06-05\"}}")
    #expect(noBy.findings.contains { $0.path == "problems[0].verified" && $0.message.contains("\"by\"") })
  }

  @Test func gridCellsUnderACommunityOrATownship() throws {
    let c = try Fixtures.campaign("minimal")
    #expect(c.gridCells(under: "c-xj").map(\.id) == ["g-xj1"])
    #expect(c.gridCells(under: "t-qc").map(\.id) == ["g-xj1"])
    #expect(c.gridCells(under: "u-cg").isEmpty)
    let h = try Fixtures.campaign("hongjiang")
    #expect(
      h.gridCells(under: "cm-furong").map(\.id) == ["g-furong-1", "g-furong-2", "g-furong-3", "g-furong-4"])
    #expect(h.nodes.filter { $0.kind == .grid }.count == 21)
    #expect(h.gridCells(under: "cm-furong").first?.leaders.map(\.role) == ["网格长", "网格员"])
  }

  @Test func aGridMustBeAGridCellUnderTheProblemsUnit() throws {
    let dir = try Fixtures.copy("minimal")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/problems.json"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    // p-3 is 新街社区's (c-xj, which has g-xj1): fine. p-4 is 交警大队's: g-xj1 is not under it.
    let good = text.replacingOccurrences(
      of: "\"unit\": \"c-xj\", \"deadline\": \"2016-06-27\"",
      with: "\"unit\": \"c-xj\", \"deadline\": \"2016-06-27\", \"grid\": \"g-xj1\"")
    #expect(good != text)
    try good.write(toFile: path, atomically: true, encoding: .utf8)
    let clean = CampaignLoader.load(directory: dir)
    #expect(clean.errors.isEmpty)
    let c = try #require(clean.campaign)
    #expect(c.problems[2].grid == "g-xj1")
    #expect(
      Standing(campaign: c, asOf: "2016-07-01").grids["g-xj1"]
        == {
          var r = Rectification()
          r.found = 1
          r.due = 1
          r.overdue = 1
          r.open = 1
          return r
        }())
    let bad = good.replacingOccurrences(
      of: "\"unit\": \"u-jj\", \"deadline\": \"2016-07-06\"",
      with: "\"unit\": \"u-jj\", \"deadline\": \"2016-07-06\", \"grid\": \"g-xj1\"")
    try bad.write(toFile: path, atomically: true, encoding: .utf8)
    let r = CampaignLoader.load(directory: dir)
    #expect(
      r.errors.map(\.message) == ["grid cell \"g-xj1\" does not lie under \"u-jj\", the problem's unit"])
    #expect(r.errors.first?.path == "problems[3].grid")
  }
}
