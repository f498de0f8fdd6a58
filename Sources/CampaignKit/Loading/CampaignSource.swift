import Foundation

/// What identifies one version of a file on disk: a rename over it changes the inode, a write
/// changes the size or the modification time (and always the change time, which no one can set
/// back). Times are kept as nanoseconds since 1970 (good until 2262), 40 bytes in all: a 50×
/// campaign keeps one for each of 69 thousand report files.
public struct FileStamp: Equatable, Sendable, BitwiseCopyable {
  var device: UInt64
  var inode: UInt64
  var size: Int64
  var modified: Int64
  var changed: Int64

  /// The stamp of whatever is at `path` (a folder in a file's place is read and reported as
  /// unreadable; so is a dangling link or a link loop, stamped as the link itself), nil when
  /// nothing is there.
  public static func of(_ path: String) -> FileStamp? {
    var st = stat()
    guard stat(path, &st) == 0 || lstat(path, &st) == 0 else { return nil }
    return FileStamp(st)
  }
}

extension FileStamp {
  /// The stamp `stat`, `lstat` or `fstat` gave.
  init(_ st: stat) {
    func nanos(_ t: timespec) -> Int64 { Int64(t.tv_sec) &* 1_000_000_000 &+ Int64(t.tv_nsec) }
    self.init(
      device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
      modified: nanos(st.st_mtim),
      changed: nanos(st.st_ctim))
  }
}

/// A campaign directory held in memory file by file, for the live dashboard.
///
/// Every file is kept decoded with the stamp of the version read (the report files in a
/// ``ReportTable``, their entries in columns). ``reload(changed:)`` reads again only the files
/// named (and only when their stamp changed), drops the ones that are gone, and puts the
/// campaign together again. When only report files changed (the usual case: units report,
/// nobody edits the indicators during a meeting) those files alone are checked and the
/// campaign's series are patched for the subjects they touch, so a reload costs what the
/// changed files cost, not what the campaign costs.
///
/// Nothing is ever lost to a broken file: a file that now fails to parse or to check keeps its
/// last good version in effect (``heldBack``) while its errors are reported in ``result``; when
/// it is fixed the new version takes over, when it is removed its entries go (a report) or its
/// last good version stays with a "missing" error (a required file).
public final class CampaignSource {
  public let directory: String
  /// The campaign made of the versions in effect, and the findings about the files as they are
  /// on disk now (a held-back file's current errors, not its old version's).
  public private(set) var result: LoadResult
  /// Files whose last good version is in effect because the version on disk fails.
  public private(set) var heldBack: Set<String> = []
  /// How many files the last reload read and decoded (for tests and the benchmark).
  public private(set) var lastReadCount = 0
  /// Whether the last reload had to redo the whole campaign (a non-report file changed).
  public private(set) var lastReloadWasFull = false
  /// The earliest date of a report entry that came or went in the last reload: figures as of
  /// any earlier date are unchanged. Nil after a full reload (anything may have changed).
  public private(set) var lastChangedFrom: Day?

  /// A required file's versions (a reference, so settling updates it in place).
  final class Slot {
    let kind: FileKind
    /// The stamp of the version on disk; nil when the file is gone.
    var stamp: FileStamp?
    /// The stamp of the last version that loaded without errors.
    var goodStamp: FileStamp?
    /// The version on disk, decoded; nil when the file is gone.
    var current: DecodedFile?
    /// The last version that loaded without errors.
    var good: DecodedFile?
    /// The version the campaign is built from.
    var inEffect: DecodedFile?

    init(kind: FileKind, stamp: FileStamp? = nil, current: DecodedFile? = nil) {
      self.kind = kind
      self.stamp = stamp
      self.current = current
    }
  }

