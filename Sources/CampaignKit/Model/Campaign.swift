/// A whole campaign directory, decoded and indexed: the immutable input of every computation.
///
/// The indexes are built once here so that computing a ``Standing`` for any date is a walk
/// over arrays, not a search.
public struct Campaign: Sendable {
  public let info: CampaignInfo
  public let nodes: [OrgNode]
  public let categories: [Category]
  public let tasks: [CampaignTask]
  public let problems: [Problem]
  /// The report files in effect, sorted by path.
  public var reportFiles: [ReportFile] { reportShelf.files }
  /// Where they are kept: a live reload swaps a few files without copying the tens of
  /// thousands of others (nothing on the live path reads the whole list).
  let reportShelf: ReportShelf

  /// All indicators in document order (category, item, indicator).
  public let indicators: [Indicator]
  public let nodeIndex: [String: Int]
  public let indicatorIndex: [String: Int]
  public let taskIndex: [String: Int]
  /// Children of each node id, in document order.
  public let children: [String: [String]]
  /// Sub-commands ordered by key (1–8).
  public let subCommands: [OrgNode]
  /// Responsible units (unit, township, community) in document order.
  public let units: [OrgNode]
  /// For each responsible unit, the sub-command above it (if any).
  public let subCommandOfUnit: [String: String]
  /// Report entries per subject, sorted by date then file order: the value on D is the last
  /// entry dated ≤ D.
  public let series: [ReportSubject: [SeriesPoint]]
  /// The office's notes per meeting (`notes/YYYY-MM-DD.md`, 下步工作要求), by meeting date.
  public var notes: [Day: MeetingNote] = [:]
  /// `series` by position: each indicator's and each task's points (same order as
  /// `indicators` and `tasks`), so a standing never hashes an id.
  let indicatorSeries: [[SeriesPoint]]
  let taskSeries: [[SeriesPoint]]
  /// Where everything adds up in a standing (shared by every copy of the campaign).
  let layout: StandingLayout

  public init(
    info: CampaignInfo, nodes: [OrgNode], categories: [Category], tasks: [CampaignTask],
    problems: [Problem], reportFiles: [ReportFile]
  ) {
    self.info = info
    self.nodes = nodes
    self.tasks = tasks
    self.problems = problems
    // The loader hands them over sorted already: checking is one pass, sorting is many.
    let inOrder = zip(reportFiles, reportFiles.dropFirst()).allSatisfy { $0.path < $1.path }
    let files = inOrder ? reportFiles : reportFiles.sorted { $0.path < $1.path }
    self.reportShelf = ReportShelf(sorted: files)

    var cats = categories
    var flat: [Indicator] = []
    for c in cats.indices {
      for i in cats[c].items.indices {
        for k in cats[c].items[i].indicators.indices {
          cats[c].items[i].indicators[k].categoryID = cats[c].id
          cats[c].items[i].indicators[k].itemID = cats[c].items[i].id
          flat.append(cats[c].items[i].indicators[k])
        }
      }
    }
    self.categories = cats
    self.indicators = flat

    self.nodeIndex = Dictionary(nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    self.indicatorIndex = Dictionary(flat.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    self.taskIndex = Dictionary(tasks.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

    var children: [String: [String]] = [:]
    for n in nodes { if let p = n.parent { children[p, default: []].append(n.id) } }
    self.children = children
    self.subCommands = nodes.filter { $0.kind == .subCommand }.sorted { ($0.key ?? 99) < ($1.key ?? 99) }
    self.units = nodes.filter { $0.kind.isUnit }

    let above = TreeWalk.subCommandAbove(nodes, index: self.nodeIndex)
    var scOf: [String: String] = [:]
    for u in units { if let sc = above[u.id] { scOf[u.id] = sc } }
    self.subCommandOfUnit = scOf

    var series: [ReportSubject: [SeriesPoint]] = [:]
    for f in files {
      for e in f.entries {
        series[e.subject, default: []].append(
          SeriesPoint(date: e.date, value: e.value, note: e.note, unit: f.unit, file: f.path))
      }
    }
    // Stable: keeps file order per day. In place through `values` (looping over a copy of
    // `keys` while writing made the dictionary, and then every series, be copied first).
    var at = series.values.startIndex
    while at != series.values.endIndex {
      series.values[at].sort { $0.date < $1.date }
      series.values.formIndex(after: &at)
    }
    self.series = series
    self.indicatorSeries = flat.map { series[.indicator($0.id)] ?? [] }
    self.taskSeries = tasks.map { series[.task($0.id)] ?? [] }
    self.layout = StandingLayout(indicators: flat, tasks: tasks, problems: problems, units: units)
  }

  public func node(_ id: String) -> OrgNode? { nodeIndex[id].map { nodes[$0] } }
  public func indicator(_ id: String) -> Indicator? { indicatorIndex[id].map { indicators[$0] } }
  public func task(_ id: String) -> CampaignTask? { taskIndex[id].map { tasks[$0] } }
  public func subCommand(key: Int) -> OrgNode? { subCommands.first { $0.key == key } }

  /// Sum of all indicators' points.
  public var pointsSum: Double { indicators.reduce(0) { $0 + $1.points } }

  /// The latest report entry of `subject` dated on or before `day`.
  public func latest(_ subject: ReportSubject, on day: Day) -> SeriesPoint? {
    guard let s = series[subject] else { return nil }
    return Campaign.latest(in: s, on: day)
  }

  /// The last point of a date-sorted series dated on or before `day` (binary search).
  static func latest(in s: [SeriesPoint], on day: Day) -> SeriesPoint? {
    latestIndex(in: s, on: day).map { s[$0] }
  }

  /// The index of that point; reading only the dates (copying a point retains three strings).
  static func latestIndex(in s: [SeriesPoint], on day: Day) -> Int? {
    s.withUnsafeBufferPointer { b in
      var lo = 0
      var hi = b.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if b[mid].date <= day { lo = mid + 1 } else { hi = mid }
      }
      return lo == 0 ? nil : lo - 1
    }
  }
}

/// One reported value of an indicator or task.
public struct SeriesPoint: Sendable, Equatable {
  public var date: Day
  public var value: Double
  public var note: String
  public var unit: String
  /// The report file it came from (`reports/…`): lets a live reload replace one file's points.
  public var file: String
}
