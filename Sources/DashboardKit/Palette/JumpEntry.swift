import CampaignKit

/// One thing the jump palette (`:`, Ctrl-K) can open: a page with the path that leads to it, or
/// a command. Built once per data load by ``JumpIndex``.
public struct JumpEntry: Sendable, Equatable {
  /// What the entry is; also the order among equally good matches (sub-commands first, commands
  /// last), the order the issue lists them in.
  public enum Kind: Int, Sendable, Comparable, CaseIterable {
    case subCommand, unit, grid, indicator, task, problem, tab, command
    public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
  }

  public var kind: Kind
  /// The name as shown (a unit's full name, `theme projector`).
  public var name: String
  /// Where it sits, shown dim after the name (`[3] 市容环境 › 城管局`).
  public var path: String
  /// The record's id (matched too), empty for tabs and commands.
  public var id: String
  public var target: JumpTarget

  public init(kind: Kind, name: String, path: String, id: String, target: JumpTarget) {
    self.kind = kind
    self.name = name
    self.path = path
    self.id = id
    self.target = target
  }
}

/// What Enter on a palette entry does.
public enum JumpTarget: Sendable, Equatable {
  /// Replace the navigation stack by these pages (tab root first), so the breadcrumb shows the
  /// path and Esc walks back up it.
  case pages([Page])
  case command(PaletteCommand)
}

/// The commands the palette offers besides pages.
public enum PaletteCommand: Sendable, Equatable {
  /// `theme NAME`: switch to that theme.
  case theme(String)
  /// `as-of YYYY-MM-DD`: look at the campaign on that date.
  case asOf(Day)
  /// `print`: a snapshot of the page on screen.
  case print
  case reload
  case help
  case rotate
  case quit
}
