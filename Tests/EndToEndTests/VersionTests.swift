import Foundation
import Testing

/// `chuangwen --version` of the binary `swift build` made from this checkout: the number from
/// Sources/chuangwen/Version.swift and the checkout's `git describe`, stamped at build time.
/// (The tarball case, without `.git`, is the release build of ``InstallTests``.)
@Suite(.enabled(if: ChuangwenBinary.url != nil, "build the executable first: swift build"))
struct VersionTests {
  static let repo = ReleaseBuild.repo

  @Test func versionIsTheNumberAndTheCheckoutsGitDescription() async throws {
    let r = try await ProgramRun.run(ChuangwenBinary.url!.path, ["--version"])
    #expect(r.status == 0)
    let number = try InstallTests.versionNumber()
    let git = try await ProgramRun.run(
      "/usr/bin/env", ["git", "-C", Self.repo.path, "describe", "--tags", "--always"])
    if git.status == 0, FileManager.default.fileExists(atPath: Self.repo.appendingPathComponent(".git").path)
    {
      // The commit is the one checked out (a "-dirty" suffix depends on local edits).
      let describe = git.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(r.stdout.hasPrefix("chuangwen \(number) (git \(describe)"), "\(r.stdout)")
      #expect(r.stdout.hasSuffix(")\n"))
    } else {
      #expect(r.stdout == "chuangwen \(number)\n")
    }
  }

  @Test func helpOffersTheVersion() async throws {
    let r = try await ProgramRun.run(ChuangwenBinary.url!.path, ["--help"])
    #expect(r.stdout.contains("--version"))
    #expect(r.stdout.contains("Show the version."))
  }
}
