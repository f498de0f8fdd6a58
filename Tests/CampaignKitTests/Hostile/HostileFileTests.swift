import Foundation
import Testing

@testable import CampaignKit

/// What sits at a campaign path cannot hang, flood or silently empty the loader: FIFOs,
/// devices, dangling links and loops, huge files, a `reports` that is not a folder, names that
/// are not UTF-8. Each is a finding naming the path (issue 11).
@Suite struct HostileFileTests {
  let dir: String
  init() throws { dir = try Fixtures.copy("minimal") }

  /// Loads on another thread and gives up after `seconds`: a loader that blocks on a FIFO
  /// or reads /dev/zero forever fails the test instead of hanging the suite.
  func loadWithin(_ seconds: Double, sourceLocation: SourceLocation = #_sourceLocation) throws -> LoadResult {
    final class Box: @unchecked Sendable { var result: LoadResult? }
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    let directory = dir
    Thread.detachNewThread {
      box.result = CampaignLoader.load(directory: directory)
      done.signal()
    }
    let finished = done.wait(timeout: .now() + seconds) == .success
    try #require(finished, "the load did not finish within \(seconds) s", sourceLocation: sourceLocation)
    return try #require(box.result, sourceLocation: sourceLocation)
  }

  func error(_ r: LoadResult, file: String) -> Finding? {
    r.errors.first { $0.file == file }
  }

  @Test func aFIFOIsRefusedWithoutBlocking() throws {
    #expect(mkfifo(dir + "/reports/pipe.json", 0o644) == 0)
    let r = try loadWithin(10)
    let f = try #require(error(r, file: "reports/pipe.json"))
    #expect(f.message.contains("named pipe (FIFO)"))
    #expect(f.message.contains("regular files only"))
  }

  @Test func aLinkToADeviceIsRefused() throws {
    try FileManager.default.createSymbolicLink(
      atPath: dir + "/reports/zero.json", withDestinationPath: "/dev/zero")
    let r = try loadWithin(10)
    #expect(error(r, file: "reports/zero.json")?.message.contains("character device") == true)
  }

  @Test func aFileOverTheSizeLimitIsRefused() throws {
    let path = dir + "/reports/huge.json"
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    #expect(truncate(path, off_t(SafeFileReader.maximumBytes + 1)) == 0)  // sparse: no disk used
    let r = try loadWithin(30)
    #expect(error(r, file: "reports/huge.json")?.message.contains("at most 64 MiB") == true)
  }

  @Test func danglingLinksAndLoopsAreNamed() throws {
    let fm = FileManager.default
    try fm.createSymbolicLink(atPath: dir + "/reports/gone.json", withDestinationPath: "nowhere.json")
    try fm.createSymbolicLink(atPath: dir + "/reports/loop.json", withDestinationPath: "loop.json")
    let r = try loadWithin(10)
    #expect(error(r, file: "reports/gone.json")?.message.contains("which does not exist") == true)
    #expect(error(r, file: "reports/loop.json")?.message.contains("loops") == true)
  }

  @Test func aReportNameThatIsNotUTF8IsNamed() throws {
    // "测试.json" in GBK: bytes no UTF-8 decoder accepts.
    let name: [UInt8] = Array((dir + "/reports/").utf8) + [0xB2, 0xE2, 0xCA, 0xD4] + Array(".json".utf8)
    var cName = name.map { CChar(bitPattern: $0) }
    cName.append(0)
    let created = open(cName, O_CREAT | O_WRONLY, 0o644)
    try #require(created >= 0)
    close(created)
    let r = try loadWithin(10)
    let f = try #require(r.errors.first { $0.file.hasPrefix("reports/\\xB2\\xE2") })
    #expect(f.message.contains("not valid UTF-8"))
  }

  @Test(arguments: ["plain file", "link loop", "dangling link"])
  func aReportsThatIsNotAFolderIsNamed(_ kind: String) throws {
    let fm = FileManager.default
    try fm.removeItem(atPath: dir + "/reports")
    switch kind {
    case "plain file": #expect(fm.createFile(atPath: dir + "/reports", contents: Data("x".utf8)))
    case "link loop": try fm.createSymbolicLink(atPath: dir + "/reports", withDestinationPath: "reports")
    default: try fm.createSymbolicLink(atPath: dir + "/reports", withDestinationPath: "no-such-folder")
    }
    let r = try loadWithin(10)
    let f = try #require(error(r, file: ReportsFolder.file), "\(r.findings)")
    #expect(f.message.hasPrefix("reports "))
    #expect(!r.isValid)
  }

  @Test func noReportsFolderIsStillFine() throws {
    try FileManager.default.removeItem(atPath: dir + "/reports")
    let r = try loadWithin(10)
    #expect(r.errors.isEmpty, "\(r.errors)")
  }

  /// `mv reports reports.moved` under a running dashboard: the header names the folder, the
  /// figures stay, and both clear when the folder is back.
  @Test func aVanishedReportsFolderKeepsTheLastFigures() throws {
    let s = CampaignSource(directory: dir)
    let before = try #require(s.result.campaign)
    let reports = before.reportFiles.map(\.path)
    #expect(!reports.isEmpty)
    try FileManager.default.moveItem(atPath: dir + "/reports", toPath: dir + "/reports.moved")
    #expect(s.rescan())
    let f = try #require(s.result.errors.first { $0.file == ReportsFolder.file })
    #expect(f.message.contains("gone"))
    #expect(s.result.campaign?.reportFiles.map(\.path) == reports)
    #expect(s.result.campaign?.series == before.series)
    #expect(s.heldBack.contains(ReportsFolder.file))
    // Report paths named by the watcher while the folder is away change nothing.
    s.reload(changed: reports)
    #expect(s.result.campaign?.series == before.series)

    try FileManager.default.moveItem(atPath: dir + "/reports.moved", toPath: dir + "/reports")
    #expect(s.rescan())
    #expect(s.result.errors.isEmpty, "\(s.result.errors)")
    #expect(!s.heldBack.contains(ReportsFolder.file))
    #expect(s.result.campaign?.series == before.series)
  }
}
