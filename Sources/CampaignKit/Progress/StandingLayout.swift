/// Where each indicator, task and problem adds up, as positions in flat arrays: computed once
/// per campaign (it does not depend on the date or on the reports) and shared by reference, so
/// that a ``Standing`` for one more date is a walk over arrays with no hashing of ids.
final class StandingLayout: Sendable {
  /// Sub-commands, categories and items in the order their indicators first name them; units
  /// in document order.
  let subCommands: IDIndex
  let categories: IDIndex
  let items: IDIndex
  let units: IDIndex
  /// Per indicator (same order as `Campaign.indicators`).
  let indicatorSubCommand: [Int]
  let indicatorCategory: [Int]
  let indicatorItem: [Int]
  /// The lead unit's position, -1 when the lead is not a responsible unit (or none).
  let indicatorLead: [Int]
  /// Supporting units of indicator `i`: `supportUnits[supportStart[i]..<supportStart[i + 1]]`,
  /// each once, never the lead.
  let supportStart: [Int]
  let supportUnits: [Int]
  /// Per task: the lead unit's position, or -1.
  let taskLead: [Int]
  /// Per unit: indices into `Campaign.tasks` of the tasks it leads, in order.
  let tasksOfUnit: [[Int]]
  /// Per problem: the unit's position, or -1.
  let problemUnit: [Int]

  /// What a standing reads of each indicator besides its reports, as plain values: reading
  /// them out of `Campaign.indicators` copied (and retained) the whole record every time.
  let indicatorPoints: [Double]
  let indicatorDeadline: [Day]
  let indicatorRule: [ProgressRule]
  /// The same of each task (a task without a deadline runs to the end of the campaign).
  let taskRule: [ProgressRule]
  let taskDeadline: [Day?]
  /// Grid cells named by problems, and each problem's cell (-1 without one).
  let grids: IDIndex
  let problemGrid: [Int]
  /// Each problem's dates (``ProblemClock``), so the ledger's counts read no strings.
  let problemClock: [ProblemClock]
  /// The fixes and verifications undone by reopenings: problem `k`'s are
  /// `reopenings[reopeningStart[k]..<reopeningStart[k + 1]]`, oldest first.
  let reopeningStart: [Int]
  let reopenings: [ProblemClock.Cycle]

  /// The indicators adding up into each sub-command, category, item, and into each unit as
  /// the lead or as a supporting unit, in index order (what an updated standing sums again).
  let subCommandMembers: GroupMembers
  let categoryMembers: GroupMembers
  let itemMembers: GroupMembers
  let ledMembers: GroupMembers
  let supportedMembers: GroupMembers

  init(indicators: [Indicator], tasks: [CampaignTask], problems: [Problem], units unitNodes: [OrgNode]) {
    let subCommands = IDIndex(indicators.map(\.subCommand))
    let categories = IDIndex(indicators.map(\.categoryID))
    let items = IDIndex(indicators.map(\.itemID))
    let units = IDIndex(unitNodes.map(\.id))
    self.subCommands = subCommands
    self.categories = categories
    self.items = items
    self.units = units
    let indicatorSubCommand = indicators.map { subCommands[$0.subCommand]! }
    let indicatorCategory = indicators.map { categories[$0.categoryID]! }
    let indicatorItem = indicators.map { items[$0.itemID]! }
    let indicatorLead = indicators.map { i in i.lead.flatMap { units[$0] } ?? -1 }
    self.indicatorSubCommand = indicatorSubCommand
    self.indicatorCategory = indicatorCategory
    self.indicatorItem = indicatorItem
    self.indicatorLead = indicatorLead
    var start: [Int] = [0]
    var support: [Int] = []
    start.reserveCapacity(indicators.count + 1)
    for ind in indicators {
      let first = support.count
      for id in ind.support where id != ind.lead {
        guard let u = units[id], !support[first...].contains(u) else { continue }
        support.append(u)
      }
      start.append(support.count)
    }
    supportStart = start
    supportUnits = support
    let taskLead = tasks.map { units[$0.lead] ?? -1 }
    self.taskLead = taskLead
    var tasksOfUnit = [[Int]](repeating: [], count: units.count)
    for (i, u) in taskLead.enumerated() where u >= 0 { tasksOfUnit[u].append(i) }
    self.tasksOfUnit = tasksOfUnit
    problemUnit = problems.map { units[$0.unit] ?? -1 }

    indicatorPoints = indicators.map(\.points)
    indicatorDeadline = indicators.map(\.deadline)
    indicatorRule = indicators.map { ProgressRule($0.measure) }
    taskRule = tasks.map { ProgressRule($0.measure) }
    taskDeadline = tasks.map(\.deadline)
    let grids = IDIndex(problems.compactMap(\.grid))
    self.grids = grids
    problemGrid = problems.map { p in p.grid.flatMap { grids[$0] } ?? -1 }
    problemClock = problems.map(ProblemClock.init)
    var reopeningStart: [Int] = [0]
    var reopenings: [ProblemClock.Cycle] = []
    for p in problems {
      for r in p.reopened {
        reopenings.append(.init(until: r.date, fixed: r.fixed, verified: r.verified?.date))
      }
      reopeningStart.append(reopenings.count)
    }
    self.reopeningStart = reopeningStart
    self.reopenings = reopenings

    subCommandMembers = GroupMembers(groups: subCommands.count, of: indicatorSubCommand)
    categoryMembers = GroupMembers(groups: categories.count, of: indicatorCategory)
    itemMembers = GroupMembers(groups: items.count, of: indicatorItem)
    ledMembers = GroupMembers(groups: units.count, of: indicatorLead)
    supportedMembers = GroupMembers(groups: units.count, indicators: indicators.count) { i, add in
      for k in start[i]..<start[i + 1] { add(support[k]) }
    }
  }
}

/// A measure's progress rule as plain values (``ProgressMath/progress(value:rule:)``).
struct ProgressRule: Sendable {
  var isYesNo: Bool
  var baseline: Double
  var target: Double

  init(_ m: Measure) {
    isYesNo = m.kind == .yesno
    baseline = m.baseline
    target = m.target
  }
}

/// A problem's dates for the ledger's counts (``Rectification``), read without its strings.
struct ProblemClock: Sendable {
  /// One fix-and-verification cycle: the one in effect before `until` (a reopening's date;
  /// nil for the current cycle).
  struct Cycle: Sendable {
    var until: Day?
    var fixed: Day?
    var verified: Day?
  }

  var found: Day
  var deadline: Day
  /// The current cycle (after any reopening).
  var current: Cycle

  init(_ p: Problem) {
    found = p.found
    deadline = p.deadline
    current = Cycle(until: nil, fixed: p.fixed, verified: p.verified?.date)
  }
}
