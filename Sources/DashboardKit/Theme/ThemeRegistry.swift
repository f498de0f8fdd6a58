import CampaignKit
import Foundation

/// Where themes are found and how a name or a path becomes a ``Theme``.
///
/// Two directories: the bundled `themes/` (beside the binary when installed, or in the source
/// tree) and the user's `$XDG_CONFIG_HOME/chuangwen/themes/` (`~/.config/...` when unset).
/// A user theme with the name of a bundled one replaces it.
public struct ThemeRegistry: Sendable {
  /// One theme file that can be chosen by name.
  public struct Entry: Sendable, Equatable {
    public var name: String
    public var path: String
    public var origin: Theme.Origin
  }

  /// The order bundled themes are listed and cycled in; others follow alphabetically.
  public static let preferredOrder = ["default", "light", "projector", "mono", "zhenghong"]
  /// The theme used when nothing is chosen and the terminal shows colour.
  public static let defaultName = "default"
  /// The theme used when nothing is chosen and there is no colour (`NO_COLOR`, a monochrome
  /// terminal).
  public static let monoName = "mono"

  public var bundledDirectory: String?
  public var userDirectory: String?
  /// `CHUANGWEN_THEME` (nil when unset or empty).
  public var environmentChoice: String?

  public init(bundledDirectory: String?, userDirectory: String?, environmentChoice: String? = nil) {
    self.bundledDirectory = bundledDirectory
    self.userDirectory = userDirectory
    self.environmentChoice = environmentChoice
  }

  /// The registry for this process's environment: the user directory from `XDG_CONFIG_HOME`
  /// (or `HOME`), the choice from `CHUANGWEN_THEME`.
  public init(bundledDirectory: String?, environment: [String: String]) {
    var config: String?
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
      config = xdg
    } else if let home = environment["HOME"], !home.isEmpty {
      config = home + "/.config"
    }
    let choice = environment["CHUANGWEN_THEME"].flatMap { $0.isEmpty ? nil : $0 }
    self.init(
      bundledDirectory: bundledDirectory, userDirectory: config.map { $0 + "/chuangwen/themes" },
      environmentChoice: choice)
  }

  /// Every theme that can be chosen by name, bundled first in ``preferredOrder``, user themes
  /// overriding bundled ones of the same name. Files are not parsed here.
  public func entries() -> [Entry] {
    var byName: [String: Entry] = [:]
    for (dir, origin) in [(bundledDirectory, Theme.Origin.bundled), (userDirectory, .user)] {
      guard let dir, let files = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
      for file in files where file.hasSuffix(".json") && !file.hasPrefix(".") {
        let name = String(file.dropLast(5))
        byName[name] = Entry(name: name, path: dir + "/" + file, origin: origin)
      }
    }
    return byName.values.sorted { a, b in
      let ia = Self.preferredOrder.firstIndex(of: a.name) ?? Int.max
      let ib = Self.preferredOrder.firstIndex(of: b.name) ?? Int.max
      return ia != ib ? ia < ib : a.name < b.name
    }
  }

  /// The names of ``entries()``.
  public func available() -> [String] { entries().map(\.name) }

  /// Reads and checks one entry.
  public func load(_ entry: Entry) throws(ThemeError) -> Theme {
    try Self.load(path: entry.path, origin: entry.origin, expectedName: entry.name)
  }

  /// A theme by name (`projector`) or by path (anything with a `/` or ending in `.json`).
  /// Throws ``ThemeError/Kind/notFound`` with the available names when neither matches.
  public func resolve(_ nameOrPath: String) throws(ThemeError) -> Theme {
    if Self.looksLikePath(nameOrPath) {
      guard FileManager.default.fileExists(atPath: nameOrPath) else {
        throw ThemeError(
          .notFound, file: nameOrPath,
          message:
            "no such theme file; give a theme name (\(available().joined(separator: ", "))) or the path of a .json theme"
        )
      }
      return try Self.load(path: nameOrPath, origin: .file, expectedName: nil)
    }
    guard let entry = entries().first(where: { $0.name == nameOrPath }) else {
      let names = available()
      throw ThemeError(
        .notFound, file: "",
        message: "no theme \"\(nameOrPath)\"; available: "
          + (names.isEmpty
            ? "none found (looked in \(searchPath.joined(separator: ", ")))" : names.joined(separator: ", "))
          + " (or give the path of a .json theme file)")
    }
    return try load(entry)
  }

  /// The theme to start with: `explicit` (`--theme`), else `CHUANGWEN_THEME`, else `mono`
  /// when there is no colour and `default` otherwise. Only an explicit or environment choice
  /// can fail; when the bundled fallback cannot be read, the built-in palette is used.
  public func initial(explicit: String?, colorAvailable: Bool) throws(ThemeError) -> Theme {
    if let choice = explicit.flatMap({ $0.isEmpty ? nil : $0 }) ?? environmentChoice {
      return try resolve(choice)
    }
    let name = colorAvailable ? Self.defaultName : Self.monoName
    return (try? resolve(name)) ?? (colorAvailable ? Theme.builtInDefault : Theme.builtInMono)
  }

  /// The directories searched, bundled first.
  public var searchPath: [String] { [bundledDirectory, userDirectory].compactMap { $0 } }

  static func looksLikePath(_ s: String) -> Bool { s.contains("/") || s.hasSuffix(".json") }

  static func load(path: String, origin: Theme.Origin, expectedName: String?) throws(ThemeError) -> Theme {
    // The same guarded read as campaign files: a FIFO or /dev/zero named as a theme must not hang.
    let data: [UInt8]
    do {
      data = try SafeFileReader.read(path)
    } catch {
      throw ThemeError(.unreadable, file: path, message: "cannot read the file: \(error.description)")
    }
    return try ThemeFile.parse(data, file: path, origin: origin, expectedName: expectedName)
  }
}

/// Walking through the available themes with `t`.
public enum ThemeCycle {
  /// The outcome of one press: the theme to show (nil when none could be loaded) and the
  /// broken themes passed over on the way, with why.
  public struct Step: Sendable {
    public var theme: Theme?
    public var skipped: [ThemeError]
  }

  /// The theme after `current` in `entries` (wrapping), skipping any that fail to load.
  /// A current theme that is not in the list (a file given by path) starts from the first.
  public static func next(
    after current: String, entries: [ThemeRegistry.Entry],
    load: (ThemeRegistry.Entry) throws(ThemeError) -> Theme
  ) -> Step {
    var skipped: [ThemeError] = []
    guard !entries.isEmpty else { return Step(theme: nil, skipped: []) }
    let start = entries.firstIndex { $0.name == current }.map { $0 + 1 } ?? 0
    for offset in 0..<entries.count {
      let entry = entries[(start + offset) % entries.count]
      do {
        return Step(theme: try load(entry), skipped: skipped)
      } catch {
        skipped.append(error)
      }
    }
    return Step(theme: nil, skipped: skipped)
  }
}

extension Theme {
  /// For when no theme file can be found: the palette the dashboard had before themes.
  public static let builtInDefault = Theme(
    name: "default", description: "built-in fallback for a dark terminal",
    foreground: .rgb(208, 208, 208), background: .rgb(28, 28, 28), styles: .defaultDark)

  /// Attributes only, as the bundled `mono`.
  public static let builtInMono = Theme(
    name: "mono", description: "built-in fallback without colour",
    foreground: .rgb(0, 0, 0), background: .rgb(255, 255, 255), styles: .mono)
}
