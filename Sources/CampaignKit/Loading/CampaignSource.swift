import Foundation

/// What identifies one version of a file on disk: a rename over it changes the inode, a write
/// changes the size or the modification time.
public struct FileStamp: Equatable, Sendable {
  var device: UInt64
  var inode: UInt64
  var size: Int64
  var modified: Int64
  var modifiedNanos: Int64
  var changed: Int64
  var changedNanos: Int64

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
    self.init(
      device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
      modified: Int64(st.st_mtim.tv_sec), modifiedNanos: Int64(st.st_mtim.tv_nsec),
      changed: Int64(st.st_ctim.tv_sec), changedNanos: Int64(st.st_ctim.tv_nsec))
  }
}

/// A campaign directory held in memory file by file, for the live dashboard.
///
/// Every file is kept decoded with the stamp of the version read. ``reload(changed:)`` reads
/// again only the files named (and only when their stamp changed), drops the ones that are
/// gone, and puts the campaign together again. When only report files changed (the usual case:
/// units report, nobody edits the indicators during a meeting) the cross-file checks run on
/// those files alone and the campaign's series are patched for the subjects they touch, so a
/// reload costs what the changed files cost, not what the campaign costs.
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

  /// A reference, so that settling and reassembling update a file's versions in place
  /// instead of copying three decoded files in and out of the dictionary for each of
  /// thousands of files.
  final class Slot {
    let kind: FileKind
    /// The stamp of the version on disk; nil when the file is gone (required files only).
    var stamp: FileStamp?
    /// The stamp of the last version that loaded without errors.
    var goodStamp: FileStamp?
    /// The versions, boxed: usually all three are the same file, and sharing one box keeps a
    /// slot at a third of its size for each of tens of thousands of report files.
    var currentVersion: Version?
    var goodVersion: Version?
    var inEffectVersion: Version?

    /// The version on disk, decoded; nil when the file is gone.
    var current: DecodedFile? {
      get { currentVersion?.file }
      set { currentVersion = newValue.map(Version.init) }
    }
    /// The last version that loaded without errors.
    var good: DecodedFile? {
      get { goodVersion?.file }
      set { goodVersion = newValue.map(Version.init) }
    }
    /// The version the campaign is built from.
    var inEffect: DecodedFile? {
      get { inEffectVersion?.file }
      set { inEffectVersion = newValue.map(Version.init) }
    }

    init(kind: FileKind, stamp: FileStamp? = nil, current: DecodedFile? = nil) {
      self.kind = kind
      self.stamp = stamp
      self.current = current
    }
  }

  final class Version {
    let file: DecodedFile
    init(_ file: DecodedFile) { self.file = file }
  }

  private var slots: [String: Slot] = [:]
  /// The report files' paths in order (nil once a reload added or took one, until the next
  /// full rebuild sorts them again): the listing comes sorted, so the first load sorts nothing.
  private var reportOrder: [String]?
  /// Built from the non-report files in effect; checks one report file at a time.
  private var checker: CrossChecker?
  /// Findings about the directory and the non-report files (decode and cross-file).
  private var baseFindings: [Finding] = []
  /// Findings of report files, current versions, only for files that have any.
  private var reportFindings: [String: [Finding]] = [:]
  /// The responsibility audit of the non-report files in effect (shown only without errors).
  private var audit: [Finding] = []
  /// Report files in effect, sorted by path, after a full rebuild (a patch reads the version in
  /// effect from the file's slot instead, so it never copies this array).
  private var reports: [ReportFile] = []
  /// The versions in effect of report files deleted in this reload, for the patch to take out.
  private var deletedInEffect: [String: ReportFile] = [:]
  private var missing: [String] = []
  /// What is wrong with `reports/` itself (see ``ReportsFolder``), and report names that
  /// cannot be read (not UTF-8).
  private var folderFindings: [Finding] = []
  private var nameFindings: [Finding] = []

  /// Loads the whole directory (files decoded on every core).
  public init(directory: String) {
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
    readEveryFile()
    rebuildAll()
  }

  /// Reads and decodes every file into its slot. A function of its own so that the job list
  /// (two paths per file) and the decoded results are gone before the campaign is assembled,
  /// rather than adding to its peak.
  private func readEveryFile() {
    var jobs: [(path: String, relative: String, kind: FileKind)] = []
    for kind in FileKind.required {
      let name = kind.fileName!
      jobs.append((directory + "/" + name, name, kind))
    }
    let listing = ReportsFolder.list(directory: directory)
    folderFindings = listing.state == .broken ? listing.findings : []
    nameFindings = listing.state == .broken ? [] : listing.findings
    for name in listing.names {
      jobs.append((directory + "/" + name, name, .report))
    }
    // Each file's stamp comes from the open file it was read from: a write racing the read
    // then shows up as a change next time. A report gone since the listing is left out.
    let decoded = CampaignLoader.decodeAll(jobs)
    slots.reserveCapacity(jobs.count)
    var order: [String] = []
    order.reserveCapacity(listing.names.count)
    for (j, d) in zip(jobs, decoded) where d.stamp != nil || j.kind != .report {
      let slot = Slot(kind: j.kind, stamp: d.stamp)
      slot.currentVersion = d.file.map(Version.init)
      slots[j.relative] = slot
      if j.kind == .report { order.append(j.relative) }
    }
    reportOrder = order
    lastReadCount = decoded.count { $0.file != nil }
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
    deletedInEffect = [:]
    var baseChanged = false
    var changedReports: Set<String> = []
    // A `reports/` that vanished or broke while running is not "every report withdrawn": the
    // reports read last stay in effect, and the header names the folder until it is back.
    let folder = ReportsFolder.state(directory: directory)
    let keepReports = folder.state != .readable && slots.values.contains { $0.kind == .report }
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
    if folderChanged { heldBack.remove(ReportsFolder.file) }
    for p in Set(paths.map(relative)) {
      guard let kind = Self.kind(of: p) else { continue }
      if kind == .report && keepReports { continue }
      let stamp = FileStamp.of(directory + "/" + p)
      if stamp == slots[p]?.stamp && !(force && stamp != nil) { continue }
      if kind == .report { changedReports.insert(p) } else { baseChanged = true }
      guard let stamp else {
        if kind == .report {
          if case .report(let r)? = slots[p]?.inEffect?.content { deletedInEffect[p] = r }
          slots[p] = nil
          reportOrder = nil
        } else {
          slots[p]?.stamp = nil
          slots[p]?.current = nil
        }
        continue
      }
      let decoded = CampaignLoader.decodeFile(at: directory + "/" + p, relative: p, kind: kind)
      lastReadCount += 1
      let slot = slots[p] ?? Slot(kind: kind)
      if slots[p] == nil && kind == .report { reportOrder = nil }
      slot.stamp = stamp
      slot.current = decoded
      slots[p] = slot
    }
    if baseChanged || checker == nil {
      rebuildAll()
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
    if keepReports { heldBack.insert(ReportsFolder.file) }
    return true
  }

  /// Looks at every file's stamp (what `--poll` and an inotify overflow need) and reloads the
  /// ones that changed, appeared or disappeared.
  @discardableResult
  public func rescan() -> Bool {
    var names = Set(FileKind.required.map { $0.fileName! })
    names.formUnion(listReports())
    names.formUnion(slots.keys)
    return reload(changed: names)
  }

  /// Reads every file again (the `r` key), whatever its stamp, keeping last good versions.
  @discardableResult
  public func reloadAll() -> Bool {
    var names = Set(FileKind.required.map { $0.fileName! })
    names.formUnion(listReports())
    names.formUnion(slots.keys)
    return reload(names, force: true)
  }

  /// The report files on disk now, noting names that cannot be read.
  private func listReports() -> [String] {
    let listing = ReportsFolder.list(directory: directory)
    if listing.state != .broken { nameFindings = listing.findings }
    return listing.names
  }

  private func relative(_ p: String) -> String {
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    return p.hasPrefix(prefix) ? String(p.dropFirst(prefix.count)) : p
  }

  // MARK: - Assembling

  /// Everything again: used when a non-report file changed (the context of every check moves).
  private func rebuildAll() {
    lastChangedFrom = nil
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
    // The non-report files: the version on disk unless it fails and an older good one exists.
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
    let baseInEffect = baseNames.compactMap { candidate[$0] }
    for n in baseNames {
      slots[n]?.inEffect = candidate[n]
      if let slot = slots[n], slot.current != nil, !held.contains(n),
        !found.contains(where: { $0.file == n && $0.severity == .error })
      {
        slots[n]?.good = slot.current
        slots[n]?.goodStamp = slot.stamp
      }
    }
    // A required file that is gone keeps its last good version in effect (and says so).
    for n in missing where candidate[n] != nil { held.insert(n) }
    checker = check
    baseFindings = found + dirFindings

    reportFindings = [:]
    reports = []
    let order = reportOrder ?? slots.compactMap { $0.value.kind == .report ? $0.key : nil }.sorted()
    reportOrder = order
    var inEffect: [ReportFile] = []
    inEffect.reserveCapacity(order.count)
    for path in order {
      guard let slot = slots[path] else { continue }
      if let r = settleReport(path, slot) { inEffect.append(r) }
      if slot.inEffectVersion != nil && slot.goodStamp != slot.stamp { held.insert(path) }
    }
    reports = inEffect
    heldBack = held

    var campaign: Campaign?
    if let info = campaignInfo(baseInEffect), let nodes = part(baseInEffect, .organization),
      let cats = part(baseInEffect, .indicators), let tasks = part(baseInEffect, .tasks),
      let problems = part(baseInEffect, .problems)
    {
      var c = Campaign(
        info: info, nodes: nodes.organization, categories: cats.indicators, tasks: tasks.tasks,
        problems: problems.problems, reportFiles: reports)
      let notes = MeetingNotes.load(directory: directory, info: info)
      c.notes = notes.notes
      baseFindings += notes.findings
      audit = ResponsibilityAudit.run(c).map(\.finding)
      campaign = c
    } else {
      audit = []
    }
    publish(campaign)
  }

  /// Decode findings plus the cross-file checks of the non-report files.
  private func baseChecks(_ files: [DecodedFile]) -> (checker: CrossChecker, findings: [Finding]) {
    let c = CrossChecker(
      files: files, info: campaignInfo(files), nodes: part(files, .organization)?.organization ?? [],
      indicators: part(files, .indicators)?.indicators ?? [], tasks: part(files, .tasks)?.tasks ?? [])
    return (c, files.flatMap(\.findings) + c.run())
  }

  /// Decides which version of one report file is in effect (checked against the current
  /// context) and records the current version's findings. Returns the report in effect.
  private func settleReport(_ path: String, _ slot: Slot) -> ReportFile? {
    // Through the boxes: copying a decoded file out retains each of its arrays and strings.
    guard let current = slot.currentVersion, let checker else { return nil }
    let found = current.file.findings + checker.check(current.file)
    reportFindings[path] = found.isEmpty ? nil : found
    let failing = found.contains { $0.severity == .error }
    if !failing, case .report(let r) = current.file.content {
      slot.goodVersion = slot.currentVersion
      slot.goodStamp = slot.stamp
      slot.inEffectVersion = slot.currentVersion
      return r
    }
    // Fails now: the last good version stays, if it still passes the checks.
    slot.inEffectVersion = nil
    if let good = slot.good, !checker.check(good).contains(where: { $0.severity == .error }),
      case .report(let r) = good.content
    {
      slot.inEffectVersion = slot.goodVersion
      return r
    }
    return nil
  }

  /// Only report files changed: check them alone and patch the campaign's series.
  private func patchReports(_ changed: Set<String>) {
    guard let old = result.campaign else {
      rebuildAll()
      return
    }
    var touched: Set<ReportSubject> = []
    var fresh: [ReportFile] = []
    var earliest: Day?
    func note(_ entries: [ReportEntry]) {
      for e in entries {
        touched.insert(e.subject)
        earliest = min(earliest ?? e.date, e.date)
      }
    }
    for path in changed {
      // The entries of the version that was in effect go (the slot still holds it: the reload
      // replaced only the version on disk)…
      if case .report(let r)? = slots[path]?.inEffect?.content ?? deletedInEffect[path].map({ .report($0) }) {
        note(r.entries)
      }
      reportFindings[path] = nil
      heldBack.remove(path)
      // …and those of the version now in effect come.
      if let slot = slots[path], let r = settleReport(path, slot) {
        note(r.entries)
        fresh.append(r)
        if slots[path]?.goodStamp != slots[path]?.stamp { heldBack.insert(path) }
      }
    }
    deletedInEffect = [:]
    let byPath = Dictionary(fresh.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    var series = old.series
    for subject in touched {
      var points = (series[subject] ?? []).filter { !changed.contains($0.file) }
      for path in byPath.keys.sorted() {
        let f = byPath[path]!
        for e in f.entries where e.subject == subject {
          points.append(SeriesPoint(date: e.date, value: e.value, note: e.note, unit: f.unit, file: f.path))
        }
      }
      // By date, then file name, then position in the file (the order the points were added
      // within one file); `enumerated` keeps the sort stable on purpose.
      points = points.enumerated().sorted { a, b in
        if a.element.date != b.element.date { return a.element.date < b.element.date }
        if a.element.file != b.element.file { return a.element.file < b.element.file }
        return a.offset < b.offset
      }.map(\.element)
      series[subject] = points.isEmpty ? nil : points
    }
    // Nothing came or went (a broken file kept its last good version): the same day far ahead.
    lastChangedFrom = earliest ?? old.info.end + 1
    let shelf = ReportShelf(base: old.reportShelf, replacing: changed, with: fresh)
    publish(Campaign(replacingReportsOf: old, reportShelf: shelf, series: series, touched: touched))
  }

  private func publish(_ campaign: Campaign?) {
    var findings = baseFindings + folderFindings + nameFindings
    for f in reportFindings.values { findings += f }
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

extension Campaign {
  /// The same campaign with other report files: every index but the series is kept, and the
  /// series comes ready (patched for the subjects whose reports changed).
  init(
    replacingReportsOf old: Campaign, reportShelf: ReportShelf, series: [ReportSubject: [SeriesPoint]],
    touched: Set<ReportSubject>
  ) {
    info = old.info
    nodes = old.nodes
    categories = old.categories
    tasks = old.tasks
    problems = old.problems
    self.reportShelf = reportShelf
    indicators = old.indicators
    nodeIndex = old.nodeIndex
    indicatorIndex = old.indicatorIndex
    taskIndex = old.taskIndex
    children = old.children
    subCommands = old.subCommands
    units = old.units
    subCommandOfUnit = old.subCommandOfUnit
    self.series = series
    notes = old.notes
    layout = old.layout
    // Only the touched subjects' points moved (ids are unique in a campaign that checks; when
    // they are not, every position is looked up again).
    var indicatorSeries = old.indicatorSeries
    var taskSeries = old.taskSeries
    if old.indicatorIndex.count != old.indicators.count || old.taskIndex.count != old.tasks.count {
      indicatorSeries = old.indicators.map { series[.indicator($0.id)] ?? [] }
      taskSeries = old.tasks.map { series[.task($0.id)] ?? [] }
    } else {
      for subject in touched {
        switch subject {
        case .indicator(let id):
          if let i = old.indicatorIndex[id] { indicatorSeries[i] = series[subject] ?? [] }
        case .task(let id):
          if let i = old.taskIndex[id] { taskSeries[i] = series[subject] ?? [] }
        }
      }
    }
    self.indicatorSeries = indicatorSeries
    self.taskSeries = taskSeries
  }
}
