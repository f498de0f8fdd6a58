import Foundation

/// Finds the campaign directory and the bundled themes.
///
/// The campaign, first found wins:
/// 1. `--data DIR`;
/// 2. `$CHUANGWEN_DATA`;
/// 3. `PREFIX/share/chuangwen/hongjiang`, where `PREFIX/bin/chuangwen` is this executable (after
///    symlinks), as `tools/install.sh` and the .deb lay it out;
/// 4. `fixtures/hongjiang` of the source tree the binary was built from (found through the
///    path of this source file), so `swift run` works in a checkout.
///
/// The bundled themes: `PREFIX/share/chuangwen/themes`, then the source tree's `themes/`.
/// When neither place has the data, the installed path is named in the error, since that is
/// where an installed binary's data belongs. docs/install.md describes the layout.
enum DataLocation {
  static func resolve(_ explicit: String?) -> String {
    if let e = explicit, !e.isEmpty { return e }
    if let env = ProcessInfo.processInfo.environment["CHUANGWEN_DATA"], !env.isEmpty { return env }
    return bundled
  }

  /// The bundled campaign (steps 3 and 4 above).
  static var bundled: String { bundledPath("hongjiang", marker: "campaign.json") }

  /// The bundled themes directory.
  static var bundledThemes: String { bundledPath("themes", marker: "default.json") }

  /// `share/chuangwen/NAME` beside the installed binary if it holds `marker`, else the source
  /// tree's copy if that does, else the installed path.
  static func bundledPath(_ name: String, marker: String) -> String {
    let installed = installedShare.appendingPathComponent(name).path
    if FileManager.default.fileExists(atPath: installed + "/" + marker) { return installed }
    let source = sourceTree.appendingPathComponent(name == "themes" ? "themes" : "fixtures/" + name).path
    if FileManager.default.fileExists(atPath: source + "/" + marker) { return source }
    return installed
  }

  /// `PREFIX/share/chuangwen` for the executable at `PREFIX/bin/chuangwen`.
  static var installedShare: URL {
    executable.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("share/chuangwen")
  }

  /// This executable's real path. Not `argv[0]`: run through `PATH` it is a bare name, which
  /// would be looked up in the current directory.
  static var executable: URL {
    #if os(Linux)
      let proc = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      if proc.path != "/proc/self/exe" { return proc }
    #endif
    if let url = Bundle.main.executableURL { return url.resolvingSymlinksInPath() }
    return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  }

  /// The repository root this binary was built from (`Sources/chuangwen/DataLocation.swift`).
  static var sourceTree: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }
}
