import Foundation
import Testing

/// Every subcommand, run on data and arguments made to attack the terminal, writes nothing that
/// a terminal would act on: no ESC, no C1 control (CSI 0x9B…), no BEL, no bidi override, and
/// only valid UTF-8 (issue 11). Plus the command-line messages and exits of the hostile run.
@Suite(.enabled(if: ChuangwenBinary.url != nil, "build the executable first: swift build"))
struct HostileCommandLineTests {
  static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// OSC 52 (clipboard), OSC 0 (title), clear screen, C1 CSI, BEL, a right-to-left override.
  static let payload = "\u{1B}]52;c;cHduZWQ=\u{07}\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}txt"

  struct Run {
    var status: Int32
    var stdout: Data
    var stderr: Data
    var text: String { String(decoding: stdout + stderr, as: UTF8.self) }
  }

  /// Runs the binary with stdin from /dev/null, both streams into files (no pipe can fill up).
  static func run(_ args: [String], environment: [String: String] = [:]) throws -> Run {
    let tmp = NSTemporaryDirectory() + "chuangwen-hostile-run-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: tmp) }
    _ = FileManager.default.createFile(atPath: tmp + "/out", contents: nil)
    _ = FileManager.default.createFile(atPath: tmp + "/err", contents: nil)
    let p = Process()
    p.executableURL = ChuangwenBinary.url!
    p.arguments = args
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "CHUANGWEN_DATA")
    env.removeValue(forKey: "CHUANGWEN_THEME")
    for (k, v) in environment { env[k] = v }
    p.environment = env
    p.standardInput = FileHandle.nullDevice
    p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: tmp + "/out"))
    p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: tmp + "/err"))
    try p.run()
    p.waitUntilExit()
    return Run(
      status: p.terminationStatus,
      stdout: try Data(contentsOf: URL(fileURLWithPath: tmp + "/out")),
      stderr: try Data(contentsOf: URL(fileURLWithPath: tmp + "/err")))
  }

  /// What a terminal would act on in `bytes`, described; empty when the bytes are inert.
  static func live(_ bytes: Data) -> [String] {
    guard let text = String(validating: bytes, as: UTF8.self) else { return ["not valid UTF-8"] }
    var found: Set<String> = []
    for s in text.unicodeScalars {
      let v = s.value
      if v == 0x1B { found.insert("ESC") }
      if v == 0x07 { found.insert("BEL") }
      if (0x80...0x9F).contains(v) { found.insert("C1 U+\(String(v, radix: 16, uppercase: true))") }
      if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F {
        found.insert("bidi U+\(String(v, radix: 16, uppercase: true))")
      }
    }
    return found.sorted()
  }

  /// A copy of fixtures/minimal whose names, title and measure unit carry the payload; valid.
  static func hostileCampaign() throws -> String {
    let dir = NSTemporaryDirectory() + "chuangwen-hostile-cli-\(UUID().uuidString)"
    try FileManager.default.copyItem(
      atPath: repo.appendingPathComponent("fixtures/minimal").path, toPath: dir)
    let json = Self.payload.unicodeScalars.map { s in
      s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value > 0x2000
        ? String(format: "\\u%04X", s.value) : String(s)
    }.joined()
    for (file, old) in [
      ("campaign.json", "小城创文（最小样例）"), ("organization.json", "城管局"), ("organization.json", "市容分指挥部"),
      ("indicators.json", "主干道路灯亮灯率"), ("indicators.json", "\"unit\": \"%\""), ("problems.json", "迎宾路"),
    ] {
      let path = dir + "/" + file
      let text = try String(contentsOfFile: path, encoding: .utf8)
      let new =
        old.hasPrefix("\"unit\"") ? "\"unit\": \"%\(json)\"" : old + json
      try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }
    return dir
  }

  @Test func noSubcommandLetsAnEscapeThrough() throws {
    let valid = try Self.hostileCampaign()
    let broken = try Self.hostileCampaign()
    let config = NSTemporaryDirectory() + "chuangwen-hostile-cfg-\(UUID().uuidString)"
    defer {
      for d in [valid, broken, config] { try? FileManager.default.removeItem(atPath: d) }
    }
    // A broken report whose very file name is hostile, and a warning that quotes a hostile key.
    try "{".write(toFile: broken + "/reports/u\(Self.payload).json", atomically: true, encoding: .utf8)
    let org = broken + "/organization.json"
    try String(contentsOfFile: org, encoding: .utf8)
      .replacingOccurrences(of: "{ \"id\": \"office\",", with: "{ \"x\\u001B[2J\": 1, \"id\": \"office\",")
      .write(toFile: org, atomically: true, encoding: .utf8)
    // A user theme directory with a broken theme whose name is hostile.
    let themes = config + "/chuangwen/themes"
    try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
    try "{".write(toFile: themes + "/t\(Self.payload).json", atomically: true, encoding: .utf8)

    let p = Self.payload
    var runs: [[String]] = [
      ["validate", valid], ["validate", broken], ["validate", "/nonexistent/\(p)"],
      ["snapshot", "--data", broken], ["snapshot", "--data", valid, "--view", "unit:\(p)"],
      ["snapshot", "--data", valid, "--view", p], ["snapshot", "--data", valid, "--theme", "/tmp/\(p).json"],
      [
        "record", "--data", valid, "--unit", "u-cg", "--indicator", "c1-1-1", "--value", "90", "--date",
        "2016-07-01",
      ],
      ["record", "--data", valid, "--unit", p, "--indicator", "c1-1-1", "--value", "90"],
      ["record", "--data", valid, "--unit", "u-cg", "--indicator", p, "--value", "90"],
      ["record", "--data", valid, "--unit", "u-cg", "--indicator", "c1-1-1", "--value", p],
      ["record", "--data", valid, "--unit", "u-cg", "--indicator", "c1-1-1", "--value", "1", "--date", p],
      ["themes"], ["themes", "/tmp/\(p).json"], ["themes", p],
      ["generate", "--out", valid + "/x\(p)/sub"], ["--data", valid + p], ["--no-such-\(p)"],
      ["validate", "--\(p)"],
    ]
    for view in ["overview", "unit:u-cg", "indicator:c1-1-1", "subcommand:1", "problems", "brief", "audit"] {
      for format in ["text", "markdown", "html", "json"] {
        runs.append(["snapshot", "--data", valid, "--view", view, "--format", format])
      }
    }
    var checked = 0
    for args in runs {
      let r = try Self.run(args, environment: ["XDG_CONFIG_HOME": config])
      let shown = args.map { $0.replacingOccurrences(of: p, with: "<payload>") }.joined(separator: " ")
      #expect(Self.live(r.stdout) == [], "stdout of chuangwen \(shown)")
      #expect(Self.live(r.stderr) == [], "stderr of chuangwen \(shown)")
      checked += r.stdout.count + r.stderr.count
    }
    // The payload really went through: the sanitiser's mark shows where it was.
    let v = try Self.run(["validate", valid])
    #expect(v.status == 0, "\(v.text)")
    #expect(v.text.contains("\u{FFFD}]52;c;"))
    let rec = try Self.run(
      [
        "record", "--data", valid, "--unit", "u-cg", "--indicator", "c1-1-1", "--value", "91", "--date",
        "2016-07-02",
      ])
    #expect(rec.status == 0, "\(rec.text)")
    #expect(rec.text.contains("91 %\u{FFFD}]52;c;"))
    #expect(checked > 50_000)
  }

  @Test(arguments: ["-1", "-0", "-inf", "-0.5", "-1e3"])
  func aNegativeValueIsRefusedAsNegative(_ value: String) throws {
    let dir = try Self.hostileCampaign()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try Self.run([
      "record", "--data", dir, "--unit", "u-cg", "--indicator", "c1-1-1", "--value", value, "--date",
      "2016-07-01",
    ])
    #expect(r.status == 65, "\(r.text)")
    #expect(r.text.contains("the value cannot be negative (\(value))"), "\(r.text)")
    #expect(!r.text.contains("Missing value"))
  }

  @Test func aValueBeyondTheLimitIsNotWritten() throws {
    let dir = try Self.hostileCampaign()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let before = try FileManager.default.contentsOfDirectory(atPath: dir + "/reports").sorted()
    let r = try Self.run([
      "record", "--data", dir, "--unit", "u-zj", "--indicator", "c1-1-2", "--value", "1e19", "--date",
      "2016-07-01",
    ])
    #expect(r.status == 65, "\(r.text)")
    #expect(r.text.contains("beyond the limit"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/reports").sorted() == before)
  }

  @Test func aSubCommandGivenAsTheUnitNamesItsUnits() throws {
    let r = try Self.run([
      "record", "--data", Self.repo.appendingPathComponent("fixtures/minimal").path, "--unit", "sc1",
      "--indicator", "c1-1-1", "--value", "90",
    ])
    #expect(r.status == 64)
    #expect(r.text.contains("\"sc1\" (市容分指挥部) is a sub-command, not a unit"), "\(r.text)")
    #expect(r.text.contains("its units are u-cg, u-zj"))
  }

  /// `chuangwen snapshot | head -c 100`: the reader leaves early; chuangwen ends quietly.
  @Test func aClosedPipeEndsQuietly() throws {
    let dir = NSTemporaryDirectory() + "chuangwen-pipe-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(try Self.run(["generate", "--out", dir, "--scale", "3"]).status == 0)
    let args = ["snapshot", "--data", dir, "--view", "indicators", "--format", "html"]
    #expect(try Self.run(args).stdout.count > 128 * 1024)  // more than a pipe holds
    let bin = ChuangwenBinary.url!.path
    let script =
      "'\(bin)' \(args.joined(separator: " ")) | head -c 100 > /dev/null; echo \"status=${PIPESTATUS[0]}\""
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/bash")
    p.arguments = ["-c", script]
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(o.contains("status=0"), "\(o)")
    #expect(e.isEmpty, "\(e)")
  }

  /// One root error (`"tasks": "x"`) comes first; the report errors that follow from it are
  /// counted, not listed.
  @Test func rootCausesComeFirst() throws {
    let dir = NSTemporaryDirectory() + "chuangwen-root-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.copyItem(
      atPath: Self.repo.appendingPathComponent("fixtures/hongjiang").path, toPath: dir)
    let path = dir + "/tasks.json"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let start = try #require(text.range(of: "\"tasks\": ["))
    try (String(text[..<start.lowerBound]) + "\"tasks\": \"x\"\n}\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    let r = try Self.run(["snapshot", "--data", dir])
    #expect(r.status == 65)
    let lines = String(decoding: r.stderr, as: UTF8.self).split(separator: "\n")
    #expect(lines.first?.hasPrefix("error: tasks.json:") == true, "\(lines.prefix(3))")
    #expect(lines.count <= 3, "\(lines.count) lines")
    #expect(lines.last?.contains("report entries that refer to tasks") == true, "\(lines.last ?? "")")
  }
}
