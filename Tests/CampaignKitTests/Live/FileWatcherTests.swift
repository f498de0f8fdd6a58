import Foundation
import Testing

@testable import CampaignKit

/// The watcher on temporary directories: what it reports for creating, writing, renaming over,
/// deleting, a folder that appears later, and the same through polling.
@Suite struct FileWatcherTests {
  let dir: String

  init() throws {
    dir = NSTemporaryDirectory() + "chuangwen-watch-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir + "/reports", withIntermediateDirectories: true)
  }

  func write(_ relative: String, _ text: String = "{}") throws {
    try text.write(toFile: dir + "/" + relative, atomically: false, encoding: .utf8)
  }

  /// Waits (up to a second) for the watcher's descriptor, then reads what changed.
  func changes(_ w: FileWatcher) -> [String] {
    guard let fd = w.fileDescriptor else { return w.readChanges() }
    var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    guard poll(&p, 1, 1000) > 0 else { return [] }
    return w.readChanges()
  }

  @Test func inotifyReportsCreateWriteRenameAndDelete() throws {
    let w = FileWatcher(directory: dir)
    #expect(w.mode == .inotify)
    try write("reports/a.json")
    #expect(changes(w) == ["reports/a.json"])
    try write("campaign.json")
    #expect(changes(w) == ["campaign.json"])
    // An atomic replace: a temporary file renamed over the target. The burst comes as one.
    try write("reports/.a.json.tmp", "{\"x\": 1}")
    #expect(rename(dir + "/reports/.a.json.tmp", dir + "/reports/a.json") == 0)
    #expect(changes(w) == ["reports/.a.json.tmp", "reports/a.json"])
    try FileManager.default.removeItem(atPath: dir + "/reports/a.json")
    #expect(changes(w) == ["reports/a.json"])
    // Renamed away: the old name is reported.
    try write("reports/b.json")
    _ = changes(w)
    #expect(rename(dir + "/reports/b.json", dir + "/c.json") == 0)
    #expect(changes(w) == ["c.json", "reports/b.json"])
  }

  @Test func aBurstOfWritesIsOneAnswer() throws {
    let w = FileWatcher(directory: dir)
    for i in 0..<20 { try write("reports/r\(i).json") }
    let got = changes(w)
    #expect(got.count == 20)
  }

  @Test func aReportsFolderCreatedLaterIsWatched() throws {
    try FileManager.default.removeItem(atPath: dir + "/reports")
    let w = FileWatcher(directory: dir)
    try FileManager.default.createDirectory(atPath: dir + "/reports", withIntermediateDirectories: false)
    #expect(changes(w) == FileWatcher.everything)
    try write("reports/a.json")
    #expect(changes(w) == ["reports/a.json"])
  }

  @Test func nothingToReadWhenNothingChanged() throws {
    let w = FileWatcher(directory: dir)
    let fd = try #require(w.fileDescriptor)
    var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    #expect(poll(&p, 1, 50) == 0)
  }

  /// Polling has no stamps of its own: it asks the caller to rescan, and the source's stamps
  /// (one comparison) tell what changed.
  @Test func pollingLeavesTheStampsToTheSource() throws {
    try write("reports/a.json")
    let w = FileWatcher(directory: dir, polling: true)
    #expect(w.mode == .polling)
    #expect(w.fileDescriptor == nil)
    #expect(w.readChanges() == FileWatcher.everything)
  }
}
