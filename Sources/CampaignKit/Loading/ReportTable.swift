import Foundation

/// The report files of a live campaign, file by file: for each, the stamp of the version on
/// disk, its last good version (in the ``ReportStore``) and whether that version passes the
/// checks now, and the version on disk itself only when it fails (kept decoded, for its
/// findings and to try again when the context changes).
///
/// Why a table of columns rather than an object per file: a 50× campaign has 69 thousand report
/// files, and an object per file holding three boxed decoded versions cost half a kilobyte
/// each before the entries themselves. Here a file that loads cleanly (nearly all) costs its
/// stamp, two numbers, a flag and its path, and its entries live in the store.
struct ReportTable {
  private(set) var store = ReportStore()
  /// Slot by slot (a slot is never reused: a file that comes back gets a new one).
  private var paths: [String] = []
  private var stamps: [FileStamp] = []
  /// The last version that loaded without errors (its id in `store`), -1 for none.
  private var good: [Int32] = []
  /// Whether `good` passes the checks of the context now, and so is in effect.
  private var goodPasses: [Bool] = []
  /// Versions on disk that fail (or cannot be read), by slot.
  private var failing: [Int32: DecodedFile] = [:]
  /// Findings of the versions on disk, only for files that have any.
  private(set) var findings: [String: [Finding]] = [:]
  /// The slots of the files on disk, sorted by path: found by binary search (a dictionary of
  /// 69 thousand paths cost 2.8 MB), kept sorted as files come and go.
  private var order: [Int32] = []

  var isEmpty: Bool { order.isEmpty }
  var allPaths: [String] { order.map { paths[Int($0)] } }

