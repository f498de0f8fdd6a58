import ArgumentParser
import CampaignKit
import Foundation

/// `chuangwen problem add|fix|verify|reopen`: the ledger's closed loop (交办 → 整改 → 复核 →
/// 销号) from the command line, written to problems.json atomically under the lock `record`
/// and `import` use.
struct ProblemCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "problem",
    abstract: "Add a problem to the ledger, or mark one fixed, verified (closed) or reopened.",
    discussion: """
      A problem counts as closed (销号) only once verified; rectification rates and the red and \
      black lists count closed problems.
      Exit codes: 0 written · 64 usage (unknown id) · 65 the \
      step does not fit the problem (not fixed yet, date before it was found …) · 66 no campaign
      """,
    subcommands: [Add.self, Fix.self, Verify.self, Reopen.self]
  )

  struct Common: ParsableArguments {
    @Option(
      help: "The campaign directory (default: $CHUANGWEN_DATA; the bundled campaign is never written to).")
    var data: String?
    @Option(help: "The date, YYYY-MM-DD (default: today inside the campaign, else its as-of date).")
    var date: String?
  }

  /// Loads, applies one step under the lock, and turns refusals into exit codes.
  static func run(
    _ common: Common, command: String, _ step: (Campaign, Day) throws -> ProblemLedgerWriter.Step
  )
    throws -> String
  {
    let dir = try IntakeSupport.writableDirectory(common.data, command: "problem")
    let c = try IntakeSupport.load(dir, command: "problem \(command)")
    let day: Day
    if let t = common.date {
      guard let d = Day(t) else { throw ValidationError("--date must be a date as YYYY-MM-DD, not \"\(t)\"") }
      day = d
    } else {
      day = try IntakeSupport.day(nil, campaign: c, command: "problem")
    }
    do {
      let s = try step(c, day)
      return try CampaignWriteLock.withLock(directory: dir) {
        try ProblemLedgerWriter(directory: dir).apply(s, campaign: c)
      }
    } catch let r as ProblemLedgerWriter.Refusal {
      complain("chuangwen problem \(command): \(r)")
      throw r.isUsage ? ExitCodes.usage : ExitCodes.dataError
    } catch let e as WriteFailure {
      complain("chuangwen problem \(command): \(e)")
      throw ExitCodes.dataError
    }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Add a problem (found on --date, handed to the unit the same day unless --assigned says).")
    @OptionGroup var common: Common
    @Option(help: "The responsible unit's id.") var unit: String
    @Option(help: "Where it is.") var place: String
    @Option(help: "What kind of problem (占道经营, 井盖破损 …).") var kind: String
    @Option(help: "What is wrong.") var description: String = ""
    @Option(help: "minor, major or critical.") var severity: String = "minor"
    @Option(help: "inspection, citizen, mock or media.") var source: String = "inspection"
    @Option(help: "The deadline, YYYY-MM-DD.") var deadline: String
    @Option(help: "The grid cell it lies in (a community's 网格).") var grid: String?
    @Option(help: "The day it was handed to the unit (交办), YYYY-MM-DD (default: the day found).")
    var assigned: String?

    func run() throws {
      guard let sev = Problem.Severity(rawValue: severity) else {
        throw ValidationError("--severity must be minor, major or critical, not \"\(severity)\"")
      }
      guard let src = Problem.Source(rawValue: source) else {
        throw ValidationError("--source must be inspection, citizen, mock or media, not \"\(source)\"")
      }
      guard let due = Day(deadline) else {
        throw ValidationError("--deadline must be a date as YYYY-MM-DD, not \"\(deadline)\"")
      }
      var handed: Day?
      if let assigned {
        guard let a = Day(assigned) else {
          throw ValidationError("--assigned must be a date as YYYY-MM-DD, not \"\(assigned)\"")
        }
        handed = a
      }
      for (name, v) in [("--place", place), ("--kind", kind)]
      where v.trimmingCharacters(in: .whitespaces).isEmpty {
        throw ValidationError("\(name) cannot be empty")
      }
      let id = try ProblemCommand.run(common, command: "add") { _, day in
        .add(
          Problem(
            id: "", found: day, place: place, kind: kind, description: description, severity: sev,
            source: src,
            unit: unit, deadline: due, grid: grid, assigned: handed ?? day))
      }
      say("added \(id) (\(unit), due \(deadline)) to problems.json")
    }
  }

  struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "fix", abstract: "Mark a problem fixed (整改) by its unit.")
    @OptionGroup var common: Common
    @Argument(help: "The problem's id.") var id: String
    @Option(help: "What the unit did.") var note: String = ""
    func run() throws {
      _ = try ProblemCommand.run(common, command: "fix") { _, day in .fix(id: id, on: day, note: note) }
      say("\(id) fixed; it awaits verification (待复核)")
    }
  }

  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "verify",
      abstract: "Verify a fix (复核), which closes the problem (销号).")
    @OptionGroup var common: Common
    @Argument(help: "The problem's id.") var id: String
    @Option(help: "Who checked it, by title (创建办督查组组长 …).") var by: String
    func run() throws {
      _ = try ProblemCommand.run(common, command: "verify") { _, day in .verify(id: id, on: day, by: by) }
      say("\(id) verified and closed (已销号)")
    }
  }

  struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reopen",
      abstract: "Reopen a fixed or closed problem whose fix was found wanting (退回).")
    @OptionGroup var common: Common
    @Argument(help: "The problem's id.") var id: String
    @Option(help: "Why it is reopened.") var note: String = ""
    func run() throws {
      _ = try ProblemCommand.run(common, command: "reopen") { _, day in .reopen(id: id, on: day, note: note) }
      say("\(id) reopened; the unit has it again (已退回)")
    }
  }
}
