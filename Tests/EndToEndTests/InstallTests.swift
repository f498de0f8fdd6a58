import Foundation
import Testing

/// `tools/install.sh` and `tools/package-deb.sh` run for real on the release build, and the
/// installed binary run as a user would: by name through `PATH`, from a folder with no checkout
/// around, with the source tree's data out of its reach (``ReleaseBuild`` says how).
///
/// Cost: both tests share one release build per test run (``ReleaseBuild``): minutes from
/// clean, seconds when nothing changed; the install and the package themselves take seconds.
@Suite(
  .enabled(if: HostTools.canInstall, "needs Linux, swift on PATH and install(1)"),
  .disabled(if: HostTools.skipRequested, "CHUANGWEN_SKIP_INSTALL_TESTS is set (CI never sets it)"))
struct InstallTests {
  static let repo = ReleaseBuild.repo
  static let themes = ["default", "light", "projector", "mono", "zhenghong"]

  /// A fresh temporary folder, removed by the caller.
  static func temporaryFolder(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "chuangwen-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `chuangwen` by name, found through `PATH` in `bin`, from an empty folder outside the
  /// checkout, with a home of its own (no user themes).
  static func chuangwen(_ arguments: [String], bin: URL, environment: [String: String] = [:]) async throws
    -> ProgramRun.Result
  {
    let elsewhere = try temporaryFolder("elsewhere")
    defer { try? FileManager.default.removeItem(at: elsewhere) }
    var env = [
      "PATH": bin.path + ":/usr/bin:/bin", "HOME": elsewhere.path, "XDG_CONFIG_HOME": elsewhere.path,
    ]
    env.merge(environment) { _, given in given }
    return try await ProgramRun.run(
      "/usr/bin/env", ["chuangwen"] + arguments, environment: env, in: elsewhere)
  }

  /// The version number as written in Sources/chuangwen/Version.swift.
  static func versionNumber() throws -> String {
    let text = try String(
      contentsOf: repo.appendingPathComponent("Sources/chuangwen/Version.swift"), encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { $0.contains("static let number = ") })
    return String(try #require(line.split(separator: "\"").dropFirst().first))
  }

  /// The overview printed by the freshly built debug binary from the source tree's campaign:
  /// what an installed binary must print too, byte for byte.
  static func referenceSnapshot() async throws -> String {
    let debug = try #require(ChuangwenBinary.url, "build the executable first: swift build")
    let r = try await ProgramRun.run(
      debug.path,
      ["snapshot", "--width", "100", "--data", repo.appendingPathComponent("fixtures/hongjiang").path])
    #expect(r.status == 0, "\(r.stderr)")
    return r.stdout
  }

  static func files(under root: URL) -> [String] {
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    var found: [String] = []
    while let url = walker?.nextObject() as? URL {
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        found.append(String(url.path.dropFirst(root.path.count + 1)))
      }
    }
    return found.sorted()
  }

  static func text(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

  @Test func installIntoAPrefixRunFromElsewhereAndUninstall() async throws {
    let binary = try await ReleaseBuild.shared.binary()
    let work = try Self.temporaryFolder("install")
    defer { try? FileManager.default.removeItem(at: work) }
    let stage = work.appendingPathComponent("stage")
    let script = Self.repo.appendingPathComponent("tools/install.sh").path
    let installed = try await ProgramRun.run(
      script, ["--prefix", "/opt/chuangwen", "--destdir", stage.path, "--binary", binary.path])
    try #require(installed.status == 0, "install.sh failed:\n\(installed.stdout)\(installed.stderr)")

    // The layout: everything under DESTDIR/PREFIX, in the standard places.
    let prefix = stage.appendingPathComponent("opt/chuangwen")
    let share = prefix.appendingPathComponent("share")
    let fm = FileManager.default
    #expect(fm.isExecutableFile(atPath: prefix.appendingPathComponent("bin/chuangwen").path))
    #expect(
      Self.files(under: share.appendingPathComponent("chuangwen/hongjiang"))
        == Self.files(under: Self.repo.appendingPathComponent("fixtures/hongjiang")))
    #expect(
      Self.files(under: share.appendingPathComponent("chuangwen/themes"))
        == Self.themes.map { $0 + ".json" }.sorted())
    let man = Self.text(share.appendingPathComponent("man/man1/chuangwen.1"))
    #expect(man.contains(".TH CHUANGWEN 1"))
    #expect(man.contains("chuangwen \\- 创文"), "the NAME line keeps its Chinese")
    for sub in ["dashboard", "validate", "snapshot", "generate", "record", "themes"] {
      #expect(man.contains(".SH \"chuangwen \(sub)\""), "the man page has a section for \(sub)")
    }
    let bash = Self.text(share.appendingPathComponent("bash-completion/completions/chuangwen"))
    let zsh = Self.text(share.appendingPathComponent("zsh/site-functions/_chuangwen"))
    let fish = Self.text(share.appendingPathComponent("fish/vendor_completions.d/chuangwen.fish"))
    #expect(bash.contains("-F _chuangwen chuangwen"), "bash registers the completion function")
    #expect(zsh.hasPrefix("#compdef chuangwen"))
    #expect(fish.contains("complete -c 'chuangwen'") && fish.contains("-l 'version'"))
    for script in [bash, zsh, fish] { #expect(script.contains("snapshot") && script.contains("as-of")) }
    #expect(fm.fileExists(atPath: share.appendingPathComponent("doc/chuangwen/data-format.md").path))
    #expect(!fm.fileExists(atPath: stage.appendingPathComponent("usr").path), "nothing outside the prefix")

    // Run by name from an empty folder: the bundled campaign and themes come from the prefix.
    let bin = prefix.appendingPathComponent("bin")
    let validate = try await Self.chuangwen(["validate"], bin: bin)
    #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    #expect(validate.stdout.contains("(\(share.path)/chuangwen/hongjiang)"), "\(validate.stdout)")
    let snapshot = try await Self.chuangwen(["snapshot", "--width", "100"], bin: bin)
    #expect(snapshot.status == 0, "\(snapshot.stderr)")
    #expect(
      snapshot.stdout == (try await Self.referenceSnapshot()),
      "the installed binary prints what the source tree's does")
    let themes = try await Self.chuangwen(["themes"], bin: bin)
    #expect(themes.status == 0, "\(themes.stderr)")
    #expect(themes.stdout.split(separator: "\n").map(String.init) == Self.themes)
    let version = try await Self.chuangwen(["--version"], bin: bin)
    #expect(version.stdout == "chuangwen \(try Self.versionNumber()) (git \(ReleaseBuild.stamp))\n")

    // The lookup order: CHUANGWEN_DATA (and --data) come before the installed campaign.
    let minimal = Self.repo.appendingPathComponent("fixtures/minimal").path
    let fromEnvironment = try await Self.chuangwen(
      ["validate"], bin: bin, environment: ["CHUANGWEN_DATA": minimal])
    #expect(fromEnvironment.stdout.contains("(\(minimal))"), "\(fromEnvironment.stdout)")

    // Without its data, the installed binary names where the data belongs (and does not reach
    // for the source tree it was built from).
    try fm.moveItem(at: share.appendingPathComponent("chuangwen"), to: work.appendingPathComponent("moved"))
    let lost = try await Self.chuangwen(["validate"], bin: bin)
    #expect(lost.status == 66)
    #expect(
      (lost.stdout + lost.stderr).contains("\(share.path)/chuangwen/hongjiang"),
      "\(lost.stdout)\(lost.stderr)")
    try fm.moveItem(at: work.appendingPathComponent("moved"), to: share.appendingPathComponent("chuangwen"))