  /// The five required files.
  private var slots: [String: Slot] = [:]
  /// The report files.
  private var reports = ReportTable()
  /// Built from the non-report files in effect; checks one report file at a time.
  private var checker: CrossChecker?
  /// Findings about the directory and the non-report files (decode and cross-file).
  private var baseFindings: [Finding] = []
  /// The responsibility audit of the non-report files in effect (shown only without errors).
  private var audit: [Finding] = []
  /// The non-report files in effect, after the last full rebuild.
  private var baseInEffect: [DecodedFile] = []
  private var missing: [String] = []
  /// Required files whose last good version is in effect (held back, or gone from disk).
  private var heldBase: Set<String> = []
  /// What is wrong with `reports/` itself (see ``ReportsFolder``), and report names that
  /// cannot be read (not UTF-8).
  private var folderFindings: [Finding] = []
  private var nameFindings: [Finding] = []
  /// The reports read last stay in effect while `reports/` is gone or unreadable.
  private var folderHeld = false
  /// What is wrong with the meeting notes (`notes/`).
  private var noteFindings: [Finding] = []

  /// Reads the campaign in `directory`, taking unchanged reports from `cache` when there is
  /// one (``ReportCache``: never stale; the command line passes one, tests and the library's
  /// other users get none unless they ask), in the given ``LoadStyle``.
  public convenience init(directory: String, cache: ReportCache? = nil, style: LoadStyle = .quickest) {
    self.init(
      directory: directory, cache: cache, readAhead: style == .quickest ? .whileIdle : .none, style: style)
  }

  /// How the first load uses the machine.
  public enum LoadStyle: Sendable {
    /// The required files decode side by side on every core, beside the listing of `reports/`,
    /// and reports are read ahead on an idle core (``ReportPrefetch``): what a command that
    /// prints and exits wants.
    case quickest
    /// One required file after another, nothing read ahead: a lower and steadier peak of memory
    /// for a little more time, what the live dashboard wants (it runs for hours; its first
    /// frame has room). Two JSON trees built at once on two threads of one malloc arena left
    /// the heap 3–5 MB larger in one run out of two (the 50× campaign's peak was 74–81 MB from
    /// run to run, one after another 75.5–76 MB).
    case leanest
  }

  /// How reports are read ahead while the required files are decoded (``ReportPrefetch``).
  enum ReadAhead {
    /// On a thread of its own, whenever a core is idle (what every load does).
    case whileIdle
    /// Not at all.
    case none
    /// The first `count` reports, before anything else (for tests: a prefetch of a known size).
    case first(Int)
  }

