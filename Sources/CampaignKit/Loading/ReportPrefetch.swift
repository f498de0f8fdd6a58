import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads ahead in `reports/` on a core that would otherwise wait, while the required files are
/// still being decoded and checked.
///
/// Reports are checked against the required files, so reading them properly starts only once
/// those are settled. Before that, one core is often idle: the listing of `reports/` ends well
/// before the largest required file is decoded, and settling the required files runs on one
/// core. A prefetch uses that time for the part of reading a report that needs nothing else:
/// its stamp (with a report cache, that is all an unchanged report costs), or its stamp and
/// its decoded content (without one). ``ReportTable`` then takes the first files' results
/// from here instead of reading them again, and checks them as it checks any other.
///
/// It runs on a thread of its own at the idle scheduling class (Linux's `SCHED_IDLE`): it gets
/// a core only when no other thread of the machine wants it, so it never slows the decoding it
/// waits for. What it read is exactly what a later read would give (the same calls, the same
/// stamps), only earlier; a file changed in between is seen by its stamp, as always.
final class ReportPrefetch: @unchecked Sendable {
  /// What is read ahead for each report.
  enum Mode: Sendable {
    /// The stamp only (`fstatat`): what a report cache needs to find an unchanged report.
    case stamps
    /// The stamp and the decoded file (not checked).
    case files
  }

  /// The results for the first `count` names, in name order.
  struct Results: Sendable {
    /// How many names have a result (only one of the two arrays is filled).
    var count: Int { max(stamps.count, files.count) }
    /// In ``Mode/stamps``: the stamp of each name (nil when nothing was there).
    var stamps: [FileStamp?] = []
    /// In ``Mode/files``: what ``CampaignLoader/decodeStamped(relative:in:path:kind:buffer:)``
    /// gave for each name.
    var files: [(file: DecodedFile?, stamp: FileStamp?)] = []
  }

  let directory: String
  let mode: Mode
  /// At most this many files are read ahead: what is read is held until the batches take it,
  /// so it adds to the peak memory (4,096 stamps are 200 KB, decoded files about 3 MB). That
  /// covers the idle time of a campaign up to 10× (about 1,000 files at 1×, 2,000 at 10×); at
  /// 50× it is a small part of a longer load anyway.
  let limit: Int

  private let lock = NSLock()
  /// Set by ``finish()``: the results are handed over, nothing more is added.
  private var stopped = false
  /// What was read so far (guarded by `lock`: the prefetch thread adds, ``finish()`` takes).
  private var results = Results()

  init(directory: String, mode: Mode, limit: Int? = nil) {
    self.directory = directory
    self.mode = mode
    self.limit = limit ?? 4_096
  }

  /// Starts reading ahead through `names` (`reports/…`, in the order they will be read).
  func start(names: [String]) {
    guard !names.isEmpty, limit > 0 else { return }
    let thread = Thread { [self] in
      // Where the thread cannot take the idle class it would compete with the decoding it
      // waits for: then it reads nothing.
      guard Self.yieldToEveryOtherThread() else { return }
      run(names)
    }
    thread.stackSize = 1 << 20
    thread.start()
  }

  /// Reads ahead through `names` on the calling thread, to the end or the limit (for tests:
  /// what the thread does, without its timing).
  func readAll(names: [String]) { run(names) }

  /// Stops reading ahead and hands over what was read so far, at once: it does not wait for
  /// the thread (which, at the idle class, might wait long for a core on a busy machine). A
  /// file the thread is reading at that moment is simply dropped, and read again by the caller.
  func finish() -> Results {
    lock.withLock {
      stopped = true
      let out = results
      results = Results()
      return out
    }
  }

  private func run(_ names: [String]) {
    let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    defer { if folder >= 0 { close(folder) } }
    let at = folder >= 0 ? folder : AT_FDCWD
    let buffer = ReadBuffer()
    for i in 0..<min(names.count, limit) {
      let name = names[i]
      switch mode {
      case .stamps:
        var st = stat()
        let ok = fstatat(at, folder >= 0 ? name : directory + "/" + name, &st, 0) == 0
        let stamp = ok ? FileStamp(st) : nil
        guard add({ $0.stamps.append(stamp) }) else { return }
      case .files:
        let file = CampaignLoader.decodeStamped(
          relative: name, in: at, path: directory + "/" + name, kind: .report, buffer: buffer)
        guard add({ $0.files.append(file) }) else { return }
      }
    }
  }

  /// Adds one file's result, unless the results were handed over already (then says to stop).
  private func add(_ append: (inout Results) -> Void) -> Bool {
    lock.withLock {
      guard !stopped else { return false }
      append(&results)
      return true
    }
  }

  /// The calling thread runs only when a core would otherwise be idle (Linux's `SCHED_IDLE`).
  /// Returns whether it does (elsewhere, or where the system refuses, it does not).
  private static func yieldToEveryOtherThread() -> Bool {
    #if os(Linux)
      var parameters = sched_param()
      // SCHED_IDLE (5): not exported to Swift by Glibc; any thread may lower itself to it.
      return pthread_setschedparam(pthread_self(), 5, &parameters) == 0
    #else
      return false
    #endif
  }
}