    // Uninstall leaves no file behind.
    let removed = try await ProgramRun.run(
      script, ["--uninstall", "--prefix", "/opt/chuangwen", "--destdir", stage.path])
    #expect(removed.status == 0, "\(removed.stderr)")
    #expect(Self.files(under: stage) == [])
  }

  @Test(.enabled(if: HostTools.canPackage, "needs dpkg-deb and dpkg-shlibdeps (dpkg-dev)"))
  func theDebianPackageRunsFromAThrowawayRoot() async throws {
    let binary = try await ReleaseBuild.shared.binary()
    let work = try Self.temporaryFolder("deb")
    defer { try? FileManager.default.removeItem(at: work) }
    // gzip instead of the default xz: the same package, built in seconds instead of a minute.
    let made = try await ProgramRun.run(
      Self.repo.appendingPathComponent("tools/package-deb.sh").path,
      ["--binary", binary.path, "--out", work.path, "--compression", "gzip"],
      environment: ["SOURCE_DATE_EPOCH": "1472774400"])
    try #require(made.status == 0, "package-deb.sh failed:\n\(made.stderr)")
    let deb = URL(fileURLWithPath: made.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    let number = try Self.versionNumber()
    let arch = try await ProgramRun.run("/usr/bin/dpkg", ["--print-architecture"]).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(deb.lastPathComponent == "chuangwen_\(number)_\(arch).deb")

    let fields = try await ProgramRun.run(
      "/usr/bin/dpkg-deb", ["--field", deb.path, "Package", "Version", "Depends"])
    #expect(fields.stdout.contains("Package: chuangwen\n"))
    #expect(fields.stdout.contains("Version: \(number)\n"))
    #expect(fields.stdout.contains("libncursesw6"), "depends on the ncursesw runtime: \(fields.stdout)")

    let root = work.appendingPathComponent("root")
    let extracted = try await ProgramRun.run("/usr/bin/dpkg-deb", ["-x", deb.path, root.path])
    try #require(extracted.status == 0, "\(extracted.stderr)")
    let exe = root.appendingPathComponent("usr/bin/chuangwen")
    #expect(
      FileManager.default.fileExists(
        atPath: root.appendingPathComponent("usr/share/man/man1/chuangwen.1.gz").path))

    // No Swift runtime needed: no libswift*.so among the binary's libraries.
    let libraries = try await ProgramRun.run("/usr/bin/ldd", [exe.path])
    #expect(libraries.status == 0)
    #expect(!libraries.stdout.contains("libswift"), "\(libraries.stdout)")
    #expect(!libraries.stdout.contains("libFoundation"), "\(libraries.stdout)")

    let bin = root.appendingPathComponent("usr/bin")
    let version = try await Self.chuangwen(["--version"], bin: bin)
    #expect(version.status == 0)
    #expect(version.stdout == "chuangwen \(number) (git \(ReleaseBuild.stamp))\n")
    let snapshot = try await Self.chuangwen(["snapshot", "--width", "100"], bin: bin)
    #expect(snapshot.status == 0, "\(snapshot.stderr)")
    #expect(snapshot.stdout == (try await Self.referenceSnapshot()))
    let validate = try await Self.chuangwen(["validate"], bin: bin)
    #expect(validate.stdout.contains("(\(root.path)/usr/share/chuangwen/hongjiang)"), "\(validate.stdout)")

    let sizes = try [exe, deb].map {
      try FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int ?? 0
    }
    print("InstallTests: binary \(sizes[0] / 1024) KiB, \(deb.lastPathComponent) \(sizes[1] / 1024) KiB")
  }
}

/// What the host offers for installing and packaging.
enum HostTools {
  /// Linux with `swift` and `install(1)`: what tools/install.sh needs.
  static var canInstall: Bool {
    #if os(Linux)
      return executable("swift") != nil && executable("install") != nil
    #else
      return false
    #endif
  }

  /// `CHUANGWEN_SKIP_INSTALL_TESTS=1 swift test` skips the release build for a quick local run;
  /// the skip is reported, and `.ci/run` never sets it.
  static var skipRequested: Bool {
    !(ProcessInfo.processInfo.environment["CHUANGWEN_SKIP_INSTALL_TESTS"] ?? "").isEmpty
  }

  /// What tools/package-deb.sh needs beyond that.
  static var canPackage: Bool {
    canInstall && executable("dpkg-deb") != nil && executable("dpkg-shlibdeps") != nil
  }

  /// The first `name` on `PATH`.
  static func executable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(name)" }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }
}
