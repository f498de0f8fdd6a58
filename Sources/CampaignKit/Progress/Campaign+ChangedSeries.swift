extension Campaign {
  /// The positions, ascending, of the indicators and tasks whose report points differ from
  /// `old`'s (a campaign of the same structure). When this campaign was patched from `old` by
  /// a live reload, only the subjects named by the report file versions taken out or put in
  /// are looked at (a saved report names a few of 6,650 indicators); otherwise every series
  /// is compared.
  func changedSeries(since old: Campaign) -> (indicators: [Int], tasks: [Int]) {
    // With an id defined twice (a campaign with errors) one subject has several places:
    // comparing everything is simpler than finding them.
    if let change = reportChange, change.base == old.generation,
      indicatorIndex.count == indicators.count, taskIndex.count == tasks.count,
      indicatorSeries.count == old.indicatorSeries.count, taskSeries.count == old.taskSeries.count
    {
      var subjects: Set<Int32> = []
      for id in change.removed + change.added {
        for e in reports.files[Int(id)].entries { subjects.insert(reports.subject[e]) }
      }
      var inds: [Int] = []
      var tasks: [Int] = []
      for k in subjects {
        switch reports.subjectName(k) {
        case .indicator(let id):
          if let i = indicatorIndex[id], indicatorSeries[i] != old.indicatorSeries[i] { inds.append(i) }
        case .task(let id):
          if let t = taskIndex[id], taskSeries[t] != old.taskSeries[t] { tasks.append(t) }
        }
      }
      return (inds.sorted(), tasks.sorted())
    }
    return (
      indicatorSeries.indices.filter { indicatorSeries[$0] != old.indicatorSeries[$0] },
      taskSeries.indices.filter { taskSeries[$0] != old.taskSeries[$0] }
    )
  }
}