  init(directory: String, cache: ReportCache?, readAhead: ReadAhead, style: LoadStyle = .quickest) {
    let runStart = cache?.clock()
    self.directory = directory
    result = LoadResult(campaign: nil, findings: [])
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir) else {
      result = LoadResult(
        campaign: nil,
        findings: [Finding(.error, file: "", message: "campaign directory \(directory) does not exist")],
        missing: [directory])
      return
    }
    guard isDir.boolValue else {
      result = LoadResult(
        campaign: nil,
        findings: [
          Finding(.error, file: "", message: "\(directory) is a file; expected a campaign directory")
        ],
        missing: [directory])
      return
    }
    // The required files first: they are the context every report is checked against, so each
    // report is checked on the core that decoded it, and only failing ones keep their sites.
    var jobs: [(path: String, relative: String, kind: FileKind)] = []
    for kind in FileKind.required {
      let name = kind.fileName!
      jobs.append((directory + "/" + name, name, kind))
    }
    // Listing `reports/` (tens of thousands of names at 50×) needs none of them: it runs
    // alongside. Each file is a call of its own, the largest first, handed to whichever core
    // is free: decoding the five in one call kept the other core idle once the listing was done
    // (about 2 ms of the bundled campaign's brief).
    let dir = directory
    let required = jobs
    // Reading ahead in reports/ once it is listed, on whatever core is idle (``ReportPrefetch``):
    // stamps when a report cache will likely answer for most reports, decoded files otherwise.
    let cacheFile = cache.map { $0.file(for: directory) }
    let cacheLikely = cacheFile.map { access($0.path, R_OK) == 0 } ?? false
    let mode: ReportPrefetch.Mode = cacheLikely ? .stamps : .files
    var limit: Int?
    if case .first(let n) = readAhead { limit = n }
    let prefetch = ReportPrefetch(directory: directory, mode: mode, limit: limit)
    let largestFirst: [FileKind] = [.problems, .indicators, .organization, .tasks, .campaign]
    let order = largestFirst.compactMap { kind in required.firstIndex { $0.kind == kind } }
    @Sendable func job(_ k: Int) -> StartupRead {
      guard k > 0 else {
        let listing = ReportsFolder.list(directory: dir)
        switch readAhead {
        case .whileIdle: prefetch.start(names: listing.names)
        case .first: prefetch.readAll(names: listing.names)
        case .none: break
        }
        return StartupRead(listing: listing)
      }
      let j = required[order[k - 1]]
      return StartupRead(
        decoded: [
          CampaignLoader.decodeStamped(at: j.path, relative: j.relative, kind: j.kind, buffer: ReadBuffer())
        ])
    }
    // The leanest load does the same calls one after another (see ``LoadStyle``).
    let first = style == .leanest ? (0...order.count).map(job) : Concurrently.map(order.count + 1, job)
    var decoded = [(file: DecodedFile?, stamp: FileStamp?)](repeating: (nil, nil), count: required.count)
    for (k, j) in order.enumerated() { decoded[j] = first[k + 1].decoded[0] }
    let listing = first[0].listing!
    for (j, d) in zip(jobs, decoded) {
      let slot = Slot(kind: j.kind, stamp: d.stamp)
      slot.current = d.file
      slots[j.relative] = slot
    }
    lastReadCount = decoded.count { $0.file != nil }
    let check = settleBase()
    folderFindings = listing.state == .broken ? listing.findings : []
    nameFindings = listing.state == .broken ? [] : listing.findings
    var context: ReportCacheImage.Context?
    if let program = ReportCache.programStamp, let cacheFile {
      let stamps = decoded.compactMap(\.stamp)
      if stamps.count == decoded.count {
        context = ReportCacheImage.Context(
          campaign: cacheFile.campaign, program: program, required: stamps, names: check.reportNames)
      }
    }
    let cached = context.flatMap { c in cacheFile.flatMap { ReportCacheImage.read($0.path, context: c) } }
    lastReadCount += reports.load(
      names: listing.names, directory: directory, checker: check, cached: cached,
      prefetched: prefetch.finish())
    assemble()
    if let cache, let context, let runStart, let cacheFile {
      saveCache(cache, cacheFile.path, context, previous: cached, runStart: runStart)
    }
  }

  /// Writes the reports a cache may keep, when that differs from what the cache held: a report
  /// read from disk that may now be cached, or a cached one no longer used. Only when the five
  /// required files are settled too (their stamps are what the cache is checked against).
  /// Failing to write is not an error: the next run reads from disk.
  private func saveCache(
    _ cache: ReportCache, _ path: String, _ context: ReportCacheImage.Context, previous: CachedReports?,
    runStart: Int64
  ) {
    guard context.required.allSatisfy({ ReportCache.isSettled($0, runStart: runStart) }) else { return }
    let keep = reports.cacheable(runStart: runStart)
    let fromCache = previous.map { p in keep.count { reports.cacheEntry($0).id < Int32(p.count) } } ?? 0
    guard previous == nil || fromCache < previous!.count || fromCache < keep.count else { return }
    try? FileManager.default.createDirectory(
      atPath: cache.folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let table = reports
    let written: ()? = try? ReportCacheImage.write(
      path, context: context, count: keep.count, entry: { table.cacheEntry(keep[$0]) }, from: table.store)
    guard written != nil else { return }
    cache.prune()
  }

  /// What the two first reads give: the listing of `reports/`, or the required files decoded.
  private struct StartupRead: Sendable {
    var listing: ReportsFolder.Listing?
    var decoded: [(file: DecodedFile?, stamp: FileStamp?)] = []
  }

  /// The kind of file a path relative to the directory names, nil for anything the campaign
  /// does not read (hidden and temporary files, editors' backups, other folders).
  public static func kind(of relative: String) -> FileKind? {
    if let k = FileKind.required.first(where: { $0.fileName == relative }) { return k }
    guard relative.hasPrefix("reports/") else { return nil }
    let name = relative.dropFirst("reports/".count)
    guard name.hasSuffix(".json"), !name.hasPrefix("."), !name.contains("/") else { return nil }
    return .report
  }

  /// Reads again the files named (paths relative to the directory, or absolute paths inside
  /// it) whose stamp changed, drops the ones that are gone, and reassembles.
  /// Returns whether anything changed.
  @discardableResult
  public func reload(changed paths: some Sequence<String>) -> Bool {
    reload(paths, force: false)
  }

  private func reload(_ paths: some Sequence<String>, force: Bool) -> Bool {
    lastReadCount = 0
    // Nothing was ever assembled (the directory was not there at first): everything again.
    let neverAssembled = checker == nil
    var baseChanged = false
    /// Each changed report's version in effect before and after.
    var changedReports: [String: (before: Int32, after: Int32)] = [:]
    // A `reports/` that vanished or broke while running is not "every report withdrawn": the
    // reports read last stay in effect, and the header names the folder until it is back.
    let folder = ReportsFolder.state(directory: directory)
    let keepReports = folder.state != .readable && !reports.isEmpty
    let folderBefore = folderFindings
    folderFindings = folder.findings
    if keepReports {
      if folder.state == .absent {
        folderFindings.append(
          Finding(
            .error, file: ReportsFolder.file,
            message: "the folder reports is gone (moved or deleted); its last figures stay until it is back"))
      } else {
        folderFindings = folderFindings.map { f in
          var f = f
          f.message += "; the last figures read from it stay until it is readable again"
          return f
        }
      }
    }
    let folderChanged = folderFindings != folderBefore
    folderHeld = keepReports
    for p in Set(paths.map(relative)) {
      guard let kind = Self.kind(of: p) else { continue }
      if kind == .report && keepReports { continue }
      let stamp = FileStamp.of(directory + "/" + p)
      let known = kind == .report ? reports.stamp(of: p) : slots[p]?.stamp
      if stamp == known && !(force && stamp != nil) { continue }
      guard let stamp else {
        if kind == .report {
          let before = reports.remove(p)
          changedReports[p] = (changedReports[p]?.before ?? before, -1)
        } else {
          baseChanged = true
          slots[p]?.stamp = nil
          slots[p]?.current = nil
        }
        continue
      }
      let decoded = CampaignLoader.decodeFile(at: directory + "/" + p, relative: p, kind: kind)
      lastReadCount += 1
      if kind == .report {
        let change = reports.update(p, stamp: stamp, decoded: decoded, checker: checker ?? settleBase())
        changedReports[p] = (changedReports[p]?.before ?? change.before, change.after)
      } else {
        baseChanged = true
        let slot = slots[p] ?? Slot(kind: kind)
        slot.stamp = stamp
        slot.current = decoded
        slots[p] = slot
      }
    }
    if baseChanged || neverAssembled {
      let check = settleBase()
      lastReadCount += reports.recheck(directory: directory, checker: check)
      assemble()
      lastReloadWasFull = true
      lastChangedFrom = nil
    } else if !changedReports.isEmpty {
      patchReports(changedReports)
      lastReloadWasFull = false
    } else if folderChanged {
      publish(result.campaign)
    } else {
      return false
    }
    return true
  }

  /// Looks at every file's stamp (what `--poll` and an inotify overflow need) and reloads the
  /// ones that changed, appeared or disappeared.
  @discardableResult
  public func rescan() -> Bool {
    reload(changed: everyName())
  }

  /// Reads every file again (the `r` key), whatever its stamp, keeping last good versions.
  @discardableResult
  public func reloadAll() -> Bool {
    reload(everyName(), force: true)
  }

  /// The required files, the reports on disk now and the reports known (noting report names
  /// that cannot be read).
  private func everyName() -> Set<String> {
    var names = Set(FileKind.required.map { $0.fileName! })
    let listing = ReportsFolder.list(directory: directory)
    if listing.state != .broken { nameFindings = listing.findings }
    names.formUnion(listing.names)
    names.formUnion(reports.allPaths)
    return names
  }

  private func relative(_ p: String) -> String {
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    return p.hasPrefix(prefix) ? String(p.dropFirst(prefix.count)) : p
  }

  // MARK: - Assembling

  /// Settles the required files (the version on disk unless it fails and an older good one
  /// exists) and makes the checker of report files from them.
  private func settleBase() -> CrossChecker {
    restoreSites()
    missing = []
    var dirFindings: [Finding] = []
    for kind in FileKind.required {
      let name = kind.fileName!
      if slots[name]?.current == nil {
        missing.append(name)
        dirFindings.append(
          Finding(
            .error, file: name, message: "required file is missing (see docs/data-format.md for its shape)"))
      }
    }
    let baseNames = FileKind.required.map { $0.fileName! }
    var candidate: [String: DecodedFile] = [:]
    for n in baseNames { if let f = slots[n]?.current ?? slots[n]?.good { candidate[n] = f } }
    var (check, found) = baseChecks(baseNames.compactMap { candidate[$0] })
    var held: Set<String> = []
    for n in baseNames {
      guard let slot = slots[n], slot.current != nil, let good = slot.good, slot.goodStamp != slot.stamp,
        found.contains(where: { $0.file == n && $0.severity == .error })
      else { continue }
      candidate[n] = good
      held.insert(n)
    }
    if !held.isEmpty {
      let onDisk = found.filter { held.contains($0.file) }
      let again = baseChecks(baseNames.compactMap { candidate[$0] })
      check = again.checker
      found = again.findings.filter { !held.contains($0.file) } + onDisk
    }
    baseInEffect = baseNames.compactMap { candidate[$0] }
    for n in baseNames {
      slots[n]?.inEffect = candidate[n]
      if let slot = slots[n], slot.current != nil, !held.contains(n),
        !found.contains(where: { $0.file == n && $0.severity == .error })
      {
        slot.good = slot.current
        slot.goodStamp = slot.stamp
      }
    }
    // A required file that is gone keeps its last good version in effect (and says so).
    for n in missing where candidate[n] != nil { held.insert(n) }
    heldBase = held
    checker = check
    baseFindings = found + dirFindings
    dropSites()
    return check
  }

  /// Once checked, the required files keep only what the campaign and later checks of other
  /// files need (``DecodedFile/droppingSites()``): their own findings are made and kept.
  private func dropSites() {
    for slot in slots.values {
      slot.current = slot.current?.droppingSites()
      slot.good = slot.good?.droppingSites()
      slot.inEffect = slot.inEffect?.droppingSites()
    }
    baseInEffect = baseInEffect.map { $0.droppingSites() }
  }

  /// Before checking again, the version on disk of each required file is read again for the
  /// sites it let go of (unchanged, it is the same file; changed since, it is simply the newer
  /// version, as a reload would have read). A held-back good version, no longer on disk, stays
  /// without them: only its own findings came from them, and those are not shown (the version
  /// on disk's are).
  private func restoreSites() {
    for (name, slot) in slots {
      guard let current = slot.current, current.sitesDropped else { continue }
      let wasGood = slot.good != nil && slot.goodStamp == slot.stamp
      let (decoded, stamp) = CampaignLoader.decodeStamped(
        at: directory + "/" + name, relative: name, kind: slot.kind, buffer: ReadBuffer())
      lastReadCount += 1
      let unchanged = stamp != nil && stamp == slot.stamp
      slot.stamp = stamp
      slot.current = decoded
      if wasGood && unchanged { slot.good = decoded }
    }
  }

  /// The whole campaign from the required files and the reports in effect.
  private func assemble() {
    lastChangedFrom = nil
    var campaign: Campaign?
    let base = baseInEffect
    if let info = campaignInfo(base), let nodes = part(base, .organization),
      let cats = part(base, .indicators), let tasks = part(base, .tasks),
      let problems = part(base, .problems)
    {
      var c = Campaign(
        info: info, nodes: nodes.organization, categories: cats.indicators, tasks: tasks.tasks,
        problems: problems.problems, reports: reports.store, inEffect: reports.inEffectSorted())
      let notes = MeetingNotes.load(directory: directory, info: info)
      c.notes = notes.notes
      noteFindings = notes.findings
      audit = ResponsibilityAudit.run(c).map(\.finding)
      campaign = c
    } else {
      audit = []
      noteFindings = []
    }
    publish(campaign)
  }

  /// Decode findings plus the cross-file checks of the non-report files.
  private func baseChecks(_ files: [DecodedFile]) -> (checker: CrossChecker, findings: [Finding]) {
    let c = CrossChecker(
      files: files, info: campaignInfo(files), nodes: part(files, .organization)?.organization ?? [],
      indicators: part(files, .indicators)?.indicators ?? [], tasks: part(files, .tasks)?.tasks ?? [])
    return (c, files.flatMap(\.findings) + c.run(files))
  }

  /// Only report files changed: patch the campaign's series for the subjects they touch.
  private func patchReports(_ changed: [String: (before: Int32, after: Int32)]) {
    guard let old = result.campaign else {
      assemble()
      return
    }
    var removed: [Int32] = []
    var added: [Int32] = []
    for (_, c) in changed where c.before != c.after {
      if c.before >= 0 { removed.append(c.before) }
      if c.after >= 0 { added.append(c.after) }
    }
    let store = reports.store
    var earliest: Int32?
    for id in removed + added {
      for e in store.files[Int(id)].entries { earliest = min(earliest ?? store.day[e], store.day[e]) }
    }
    // Nothing came or went (a broken file kept its last good version): the same day far ahead.
    lastChangedFrom = earliest.map { Day(ordinal: Int($0)) } ?? old.info.end + 1
    // The old order without the versions taken out, the new ones put in at their place by path.
    let gone = Set(removed)
    var inEffect = old.reportsInEffect.filter { !gone.contains($0) }
    for id in added.sorted(by: { store.path($0) < store.path($1) }) {
      let path = store.path(id)
      var lo = 0
      var hi = inEffect.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if store.path(inEffect[mid]) < path { lo = mid + 1 } else { hi = mid }
      }
      inEffect.insert(id, at: lo)
    }
    publish(
      Campaign(replacingReportsOf: old, reports: store, inEffect: inEffect, removed: removed, added: added))
  }

  private func publish(_ campaign: Campaign?) {
    var findings = baseFindings + noteFindings + folderFindings + nameFindings
    for f in reports.findings.values { findings += f }
    heldBack = heldBase.union(reports.heldBack)
    if folderHeld { heldBack.insert(ReportsFolder.file) }
    if campaign != nil && !findings.contains(where: { $0.severity == .error }) { findings += audit }
    result = LoadResult(campaign: campaign, findings: findings.sorted(), missing: missing)
  }

  private func campaignInfo(_ files: [DecodedFile]) -> CampaignInfo? {
    for f in files { if case .campaign(let c) = f.content { return c } }
    return nil
  }

  private struct Part {
    var organization: [OrgNode] = []
    var indicators: [Category] = []
    var tasks: [CampaignTask] = []
    var problems: [Problem] = []
  }

  private func part(_ files: [DecodedFile], _ kind: FileKind) -> Part? {
    for f in files where f.kind == kind {
      switch f.content {
      case .organization(let n): return Part(organization: n)
      case .indicators(let c): return Part(indicators: c)
      case .tasks(let t): return Part(tasks: t)
      case .problems(let p): return Part(problems: p)
      default: return nil
      }
    }
    return nil
  }
}
