/// One report entry of a subject's series, as a standing reads it: the date (kept here, for the
/// binary search), and the entry's id in ``Campaign/reports`` for the rest (value, note, unit,
/// file). 8 bytes, no strings: a 50× campaign has a quarter of a million.
struct SeriesSample: Sendable, Equatable {
  var day: Int32
  var entry: Int32
  var date: Day { Day(ordinal: Int(day)) }
}

/// How a patched campaign's reports differ from those of the campaign it was made from.
struct ReportChange: Sendable {
  /// ``Campaign/generation`` of that campaign.
  var base: UInt64
  /// File versions (ids in the shared store) taken out of effect, and put in.
  var removed: [Int32]
  var added: [Int32]
}

extension Campaign {
  /// The report files in effect, sorted by path, as the decoder gave them (made on demand:
  /// `validate`'s summary and tests ask; the dashboard never does).
  public var reportFiles: [ReportFile] { reportsInEffect.map { reports.file($0) } }

  /// The report files in effect of one unit, sorted by path.
  public func reportFiles(of unit: String) -> [ReportFile] {
    reportsInEffect.compactMap { id in
      reports.unitName(reports.files[Int(id)].unit) == unit ? reports.file(id) : nil
    }
  }

  /// How many report files are in effect, how many entries they hold, and the first and last
  /// date of those entries.
  public var reportSummary: (files: Int, entries: Int, first: Day?, last: Day?) {
    var entries = 0
    var lo = Int32.max
    var hi = Int32.min
    for id in reportsInEffect {
      let f = reports.files[Int(id)]
      entries += Int(f.count)
      for e in f.entries {
        lo = min(lo, reports.day[e])
        hi = max(hi, reports.day[e])
      }
    }
    return (
      reportsInEffect.count, entries, entries == 0 ? nil : Day(ordinal: Int(lo)),
      entries == 0 ? nil : Day(ordinal: Int(hi))
    )
  }

  /// Every report entry of `subject` in effect, sorted by date, then file, then place in the file.
  public func series(_ subject: ReportSubject) -> [SeriesPoint] {
    if let s = samples(of: subject) { return s.map(point) }
    // A subject the campaign does not define (its reports fail their checks, so this is only
    // ever asked of a campaign with errors): found by reading every entry.
    return series[subject] ?? []
  }

  /// Every subject's points, made from every entry in effect (for tests and tools: the
  /// dashboard reads the series by position).
  public var series: [ReportSubject: [SeriesPoint]] {
    var out: [ReportSubject: [SeriesPoint]] = [:]
    for id in reportsInEffect {
      for e in reports.files[Int(id)].entries {
        out[reports.subjectName(reports.subject[e]), default: []].append(
          point(SeriesSample(day: reports.day[e], entry: Int32(e))))
      }
    }
    for k in out.keys {
      out[k] = out[k]!.enumerated().sorted { a, b in
        a.element.date != b.element.date ? a.element.date < b.element.date : a.offset < b.offset
      }.map(\.element)
    }
    return out
  }

  /// The samples of a defined indicator or task, nil for any other subject.
  func samples(of subject: ReportSubject) -> [SeriesSample]? {
    switch subject {
    case .indicator(let id): indicatorIndex[id].map { indicatorSeries[$0] }
    case .task(let id): taskIndex[id].map { taskSeries[$0] }
    }
  }

  /// The units whose report files changed since `old`, when this campaign was patched from it
  /// by a live reload (the rest of the campaign is `old`'s); nil otherwise.
  public func unitsWithChangedReports(since old: Campaign) -> Set<String>? {
    guard let change = reportChange, change.base == old.generation else { return nil }
    return Set((change.removed + change.added).map { reports.unitName(reports.files[Int($0)].unit) })
  }

  /// A sample with everything its entry says.
  func point(_ s: SeriesSample) -> SeriesPoint {
    let e = Int(s.entry)
    let id = reports.file(ofEntry: e)
    let f = reports.files[Int(id)]
    return SeriesPoint(
      date: s.date, value: reports.value[e], note: reports.noteText(e), unit: reports.unitName(f.unit),
      file: reports.path(id))
  }

  /// The value and the note of a sample's entry.
  func value(of s: SeriesSample) -> Double { reports.value[Int(s.entry)] }
  func note(of s: SeriesSample) -> String { reports.noteText(Int(s.entry)) }

