/// Puts decoded files together into a ``Campaign`` and runs the checks that need more than one
/// file: duplicate ids, references, the shape of the tree, dates inside the period.
public enum CampaignAssembler {
  /// Assembles whatever is usable. The campaign is nil only when a required file is missing or
  /// unusable; records with errors were already left out by the decoders, and report files
  /// with errors are left out whole (a half-read report would show wrong figures).
  public static func assemble(_ files: [DecodedFile]) -> LoadResult {
    var findings = files.flatMap(\.findings)
    var info: CampaignInfo?
    var nodes: [OrgNode]?
    var categories: [Category]?
    var tasks: [CampaignTask]?
    var problems: [Problem]?
    var reports: [ReportFile] = []
    for f in files {
      switch f.content {
      case .campaign(let c): info = c
      case .organization(let n): nodes = n
      case .indicators(let c): categories = c
      case .tasks(let t): tasks = t
      case .problems(let p): problems = p
      case .report(let r): reports.append(r)
      case .unusable: break
      }
    }

    let checker = CrossChecker(
      files: files, info: info, nodes: nodes ?? [], indicators: categories ?? [], tasks: tasks ?? [])
    findings += checker.run(files)

    let badReports = Set(
      findings.filter { $0.severity == .error && $0.file.hasPrefix("reports/") }.map(\.file))
    reports.removeAll { badReports.contains($0.path) }

    guard let info, let nodes, let categories, let tasks, let problems else {
      return LoadResult(campaign: nil, findings: findings.sorted())
    }
    let campaign = Campaign(
      info: info, nodes: nodes, categories: categories, tasks: tasks, problems: problems, reportFiles: reports
    )
    // The audit judges a whole campaign; on one with errors (records left out) it would
    // report gaps that are only the shadow of those errors.
    if !findings.contains(where: { $0.severity == .error }) {
      findings += ResponsibilityAudit.run(campaign).map(\.finding)
    }
    return LoadResult(campaign: campaign, findings: findings.sorted())
  }
}

/// The outcome of loading a campaign directory.
public struct LoadResult: Sendable {
  public var campaign: Campaign?
  /// Every error and warning, sorted by file and position.
  public var findings: [Finding]
  /// Required files (or the directory itself) that do not exist.
  public var missing: [String] = []

  public init(campaign: Campaign?, findings: [Finding], missing: [String] = []) {
    self.campaign = campaign
    self.findings = findings
    self.missing = missing
  }

  public var errors: [Finding] { findings.filter { $0.severity == .error } }
  public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
  public var isValid: Bool { campaign != nil && errors.isEmpty }
}

/// The cross-file checks. The context (ids defined, kinds, measures, the period) comes from the
/// non-report files, which are the only ones that define ids; the per-file checks
/// (``check(_:)``) can then run on one report file alone, which is what keeps a live reload
/// proportional to the file that changed.
///
/// A class: it is shared by every report file's check, and copying a struct of a dozen tables
/// for each of tens of thousands of files cost a retain and release per table.
final class CrossChecker: Sendable {
  let info: CampaignInfo?
  let nodes: [OrgNode]
  let indicators: [Category]
  let tasks: [CampaignTask]

  private let kindOf: [String: NodeKind]
  private let nodeIDs: Set<String>
  private let indicatorIDs: Set<String>
  private let taskIDs: Set<String>
  private let checkNodes: Bool
  private let checkIndicators: Bool
  private let checkTasks: Bool
  private let unitIDs: [String]
  private let subIDs: [String]
  private let gridIDs: [String]
  private let parentOf: [String: String]
  private let measureOf: [ReportSubject: Measure]
  /// For ``passes(_:_:)``: every subject a report may name that is known or has a measure.
  private let subjectFacts: [ReportSubject: SubjectFacts]

  /// What reports are numbered by in a ``ReportStore``: the subjects and units this context
  /// knows (most reports name nothing else).
  let reportNames: ReportStore.Names

  private struct SubjectFacts {
    /// Defined (the reference check finds it).
    var known = false
    var measure: Measure?
  }

