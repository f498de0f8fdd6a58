import Foundation

/// Finds the campaign directory: `--data`, else `$CHUANGWEN_DATA`, else the bundled Hongjiang
/// campaign (installed beside the binary, or in the source tree it was built from).
enum DataLocation {
  static func resolve(_ explicit: String?) -> String {
    if let e = explicit, !e.isEmpty { return e }
    if let env = ProcessInfo.processInfo.environment["CHUANGWEN_DATA"], !env.isEmpty { return env }
    return bundled
  }

  /// The bundled campaign. A binary installed as `PREFIX/bin/chuangwen` looks in
  /// `PREFIX/share/chuangwen/hongjiang`; a binary built from the repository finds the
  /// repository's `fixtures/hongjiang` through the path of this source file.
  static var bundled: String {
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let installed = exe.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("share/chuangwen/hongjiang").path
    if FileManager.default.fileExists(atPath: installed + "/campaign.json") { return installed }
    let source = URL(fileURLWithPath: #filePath)  // Sources/chuangwen/DataLocation.swift
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return source.appendingPathComponent("fixtures/hongjiang").path
  }
}

extension DataLocation {
  /// The bundled themes: `PREFIX/share/chuangwen/themes` for an installed binary, else the
  /// repository's `themes/` found through the path of this source file (as ``bundled``).
  static var bundledThemes: String {
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let installed = exe.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("share/chuangwen/themes").path
    if FileManager.default.fileExists(atPath: installed + "/default.json") { return installed }
    let source = URL(fileURLWithPath: #filePath)  // Sources/chuangwen/DataLocation.swift
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return source.appendingPathComponent("themes").path
  }
}
