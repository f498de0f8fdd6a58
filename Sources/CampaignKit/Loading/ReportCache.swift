import Foundation

/// A copy of a campaign's report entries kept between runs, so that a command on an unchanged
/// campaign stats each report instead of opening, reading and decoding it (on a campaign of
/// the bundled size that was about half of `snapshot --view brief`: 1,370 opens, reads and
/// decodes for half a megabyte; half its kernel time too).
///
/// Never a source of truth, and never stale:
/// - A report is taken from the cache only when the file on disk has exactly the stamp (device,
///   inode, size, modification and change times to the nanosecond) it had when it was cached;
///   anything else is read from disk as usual.
/// - Only files whose modification and change times were at least ``settleMargin`` older than
///   the start of the run that read them are cached. A file changed after that run has a change
///   time later than that (the change time cannot be set by a user, only by the clock), so its
///   stamp differs even on a filesystem that keeps times to the second, and even when an edit
///   keeps the size and puts the modification time back.
/// - The cache holds only reports that loaded and passed every check with no finding, and only
///   while the five required files (the context of those checks) have the stamps they had; any
///   change to one of them and the whole cache is set aside.
/// - It belongs to one build of the program (its executable's stamp) and one campaign folder;
///   a file that is short, corrupt (checksum) or out of bounds is ignored and written again.
public struct ReportCache: Sendable {
  /// The folder the cache files go in (`$XDG_CACHE_HOME/chuangwen`, by default
  /// `~/.cache/chuangwen`).
  public let folder: String
  /// The wall clock in nanoseconds since 1970; tests move it to make files count as settled.
  let clock: @Sendable () -> Int64

  /// How much older than the run a file's times must be for it to be cached: more than the
  /// coarsest timestamp a filesystem keeps (FAT: 2 s) and the scheduler tick kernels stamp
  /// files with.
  static let settleMargin: Int64 = 3_000_000_000

  /// At most this many campaigns are cached; writing one more removes the oldest.
  static let keep = 8

  public init(folder: String) {
    self.init(folder: folder, clock: ReportCache.wallClock)
  }

  init(folder: String, clock: @escaping @Sendable () -> Int64) {
    self.folder = folder
    self.clock = clock
  }

  /// The cache the command line uses: `$XDG_CACHE_HOME/chuangwen`, else `$HOME/.cache/chuangwen`;
  /// none when `CHUANGWEN_NO_CACHE` is set (to anything but empty or 0) or neither variable is.
  public static func standard(environment: [String: String]) -> ReportCache? {
    if let off = environment["CHUANGWEN_NO_CACHE"], !off.isEmpty, off != "0" { return nil }
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      return ReportCache(folder: xdg + "/chuangwen")
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return ReportCache(folder: home + "/.cache/chuangwen")
  }

  static func wallClock() -> Int64 {
    var t = timespec()
    clock_gettime(CLOCK_REALTIME, &t)
    return Int64(t.tv_sec) &* 1_000_000_000 &+ Int64(t.tv_nsec)
  }

  /// The cache file of the campaign in `directory` (by its absolute path, links resolved).
  func file(for directory: String) -> (path: String, campaign: String) {
    let campaign = Self.resolved(directory)
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in campaign.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    let hex = String(h, radix: 16)
    return (folder + "/reports-" + String(repeating: "0", count: 16 - hex.count) + hex + ".bin", campaign)
  }

  /// `path` made absolute with every link resolved (`realpath`; a path that cannot be resolved
  /// is kept as Foundation makes it absolute). Foundation's own resolution took 0.2 ms a run.
  static func resolved(_ path: String) -> String {
    if let p = realpath(path, nil) {
      defer { free(p) }
      return String(cString: p)
    }
    return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
  }

  /// Whether a file stamped `stamp` may be cached by a run that started at `start`.
  static func isSettled(_ stamp: FileStamp, runStart start: Int64) -> Bool {
    max(stamp.modified, stamp.changed) < start - settleMargin
  }

  /// Removes the least recently written cache files beyond ``keep`` (campaigns looked at once,
  /// test copies in temporary folders).
  func prune() {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    let files = names.filter { $0.hasPrefix("reports-") && $0.hasSuffix(".bin") }.compactMap {
      name -> (path: String, written: Int64)? in
      let path = folder + "/" + name
      return FileStamp.of(path).map { (path, $0.modified) }
    }
    guard files.count > ReportCache.keep else { return }
    for old in files.sorted(by: { $0.written > $1.written }).dropFirst(ReportCache.keep) {
      unlink(old.path)
    }
  }

  /// The stamp of the running program: a new build never reads an older build's cache.
  static let programStamp: FileStamp? = {
    #if os(Linux)
      // The kernel's link to the running executable: one stat (finding it through Bundle.main
      // took 0.2 ms of every run).
      if let stamp = FileStamp.of("/proc/self/exe") { return stamp }
    #endif
    guard let path = Bundle.main.executablePath else { return nil }
    return FileStamp.of(path)
  }()
}

/// What a cache file gave: the reports it holds in a store (numbered by the campaign's names),
/// each file's stamp, looked up by path.
///
/// A class, so that the store can be handed on without a copy: the loader looks files up in it
/// on every core, then takes it (``takeStore()``) to become the campaign's store, uniquely held,
/// so appending the reports read from disk does not copy its megabytes first.
final class CachedReports: @unchecked Sendable {
  /// File `i` is the cached report `i` in the order of the paths' UTF-8 bytes. Read on every
  /// core while files are looked up, then taken (nil) once; never both at once.
  private var store: ReportStore?
  let stamps: [FileStamp]
  let count: Int

  init(store: ReportStore, stamps: [FileStamp]) {
    self.store = store
    self.stamps = stamps
    count = stamps.count
  }

  /// The store, which this object no longer holds.
  func takeStore() -> ReportStore {
    defer { store = nil }
    return store!
  }

  /// The cached file whose path is `path`, trying `hint` first (names come in sorted order, so
  /// the next one is usually the one after the last found).
  func file(named path: String, hint: Int) -> Int32? {
    var name = path
    return name.withUTF8 { key -> Int32? in
      if hint >= 0 && hint < count && compare(Int32(hint), key) == 0 { return Int32(hint) }
      var lo = 0
      var hi = count
      while lo < hi {
        let mid = (lo + hi) / 2
        if compare(Int32(mid), key) < 0 { lo = mid + 1 } else { hi = mid }
      }
      return lo < count && compare(Int32(lo), key) == 0 ? Int32(lo) : nil
    }
  }

  /// The byte order of file `id`'s path against `key`: negative, zero or positive.
  private func compare(_ id: Int32, _ key: UnsafeBufferPointer<UInt8>) -> Int {
    store!.withPathBytes(of: id) { p in
      let n = min(p.count, key.count)
      if n > 0 {
        let c = memcmp(p.baseAddress!, key.baseAddress!, n)
        if c != 0 { return Int(c) }
      }
      return p.count - key.count
    }
  }
}