  init(
    files: [DecodedFile], info: CampaignInfo?, nodes: [OrgNode], indicators: [Category], tasks: [CampaignTask]
  ) {
    self.info = info
    self.nodes = nodes
    self.indicators = indicators
    self.tasks = tasks
    var kindOf: [String: NodeKind] = [:]
    kindOf.reserveCapacity(nodes.count)
    for n in nodes where kindOf[n.id] == nil { kindOf[n.id] = n.kind }
    self.kindOf = kindOf
    // The ids defined, straight from each file's definitions (grouping a copy of every site
    // first was a fifth of this initialiser at 50×).
    var definedNodes = Set<String>()
    var definedIndicators = Set<String>()
    var definedTasks = Set<String>()
    for f in files {
      for d in f.definitions {
        switch d.space {
        case .node: definedNodes.insert(d.id)
        case .indicator: definedIndicators.insert(d.id)
        case .task: definedTasks.insert(d.id)
        case .category, .item, .problem: break
        }
      }
    }
    nodeIDs = definedNodes
    indicatorIDs = definedIndicators
    taskIDs = definedTasks
    let usable = { (kind: FileKind) in
      files.contains { f in
        guard f.kind == kind else { return false }
        if case .unusable = f.content { return false }
        return true
      }
    }
    checkNodes = usable(.organization)
    checkIndicators = usable(.indicators)
    checkTasks = usable(.tasks)
    unitIDs = nodes.filter { $0.kind.isUnit }.map(\.id)
    subIDs = nodes.filter { $0.kind == .subCommand }.map(\.id)
    gridIDs = nodes.filter { $0.kind == .grid }.map(\.id)
    var parentOf: [String: String] = [:]
    parentOf.reserveCapacity(nodes.count)
    for n in nodes where parentOf[n.id] == nil { parentOf[n.id] = n.parent }
    self.parentOf = parentOf
    var measureOf: [ReportSubject: Measure] = [:]
    measureOf.reserveCapacity(definedIndicators.count + tasks.count)
    for c in indicators {
      for i in c.items { for ind in i.indicators { measureOf[.indicator(ind.id)] = ind.measure } }
    }
    for t in tasks { measureOf[.task(t.id)] = t.measure }
    self.measureOf = measureOf
    var facts: [ReportSubject: SubjectFacts] = [:]
    facts.reserveCapacity(definedIndicators.count + definedTasks.count)
    for id in definedIndicators { facts[.indicator(id), default: SubjectFacts()].known = true }
    for id in definedTasks { facts[.task(id), default: SubjectFacts()].known = true }
    for (subject, m) in measureOf { facts[subject, default: SubjectFacts()].measure = m }
    subjectFacts = facts
    reportNames = ReportStore.Names(
      subjects: facts.keys.sorted(by: ReportSubject.numberingOrder),
      units: nodes.filter { $0.kind.isUnit }.map(\.id))
  }

  /// Whether a report read by ``ReportFastDecoder`` passes every check of ``check(_:)``,
  /// looking each subject up once: the usual answer, and then no site is ever made. (When it
  /// does not pass, ``check(_:)`` finds out what is wrong the general way.) Each test below
  /// is the negation of one in ``referenceProblem(_:)``, ``datesInPeriod(in:)`` or
  /// ``reportValues(in:)``.
  func passes(_ r: ReportFile, _ sites: ReportSites) -> Bool {
    if checkNodes {
      guard nodeIDs.contains(r.unit) else { return false }
      if let k = kindOf[r.unit], !k.isUnit { return false }
    }
    for (e, s) in zip(r.entries, sites.entries) {
      if let info, e.date < info.start || e.date > info.end { return false }
      let facts = subjectFacts[e.subject]
      let checked: Bool
      switch e.subject {
      case .indicator: checked = checkIndicators
      case .task: checked = checkTasks
      }
      if checked && !(facts?.known ?? false) { return false }
      if let m = facts?.measure {
        if s.wasBoolean && m.kind != .yesno { return false }
        if m.kind == .yesno && e.value != 0 && e.value != 1 { return false }
        if m.kind == .percent && e.value > 100 { return false }
      }
    }
    return true
  }

  /// Every check of `files` (the ones the checker was made from; it does not keep them, so
  /// their sites are not held for the whole session).
  func run(_ files: [DecodedFile]) -> [Finding] {
    duplicateIDs(files) + tree(files) + files.flatMap(check)
  }

  /// The checks of one file against the context: references, dates, reported values.
  func check(_ f: DecodedFile) -> [Finding] {
    if let sites = f.reportSites, case .report(let r) = f.content, passes(r, sites) { return [] }
    return references(in: f) + datesInPeriod(in: f) + reportValues(in: f)
  }

  func duplicateIDs(_ files: [DecodedFile]) -> [Finding] {
    /// An id in its namespace, without building a joined string per definition.
    struct Key: Hashable {
      let space: String
      let id: String
    }
    // Where each id was first defined: a file and a definition by position (copying the site,
    // with its path, into the table for each of a 50× campaign's 20 thousand ids cost more
    // than the lookups).
    var first: [Key: (file: Int32, definition: Int32)] = [:]
    first.reserveCapacity(files.reduce(0) { $0 + $1.definitions.count })
    var out: [Finding] = []
    for (k, f) in files.enumerated() {
      for (j, d) in f.definitions.enumerated() {
        let key = Key(space: d.space.sharedSpace, id: d.id)
        if let prior = first[key] {
          let file = files[Int(prior.file)]
          let site = file.definitions[Int(prior.definition)]
          out.append(
            Finding(
              .error, file: f.path, position: d.position, path: d.path,
              message:
                "duplicate id \"\(d.id)\": already used by the \(site.space.rawValue) at \(file.path):\(site.position) (\(site.path)); ids must be unique"
            ))
        } else {
          first[key] = (Int32(k), Int32(j))
        }
      }
    }
    return out
  }

