import Foundation

/// The release build of `chuangwen` that the install and package tests ship: made once per test
/// run, with `tools/install.sh --build-only` (release, `--static-swift-stdlib`), and shared.
///
/// It is built from a copy of the package in `.build-release/source` that has no `fixtures/`,
/// no `themes/` and no `.git`: the binary's source-tree fallback (see `DataLocation`) then
/// points at a tree without data, so an installed binary that runs proves it found its data in
/// `PREFIX/share/chuangwen`. It is also how a tarball builds: the git stamp is given through
/// `CHUANGWEN_BUILD_DESCRIBE` (``stamp``). The copy only rewrites files whose bytes changed and
/// `.build-release/scratch` is kept between runs, so a later run rebuilds only what changed;
/// from clean it takes minutes (docs/install.md has the figures). The build runs under `nice`
/// so the tmux tests running beside it keep their timing.
actor ReleaseBuild {
  static let shared = ReleaseBuild()

  /// The git description the test build is stamped with, as a packager would give it.
  static let stamp = "install-test"

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static let repo = URL(fileURLWithPath: #filePath)  // Tests/EndToEndTests/Support/ReleaseBuild.swift
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let workspace = repo.appendingPathComponent(".build-release")
  static let source = workspace.appendingPathComponent("source")

  private var build: Task<URL, Error>?

  /// The built binary; the first caller starts the build, later ones wait for the same one.
  func binary() async throws -> URL {
    if let build { return try await build.value }
    let task = Task { try await Self.make() }
    build = task
    return try await task.value
  }

  private static func make() async throws -> URL {
    try mirror(from: repo, to: source)
    let log = workspace.appendingPathComponent("build.log")
    let start = Date()
    let result = try await ProgramRun.run(
      "/usr/bin/nice",
      [
        "-n", "10", source.appendingPathComponent("tools/install.sh").path, "--build-only", "--scratch-path",
        workspace.appendingPathComponent("scratch").path,
      ],
      environment: ["CHUANGWEN_BUILD_DESCRIBE": stamp], log: log)
    guard result.status == 0 else {
      let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      throw Failure(description: "release build failed (\(result.status)):\n\(text.suffix(4000))")
    }
    let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    print("ReleaseBuild: \(path) in \(Int(Date().timeIntervalSince(start))) s (log \(log.path))")
    return URL(fileURLWithPath: path)
  }

  /// What is left out of the copy: data (so it cannot be found), git, and build products.
  static let excluded: Set<String> = [".git", "fixtures", "themes", "snapshots", ".swiftpm"]

  /// Makes `target` hold exactly the package files of `origin`, writing only changed files so
  /// unchanged ones keep their identity and the incremental build stays incremental.
  static func mirror(from origin: URL, to target: URL) throws {
    let fm = FileManager.default
    try fm.createDirectory(at: target, withIntermediateDirectories: true)
    let wanted = try fm.contentsOfDirectory(atPath: origin.path).filter {
      !excluded.contains($0) && !$0.hasPrefix(".build")
    }
    try sync(origin, target, names: wanted)
  }

  private static func sync(_ from: URL, _ to: URL, names: [String]) throws {
    let fm = FileManager.default
    for stale in (try? fm.contentsOfDirectory(atPath: to.path)) ?? [] where !names.contains(stale) {
      try fm.removeItem(at: to.appendingPathComponent(stale))
    }
    for name in names {
      let a = from.appendingPathComponent(name)
      let b = to.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      guard fm.fileExists(atPath: a.path, isDirectory: &isDirectory) else { continue }
      if isDirectory.boolValue {
        var targetIsDirectory: ObjCBool = false
        if fm.fileExists(atPath: b.path, isDirectory: &targetIsDirectory), !targetIsDirectory.boolValue {
          try fm.removeItem(at: b)
        }
        try fm.createDirectory(at: b, withIntermediateDirectories: true)
        try sync(a, b, names: try fm.contentsOfDirectory(atPath: a.path))
      } else {
        let bytes = try Data(contentsOf: a)
        if (try? Data(contentsOf: b)) == bytes { continue }
        if fm.fileExists(atPath: b.path) { try fm.removeItem(at: b) }
        try fm.copyItem(at: a, to: b)
      }
    }
  }
}
