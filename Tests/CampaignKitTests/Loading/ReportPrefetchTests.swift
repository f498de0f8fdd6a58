import Foundation
import Testing

@testable import CampaignKit

/// Reading reports ahead (``ReportPrefetch``) changes when a report is read, never what is
/// read: each result is what reading the file then gives, and a load that takes any number of
/// its first reports from a prefetch is the load without one, with or without a report cache.
@Suite struct ReportPrefetchTests {
  let dir: String
  init() throws { dir = try Fixtures.copy("hongjiang") }

  var names: [String] { ReportsFolder.list(directory: dir).names }

  @Test func stampsAreWhatAStatGives() throws {
    let names = self.names
    try #require(names.count > 100)
    let prefetch = ReportPrefetch(directory: dir, mode: .stamps)
    prefetch.readAll(names: names)
    let r = prefetch.finish()
    #expect(r.count == names.count)
    #expect(r.files.isEmpty)
    #expect(r.stamps == names.map { FileStamp.of(dir + "/" + $0) })
  }

  @Test func filesAreWhatAReadGives() throws {
    let names = Array(self.names.prefix(40))
    // One that does not parse, one that is gone by the time it is read.
    try Data("{\"unit\": ".utf8).write(to: URL(fileURLWithPath: dir + "/" + names[3]))
    try FileManager.default.removeItem(atPath: dir + "/" + names[7])
    let prefetch = ReportPrefetch(directory: dir, mode: .files)
    prefetch.readAll(names: names)
    let r = prefetch.finish()
    #expect(r.count == names.count && r.files.count == names.count)
    for (name, got) in zip(names, r.files) {
      let want = CampaignLoader.decodeStamped(
        at: dir + "/" + name, relative: name, kind: .report, buffer: ReadBuffer())
      #expect(got.stamp == want.stamp, "\(name)")
      #expect(got.file?.findings == want.file?.findings, "\(name)")
      #expect((got.file == nil) == (want.file == nil), "\(name)")
      if case .report(let a)? = got.file?.content {
        guard case .report(let b)? = want.file?.content else {
          Issue.record("\(name): a report read ahead, not when read")
          continue
        }
        #expect(a == b, "\(name)")
      }
    }
    #expect(r.files[7].stamp == nil && r.files[7].file == nil)
    #expect(r.files[3].file?.hasErrors == true)
  }

  @Test func theLimitAndTheHandOverAreKept() {
    let names = self.names
    let limited = ReportPrefetch(directory: dir, mode: .files, limit: 5)
    limited.readAll(names: names)
    #expect(limited.finish().count == 5)
    // Handed over once: whatever the thread reads after that is dropped.
    let running = ReportPrefetch(directory: dir, mode: .stamps)
    running.start(names: names)
    let first = running.finish()
    #expect(first.files.isEmpty && first.count <= names.count)
    Thread.sleep(forTimeInterval: 0.05)
    #expect(running.finish().count == 0)
    #expect(first.stamps == names.prefix(first.count).map { FileStamp.of(dir + "/" + $0) })
  }

  /// A load that reads its first `k` reports ahead is the load that reads none, for any `k`,
  /// including reports that fail (kept out, with their findings) and with a cache or without.
  @Test func aLoadIsTheSameWhateverWasReadAhead() throws {
    let names = self.names
    // A failing report early on (an unknown task) and one that does not parse.
    let first = dir + "/" + names[1]
    let text = try String(contentsOfFile: first, encoding: .utf8)
    let broken = try #require(text.range(of: "\"task\": \""))
    try text.replacingCharacters(in: broken, with: "\"task\": \"no-such-").write(
      toFile: first, atomically: true, encoding: .utf8)
    try Data("[".utf8).write(to: URL(fileURLWithPath: dir + "/" + names[4]))
    let none = CampaignSource(directory: dir, cache: nil, readAhead: .none)
    #expect(none.result.errors.count >= 2)
    let cacheFolder = NSTemporaryDirectory() + "chuangwen-prefetch-test-\(UUID().uuidString)"
    let cache = ReportCache(folder: cacheFolder, clock: { ReportCache.wallClock() + 60_000_000_000 })
    for k in [0, 1, 2, 5, names.count / 2, names.count, names.count + 10] {
      for withCache in [false, true] {
        let s = CampaignSource(directory: dir, cache: withCache ? cache : nil, readAhead: .first(k))
        #expect(s.result.findings == none.result.findings, "k \(k), cache \(withCache)")
        #expect(s.result.campaign?.reportFiles == none.result.campaign?.reportFiles, "k \(k)")
        #expect(s.result.campaign?.series == none.result.campaign?.series, "k \(k)")
        if !withCache { #expect(s.lastReadCount == none.lastReadCount, "k \(k)") }
      }
    }
  }

  /// The leanest load (one required file after another, nothing read ahead) is the quickest
  /// load's campaign, findings and files read.
  @Test func theLeanestLoadIsTheQuickestLoad() throws {
    let names = self.names
    try Data("[".utf8).write(to: URL(fileURLWithPath: dir + "/" + names[2]))
    let quick = CampaignSource(directory: dir, cache: nil, readAhead: .none)
    let lean = CampaignSource(directory: dir, style: .leanest)
    #expect(lean.result.findings == quick.result.findings)
    #expect(lean.result.campaign?.reportFiles == quick.result.campaign?.reportFiles)
    #expect(lean.result.campaign?.series == quick.result.campaign?.series)
    #expect(lean.lastReadCount == quick.lastReadCount)
  }
}