  /// Checks every reference of a file. Ids are taken from the definitions, not from the
  /// records that decoded cleanly, so one broken record yields one error rather than a cascade
  /// of "unknown id" errors in every file that names it; a required file that could not be
  /// read at all suspends the checks that point into it for the same reason.
  func references(in f: DecodedFile) -> [Finding] {
    var out: [Finding] = []
    func check(_ r: ReferenceSite) {
      if let problem = referenceProblem(r) {
        out.append(Finding(.error, file: f.path, position: r.position, path: r.path, message: problem))
      }
    }
    if let sites = f.reportSites, case .report(let report) = f.content {
      sites.eachReference(of: report, check)
    } else {
      f.references.forEach(check)
    }
    return out
  }

  /// What is wrong with one reference, nil when nothing is.
  private func referenceProblem(_ r: ReferenceSite) -> String? {
    var problem: String?
    switch r.target {
    case .anyNode, .unit, .subCommand:
      guard checkNodes else { return nil }
      if !nodeIDs.contains(r.id) {
        problem = unknown(
          r, among: r.target == .unit ? unitIDs : r.target == .subCommand ? subIDs : Array(nodeIDs))
      } else if let k = kindOf[r.id] {
        if r.target == .unit && !k.isUnit || r.target == .subCommand && k != .subCommand {
          problem =
            "\"\(r.id)\" is \(k.noun); expected a \(r.target == .unit ? "unit, township or community" : "sub-command")"
        }
      }
    case .grid(let unit):
      guard checkNodes else { return nil }
      if !nodeIDs.contains(r.id) {
        problem = unknown(r, among: gridIDs)
      } else if let k = kindOf[r.id], k != .grid {
        problem = "\"\(r.id)\" is \(k.noun); expected a grid cell"
      } else if let unit, !isUnder(r.id, unit) {
        problem = "grid cell \"\(r.id)\" does not lie under \"\(unit)\", the problem's unit"
      }
    case .indicator:
      if checkIndicators && !indicatorIDs.contains(r.id) { problem = unknown(r, among: indicatorIDs) }
    case .task:
      if checkTasks && !taskIDs.contains(r.id) { problem = unknown(r, among: taskIDs) }
    }
    return problem
  }

  /// Whether `ancestor` is on the way up from `id` (bounded, so a cycle cannot hang it).
  private func isUnder(_ id: String, _ ancestor: String) -> Bool {
    var cursor = parentOf[id]
    var steps = 0
    while let c = cursor, steps <= parentOf.count {
      if c == ancestor { return true }
      cursor = parentOf[c]
      steps += 1
    }
    return false
  }

  private func unknown(_ r: ReferenceSite, among ids: some Sequence<String>) -> String {
    var msg = "unknown \(r.target.noun) \"\(r.id)\""
    let near = nearMatches(r.id, in: ids)
    if !near.isEmpty { msg += " (did you mean " + near.map { "\"\($0)\"" }.joined(separator: ", ") + "?)" }
    return msg
  }

