import ArgumentParser
import CursesTerminal
import DashboardKit
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `chuangwen themes [NAME|FILE]`: the themes that can be chosen, with a colour swatch each, or
/// one theme in detail (every role, its sample and its contrast ratio).
struct ThemesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    abstract: "List the colour themes, or show one theme's roles and contrast.",
    discussion: """
      Themes are found in the bundled themes/ directory and in $XDG_CONFIG_HOME/chuangwen/themes/ \
      (default ~/.config/chuangwen/themes/); a user theme overrides a bundled one of the same name. \
      Choose one with --theme NAME|FILE or CHUANGWEN_THEME; press t in the dashboard to cycle. \
      When standard output is not a terminal, the list is the bare names, one per line.
      Exit codes: 0 ok · 64 no such theme · 65 the theme file is invalid
      """
  )

  @Argument(help: "A theme name or a .json file to show in detail (checks the file).")
  var theme: String?

  func run() throws {
    let registry = ThemeChoice.registry()
    let tty = isatty(STDOUT_FILENO) == 1
    let env = ProcessInfo.processInfo.environment
    // Escapes only for a terminal: with NO_COLOR that is attributes only, in a pipe nothing.
    let depth: ColorDepth? =
      tty
      ? ColorDepth.fromEnvironment(term: env["TERM"], colorterm: env["COLORTERM"], noColor: env["NO_COLOR"])
      : nil
    if let theme {
      let loaded = try ThemeChoice.load(theme, registry: registry)
      printStyled(ThemeListing.detail(loaded, depth: depth))
      return
    }
    let entries = registry.entries()
    if entries.isEmpty {
      printError("chuangwen: no themes found; looked in \(registry.searchPath.joined(separator: ", "))")
      throw ExitCodes.noInput
    }
    let width = entries.map { $0.name.count }.max() ?? 8
    for entry in entries {
      do {
        let t = try registry.load(entry)
        printStyled(tty ? ThemeListing.line(t, nameWidth: width, depth: depth) : t.name)
      } catch {
        printError("chuangwen: skipping theme \(entry.name): \(error)")
      }
    }
  }
}

/// Turning `--theme` / `CHUANGWEN_THEME` into a theme, or into a message and an exit code.
/// For every command that takes `--theme` (dashboard, snapshot).
enum ThemeChoice {
  /// The bundled directory plus the user's, from this process's environment.
  static func registry() -> ThemeRegistry {
    ThemeRegistry(
      bundledDirectory: DataLocation.bundledThemes, environment: ProcessInfo.processInfo.environment)
  }

  /// `--theme` (or `CHUANGWEN_THEME` when the flag is nil); `mono` when neither is given and
  /// `colorAvailable` is false, else `default`. Prints the error and throws 64 (no such theme),
  /// 65 (invalid theme file) or 66 (unreadable file).
  static func initial(_ flag: String?, colorAvailable: Bool, registry: ThemeRegistry = registry()) throws
    -> Theme
  {
    do {
      return try registry.initial(explicit: flag, colorAvailable: colorAvailable)
    } catch {
      throw report(error, source: flag != nil ? "--theme" : "CHUANGWEN_THEME")
    }
  }

  /// One theme by name or path, with the same errors as ``initial(_:colorAvailable:registry:)``.
  static func load(_ nameOrPath: String, registry: ThemeRegistry = registry()) throws -> Theme {
    do {
      return try registry.resolve(nameOrPath)
    } catch {
      throw report(error, source: nil)
    }
  }

  static func report(_ error: ThemeError, source: String?) -> ExitCode {
    let prefix = source.map { "chuangwen: \($0): " } ?? "chuangwen: "
    printError(prefix + error.description)
    switch error.kind {
    case .notFound: return ExitCodes.usage
    case .invalid: return ExitCodes.dataError
    case .unreadable: return ExitCodes.noInput
    }
  }
}

/// The text `themes` prints; apart from the command so that tests can check it.
enum ThemeListing {
  /// `name  swatch  description`
  static func line(_ theme: Theme, nameWidth: Int, depth: ColorDepth?) -> String {
    let name = theme.name.padding(toLength: max(nameWidth, theme.name.count), withPad: " ", startingAt: 0)
    let origin = theme.origin == .bundled ? "" : "  [\(theme.origin.rawValue)]"
    return "\(name)  \(swatch(theme, depth: depth))  \(theme.description)\(origin)"
  }

  /// A short strip painted with the theme: text, a title, the five statuses, a bar and its track.
  static func swatch(_ theme: Theme, depth: ColorDepth?) -> String {
    let parts: [(String, StyleRole)] = [
      (" ", .text), ("Aa", .title), (" ", .text), ("文明", .text), (" ", .text),
      ("✓", .done), ("●", .onTrack), ("◐", .behind), ("▲", .atRisk), ("✗", .overdue), (" ", .text),
      ("███", .onTrack), ("░░", .barTrack), (" ", .text), ("+3", .deltaUp), ("-2", .deltaDown), (" ", .text),
    ]
    return paint(parts, theme: theme, depth: depth)
  }

  /// `parts` in the theme's styles; plain text when `depth` is nil (not a terminal).
  static func paint(_ parts: [(String, StyleRole)], theme: Theme, depth: ColorDepth?) -> String {
    guard let depth else { return parts.map(\.0).joined() }
    let palette = theme.palette
    var out = ""
    for (text, role) in parts {
      let sgr = SGR.sequence(for: palette[role], depth: depth)
      out += sgr.isEmpty ? text : sgr + text + SGR.reset
    }
    return out
  }

  /// Every role: a sample in its style, the contrast ratio and what it needs.
  static func detail(_ theme: Theme, depth: ColorDepth?) -> String {
    var lines = ["\(theme.name)  (\(theme.origin.rawValue)\(theme.file.map { ", \($0)" } ?? ""))"]
    if !theme.description.isEmpty { lines.append(theme.description) }
    lines.append(
      "designed for \(theme.foreground.themeText) on \(theme.background.themeText)"
        + (theme.fillBackground ? ", which it paints" : " (the terminal's own colours)"))
    lines.append("")
    lines.append("role         sample        contrast  needs")
    for role in StyleRole.allCases {
      let ratio = theme.contrast(role)
      let need = Theme.minimumContrast(for: role)
      let sample = paint([(" 文明 Aa ✓ ", role)], theme: theme, depth: depth)
      let figure = String(format: "%5.2f", ratio)
      let verdict = ratio >= need ? "ok" : "TOO LOW"
      lines.append(
        role.name.padding(toLength: 12, withPad: " ", startingAt: 0) + " " + sample + "    "
          + figure + "     " + String(format: "%.1f", need) + "  " + verdict)
    }
    return lines.joined(separator: "\n")
  }
}

extension TermColor {
  /// How a theme file writes this colour.
  var themeText: String {
    switch kind {
    case .terminalDefault: return "default"
    case .indexed(let i): return i < 16 ? TermColor.ansiNames[Int(i)] : String(i)
    case .rgb(let r, let g, let b): return RGBColor(r, g, b).description
    }
  }
}
