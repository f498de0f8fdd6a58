import CampaignKit
import Foundation
import Testing

@testable import DashboardKit

/// `e`, `x`, `v` and `b` on the in-memory terminal, writing into a temporary copy of the bundled
/// campaign through the shared writers: the file changes, the screen follows at once, a bad
/// entry is refused in the form and writes nothing.
extension LiveRunnerTests {
  static func typing(_ text: String) -> [Key] { text.map { .char($0) } }

  /// Every file under `dir/reports` with its bytes, to show nothing was written.
  static func reports(_ dir: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: dir + "/reports") {
      out[name] = FileManager.default.contents(atPath: dir + "/reports/" + name)
    }
    return out
  }

  @Test func eWritesAValueForTheLeadUnitAndTheScreenFollows() throws {
    var s = try setup(polling: false)
    defer { try? FileManager.default.removeItem(atPath: s.dir) }
    let c = s.runner.data.campaign
    let ind = try #require(c.indicator("c6-1-2"))
    let lead = try #require(ind.lead)
    let day = s.runner.data.asOf
    s.runner.app.stack = [.init(page: .indicators), .init(page: .indicator(ind.id))]
    let before = s.runner.data.standing.total.earned
    let term = MemoryTerminal()
    term.press([.char("e")] + Self.typing("95") + [.tab, .tab] + Self.typing("抽查") + [.enter])
    _ = s.runner.run(on: term)
    #expect(s.runner.app.form == nil)
    // Written through ReportWriter into the lead unit's file for the day, with the note.
    let entries = s.runner.data.campaign.reportFiles.filter { $0.unit == lead }.flatMap(\.entries)
    #expect(
      entries.contains {
        $0.date == day && $0.subject == .indicator(ind.id) && $0.value == 95 && $0.note == "抽查"
      })
    // The screen followed without waiting for the watcher.
    #expect(s.runner.data.standing.total.earned > before)
    #expect(!s.runner.data.live.changes.isEmpty)
    #expect(s.runner.app.toast?.text.contains("已录入 \(ind.id) = 95") == true)
    #expect(text(term.lastFrame).contains("已录入"))
  }

  @Test func aBadValueIsRefusedInTheFormAndNothingIsWritten() throws {
    var s = try setup(polling: false)
    defer { try? FileManager.default.removeItem(atPath: s.dir) }
    let before = try Self.reports(s.dir)
    s.runner.app.stack = [.init(page: .indicators), .init(page: .indicator("c6-1-2"))]
    let term = MemoryTerminal()
    term.press([.char("e")] + Self.typing("九十") + [.enter])
    _ = s.runner.run(on: term)
    let form = try #require(s.runner.app.form, "the form stays open")
    #expect(form.error == "the value must be a number, not \"九十\"")
    #expect(text(term.lastFrame).contains("the value must be a number"))
    // A date outside the campaign is refused the way record refuses it.
    let again = MemoryTerminal()
    again.press(
      [.backspace, .backspace] + Self.typing("90") + [.tab] + Array(repeating: .backspace, count: 10))
    again.press(Self.typing("2030-01-01") + [.enter])
    _ = s.runner.run(on: again)
    #expect(s.runner.app.form?.error?.contains("lies outside the campaign period") == true)
    // Esc cancels; nothing was written.
    let esc = MemoryTerminal()
    esc.press([.escape])
    _ = s.runner.run(on: esc)
    #expect(s.runner.app.form == nil)
    #expect(try Self.reports(s.dir) == before)
  }

  @Test func xMarksFixedAndVVerifiesThroughTheLedgerWriter() throws {
    var s = try setup(polling: false)
    defer { try? FileManager.default.removeItem(atPath: s.dir) }
    let day = s.runner.data.asOf
    let open = try #require(
      s.runner.data.campaign.problems.first { $0.isOpen(on: day) && $0.reopened.isEmpty })
    s.runner.app.stack = [.init(page: .problems), .init(page: .problem(open.id))]
    let term = MemoryTerminal()
    // v before x: only a fix can be verified; refused in the form.
    term.press([.char("v")] + Self.typing("督查组组长") + [.enter])
    _ = s.runner.run(on: term)
    #expect(s.runner.app.form?.error?.contains("is not fixed yet") == true)
    let fix = MemoryTerminal()
    fix.press([.escape, .char("x")] + Self.typing("已清理") + [.enter])
    _ = s.runner.run(on: fix)
    var p = try #require(s.runner.data.campaign.problems.first { $0.id == open.id })
    #expect(p.fixed == day && p.fixNote == "已清理")
    #expect(p.stage(on: day) == .awaitingVerification)
    #expect(text(fix.lastFrame).contains("环节  待复核"))
    let verify = MemoryTerminal()
    verify.press([.char("v")] + Self.typing("督查组组长") + [.enter])
    _ = s.runner.run(on: verify)
    p = try #require(s.runner.data.campaign.problems.first { $0.id == open.id })
    #expect(p.verified == Verification(date: day, by: "督查组组长"))
    #expect(text(verify.lastFrame).contains("环节  已销号"))
    #expect(s.runner.app.toast?.text == "\(open.id) 已复核销号（\(day)）")
  }

  /// On the ledger, x acts on the selected row's problem.
  @Test func xOnTheLedgerTakesTheSelectedRow() throws {
    var s = try setup(polling: false)
    defer { try? FileManager.default.removeItem(atPath: s.dir) }
    s.runner.app.stack = [.init(page: .problems)]
    let term = MemoryTerminal()
    term.press([.char("x")])
    _ = s.runner.run(on: term)
    let first = LedgerModel.problems(
      PageContext(app: s.runner.app, data: s.runner.data, s: Strings(.zh), options: RenderOptions()))[0]
    #expect(s.runner.app.form?.purpose == .fix(problem: first.id))
    #expect(text(term.lastFrame).contains(first.id))
  }

  /// b sends a closed problem back to its unit with the reason, as `problem reopen` does: the
  /// undone fix and verification move into the reopening, the stage reads 已退回, the rate
  /// follows; on an open problem it is refused in the form and nothing is written.
  @Test func bReopensAClosedProblemThroughTheLedgerWriter() throws {
    var s = try setup(polling: false)
    defer { try? FileManager.default.removeItem(atPath: s.dir) }
    let day = s.runner.data.asOf
    let c = s.runner.data.campaign
    let open = try #require(c.problems.first { $0.isOpen(on: day) && $0.reopened.isEmpty })
    s.runner.app.stack = [.init(page: .problems), .init(page: .problem(open.id))]
    let before = FileManager.default.contents(atPath: s.dir + "/problems.json")
    let refused = MemoryTerminal()
    refused.press([.char("b"), .enter])
    _ = s.runner.run(on: refused)
    #expect(s.runner.app.form?.error?.contains("nothing to reopen") == true)
    #expect(FileManager.default.contents(atPath: s.dir + "/problems.json") == before)

    let closed = try #require(
      c.problems.first { $0.isClosedOnTime(by: day) && $0.reopened.isEmpty })
    let unitRate = s.runner.data.standing.unit(closed.unit).rectification
    s.runner.app.form = nil
    s.runner.app.stack = [.init(page: .problems), .init(page: .problem(closed.id))]
    let term = MemoryTerminal()
    term.press([.char("b")] + Self.typing("复查发现反弹") + [.enter])
    _ = s.runner.run(on: term)
    #expect(s.runner.app.form == nil)
    let p = try #require(s.runner.data.campaign.problems.first { $0.id == closed.id })
    #expect(p.fixed == nil && p.verified == nil)
    #expect(p.reopened.count == 1)
    #expect(p.reopened.first?.date == day && p.reopened.first?.note == "复查发现反弹")
    #expect(p.reopened.first?.fixed == closed.fixed && p.reopened.first?.verified == closed.verified)
    #expect(p.stage(on: day) == .reopened)
    #expect(s.runner.data.standing.unit(closed.unit).rectification.fixedOnTime < unitRate.fixedOnTime)
    #expect(s.runner.app.toast?.text == "\(closed.id) 已退回重新整改（\(day)）")
    #expect(text(term.lastFrame).contains("环节  已退回"))
  }
}
