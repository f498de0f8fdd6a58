import ArgumentParser
import CampaignKit
import DashboardKit

/// `chuangwen snapshot`: any view, rendered by the screen code, as text for a printer.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot",
    abstract: "Print a view of the dashboard as text (all rows, not one screenful)."
  )

  @Option(help: "The campaign directory (default: $CHUANGWEN_DATA, else the bundled campaign).")
  var data: String?

  @Option(help: "overview, subcommand:N (1–8), unit:ID, indicator:ID")
  var view: String = "overview"

  @Option(help: "Line width in display columns (at least 80).")
  var width: Int = 100

  @Option(help: "The as-of date, YYYY-MM-DD (default: the campaign's).")
  var asOf: String?

  @Option(help: "zh or en.") var lang: String?
  @Flag(help: "ASCII glyphs for bars and lines.") var ascii = false

  func run() throws {
    let loaded = try CampaignSession.open(data: data, asOf: asOf)
    let page = try ViewName.parse(view, campaign: loaded.campaign)
    let options = RenderOptions(language: try Languages.pick(lang, campaign: loaded.campaign), ascii: ascii)
    let canvas = SnapshotRender.canvas(page: page, data: loaded.data, width: max(80, width), options: options)
    print(canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map { trimRight($0) }.joined(separator: "\n"))
  }

  func trimRight(_ s: Substring) -> String {
    var t = s
    while t.last == " " { t.removeLast() }
    return String(t)
  }
}

/// `overview`, `subcommand:N`, `unit:ID`, `indicator:ID` → a page, with clear errors.
enum ViewName {
  static func parse(_ text: String, campaign: Campaign) throws -> Page {
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    switch (parts.first ?? "", parts.count > 1 ? parts[1] : nil) {
    case ("overview", nil): return .overview
    case ("subcommand", let k?):
      guard let n = Int(k), let sc = campaign.subCommand(key: n) else {
        throw ValidationError("no sub-command with key \(k); keys are \(campaign.subCommands.compactMap(\.key).map(String.init).joined(separator: ", "))")
      }
      return .subCommand(sc.id)
    case ("unit", let id?):
      guard campaign.node(id)?.kind.isUnit == true else { throw ValidationError("no unit \"\(id)\"") }
      return .unit(id)
    case ("indicator", let id?):
      guard campaign.indicator(id) != nil else { throw ValidationError("no indicator \"\(id)\"") }
      return .indicator(id)
    default:
      throw ValidationError("unknown view \"\(text)\"; choose overview, subcommand:N, unit:ID or indicator:ID")
    }
  }
}

enum Languages {
  static func pick(_ flag: String?, campaign: Campaign) throws -> Language {
    let code = flag ?? campaign.info.locale
    guard let l = Language(rawValue: code) else { throw ValidationError("--lang must be zh or en, not \"\(code)\"") }
    return l
  }
}
