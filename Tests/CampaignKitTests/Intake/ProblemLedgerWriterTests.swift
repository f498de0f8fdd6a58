import CampaignKit
import Foundation
import Testing

/// `problem add|fix|verify|reopen` underneath: one step of the loop, checked, then written.
@Suite struct ProblemLedgerWriterTests {
  static func apply(_ dir: String, _ step: ProblemLedgerWriter.Step) throws -> String {
    let c = try #require(CampaignLoader.load(directory: dir).campaign)
    return try CampaignWriteLock.withLock(directory: dir) {
      try ProblemLedgerWriter(directory: dir).apply(step, campaign: c)
    }
  }

  static func problem(_ dir: String, _ id: String) throws -> Problem {
    let r = CampaignLoader.load(directory: dir)
    #expect(r.errors.isEmpty, "\(r.errors)")
    return try #require(r.campaign?.problems.first { $0.id == id })
  }

  @Test func idsFollowTheLedgersPattern() {
    #expect(ProblemLedgerWriter.nextID(after: ["p-0001", "p-0214", "p-0009"]) == "p-0215")
    #expect(ProblemLedgerWriter.nextID(after: ["p-1", "p-5"]) == "p-6")
    #expect(ProblemLedgerWriter.nextID(after: ["p-9999"]) == "p-10000")
    #expect(ProblemLedgerWriter.nextID(after: []) == "p-0001")
  }

  @Test func aProblemGoesRoundTheLoop() throws {
    let dir = try Fixtures.copy("minimal")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let new = Problem(
      id: "", found: "2016-07-02", place: "新街", kind: "卫生死角", severity: .minor, source: .citizen,
      unit: "c-xj", deadline: "2016-07-05", grid: "g-xj1", assigned: "2016-07-02")
    let id = try Self.apply(dir, .add(new))
    #expect(id == "p-6")
    #expect(try Self.problem(dir, id).stage(on: "2016-07-02") == .assigned)
    _ = try Self.apply(dir, .fix(id: id, on: "2016-07-04", note: "已清理"))
    var p = try Self.problem(dir, id)
    #expect(p.fixed == "2016-07-04" && p.fixNote == "已清理")
    #expect(p.stage(on: "2016-07-04") == .awaitingVerification)
    _ = try Self.apply(dir, .verify(id: id, on: "2016-07-05", by: "创建办督查组"))
    #expect(try Self.problem(dir, id).stage(on: "2016-07-05") == .closed)
    _ = try Self.apply(dir, .reopen(id: id, on: "2016-07-08", note: "反弹"))
    p = try Self.problem(dir, id)
    #expect(p.fixed == nil && p.verified == nil)
    #expect(
      p.reopened == [
        Reopening(
          date: "2016-07-08", note: "反弹", fixed: "2016-07-04",
          verified: Verification(date: "2016-07-05", by: "创建办督查组"))
      ])
    #expect(p.stage(on: "2016-07-06") == .closed, "the ledger before the reopening reads as it did")
    #expect(p.stage(on: "2016-07-08") == .reopened)
    _ = try Self.apply(dir, .fix(id: id, on: "2016-07-09", note: ""))
    #expect(try Self.problem(dir, id).stage(on: "2016-07-09") == .awaitingVerification)
    // Other problems are untouched.
    let original = try Fixtures.campaign("minimal").problems
    let now = try #require(CampaignLoader.load(directory: dir).campaign).problems
    #expect(Array(now.prefix(original.count)) == original)
  }

  @Test func stepsThatDoNotFitAreRefusedAndWriteNothing() throws {
    let dir = try Fixtures.copy("minimal")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let before = try String(contentsOfFile: dir + "/problems.json", encoding: .utf8)
    func refusal(_ step: ProblemLedgerWriter.Step) -> ProblemLedgerWriter.Refusal? {
      do {
        _ = try Self.apply(dir, step)
        return nil
      } catch let r as ProblemLedgerWriter.Refusal {
        return r
      } catch {
        return nil
      }
    }
    // p-3 is open; p-1 is closed.
    #expect(
      refusal(.verify(id: "p-3", on: "2016-07-01", by: "督查组"))?.description
        == "p-3 is not fixed yet; only a fix can be verified")
    #expect(
      refusal(.fix(id: "p-1", on: "2016-07-01", note: ""))?.description
        == "p-1 was closed (verified on 2016-06-03); reopen it first")
    #expect(
      refusal(.fix(id: "p-3", on: "2016-06-19", note: ""))?.description
        == "fixed (2016-06-19) before it was found (2016-06-20)")
    #expect(
      refusal(.reopen(id: "p-3", on: "2016-07-01", note: ""))?.description
        == "p-3 is not fixed, so there is nothing to reopen")
    let unknown = refusal(.fix(id: "p-33", on: "2016-07-01", note: ""))
    #expect(unknown?.isUsage == true)
    #expect(unknown?.description.hasPrefix("unknown problem \"p-33\"") == true)
    let wrongGrid = Problem(
      id: "", found: "2016-07-02", place: "x", kind: "y", severity: .minor, source: .citizen, unit: "u-jj",
      deadline: "2016-07-05", grid: "g-xj1")
    #expect(refusal(.add(wrongGrid))?.description == "grid cell g-xj1 lies under c-xj, not under u-jj")
    #expect(try String(contentsOfFile: dir + "/problems.json", encoding: .utf8) == before)
  }
}
