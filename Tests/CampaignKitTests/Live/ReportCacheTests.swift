import Foundation
import Testing

@testable import CampaignKit

/// The report cache is never a source of truth: whatever happens to the files between two runs
/// (edits that keep the size and put the modification time back, edits within the same second,
/// a file replaced by another, a required file changed, a damaged cache), a load through the
/// cache gives exactly what a load without it gives.
@Suite struct ReportCacheTests {
  let dir: String
  let cacheFolder: String

  init() throws {
    dir = try Fixtures.copy("minimal")
    cacheFolder = NSTemporaryDirectory() + "chuangwen-cache-test-\(UUID().uuidString)"
  }

  /// A cache whose clock runs `ahead` seconds fast: files written by the test count as settled
  /// (older than the settle margin) without the test waiting for them to be.
  func cache(ahead seconds: Int64 = 60) -> ReportCache {
    ReportCache(folder: cacheFolder, clock: { ReportCache.wallClock() + seconds * 1_000_000_000 })
  }

  /// Loads through `cache` and checks the result is a fresh load's, to the entry.
  @discardableResult
  func load(_ cache: ReportCache, sourceLocation: SourceLocation = #_sourceLocation) -> CampaignSource {
    let s = CampaignSource(directory: dir, cache: cache)
    let fresh = CampaignSource(directory: dir)
    #expect(s.result.findings == fresh.result.findings, sourceLocation: sourceLocation)
    #expect(
      s.result.campaign?.reportFiles == fresh.result.campaign?.reportFiles, sourceLocation: sourceLocation)
    #expect(s.result.campaign?.series == fresh.result.campaign?.series, sourceLocation: sourceLocation)
    return s
  }

  /// Reports read from disk by the last load (the required files are always read).
  func reportsRead(_ s: CampaignSource) -> Int { s.lastReadCount - FileKind.required.count }

  var reportCount: Int { CampaignLoader.reportFileNames(directory: dir).count }

  /// Replaces `old` by `new` (the same length) in `relative`, in place (same inode), and puts
  /// the modification time back to what it was: only the change time tells the edit.
  func editInPlace(_ relative: String, _ old: String, _ new: String) throws {
    #expect(old.utf8.count == new.utf8.count)
    let path = dir + "/" + relative
    var before = stat()
    #expect(stat(path, &before) == 0)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains(old))
    let fd = open(path, O_WRONLY | O_TRUNC)
    #expect(fd >= 0)
    let bytes = Array(text.replacingOccurrences(of: old, with: new).utf8)
    #expect(bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) } == bytes.count)
    var times = [before.st_atim, before.st_mtim]
    #expect(futimens(fd, &times) == 0)
    close(fd)
    var after = stat()
    #expect(stat(path, &after) == 0)
    #expect(after.st_size == before.st_size && after.st_ino == before.st_ino)
    #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
  }

  func value(_ s: CampaignSource, _ id: String, on day: Day) -> Double? {
    s.result.campaign?.latest(.indicator(id), on: day)?.value
  }

  @Test func anUnchangedCampaignIsReadFromTheCache() throws {
    let c = cache()
    let first = load(c)
    #expect(reportsRead(first) == reportCount)
    let second = load(c)
    #expect(reportsRead(second) == 0)
    // Nothing changed: the cache is not written again.
    let written = FileStamp.of(c.file(for: dir).path)
    load(c)
    #expect(FileStamp.of(c.file(for: dir).path) == written)
  }

  /// The edit the issue names: same size, the modification time put back, within the same
  /// second as the cached read. The change time still moves, and the report is read again.
  @Test func anEditKeepingSizeAndTimesIsRead() throws {
    let c = cache()
    load(c)
    try editInPlace("reports/u-jj.json", "\"value\": 3 }", "\"value\": 4 }")
    let s = load(c)
    #expect(reportsRead(s) == 1)
    #expect(value(s, "c2-1-1", on: "2016-07-01") == 4)
  }

  /// With the real clock, a file changed less than the settle margin before a run is never
  /// cached, so a second edit in the same tick (same size, same times) cannot be missed even
  /// on a filesystem that keeps times to the second.
  @Test func aFileChangedJustBeforeARunIsNotCached() throws {
    let real = ReportCache(folder: cacheFolder)
    try Fixtures.apply(
      "reports/u-jj.json",
      """
      { "schema": "chuangwen/1", "unit": "u-jj",
        "entries": [ { "date": "2016-07-01", "indicator": "c2-1-1", "value": 5 } ] }
      """, in: dir)
    load(real)
    // Every file of the copy is seconds old: none is settled, so nothing is cached.
    #expect(FileStamp.of(real.file(for: dir).path) == nil)
    try editInPlace("reports/u-jj.json", "\"value\": 5 }", "\"value\": 6 }")
    let s = load(real)
    #expect(reportsRead(s) == reportCount)
    #expect(value(s, "c2-1-1", on: "2016-07-01") == 6)
  }

  /// Another file renamed over a cached one, with the same size and modification time: a new
  /// inode, so it is read.
  @Test func aFileReplacedByAnotherIsRead() throws {
    let c = cache()
    load(c)
    let path = dir + "/reports/u-jj.json"
    var before = stat()
    #expect(stat(path, &before) == 0)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let other = dir + "/reports/.u-jj.tmp"
    try text.replacingOccurrences(of: "\"value\": 3 }", with: "\"value\": 7 }").write(
      toFile: other, atomically: false, encoding: .utf8)
    var times = [before.st_atim, before.st_mtim]
    #expect(utimensat(AT_FDCWD, other, &times, 0) == 0)
    #expect(rename(other, path) == 0)
    let s = load(c)
    #expect(reportsRead(s) == 1)
    #expect(value(s, "c2-1-1", on: "2016-07-01") == 7)
  }

  @Test func reportsRemovedAndAddedAreFollowed() throws {
    let c = cache()
    load(c)
    try Fixtures.apply("reports/u-zj.json", nil, in: dir)
    try Fixtures.apply(
      "reports/u-jj-2.json",
      """
      { "schema": "chuangwen/1", "unit": "u-jj",
        "entries": [ { "date": "2016-07-08", "indicator": "c2-1-1", "value": 2.5, "note": "新的" } ] }
      """, in: dir)
    let s = load(c)
    #expect(reportsRead(s) == 1)
    #expect(value(s, "c2-1-1", on: "2016-07-08") == 2.5)
    // The next run takes the new file from the cache too.
    #expect(reportsRead(load(c)) == 0)
  }

  /// Names beyond ASCII are looked up by their bytes: a decomposed accent ("e" and U+0301)
  /// sorts before "f" by bytes but after it as a String.
  @Test func nonASCIINamesAreFoundInTheCache() throws {
    let c = cache()
    for (k, name) in ["reports/江北区.json", "reports/e\u{301}t.json", "reports/f.json"]
      .enumerated()
    {
      try Fixtures.apply(
        name,
        """
        { "schema": "chuangwen/1", "unit": "u-jj",
          "entries": [ { "date": "2016-07-0\(k + 2)", "indicator": "c2-1-1", "value": \(k) } ] }
        """, in: dir)
    }
    load(c)
    #expect(reportsRead(load(c)) == 0)
  }

  /// A changed required file is a changed context for every report's checks: the cache is set
  /// aside and everything is read (a report naming an indicator that no longer exists fails).
  @Test func aChangedRequiredFileSetsTheCacheAside() throws {
    let c = cache()
    load(c)
    let path = dir + "/indicators.json"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try text.replacingOccurrences(of: "\"c2-1-1\"", with: "\"c2-1-9\"").write(
      toFile: path, atomically: true, encoding: .utf8)
    let s = load(c)
    #expect(reportsRead(s) == reportCount)
    #expect(s.result.errors.contains { $0.file == "reports/u-jj.json" })
  }

  /// A report that fails its checks (or has any finding) is never cached: its findings come
  /// from reading it, every time.
  @Test func aFailingReportIsReadEveryTime() throws {
    let c = cache()
    try Fixtures.apply(
      "reports/u-jj.json",
      """
      { "schema": "chuangwen/1", "unit": "u-jj",
        "entries": [ { "date": "2016-07-01", "indicator": "no-such", "value": 5 } ] }
      """, in: dir)
    load(c)
    let s = load(c)
    #expect(reportsRead(s) == 1)
    #expect(s.result.errors.contains { $0.file == "reports/u-jj.json" })
  }

  /// A cache file cut short, with one byte changed, or of another campaign is ignored (all is
  /// read) and written again.
  @Test func aDamagedCacheIsIgnoredAndWrittenAgain() throws {
    let c = cache()
    load(c)
    let file = c.file(for: dir).path
    let good = try Data(contentsOf: URL(fileURLWithPath: file))
    var flipped = good
    flipped[flipped.count - 3] ^= 0x40
    let damaged: [Data] = [good.prefix(good.count / 2), flipped, Data(), good + Data([0])]
    for bad in damaged {
      try bad.write(to: URL(fileURLWithPath: file))
      #expect(reportsRead(load(c)) == reportCount)
      #expect(reportsRead(load(c)) == 0)
    }
    // Writable by others: not trusted.
    chmod(file, 0o666)
    #expect(reportsRead(load(c)) == reportCount)
    #expect(reportsRead(load(c)) == 0)
    // Another campaign's cache under this campaign's name.
    let otherDir = try Fixtures.copy("minimal")
    let other = CampaignSource(directory: otherDir, cache: c)
    #expect(other.result.campaign != nil)
    try FileManager.default.removeItem(atPath: file)
    try FileManager.default.copyItem(atPath: c.file(for: otherDir).path, toPath: file)
    #expect(reportsRead(load(c)) == reportCount)
  }

  /// A cache folder that cannot be made (a file in its place) costs nothing but the cache.
  @Test func anUnusableCacheFolderIsNoError() throws {
    try "not a folder".write(toFile: cacheFolder, atomically: false, encoding: .utf8)
    let c = cache()
    #expect(reportsRead(load(c)) == reportCount)
    #expect(reportsRead(load(c)) == reportCount)
  }

  /// Random same-size edits, removals and additions over several runs: every load through the
  /// cache equals a fresh load (``load(_:sourceLocation:)`` checks it each time).
  @Test func randomChangesNeverShowStaleData() throws {
    let c = cache()
    var rng = SplitMix64(seed: 12)
    let paths = ["reports/u-jj.json", "reports/u-zj.json", "reports/t-qc.json", "reports/x-extra.json"]
    for _ in 0..<24 {
      let path = paths[Int(rng.next() % UInt64(paths.count))]
      let exists = FileManager.default.fileExists(atPath: dir + "/" + path)
      switch rng.next() % 3 {
      case 0 where exists:
        try Fixtures.apply(path, nil, in: dir)
      case 1 where exists && path == "reports/u-jj.json":
        let text = try String(contentsOfFile: dir + "/" + path, encoding: .utf8)
        let digit = text.contains("\"value\": 3 }") ? "3" : text.contains("\"value\": 4 }") ? "4" : nil
        if let digit {
          try editInPlace(path, "\"value\": \(digit) }", "\"value\": \(digit == "3" ? "4" : "3") }")
        }
      default:
        let unit = path.contains("t-qc") ? "t-qc" : "u-jj"
        let subject =
          unit == "t-qc"
          ? "\"indicator\": \"c2-1-2\", \"value\": true"
          : "\"indicator\": \"c2-1-1\", \"value\": \(rng.next() % 9)"
        try Fixtures.apply(
          path,
          """
          { "schema": "chuangwen/1", "unit": "\(unit)",
            "entries": [ { "date": "2016-07-0\(1 + rng.next() % 8)", \(subject) } ] }
          """, in: dir)
      }
      load(c)
    }
  }

  @Test func onlyTheNewestCachesAreKept() throws {
    let c = cache()
    for _ in 0...ReportCache.keep {
      let other = try Fixtures.copy("minimal")
      #expect(CampaignSource(directory: other, cache: c).result.campaign != nil)
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: cacheFolder)
    #expect(files.count == ReportCache.keep)
  }

  @Test func theCommandLineCacheFollowsTheEnvironment() {
    #expect(ReportCache.standard(environment: ["HOME": "/home/a"])?.folder == "/home/a/.cache/chuangwen")
    #expect(
      ReportCache.standard(environment: ["HOME": "/home/a", "XDG_CACHE_HOME": "/var/c"])?.folder
        == "/var/c/chuangwen")
    #expect(ReportCache.standard(environment: ["HOME": "/home/a", "CHUANGWEN_NO_CACHE": "1"]) == nil)
    #expect(ReportCache.standard(environment: ["HOME": "/home/a", "CHUANGWEN_NO_CACHE": "0"]) != nil)
    #expect(ReportCache.standard(environment: [:]) == nil)
  }
}