  /// The same campaign with other report file versions in effect: every index but the series
  /// is kept, and only the series of subjects named by the versions taken out or put in are
  /// made again.
  init(
    replacingReportsOf old: Campaign, reports: ReportStore, inEffect: [Int32], removed: [Int32],
    added: [Int32]
  ) {
    info = old.info
    nodes = old.nodes
    categories = old.categories
    tasks = old.tasks
    problems = old.problems
    self.reports = reports
    reportsInEffect = inEffect
    reportChange = ReportChange(base: old.generation, removed: removed, added: added)
    generation = CampaignGeneration.next()
    indicators = old.indicators
    nodeIndex = old.nodeIndex
    indicatorIndex = old.indicatorIndex
    taskIndex = old.taskIndex
    children = old.children
    subCommands = old.subCommands
    units = old.units
    subCommandOfUnit = old.subCommandOfUnit
    notes = old.notes
    layout = old.layout
    var touched: Set<Int32> = []
    for id in removed + added {
      for e in reports.files[Int(id)].entries { touched.insert(reports.subject[e]) }
    }
    let gone = Set(removed)
    var indicatorSeries = old.indicatorSeries
    var taskSeries = old.taskSeries
    // Positions holding an id (more than one only when ids repeat, in a campaign with errors).
    func positions(_ id: String, _ index: [String: Int], _ all: [String]) -> [Int] {
      guard let first = index[id] else { return [] }
      return index.count == all.count ? [first] : all.indices.filter { all[$0] == id }
    }
    for k in touched {
      let subject = reports.subjectName(k)
      let before: [SeriesSample]
      let places: [Int]
      switch subject {
      case .indicator(let id):
        places = positions(id, indicatorIndex, indicators.map(\.id))
        before = places.first.map { indicatorSeries[$0] } ?? []
      case .task(let id):
        places = positions(id, taskIndex, tasks.map(\.id))
        before = places.first.map { taskSeries[$0] } ?? []
      }
      guard !places.isEmpty else { continue }
      var samples = before.filter { !gone.contains(reports.file(ofEntry: Int($0.entry))) }
      for id in added {
        for e in reports.files[Int(id)].entries where reports.subject[e] == k {
          samples.append(SeriesSample(day: reports.day[e], entry: Int32(e)))
        }
      }
      // By date, then file path, then place in the file (entries of one file are numbered in order).
      let r = reports
      samples.sort { a, b in
        if a.day != b.day { return a.day < b.day }
        let fa = r.file(ofEntry: Int(a.entry))
        let fb = r.file(ofEntry: Int(b.entry))
        if fa == fb { return a.entry < b.entry }
        return r.path(fa) < r.path(fb)
      }
      for p in places {
        switch subject {
        case .indicator: indicatorSeries[p] = samples
        case .task: taskSeries[p] = samples
        }
      }
    }
    self.indicatorSeries = indicatorSeries
    self.taskSeries = taskSeries
  }
}

/// Makes every indicator's and task's series from the report versions in effect.
struct SeriesBuilder {
  let reports: ReportStore
  let indicatorIndex: [String: Int]
  let taskIndex: [String: Int]
  let indicatorIDs: [String]
  let taskIDs: [String]

  func build(_ inEffect: [Int32]) -> (indicators: [[SeriesSample]], tasks: [[SeriesSample]]) {
    // Where each subject's entries go: indicator i as i, task t as -(t + 1), nowhere as min.
    let nowhere = Int32.min
    var target = [Int32](repeating: nowhere, count: reports.subjectCount)
    for k in target.indices {
      switch reports.subjectName(Int32(k)) {
      case .indicator(let id): if let i = indicatorIndex[id] { target[k] = Int32(i) }
      case .task(let id): if let t = taskIndex[id] { target[k] = -Int32(t) - 1 }
      }
    }
    var ind = [[SeriesSample]](repeating: [], count: indicatorIDs.count)
    var tsk = [[SeriesSample]](repeating: [], count: taskIDs.count)
    // Counted first, so each series is allocated once at its size.
    var countI = [Int](repeating: 0, count: ind.count)
    var countT = [Int](repeating: 0, count: tsk.count)
    reports.subject.withUnsafeBufferPointer { subject in
      for id in inEffect {
        for e in reports.files[Int(id)].entries {
          let t = target[Int(subject[e])]
          if t >= 0 { countI[Int(t)] += 1 } else if t != nowhere { countT[Int(-t - 1)] += 1 }
        }
      }
    }
    for i in ind.indices where countI[i] > 0 { ind[i].reserveCapacity(countI[i]) }
    for t in tsk.indices where countT[t] > 0 { tsk[t].reserveCapacity(countT[t]) }
    // Files in path order and entries in file order: a stable sort by date gives the order.
    for id in inEffect {
      for e in reports.files[Int(id)].entries {
        let t = target[Int(reports.subject[e])]
        let s = SeriesSample(day: reports.day[e], entry: Int32(e))
        if t >= 0 { ind[Int(t)].append(s) } else if t != nowhere { tsk[Int(-t - 1)].append(s) }
      }
    }
    for i in ind.indices { Self.sortByDate(&ind[i]) }
    for t in tsk.indices { Self.sortByDate(&tsk[t]) }
    // An id defined twice (a campaign with errors) shows the same series at both places.
    if indicatorIndex.count != indicatorIDs.count {
      for i in indicatorIDs.indices { if let f = indicatorIndex[indicatorIDs[i]], f != i { ind[i] = ind[f] } }
    }
    if taskIndex.count != taskIDs.count {
      for t in taskIDs.indices { if let f = taskIndex[taskIDs[t]], f != t { tsk[t] = tsk[f] } }
    }
    return (ind, tsk)
  }

  /// Stable: samples of one day keep their order (usually they come sorted already, by path).
  static func sortByDate(_ s: inout [SeriesSample]) {
    guard zip(s, s.dropFirst()).contains(where: { $0.day > $1.day }) else { return }
    s = s.enumerated().sorted { a, b in
      a.element.day != b.element.day ? a.element.day < b.element.day : a.offset < b.offset
    }.map(\.element)
  }
}
