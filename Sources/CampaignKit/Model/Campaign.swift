import Foundation

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
  /// The report entries, in columns, of every version of a report file read so far (a live
  /// reload appends); ``reportsInEffect`` says which versions the figures are made of.
  let reports: ReportStore
  /// The versions in effect (ids in `reports`), sorted by path.
  let reportsInEffect: [Int32]
  /// How this campaign's reports differ from the campaign it was patched from (nil when it was
  /// made whole): what ``ReportDays`` needs to follow a live reload without reading everything.
  let reportChange: ReportChange?
  /// Tells campaigns apart for ``reportChange`` (copies of one campaign share it).
  let generation: UInt64

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
  /// The office's notes per meeting (`notes/YYYY-MM-DD.md`, 下步工作要求), by meeting date.
  public var notes: [Day: MeetingNote] = [:]
  /// Each indicator's and each task's report entries (same order as `indicators` and `tasks`),
  /// sorted by date, then file path, then place in the file: the value on D is the last one
  /// dated ≤ D. By position, so a standing never hashes an id.
  let indicatorSeries: [[SeriesSample]]
  let taskSeries: [[SeriesSample]]
  /// Where everything adds up in a standing (shared by every copy of the campaign).
  let layout: StandingLayout

  public init(
    info: CampaignInfo, nodes: [OrgNode], categories: [Category], tasks: [CampaignTask],
    problems: [Problem], reportFiles: [ReportFile]
  ) {
    var store = ReportStore()
    store.reserve(files: reportFiles.count, entries: reportFiles.reduce(0) { $0 + $1.entries.count })
    // The loader hands them over sorted already: checking is one pass, sorting is many.
    let inOrder = zip(reportFiles, reportFiles.dropFirst()).allSatisfy { $0.path < $1.path }
    for f in inOrder ? reportFiles : reportFiles.sorted(by: { $0.path < $1.path }) { store.append(f) }
    self.init(
      info: info, nodes: nodes, categories: categories, tasks: tasks, problems: problems, reports: store,
      inEffect: Array(0..<Int32(store.files.count)))
  }

  /// A campaign whose report files are the versions `inEffect` (ids in `reports`, sorted by path).
  init(
    info: CampaignInfo, nodes: [OrgNode], categories: [Category], tasks: [CampaignTask],
    problems: [Problem], reports: ReportStore, inEffect: [Int32]
  ) {
    self.info = info
    self.nodes = nodes
    self.tasks = tasks
    self.problems = problems
    self.reports = reports
    self.reportsInEffect = inEffect
    self.reportChange = nil
    self.generation = CampaignGeneration.next()

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

    let series = SeriesBuilder(
      reports: reports, indicatorIndex: indicatorIndex, taskIndex: taskIndex,
      indicatorIDs: flat.map(\.id), taskIDs: tasks.map(\.id)
    ).build(inEffect)
    self.indicatorSeries = series.indicators
    self.taskSeries = series.tasks
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
    guard let s = samples(of: subject) else { return series(subject).last { $0.date <= day } }
    return Campaign.latestIndex(in: s, on: day).map { point(s[$0]) }
  }

  /// The index of the last sample of a date-sorted series dated on or before `day` (binary search).
  static func latestIndex(in s: [SeriesSample], on day: Day) -> Int? {
    let d = Int32(truncatingIfNeeded: day.ordinal)
    return s.withUnsafeBufferPointer { b in
      var lo = 0
      var hi = b.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if b[mid].day <= d { lo = mid + 1 } else { hi = mid }
      }
      return lo == 0 ? nil : lo - 1
    }
  }
}

/// Numbers that tell campaigns apart (see ``Campaign/generation``).
enum CampaignGeneration {
  private static let counter = Counter()
  static func next() -> UInt64 { counter.next() }

  private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: UInt64 = 0
    func next() -> UInt64 {
      lock.lock()
      defer { lock.unlock() }
      value += 1
      return value
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
