import Foundation
import Testing

/// The weekly routine end to end, with the real binary on a temporary copy of the bundled
/// campaign: templates out, a sheet filled by openpyxl (a real spreadsheet library, not
/// chuangwen) comes back, `import` takes it, and the same figures show in `snapshot` and on
/// the running dashboard within a second. Also 催报 and the ledger's closed loop.
@Suite(.serialized, .enabled(if: ChuangwenBinary.url != nil, "build the executable first: swift build"))
struct IntakeTests {
  static let repo = CommandLineTests.repo.path
  static func run(_ args: [String]) throws -> CommandLineTests.Run { try CommandLineTests.run(args) }

  static var python: Bool {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", "pass"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return false }
    p.waitUntilExit()
    return p.terminationStatus == 0
  }

  /// Fills cells with openpyxl through tools/testing/fill_sheet.py.
  static func fill(_ args: [String]) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", repo + "/tools/testing/fill_sheet.py"] + args
    let err = Pipe()
    p.standardError = err
    try p.run()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else {
      throw Failure(
        description: "fill_sheet.py failed (python3 -m pip install openpyxl; .ci/run does): "
          + String(decoding: e, as: UTF8.self))
    }
  }

  struct Failure: Error, CustomStringConvertible { var description: String }

  static func copyOfBundled() throws -> String {
    let dir = NSTemporaryDirectory() + "chuangwen-intake-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: repo + "/fixtures/hongjiang", toPath: dir)
    return dir
  }

  /// Every file under `dir` with its bytes: to show a command wrote nothing.
  static func contents(_ dir: String) -> [String: Data] {
    var out: [String: Data] = [:]
    let e = FileManager.default.enumerator(atPath: dir)
    while let name = e?.nextObject() as? String {
      out[name] = FileManager.default.contents(atPath: dir + "/" + name)
    }
    return out
  }

  @Test(.enabled(if: python, "needs python3 for openpyxl"))
  func aSheetFilledByOpenpyxlGoesInAndShowsInTheSnapshot() throws {
    let dir = try Self.copyOfBundled()
    let out = NSTemporaryDirectory() + "chuangwen-sheets-\(UUID().uuidString)"
    defer {
      try? FileManager.default.removeItem(atPath: dir)
      try? FileManager.default.removeItem(atPath: out)
    }
    let t = try Self.run([
      "template", "--data", dir, "--unit", "u-cgj", "--week", "2016-09-02", "-o", out + "/城管局.xlsx",
    ])
    #expect(t.status == 0, "\(t.stderr)")
    // Row 8 is c6-1-2 (“牛皮癣”小广告清理率), already reported as 88.9 that day; the unit corrects it.
    try Self.fill([out + "/城管局.xlsx", out + "/城管局-filled.xlsx", "E8=95", "F8=集中清理"])
    try? FileManager.default.removeItem(atPath: dir + "/reports/.record.lock")
    let before = Self.contents(dir)
    let dry = try Self.run(["import", "--data", dir, "--dry-run", out + "/城管局-filled.xlsx"])
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stdout.contains("c6-1-2 “牛皮癣”小广告清理率: 88.9 → 95"), "\(dry.stdout)")
    #expect(dry.stdout.contains("nothing written"))
    #expect(Self.contents(dir) == before, "--dry-run wrote something")

    let imp = try Self.run(["import", "--data", dir, out + "/城管局-filled.xlsx"])
    #expect(imp.status == 0, "\(imp.stderr)")
    #expect(imp.stdout.contains("→ reports/u-cgj-2016-09-02.json"), "\(imp.stdout)")
    let snap = try Self.run(["snapshot", "--data", dir, "--view", "overview", "--as-of", "2016-09-02"])
    #expect(snap.stdout.contains("总分 97.7/134"), "\(snap.stdout.prefix(400))")
    // The same figure `record` gives for the same value: import and record write alike.
    let again = try Self.run(["import", "--data", dir, out + "/城管局-filled.xlsx"])
    let after = Self.contents(dir)
    #expect(again.stdout.contains("no change") && again.status == 0)
    #expect(Self.contents(dir) == after, "re-importing the same sheet changed files")
  }

  @Test(.enabled(if: python, "needs python3 for openpyxl"))
  func badFilesAreListedWithTheirCellsAndTheGoodOnesGoIn() throws {
    let dir = try Self.copyOfBundled()
    let out = NSTemporaryDirectory() + "chuangwen-sheets-\(UUID().uuidString)"
    defer {
      try? FileManager.default.removeItem(atPath: dir)
      try? FileManager.default.removeItem(atPath: out)
    }
    let t = try Self.run([
      "template", "--data", dir, "--missing", "--week", "2016-09-02", "--format", "csv", "-o", out + "/in",
    ])
    #expect(t.status == 0, "\(t.stderr)")
    #expect(t.stdout.hasPrefix("wrote 20 sheets"), "\(t.stdout)")
    try FileManager.default.createDirectory(atPath: out + "/back", withIntermediateDirectories: true)
    // 人社局 hands back a GB18030 CSV (as WPS saves one); 运管所 writes a number in words.
    try Self.fill(["--csv", "gb18030", out + "/in/人社局.csv", out + "/back/人社局.csv", "E7=88"])
    try Self.fill(["--csv", "utf-8-sig", out + "/in/运管所.csv", out + "/back/运管所.csv", "E7=九十"])
    let r = try Self.run(["import", "--data", dir, out + "/back"])
    #expect(r.status == 65)
    #expect(r.stderr.contains("运管所.csv: E7: expected a number, found \"九十\""), "\(r.stderr)")
    #expect(r.stdout.contains("人社局.csv: 市人力资源和社会保障局 (u-rsj) 2016-09-02: 1 value"), "\(r.stdout)")
    #expect(r.stdout.contains("refused 1"))
    let gone = try Self.run(["import", "--data", dir, out + "/back/没有这个文件.xlsx"])
    #expect(
      gone.status == 66 && gone.stderr.contains("没有这个文件.xlsx: no such file or folder"), "\(gone.stderr)")
    let m = try Self.run(["missing", "--data", dir, "--week", "2016-09-02", "--format", "json"])
    #expect(m.status == 0)
    #expect(!m.stdout.contains("\"u-rsj\""), "u-rsj reported through its sheet")
    #expect(m.stdout.contains("\"u-yys\""), "u-yys's sheet was refused, so it is still missing")
  }

  static let soffice: String? = [
    "/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice",
  ]
  .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// LibreOffice rewrites the openpyxl-filled workbook in its own way (its shared strings and
  /// styles, and the formula computed, so a cached value to read), as a unit using it would.
  @Test(
    .enabled(
      if: python && soffice != nil, "needs python3 and LibreOffice (apt-get install libreoffice-calc-nogui)"))
  func aSheetSavedByLibreOfficeImportsWithItsFormulasComputed() throws {
    let dir = try Self.copyOfBundled()
    let out = NSTemporaryDirectory() + "chuangwen-lo-\(UUID().uuidString)"
    defer {
      try? FileManager.default.removeItem(atPath: dir)
      try? FileManager.default.removeItem(atPath: out)
    }
    let t = try Self.run([
      "template", "--data", dir, "--unit", "u-cgj", "--week", "2016-09-02", "-o", out + "/t.xlsx",
    ])
    #expect(t.status == 0, "\(t.stderr)")
    // c6-1-2 as a formula (=SUM(90,5)), which only LibreOffice computes; c6-1-5 as 90%.
    try Self.fill([out + "/t.xlsx", out + "/城管局.xlsx", "E8==SUM(90,5)", "E9=0.9@0%"])
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Self.soffice!)
    p.arguments = [
      "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out + "/lo", out + "/城管局.xlsx",
    ]
    p.environment = ["HOME": out, "PATH": "/usr/bin:/bin"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    let r = try Self.run(["import", "--data", dir, "--dry-run", out + "/lo/城管局.xlsx"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("c6-1-2 “牛皮癣”小广告清理率: 88.9 → 95"), "\(r.stdout)")
    #expect(r.stdout.contains("c6-1-5 农贸市场周边环境卫生达标率: 85 → 90"), "\(r.stdout)")
    #expect(try Self.run(["import", "--data", dir, out + "/lo/城管局.xlsx"]).status == 0)
    let snap = try Self.run(["snapshot", "--data", dir, "--view", "overview", "--as-of", "2016-09-02"])
    // The figure `record` gives for the same two values (95 and 90 on 2016-09-02).
    #expect(snap.stdout.contains("总分 97.8/134"), "\(snap.stdout.prefix(300))")
  }

  @Test func theLedgersLoopFromTheCommandLine() throws {
    let dir = try Self.copyOfBundled()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let add = try Self.run([
      "problem", "add", "--data", dir, "--date", "2016-09-01", "--unit", "cm-furong", "--grid", "g-furong-2",
      "--place", "芙蓉社区菜市场", "--kind", "卫生死角", "--deadline", "2016-09-04",
    ])
    #expect(add.status == 0, "\(add.stderr)")
    #expect(add.stdout.hasPrefix("added p-0215 "), "\(add.stdout)")
    #expect(
      try Self.run(["problem", "verify", "--data", dir, "--date", "2016-09-02", "p-0215", "--by", "督查组"])
        .status == 65)
    #expect(
      try Self.run(["problem", "fix", "--data", dir, "--date", "2016-09-02", "p-0215", "--note", "已清理"])
        .status == 0)
    #expect(
      try Self.run(["problem", "verify", "--data", dir, "--date", "2016-09-02", "p-0215", "--by", "督查组"])
        .status == 0)
    #expect(try Self.run(["problem", "reopen", "--data", dir, "--date", "2016-09-02", "p-0215"]).status == 0)
    let unknown = try Self.run(["problem", "fix", "--data", dir, "p-9215"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("unknown problem \"p-9215\""))
    let v = try Self.run(["validate", dir])
    #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
    #expect(v.stdout.contains("215 problems"))
    // The bundled campaign is never written to.
    #expect(try Self.run(["problem", "fix", "p-0001"]).status == 64)
  }

  @Test(.enabled(if: python && LiveTests.ready, "needs python3, tmux and the binary"))
  func anImportShowsOnTheRunningDashboardWithinASecond() throws {
    let dir = try Self.copyOfBundled()
    let out = NSTemporaryDirectory() + "chuangwen-sheets-\(UUID().uuidString)"
    defer {
      try? FileManager.default.removeItem(atPath: dir)
      try? FileManager.default.removeItem(atPath: out)
    }
    #expect(
      try Self.run([
        "template", "--data", dir, "--unit", "u-cgj", "--week", "2016-09-02", "-o", out + "/t.xlsx",
      ]).status == 0)
    try Self.fill([out + "/t.xlsx", out + "/back.xlsx", "E8=95"])
    let pane = try LiveTests.dashboard(dir)
    #expect(
      pane.seen(within: 5) { $0.contains("97.5/134") }, "the dashboard did not start:\n\(pane.screenNow)")
    #expect(try Self.run(["import", "--data", dir, out + "/back.xlsx"]).status == 0)
    #expect(
      pane.seen(within: 1) { $0.contains("97.7/134") },
      "the import did not show within a second:\n\(pane.screenNow)")
  }
}