  /// Where `path` is or would go in `order`.
  private func place(of path: String) -> (at: Int, found: Bool) {
    var lo = 0
    var hi = order.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if paths[Int(order[mid])] < path { lo = mid + 1 } else { hi = mid }
    }
    return (lo, lo < order.count && paths[Int(order[lo])] == path)
  }

  private func slot(_ path: String) -> Int32? {
    let p = place(of: path)
    return p.found ? order[p.at] : nil
  }

  func stamp(of path: String) -> FileStamp? { slot(path).map { stamps[Int($0)] } }

  /// The version in effect of slot `k` (its id in `store`), -1 for none.
  private func inEffect(_ k: Int32) -> Int32 { goodPasses[Int(k)] ? good[Int(k)] : -1 }

  /// Files whose last good version is in effect because the version on disk fails.
  var heldBack: [String] {
    failing.keys.compactMap { k in inEffect(k) >= 0 ? paths[Int(k)] : nil }
  }

  /// The versions in effect, sorted by path.
  func inEffectSorted() -> [Int32] {
    var out: [Int32] = []
    out.reserveCapacity(order.count)
    for k in order {
      let id = inEffect(k)
      if id >= 0 { out.append(id) }
    }
    return out
  }

  // MARK: - Reading

  /// Reads every report named (`reports/…`, sorted) on every core, checks each against
  /// `checker` as it is decoded, and keeps the versions that pass in a fresh store. A report
  /// whose stamp on disk is the one `cached` has for it is taken from there instead (its store
  /// becomes this one's start). What `prefetched` read of the first names is taken from there
  /// (``ReportPrefetch``). Returns how many files were read from disk.
  mutating func load(
    names: [String], directory: String, checker: CrossChecker, cached: CachedReports? = nil,
    prefetched: ReportPrefetch.Results = .init()
  ) -> Int {
    self = ReportTable()
    let batches: [Batch]
    (batches, store) = Self.readInBatches(
      names: names, directory: directory, checker: checker, cached: cached, prefetched: prefetched)
    store.trim()
    paths.reserveCapacity(names.count)
    stamps.reserveCapacity(names.count)
    good.reserveCapacity(names.count)
    goodPasses.reserveCapacity(names.count)
    var read = 0
    order.reserveCapacity(names.count)
    for b in batches {
      var failing = b.failing[...]
      var findings = b.findings[...]
      read += b.read
      for (offset, stamp) in b.stamps.enumerated() {
        let i = b.start + offset
        guard let stamp else { continue }
        let k = newSlot(names[i], stamp)
        order.append(k)
        if let f = findings.first, f.file == i {
          self.findings[names[i]] = f.findings
          findings = findings.dropFirst()
        }
        if let f = failing.first, f.file == i {
          self.failing[k] = f.decoded
          failing = failing.dropFirst()
        } else {
          good[Int(k)] = b.stored[offset]
          goodPasses[Int(k)] = true
        }
      }
    }
    // The listing comes sorted; sorted again only if it was not (one pass to tell).
    if zip(order, order.dropFirst()).contains(where: { paths[Int($0)] >= paths[Int($1)] }) {
      order.sort { paths[Int($0)] < paths[Int($1)] }
    }
    return read
  }

  /// What a ``ReportCache`` may keep: the slots of the files whose version on disk is in
  /// effect, passed every check without a finding, and was stamped more than the settle margin
  /// before `runStart`; in the order of the paths' UTF-8 bytes (the cache's order; `order` is
  /// the same except where, say, a decomposed accent compares otherwise as a String).
  func cacheable(runStart: Int64) -> [Int32] {
    var out: [Int32] = []
    out.reserveCapacity(order.count)
    for k in order {
      let i = Int(k)
      guard failing[k] == nil, goodPasses[i], good[i] >= 0,
        ReportCache.isSettled(stamps[i], runStart: runStart),
        findings[paths[i]] == nil
      else { continue }
      out.append(k)
    }
    let bytesBefore = { (a: Int32, b: Int32) in
      ReportsFolder.bytesBefore(self.paths[Int(a)], self.paths[Int(b)])
    }
    if zip(out, out.dropFirst()).contains(where: { !bytesBefore($0, $1) }) { out.sort(by: bytesBefore) }
    return out
  }

  /// What the cache keeps of slot `k`: its path, its stamp and the id of its version in `store`.
  func cacheEntry(_ k: Int32) -> ReportCacheImage.Entry { (paths[Int(k)], stamps[Int(k)], good[Int(k)]) }

  /// A file that is new or changed on disk (stamped `stamp`, decoded as `decoded`), checked
  /// against `checker`. Returns the version in effect before and after.
  @discardableResult
  mutating func update(_ path: String, stamp: FileStamp, decoded: DecodedFile, checker: CrossChecker) -> (
    before: Int32, after: Int32
  ) {
    let k = slot(path) ?? addSlot(path, stamp)
    let before = inEffect(k)
    stamps[Int(k)] = stamp
    settle(k, decoded, checker)
    return (before, inEffect(k))
  }

  /// A file gone from disk: its entries go. Returns the version that was in effect.
  @discardableResult
  mutating func remove(_ path: String) -> Int32 {
    let p = place(of: path)
    guard p.found else { return -1 }
    let k = order.remove(at: p.at)
    let before = inEffect(k)
    failing[k] = nil
    findings[path] = nil
    good[Int(k)] = -1
    goodPasses[Int(k)] = false
    return before
  }

  /// Checks every file again against a changed context, into a fresh store (which also lets go
  /// of the versions earlier reloads replaced). A version kept in the store fails only as a
  /// whole: to point at what is wrong, the file is read again (its stamp unchanged, the bytes
  /// are the ones stored; changed, it is simply the new version).
  mutating func recheck(directory: String, checker: CrossChecker) -> Int {
    let old = store
    let facts = checker.facts(for: old)
    store = ReportStore(names: checker.reportNames)
    store.reserve(files: order.count, entries: old.entryCount)
    var read = 0
    for k in order {
      let path = paths[Int(k)]
      let oldGood = good[Int(k)]
      good[Int(k)] = oldGood >= 0 ? store.append(file: oldGood, of: old) : -1
      let goodOK = oldGood >= 0 && checker.passes(old, file: oldGood, facts: facts)
      if let current = failing[k] {
        goodPasses[Int(k)] = goodOK
        settle(k, current, checker)
        continue
      }
      goodPasses[Int(k)] = goodOK
      if goodOK { continue }
      // The version on disk was the good one, and fails now.
      read += 1
      let (decoded, stamp) = CampaignLoader.decodeStamped(
        at: directory + "/" + path, relative: path, kind: .report, buffer: ReadBuffer())
      guard let stamp, let decoded else {
        remove(path)
        continue
      }
      stamps[Int(k)] = stamp
      settle(k, decoded, checker)
    }
    return read
  }

  // MARK: - Slots

  /// A slot for a file not in `order` yet, put in at its place.
  private mutating func addSlot(_ path: String, _ stamp: FileStamp) -> Int32 {
    let at = place(of: path).at
    let k = newSlot(path, stamp)
    order.insert(k, at: at)
    return k
  }

  private mutating func newSlot(_ path: String, _ stamp: FileStamp) -> Int32 {
    let k = Int32(paths.count)
    paths.append(path)
    stamps.append(stamp)
    good.append(-1)
    goodPasses.append(false)
    return k
  }

  /// Decides what of the version on disk, `current`, is kept: into the store when it passes
  /// (then it is the good version, in effect), as a failing version otherwise (the good one,
  /// if any, stays in effect as long as it passes).
  private mutating func settle(_ k: Int32, _ current: DecodedFile, _ checker: CrossChecker) {
    let path = paths[Int(k)]
    let outcome = Self.settle(current, checker, into: &store)
    findings[path] = outcome.findings.isEmpty ? nil : outcome.findings
    if outcome.stored >= 0 {
      good[Int(k)] = outcome.stored
      goodPasses[Int(k)] = true
      failing[k] = nil
    } else {
      failing[k] = current
    }
  }

  /// What checking one decoded version gave: its findings, and its id in the store when it
  /// passes (-1 when it fails).
  struct Outcome {
    var findings: [Finding]
    var stored: Int32
  }

  static func settle(_ f: DecodedFile, _ checker: CrossChecker, into store: inout ReportStore) -> Outcome {
    let found = f.findings + checker.check(f)
    guard !found.contains(where: { $0.severity == .error }), case .report(let r) = f.content else {
      return Outcome(findings: found, stored: -1)
    }
    let id = store.append(r) { i in
      if let sites = f.reportSites { return sites.entries[i].wasBoolean }
      return f.values.count == r.entries.count ? f.values[i].wasBoolean : false
    }
    return Outcome(findings: found, stored: id)
  }

  /// What reading one batch of files gave, file by file (by position in the batch): the stamp
  /// (nil when the file was gone) and the id in the shared store of a version that passed; and,
  /// only for the few files that have them, findings and the failing version.
  struct Batch: Sendable {
    var start: Int
    /// How many files were read from disk (the others came from the cache or were gone).
    var read = 0
    var stamps: [FileStamp?] = []
    var stored: [Int32] = []
    /// Whether `stored` is an id in the cached store (already the shared store's) rather than
    /// in the batch's own.
    var cached: [Bool] = []
    var findings: [(file: Int, findings: [Finding])] = []
    var failing: [(file: Int, decoded: DecodedFile)] = []
  }

  /// The store the batches fill, each adding its own columns as it finishes (in whatever order
  /// they finish: ids need not follow paths, the order in effect is kept by path).
  private final class SharedStore: @unchecked Sendable {
    private let lock = NSLock()
    private var store: ReportStore
    init(_ store: ReportStore) { self.store = store }

    /// Adds `part`'s files; returns the id its first file has.
    func add(_ part: ReportStore) -> Int32 {
      lock.lock()
      defer { lock.unlock() }
      return store.append(contentsOf: part)
    }

    func take() -> ReportStore {
      lock.lock()
      defer { lock.unlock() }
      return store
    }
  }

  /// Reading on every core, in batches handed out as cores come free, each decoding into a
  /// small store of its own (numbered by the checker's names, shared read-only) that goes into
  /// the whole one as soon as the batch is done: only a batch's worth of columns is ever held
  /// twice.
  static func readInBatches(
    names: [String], directory: String, checker: CrossChecker, cached: CachedReports?,
    prefetched: ReportPrefetch.Results
  ) -> ([Batch], ReportStore) {
    let size = 128
    let count = (names.count + size - 1) / size
    let shared = SharedStore(ReportStore(names: checker.reportNames))
    var batches = [Batch?](repeating: nil, count: count)
    batches.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
      DispatchQueue.concurrentPerform(iterations: count) { b in
        // Each batch owns its slot in `out`; one read buffer per batch.
        let buffer = ReadBuffer()
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folder >= 0 { close(folder) } }
        let range = b * size..<min(names.count, (b + 1) * size)
        var store = ReportStore(names: checker.reportNames)
        var batch = Batch(start: range.lowerBound)
        batch.stamps.reserveCapacity(range.count)
        batch.stored.reserveCapacity(range.count)
        batch.cached.reserveCapacity(range.count)
        var hint = -1
        for i in range {
          let path = names[i]
          // Unchanged since it was cached: a stat instead of an open, a read and a decode.
          if let cached, let j = cached.file(named: path, hint: hint + 1) {
            hint = Int(j)
            let stamp: FileStamp?
            if i < prefetched.stamps.count {
              stamp = prefetched.stamps[i]
            } else {
              var st = stat()
              let at = folder >= 0 ? folder : AT_FDCWD
              stamp =
                fstatat(at, folder >= 0 ? path : directory + "/" + path, &st, 0) == 0 ? FileStamp(st) : nil
            }
            if let stamp, stamp == cached.stamps[Int(j)] {
              batch.stamps.append(cached.stamps[Int(j)])
              batch.stored.append(j)
              batch.cached.append(true)
              continue
            }
          }
          batch.cached.append(false)
          // Relative to the campaign folder: no path of its own to make and walk per file.
          let (decoded, stamp) =
            i < prefetched.files.count
            ? prefetched.files[i]
            : CampaignLoader.decodeStamped(
              relative: path, in: folder >= 0 ? folder : AT_FDCWD, path: directory + "/" + path,
              kind: .report,
              buffer: buffer)
          batch.stamps.append(stamp)
          if stamp != nil { batch.read += 1 }
          guard stamp != nil, let decoded else {
            batch.stored.append(-1)
            continue
          }
          let outcome = settle(decoded, checker, into: &store)
          batch.stored.append(outcome.stored)
          if !outcome.findings.isEmpty { batch.findings.append((i, outcome.findings)) }
          if outcome.stored < 0 { batch.failing.append((i, decoded)) }
        }
        let first = store.files.isEmpty ? 0 : shared.add(store)
        for j in batch.stored.indices where batch.stored[j] >= 0 && !batch.cached[j] {
          batch.stored[j] += first
        }
        out[b] = batch
      }
    }
    var all = batches.map { $0! }
    guard let cached else { return (all, shared.take()) }
    // The cached store, no longer looked in, is the start (taken, so uniquely held: appending
    // does not copy it); the reports read from disk go after it.
    var store = cached.takeStore()
    let read = shared.take()
    let first = read.files.isEmpty ? 0 : store.append(contentsOf: read)
    for b in all.indices {
      for j in all[b].stored.indices where all[b].stored[j] >= 0 && !all[b].cached[j] {
        all[b].stored[j] += first
      }
    }
    return (all, store)
  }
}
