import Foundation
import Testing

/// The JSON Schemas in `docs/schema/` agree with the loader on the committed fixtures: runs
/// `python3 tools/schema/check_schemas.py` (see docs/schema/README.md). Needs `python3` with
/// the `jsonschema` package; without them the test is skipped (with the reason), not passed.
@Suite struct SchemaTests {
  /// The repository root, found from this source file (Tests/CampaignKitTests/SchemaTests.swift).
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  struct Run {
    var status: Int32
    var output: String
  }

  /// Runs `python3 args...` from the repository root through `/usr/bin/env`; nil when it cannot start.
  static func python(_ args: [String]) -> Run? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3"] + args
    p.currentDirectoryURL = URL(fileURLWithPath: root)
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    do { try p.run() } catch { return nil }
    // Read before waiting so a full pipe cannot block the child.
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Run(status: p.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }

  /// Whether `python3 -c "import jsonschema"` succeeds on this machine.
  static let haveJSONSchema: Bool = python(["-c", "import jsonschema"])?.status == 0

  @Test(
    .enabled(
      if: SchemaTests.haveJSONSchema,
      "needs python3 with the jsonschema package (python3 -m pip install jsonschema); schemas not checked"))
  func schemasAgreeWithTheFixtures() throws {
    let run = try #require(Self.python(["tools/schema/check_schemas.py"]), "could not start python3")
    #expect(run.status == 0, "check_schemas.py exited with \(run.status):\n\(run.output)")
    let last = run.output.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last.hasPrefix("schema check passed:"), "unexpected summary:\n\(run.output)")
  }
}