  /// One leading group, no cycles, sub-command keys unique.
  func tree(_ files: [DecodedFile]) -> [Finding] {
    guard let org = files.first(where: { $0.kind == .organization }) else { return [] }
    // Without a usable organization file, "no leading group" would only echo its error.
    if case .unusable = org.content { return [] }
    var out: [Finding] = []
    let site = Dictionary(org.definitions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    func err(_ id: String, _ field: String, _ msg: String) {
      let s = site[id]
      let path = s.map { String($0.path.dropLast(3)) + "." + field } ?? ""
      out.append(Finding(.error, file: org.path, position: s?.position, path: path, message: msg))
    }
    let roots = nodes.filter { $0.kind == .leadingGroup }
    if roots.isEmpty {
      out.append(
        Finding(
          .error, file: org.path, path: "nodes",
          message: "no node of kind \"leadingGroup\": the tree needs its top"))
    } else if roots.count > 1 {
      for extra in roots.dropFirst() {
        err(
          extra.id, "kind",
          "a second leading group (\"\(roots[0].id)\" is already the top); the tree has one top")
      }
    }
    for cycle in TreeWalk.cycles(nodes) {
      err(
        cycle[0], "parent",
        "the tree has a cycle: " + cycle.joined(separator: " → ") + "; one of these parents is wrong")
    }
    var keyOwner: [Int: String] = [:]
    for n in nodes where n.kind == .subCommand {
      guard let k = n.key else { continue }
      if let other = keyOwner[k] {
        err(
          n.id, "key",
          "key \(k) is already used by sub-command \"\(other)\"; each sub-command needs its own key 1–8")
      } else {
        keyOwner[k] = n.id
      }
    }
    return out
  }

  func datesInPeriod(in f: DecodedFile) -> [Finding] {
    guard let info else { return [] }
    var out: [Finding] = []
    func check(_ d: DateSite) {
      guard d.day < info.start || d.day > info.end else { return }
      out.append(
        Finding(
          .error, file: f.path, position: d.position, path: d.path,
          message:
            "\(d.day) lies outside the campaign period \(info.start) … \(info.end) (campaign.json period)"))
    }
    if let sites = f.reportSites, case .report(let report) = f.content {
      sites.eachDate(of: report, check)
    } else {
      f.dates.forEach(check)
    }
    return out
  }

  /// Values that cannot be right for the measure they report on.
  func reportValues(in f: DecodedFile) -> [Finding] {
    var out: [Finding] = []
    func check(_ v: ValueSite) {
      guard let m = measureOf[v.subject] else { return }
      var problem: String?
      if v.wasBoolean && m.kind != .yesno {
        problem =
          "true/false is only for yes/no measures; this one is a \(m.kind.rawValue) measure\(m.unit.isEmpty ? "" : " in \(m.unit)"), so give a number"
      } else if m.kind == .yesno && v.value != 0 && v.value != 1 {
        problem = "a yes/no measure takes 0 or 1 (or false/true), found \(formatNumber(v.value))"
      } else if m.kind == .percent && v.value > 100 {
        problem = "a percentage cannot exceed 100, found \(formatNumber(v.value))"
      }
      if let problem {
        out.append(Finding(.error, file: f.path, position: v.position, path: v.path, message: problem))
      }
    }
    if let sites = f.reportSites, case .report(let report) = f.content {
      sites.eachValue(of: report, check)
    } else {
      f.values.forEach(check)
    }
    return out
  }
}

extension CrossChecker {
  /// The facts ``passes(_:file:facts:)`` needs about each subject of `store`, by its number.
  func facts(for store: ReportStore) -> ReportFacts {
    ReportFacts(
      subjects: (0..<Int32(store.subjectCount)).map { k in
        let s = store.subjectName(k)
        let f = subjectFacts[s]
        let checked: Bool
        switch s {
        case .indicator: checked = checkIndicators
        case .task: checked = checkTasks
        }
        return ReportFacts.Subject(fails: checked && !(f?.known ?? false), measure: f?.measure)
      },
      unitFails: (0..<Int32(store.unitCount)).map { k in
        let u = store.unitName(k)
        guard checkNodes else { return false }
        return !nodeIDs.contains(u) || !(kindOf[u]?.isUnit ?? true)
      })
  }

  /// Whether version `id` in `store` passes every check of ``check(_:)``, from its columns:
  /// the same tests as ``passes(_:_:)``, so re-checking every report against a changed
  /// context costs array reads, not a decode.
  func passes(_ store: ReportStore, file id: Int32, facts: ReportFacts) -> Bool {
    let f = store.files[Int(id)]
    if facts.unitFails[Int(f.unit)] { return false }
    for e in f.entries {
      let d = Day(ordinal: Int(store.day[e]))
      if let info, d < info.start || d > info.end { return false }
      let s = facts.subjects[Int(store.subject[e])]
      if s.fails { return false }
      if let m = s.measure {
        let v = store.value[e]
        if store.boolean[e] && m.kind != .yesno { return false }
        if m.kind == .yesno && v != 0 && v != 1 { return false }
        if m.kind == .percent && v > 100 { return false }
      }
    }
    return true
  }
}

/// Per number in one ``ReportStore``: whether a subject or unit fails a report by itself, and
/// a subject's measure.
struct ReportFacts {
  struct Subject {
    var fails: Bool
    var measure: Measure?
  }
  var subjects: [Subject]
  var unitFails: [Bool]
}

extension ReportSubject {
  /// Indicators before tasks, each by id: a fixed order for numbering (compared in place: a
  /// key string per comparison cost 200 thousand allocations at 50×).
  static func numberingOrder(_ a: ReportSubject, _ b: ReportSubject) -> Bool {
    switch (a, b) {
    case (.indicator(let x), .indicator(let y)), (.task(let x), .task(let y)): x < y
    case (.indicator, .task): true
    case (.task, .indicator): false
    }
  }
}
