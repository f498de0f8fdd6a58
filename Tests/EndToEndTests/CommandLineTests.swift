import Foundation
import Testing

/// The real `chuangwen` binary, run as a script would: output and exit codes.
@Suite(.enabled(if: ChuangwenBinary.url != nil, "build the executable first: swift build"))
struct CommandLineTests {
  static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs the binary with stdin from /dev/null (not a terminal) and captures both streams.
  static func run(_ args: [String], environment: [String: String] = [:], in directory: String? = nil) throws
    -> Run
  {
    let p = Process()
    if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
    p.executableURL = ChuangwenBinary.url!
    p.arguments = args
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "CHUANGWEN_DATA")
    env.removeValue(forKey: "CHUANGWEN_THEME")
    for (k, v) in environment { env[k] = v }
    p.environment = env
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Run(
      status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self))
  }

  static func fixture(_ name: String) -> String { repo.appendingPathComponent("fixtures/" + name).path }

  @Test func validateTheBundledCampaign() throws {
    let r = try Self.run(["validate"])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("洪江市创建省级文明城市"))
    #expect(r.stdout.contains("8 sub-commands"))
    #expect(r.stdout.contains("133 indicators, 134 points"))
    #expect(r.stdout.contains("valid: 0 errors"))
  }

  @Test func validateExitCodes() throws {
    #expect(try Self.run(["validate", Self.fixture("invalid/wrong-type")]).status == 65)
    #expect(try Self.run(["validate", Self.fixture("invalid/unknown-field")]).status == 0)
    #expect(try Self.run(["validate", Self.fixture("invalid/missing-file")]).status == 66)
    #expect(try Self.run(["validate", "/nonexistent/campaign"]).status == 66)
    #expect(try Self.run(["validate", "--no-such-flag"]).status == 64)
    // `--data` as every other command takes it; the directory only once.
    #expect(try Self.run(["validate", "--data", Self.fixture("invalid/wrong-type")]).status == 65)
    #expect(try Self.run(["validate", "--data", Self.fixture("minimal")]).status == 0)
    #expect(
      try Self.run(["validate", "--data", Self.fixture("minimal"), Self.fixture("minimal")]).status == 64)
    let r = try Self.run(["validate", Self.fixture("invalid/wrong-type")])
    #expect(
      r.stdout.contains(
        #"indicators.json:21:27: categories[0].items[0].indicators[0].measure.target: expected a number, found "95%""#
      ))
  }

  @Test func theBundledCampaignIsFoundFromAnyDirectory() throws {
    let r = try Self.run(["validate", "--quiet"], in: NSTemporaryDirectory())
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("valid: 0 errors"))
  }

  @Test func dataComesFromTheEnvironmentToo() throws {
    let r = try Self.run(["validate"], environment: ["CHUANGWEN_DATA": Self.fixture("minimal")])
    #expect(r.status == 0)
    #expect(r.stdout.contains("小城创文"))
  }

  @Test func generateIsDeterministicAndNeverOverwrites() throws {
    let base = NSTemporaryDirectory() + "chuangwen-gen-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: base) }
    let a = try Self.run([
      "generate", "--out", base + "/a", "--seed", "3", "--units", "2", "--indicators", "40", "--weeks", "4",
    ])
    let b = try Self.run([
      "generate", "--out", base + "/b", "--seed", "3", "--units", "2", "--indicators", "40", "--weeks", "4",
    ])
    #expect(a.status == 0 && b.status == 0)
    let files = try FileManager.default.subpathsOfDirectory(atPath: base + "/a").sorted()
    #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: base + "/b").sorted()))
    for f in files where f.hasSuffix(".json") {
      #expect(
        FileManager.default.contentsEqual(atPath: base + "/a/" + f, andPath: base + "/b/" + f), "\(f) differs"
      )
    }
    #expect(try Self.run(["validate", base + "/a"]).status == 0)
    let again = try Self.run(["generate", "--out", base + "/a"])
    #expect(again.status == 73)
    #expect(again.stderr.contains("not empty"))
  }

  @Test func snapshotsOfOneProblemAndOneUnitsRankHistory() throws {
    let rank = try Self.run(["snapshot", "--view", "rank:u-jtj", "--width", "80"])
    #expect(rank.status == 0)
    #expect(rank.stdout.contains("历次调度会排名"))
    let problem = try Self.run(["snapshot", "--view", "problem:p-0010", "--format", "markdown"])
    #expect(problem.status == 0)
    #expect(problem.stdout.hasPrefix("# 洪江市创建省级文明城市"))
    let bad = try Self.run(["snapshot", "--view", "problem:nope"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("no problem \"nope\""))
  }

  @Test func theDashboardWithoutATerminalExplainsAndFails() throws {
    let r = try Self.run([])
    #expect(r.status == 69)
    #expect(r.stderr.contains("chuangwen snapshot"))
    #expect(r.stdout.isEmpty, "nothing may be written to a non-terminal stdout")
    #expect(!r.stderr.contains("\u{1b}"), "no escape sequences on a non-terminal")
  }

  @Test func anUnusableTermIsExplained() throws {
    // stdin/stdout are not a terminal here either, so this checks the message path once more
    // with TERM=dumb; the tmux tests check a real terminal with a bad TERM.
    let r = try Self.run([], environment: ["TERM": "dumb"])
    #expect(r.status == 69)
    #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
  }
}
