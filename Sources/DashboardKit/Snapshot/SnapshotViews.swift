import CampaignKit

/// The views a snapshot can print, by name: one small table, so that a new view (the meeting
/// issue's `indicators`, `problems`, `rankings`, `audit`) is one more entry.
public enum SnapshotViews {
  public struct Entry: Sendable {
    /// `overview`, or `subcommand` in `subcommand:N`.
    public var name: String
    /// What follows the colon, for help and errors (`N`, `ID`); nil for a view without one.
    public var argument: String?
    /// The page for the argument, or a message saying why there is none.
    public var resolve: @Sendable (_ argument: String?, _ campaign: Campaign) -> Result<Page, ViewError>
  }

  public struct ViewError: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  public static let entries: [Entry] = [
    Entry(name: "overview", argument: nil) { _, _ in .success(.overview) },
    Entry(name: "subcommand", argument: "N") { k, c in
      guard let k, let n = Int(k), let sc = c.subCommand(key: n) else {
        let keys = c.subCommands.compactMap(\.key).map(String.init).joined(separator: ", ")
        return .failure(ViewError(description: "no sub-command with key \(k ?? ""); keys are \(keys)"))
      }
      return .success(.subCommand(sc.id))
    },
    Entry(name: "unit", argument: "ID") { id, c in
      guard let id, c.node(id)?.kind.isUnit == true else {
        return .failure(ViewError(description: "no unit \"\(id ?? "")\" (ids are in organization.json)"))
      }
      return .success(.unit(id))
    },
    Entry(name: "indicator", argument: "ID") { id, c in
      guard let id, c.indicator(id) != nil else {
        return .failure(ViewError(description: "no indicator \"\(id ?? "")\" (ids are in indicators.json)"))
      }
      return .success(.indicator(id))
    },
    Entry(name: "brief", argument: nil) { _, _ in .success(.brief) },
    Entry(name: "indicators", argument: nil) { _, _ in .success(.indicators) },
    Entry(name: "problems", argument: nil) { _, _ in .success(.problems) },
    Entry(name: "rankings", argument: nil) { _, _ in .success(.rankings) },
    Entry(name: "audit", argument: nil) { _, _ in .success(.audit) },
    Entry(name: "missing", argument: nil) { _, _ in .success(.missing) },
    Entry(name: "problem", argument: "ID") { id, c in
      guard let id, c.problems.contains(where: { $0.id == id }) else {
        return .failure(ViewError(description: "no problem \"\(id ?? "")\" (ids are in problems.json)"))
      }
      return .success(.problem(id))
    },
    Entry(name: "rank", argument: "UNIT") { id, c in
      guard let id, c.node(id)?.kind.isUnit == true else {
        return .failure(ViewError(description: "no unit \"\(id ?? "")\" (ids are in organization.json)"))
      }
      return .success(.rankHistory(id))
    },
    Entry(name: "grid", argument: "ID") { id, c in
      guard let id, c.node(id)?.kind == .grid else {
        return .failure(ViewError(description: "no grid cell \"\(id ?? "")\" (ids are in organization.json)"))
      }
      return .success(.grid(id))
    },
  ]

  /// "overview, subcommand:N, unit:ID, indicator:ID, brief, indicators, problems, rankings,
  /// audit, missing, problem:ID, rank:UNIT, grid:ID"
  public static var names: String {
    entries.map { e in e.argument.map { "\(e.name):\($0)" } ?? e.name }.joined(separator: ", ")
  }

  /// The page named by `text` (`subcommand:3`, `unit:u-cg`, `brief`).
  public static func parse(_ text: String, campaign: Campaign) -> Result<Page, ViewError> {
    let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let name = parts.first ?? ""
    let arg = parts.count > 1 ? parts[1] : nil
    guard let e = entries.first(where: { $0.name == name }) else {
      return .failure(ViewError(description: "unknown view \"\(text)\"; choose \(names)"))
    }
    if e.argument == nil && arg != nil {
      return .failure(ViewError(description: "the view \(name) takes no argument; write --view \(name)"))
    }
    if let a = e.argument, arg == nil || arg!.isEmpty {
      return .failure(ViewError(description: "the view \(name) needs an argument: --view \(name):\(a)"))
    }
    return e.resolve(arg, campaign)
  }

  /// The name of a page as `parse` reads it (used in JSON and file names).
  public static func name(of page: Page, campaign: Campaign) -> String {
    switch page {
    case .overview: "overview"
    case .subCommand(let id): "subcommand:\(campaign.node(id)?.key.map(String.init) ?? id)"
    case .unit(let id): "unit:\(id)"
    case .indicator(let id): "indicator:\(id)"
    case .task(let id): "task:\(id)"
    case .help: "help"
    case .brief: "brief"
    case .indicators: "indicators"
    case .problems: "problems"
    case .problem(let id): "problem:\(id)"
    case .rankings: "rankings"
    case .rankHistory(let id): "rank:\(id)"
    case .grid(let id): "grid:\(id)"
    case .audit: "audit"
    case .missing: "missing"
    }
  }
}
