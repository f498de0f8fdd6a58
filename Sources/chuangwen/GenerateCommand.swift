import ArgumentParser
import CampaignKit

/// `chuangwen generate --out DIR`: a deterministic synthetic campaign for tests and benchmarks.
struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a synthetic campaign (deterministic for a given seed and sizes) into a new directory."
  )

  @Option(help: "The directory to create; it must not exist or must be empty.")
  var out: String

  @Option(help: "Multiply the bundled campaign's sizes (units, indicators, problems, tasks).")
  var scale: Int?

  @Option(help: "Random seed.") var seed: UInt64 = 1
  @Option(help: "Sub-commands (1–8).") var subCommands: Int?
  @Option(help: "Units per sub-command.") var units: Int?
  @Option(help: "Indicators in all.") var indicators: Int?
  @Option(help: "Weeks of reports from the first meeting.") var weeks: Int?
  @Option(help: "Problems in the ledger.") var problems: Int?
  @Option(help: "Tasks.") var tasks: Int?

  func validate() throws {
    if let s = subCommands, !(1...8).contains(s) { throw ValidationError("--sub-commands must be 1–8") }
    for (name, v) in [
      ("--scale", scale), ("--units", units), ("--indicators", indicators), ("--weeks", weeks),
    ] {
      if let v, v < 1 { throw ValidationError("\(name) must be at least 1") }
    }
    if let w = weeks, w > 52 { throw ValidationError("--weeks must be at most 52 (the campaign year)") }
  }

  func run() throws {
    var o = CampaignGenerator.Options.scaled(scale ?? 1, seed: seed)
    if let v = subCommands { o.subCommands = v }
    if let v = units { o.unitsPerSubCommand = v }
    if let v = indicators { o.indicators = v }
    if let v = weeks { o.weeks = v }
    if let v = problems { o.problems = max(0, v) }
    if let v = tasks { o.tasks = max(0, v) }
    do {
      try CampaignGenerator.write(o, to: out)
    } catch {
      printError("chuangwen generate: \(error)")
      throw ExitCodes.cannotCreate
    }
    printOut("wrote a synthetic campaign to \(out)")
  }
}
