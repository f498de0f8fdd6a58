import CampaignKit

/// The whole state of the dashboard, and `update(_:plan:)`, the pure function that turns an
/// event into the next state. Nothing here reads the clock, files or the terminal: that is what
/// lets key sequences be tested as values and the same state be printed as a snapshot.
public struct App: Sendable, Equatable {
  /// One level of the navigation stack: a page and where the user was on it.
  public struct Level: Sendable, Equatable {
    public var page: Page
    /// Index among the page's selectable rows.
    public var selection: Int = 0
    /// First body line shown.
    public var scroll: Int = 0
    public init(page: Page, selection: Int = 0, scroll: Int = 0) {
      self.page = page
      self.selection = selection
      self.scroll = scroll
    }
  }

  public var stack: [Level] = [Level(page: .overview)]
  /// The filter applied to the current page's rows; editing while `filterEditing`.
  public var filter: String = ""
  public var filterEditing = false
  public var sort: SortOrder = .lagging
  public var showHelp = false
  /// The jump palette (`:`, Ctrl-K) while it is open: what is typed and which match is chosen.
  public var palette: PaletteState?
  /// The themes the palette offers as `theme NAME`; the runner fills it (App reads no files).
  public var themeNames: [String] = []
  public var quit = false
  /// The entry form (`e`, `x`, `v`) while it is open.
  public var form: EntryForm?
  public var width: Int
  public var height: Int
  /// The palette's state: the text typed and the chosen match.
  public struct PaletteState: Sendable, Equatable {
    public var query: String
    public var selection: Int
    public init(query: String = "", selection: Int = 0) {
      self.query = query
      self.selection = selection
    }
  }

  /// Where the user was on pages they left, restored when they come back (keys 1–8, Esc).
  public var remembered: [Page: Level] = [:]
  /// Requests for the runner (snapshot, theme, reload), in the order they were made.
  public var effects: [Effect] = []
  public var toast: ToastMessage?
  /// Seconds since the dashboard started, as last reported by a tick.
  public var now: Double = 0

  /// The as-of date every view is computed for; `[` `]` `{` `}` move it. The runner recomputes
  /// the data when it differs from the data's date. nil without a calendar.
  public var asOf: Day?
  /// Meeting dates and the period, for time travel.
  public var calendar: MeetingCalendar?
  /// The ledger's filters (keys `f` `g` `o` on the 问题台账 tab).
  public var ledger = LedgerFilter()
  /// The walk-through playlist while it runs (`a`, `--rotate`); any key stops it.
  public var rotation: Rotation?
  /// Seconds per page for `a`.
  public var rotateInterval: Double = 30

  /// The auto-rotation: overview → each sub-command → the red and black lists, one step per
  /// `interval` seconds of ticks.
  public struct Rotation: Sendable, Equatable {
    public var interval: Double
    /// Index into `App.rotationSteps`.
    public var step: Int
    /// Tick time of the next step; nil until the first tick after starting fixes the clock.
    public var nextAt: Double?
    public init(interval: Double, step: Int = 0, nextAt: Double? = nil) {
      self.interval = interval
      self.step = step
      self.nextAt = nextAt
    }
  }

  /// The tab on screen: the one whose root page is nearest the top of the stack.
  public var tab: Tab { stack.reversed().lazy.compactMap(\.page.tabRoot).first ?? .command }

  /// How long a toast stays on screen.
  public static let toastSeconds = 4.0

  /// Shows `text` for a few seconds (an effect's result comes back as ``Event/toast(_:isError:)``).
  public mutating func showToast(_ text: String, isError: Bool = false) {
    toast = ToastMessage(text: text, until: now + App.toastSeconds, isError: isError)
  }

  /// Sub-command node ids by key (1–8): what the number keys open. App does not hold the
  /// campaign; the caller passes this once.
  public var subCommandKeys: [Int: String]
  /// The grid cells (网格) in document order, for the ledger's grid filter (`w`).
  public var gridIDs: [String] = []

  public init(width: Int = 80, height: Int = 24, subCommandKeys: [Int: String] = [:]) {
    self.width = width
    self.height = height
    self.subCommandKeys = subCommandKeys
  }

  /// An app for `campaign`: its sub-command keys and its calendar, opened on `asOf` (default:
  /// the campaign's as-of date).
  public init(width: Int = 80, height: Int = 24, campaign: Campaign, asOf: Day? = nil) {
    var keys: [Int: String] = [:]
    for sc in campaign.subCommands { if let k = sc.key { keys[k] = sc.id } }
    self.init(width: width, height: height, subCommandKeys: keys)
    gridIDs = campaign.nodes.filter { $0.kind == .grid }.map(\.id)
    let info = campaign.info
    calendar = MeetingCalendar(
      start: info.start, end: info.end, defaultAsOf: info.defaultAsOf, meetings: info.meetings)
    self.asOf = asOf ?? info.defaultAsOf
  }

  /// True when the as-of date is before the campaign's own: the screen shows the past.
  public var isPastView: Bool {
    guard let d = asOf, let cal = calendar else { return false }
    return d < cal.defaultAsOf
  }

  public var current: Level { stack[stack.count - 1] }
  public var page: Page { current.page }

  /// Applies one event. `plan` describes the current page as laid out for this state (rows,
  /// their targets and lines); the caller computes it with `Screens.plan`.
  public func update(_ event: Event, plan: (App) -> NavigationPlan) -> App {
    var next = self
    next.apply(event, plan: plan)
    return next
  }

  mutating func apply(_ event: Event, plan planFor: (App) -> NavigationPlan) {
    switch event {
    case .resize(let w, let h):
      width = w
      height = h
      clamp(planFor(self))
    case .tick(let seconds):
      now = seconds
      if let t = toast, t.until <= now { toast = nil }
      advanceRotation()
    case .filesChanged:
      break  // the runner reloads the data; the view keeps its place through `clamp`
    case .toast(let text, let isError):
      showToast(text, isError: isError)
    case .entry(let outcome):
      switch outcome {
      case .written(let said):
        form = nil
        showToast(said)
      case .refused(let why):
        form?.error = why
      }
    case .mouse(let m):
      mouse(m, plan: planFor(self))
    case .key(let k):
      if rotation != nil {
        // Any key stops the walk-through and does nothing else (q still quits).
        rotation = nil
        if k == .char("q") { quit = true }
        return
      }
      if showHelp {
        // Any key closes help; q still quits.
        showHelp = false
        if k == .char("q") { quit = true }
        return
      }
      if form != nil {
        editForm(k)
        return
      }
      if palette != nil {
        editPalette(k, plan: planFor)
        return
      }
      if filterEditing {
        editFilter(k, plan: planFor)
        return
      }
      key(k, plan: planFor)
    }
  }

  mutating func key(_ k: Key, plan planFor: (App) -> NavigationPlan) {
    guard let action = Keymap.action(for: k, on: page) else { return }
    perform(action, key: k, plan: planFor)
  }

  /// What each ``Keymap/Action`` does; the keys themselves are only in ``Keymap/bindings``.
  mutating func perform(_ action: Keymap.Action, key k: Key, plan planFor: (App) -> NavigationPlan) {
    let plan = planFor(self)
    switch action {
    case .quit: quit = true
    case .help: showHelp = true
    case .print: effects.append(.snapshot)
    case .nextTheme: effects.append(.nextTheme)
    case .reload: effects.append(.reload)
    case .openSubCommand:
      guard case .char(let c) = k, let key = c.wholeNumberValue, let id = subCommandKeys[key] else { return }
      openSubCommand(id)
    case .nextSubCommand: walk(by: 1)
    case .previousSubCommand: walk(by: -1)
    case .rotate: startRotation()
    case .weekBack: travel(to: asOf.map { $0 - 7 })
    case .weekForward: travel(to: asOf.map { $0 + 7 })
    case .meetingBack: travel(to: asOf.flatMap { calendar?.meeting(before: $0) })
    case .meetingForward: travel(to: asOf.flatMap { calendar?.meeting(after: $0) })
    case .today: travel(to: calendar?.defaultAsOf)
    case .ledgerState:
      ledger.state = ledger.state.next
      resetRows(planFor)
    case .ledgerSubCommand:
      let keys = subCommandKeys.keys.sorted()
      if let k = ledger.subCommandKey, let i = keys.firstIndex(of: k) {
        ledger.subCommandKey = i + 1 < keys.count ? keys[i + 1] : nil
      } else {
        ledger.subCommandKey = keys.first
      }
      resetRows(planFor)
    case .ledgerSource:
      let all = Problem.Source.allCases
      if let s = ledger.source, let i = all.firstIndex(of: s) {
        ledger.source = i + 1 < all.count ? all[i + 1] : nil
      } else {
        ledger.source = all.first
      }
      resetRows(planFor)
    case .up: move(by: -1, plan: plan)
    case .down: move(by: 1, plan: plan)
    case .pageUp: move(by: -max(1, plan.bodyHeight - 1), plan: plan)
    case .pageDown: move(by: max(1, plan.bodyHeight - 1), plan: plan)
    case .home: select(0, plan: plan)
    case .end: select(plan.targets.count - 1, plan: plan)
    case .open: drill(plan: plan)
    case .back:
      if !filter.isEmpty {
        filter = ""
        clamp(planFor(self))
      } else if page == .problems && !ledger.isEmpty {
        ledger = LedgerFilter()
        resetRows(planFor)
      } else {
        back()
      }
    case .nextTab: switchTab(by: 1)
    case .previousTab: switchTab(by: -1)
    case .filter: filterEditing = true
    case .palette: palette = PaletteState()
    case .sort:
      sort = sort.next
      clamp(planFor(self))
    case .enterValue:
      let subject: ReportSubject? =
        switch selectedTarget(plan) ?? page {
        case .indicator(let id): .indicator(id)
        case .task(let id): .task(id)
        default:
          switch page {
          case .indicator(let id): .indicator(id)
          case .task(let id): .task(id)
          default: nil
          }
        }
      openForm(subject.map { .report($0) })
    case .markFixed, .verify, .reopen:
      var id: String?
      if case .problem(let p)? = selectedTarget(plan) {
        id = p
      } else if case .problem(let p) = page {
        id = p
      }
      openForm(
        id.map {
          switch action {
          case .markFixed: .fix(problem: $0)
          case .verify: .verify(problem: $0)
          default: .reopen(problem: $0)
          }
        })
    case .ledgerGrid:
      if let g = ledger.grid, let i = gridIDs.firstIndex(of: g) {
        ledger.grid = i + 1 < gridIDs.count ? gridIDs[i + 1] : nil
      } else {
        ledger.grid = gridIDs.first
      }
      resetRows(planFor)
    }
  }

  /// The page the selected row opens, if any.
  func selectedTarget(_ plan: NavigationPlan) -> Page? {
    plan.targets.indices.contains(current.selection) ? plan.targets[current.selection] : nil
  }

  /// Opens the entry form, its date on the as-of date. Like Enter on a row that opens nothing,
  /// the key does nothing where there is nothing to enter for.
  mutating func openForm(_ purpose: EntryForm.Purpose?) {
    guard let purpose, let day = asOf ?? calendar?.defaultAsOf else { return }
    form = EntryForm(purpose, day: day)
  }

  /// Keys while the form is open: Esc cancels, Enter submits (the runner checks and writes),
  /// the rest edit it.
  mutating func editForm(_ k: Key) {
    guard var f = form else { return }
    switch k {
    case .escape: form = nil
    case .enter: effects.append(.submit(f))
    default:
      if f.edit(k) { form = f }
    }
  }

  /// Keys while the palette is open: typing narrows, ↑ ↓ choose, Enter opens, Esc closes.
  mutating func editPalette(_ k: Key, plan planFor: (App) -> NavigationPlan) {
    guard var p = palette else { return }
    switch k {
    case .escape, .ctrl("k"):
      palette = nil
      return
    case .enter:
      let targets = planFor(self).jumps
      palette = nil
      if targets.indices.contains(p.selection) { jump(targets[p.selection], plan: planFor) }
      return
    case .up: p.selection = max(0, p.selection - 1)
    case .down: p.selection += 1
    case .backspace:
      if p.query.isEmpty {
        palette = nil
        return
      }
      p.query.removeLast()
      p.selection = 0
    case .char(let c):
      p.query.append(c)
      p.selection = 0
    default: return
    }
    palette = p
    let count = planFor(self).jumps.count
    palette?.selection = min(p.selection, max(0, count - 1))
  }

  /// Opens what a palette entry names: a page with the path to it, or a command.
  mutating func jump(_ target: JumpTarget, plan planFor: (App) -> NavigationPlan) {
    switch target {
    case .pages(let pages):
      guard !pages.isEmpty else { return }
      remember()
      filter = ""
      filterEditing = false
      stack = pages.map { remembered[$0] ?? Level(page: $0) }
      clamp(planFor(self))
    case .command(let c):
      switch c {
      case .theme(let name): effects.append(.theme(name))
      case .asOf(let d): travel(to: d)
      case .print: effects.append(.snapshot)
      case .reload: effects.append(.reload)
      case .help: showHelp = true
      case .rotate: startRotation()
      case .quit: quit = true
      }
    }
  }

  mutating func editFilter(_ k: Key, plan planFor: (App) -> NavigationPlan) {
    switch k {
    case .enter:
      filterEditing = false
    case .escape:
      filterEditing = false
      filter = ""
    case .ctrl("k"):
      // Nothing here matches: look for the text in the whole campaign instead.
      filterEditing = false
      palette = PaletteState(query: filter)
      filter = ""
    case .backspace:
      if !filter.isEmpty { filter.removeLast() }
    case .char(let c):
      filter.append(c)
    default:
      return
    }
    stack[stack.count - 1].selection = 0
    stack[stack.count - 1].scroll = 0
    clamp(planFor(self))
  }

  /// Back to the first row after the rows changed wholesale (a ledger filter).
  mutating func resetRows(_ planFor: (App) -> NavigationPlan) {
    stack[stack.count - 1].selection = 0
    stack[stack.count - 1].scroll = 0
    clamp(planFor(self))
  }

  /// Moves the as-of date (clamped to the campaign period); the runner recomputes the data.
  mutating func travel(to day: Day?) {
    guard let d = day, let cal = calendar else { return }
    asOf = cal.clamp(d)
  }

  /// Opens a sub-command on the command tab, from its root.
  mutating func openSubCommand(_ id: String) {
    remember()
    if stack[0].page != .overview { stack = [remembered[.overview] ?? Level(page: .overview)] }
    open(.subCommand(id), fromRoot: true)
  }

  /// `n` / `N`: the next or previous sub-command page, wrapping, so a meeting can walk all eight.
  mutating func walk(by delta: Int) {
    let keys = subCommandKeys.keys.sorted()
    guard !keys.isEmpty else { return }
    var i: Int
    // The sub-command the user is in: the page on screen or the nearest one above it.
    let here = stack.reversed().lazy.compactMap { level -> String? in
      if case .subCommand(let id) = level.page { id } else { nil }
    }.first
    if let id = here, let k = subCommandKeys.first(where: { $0.value == id })?.key,
      let at = keys.firstIndex(of: k)
    {
      i = (at + delta + keys.count) % keys.count
    } else {
      i = delta > 0 ? 0 : keys.count - 1
    }
    if i < 0 { i = 0 }
    openSubCommand(subCommandKeys[keys[i]]!)
  }

  /// The walk-through playlist: the overview, each sub-command by key, the red and black lists.
  public var rotationSteps: [[Page]] {
    [[.overview]] + subCommandKeys.keys.sorted().map { [.overview, .subCommand(subCommandKeys[$0]!)] } + [
      [.rankings]
    ]
  }

  /// `a`: starts the walk-through from the page on screen when it is in the playlist, else from
  /// the overview.
  public mutating func startRotation(interval: Double? = nil) {
    let steps = rotationSteps
    let here = steps.firstIndex { $0.last == page } ?? 0
    rotation = Rotation(interval: interval ?? rotateInterval, step: here)
    showHelp = false
    filterEditing = false
    show(step: here)
  }

  mutating func show(step: Int) {
    let steps = rotationSteps
    guard steps.indices.contains(step) else { return }
    remember()
    filter = ""
    stack = steps[step].map { Level(page: $0) }
  }

  mutating func advanceRotation() {
    guard var r = rotation else { return }
    guard let due = r.nextAt else {
      r.nextAt = now + r.interval
      rotation = r
      return
    }
    guard now + 1e-3 >= due else { return }
    r.step = (r.step + 1) % rotationSteps.count
    r.nextAt = now + r.interval
    rotation = r
    show(step: r.step)
  }

  /// Seconds until the rotation wants its next tick (0: as soon as possible, to start its
  /// clock); nil when it is not running. The runner turns this into a wake-up.
  public var rotationWake: Double? {
    guard let r = rotation else { return nil }
    guard let due = r.nextAt else { return 0 }
    return max(0, due - now)
  }

  mutating func move(by delta: Int, plan: NavigationPlan) {
    select(current.selection + delta, plan: plan)
  }

  /// Selects row `i` (clamped) and scrolls the least needed to keep it in view.
  mutating func select(_ i: Int, plan: NavigationPlan) {
    var level = current
    if plan.targets.isEmpty {
      level.selection = 0
      // Pages without rows scroll by line.
      let maxScroll = max(0, plan.lineCount - plan.bodyHeight)
      level.scroll = min(max(0, level.scroll + (i - level.selection)), maxScroll)
    } else {
      level.selection = min(max(0, i), plan.targets.count - 1)
      level.scroll = App.scroll(keeping: plan.lineOfRow[level.selection], visible: level.scroll, plan: plan)
    }
    stack[stack.count - 1] = level
  }

  /// Keeps the selection valid and visible after the rows changed (filter, sort, resize, reload).
  public mutating func clamp(_ plan: NavigationPlan) {
    var level = current
    if plan.targets.isEmpty {
      level.selection = 0
      level.scroll = min(level.scroll, max(0, plan.lineCount - plan.bodyHeight))
    } else {
      level.selection = min(max(0, level.selection), plan.targets.count - 1)
      level.scroll = App.scroll(keeping: plan.lineOfRow[level.selection], visible: level.scroll, plan: plan)
    }
    stack[stack.count - 1] = level
  }

  /// The scroll offset that shows `line`, moving as little as possible from `visible`, and that
  /// never leaves empty lines at the bottom when there are lines to show.
  static func scroll(keeping line: Int, visible: Int, plan: NavigationPlan) -> Int {
    let h = max(1, plan.bodyHeight)
    var s = visible
    if line < s { s = line }
    if line >= s + h { s = line - h + 1 }
    // Show the heading above the first row when we can.
    if line <= 1 { s = 0 }
    return max(0, min(s, max(0, plan.lineCount - h)))
  }

  mutating func drill(plan: NavigationPlan) {
    guard plan.targets.indices.contains(current.selection), let target = plan.targets[current.selection]
    else { return }
    open(target, fromRoot: false)
  }

  /// Pushes `page` (or, from 1–8, goes to it straight from the root), restoring where the user
  /// was when they last looked at it.
  mutating func open(_ page: Page, fromRoot: Bool) {
    remember()
    if fromRoot { stack = [stack[0]] }
    if page == stack[stack.count - 1].page { return }
    filter = ""
    filterEditing = false
    stack.append(remembered[page] ?? Level(page: page))
  }

  mutating func back() {
    guard stack.count > 1 else { return }
    remember()
    stack.removeLast()
  }

  mutating func remember() {
    remembered[current.page] = current
  }

  mutating func switchTab(by delta: Int) {
    let tabs = Tab.available
    guard tabs.count > 1, let i = tabs.firstIndex(of: tab) else { return }
    remember()
    let next = tabs[(i + delta + tabs.count) % tabs.count]
    filter = ""
    filterEditing = false
    stack = [remembered[next.root] ?? Level(page: next.root)]
  }

  mutating func mouse(_ m: MouseEvent, plan: NavigationPlan) {
    switch m.kind {
    case .wheelUp: move(by: -3, plan: plan)
    case .wheelDown: move(by: 3, plan: plan)
    case .press, .doubleClick:
      if let tab = plan.tabs.first(where: { $0.columns.contains(m.x) && m.y == plan.tabRow })?.tab {
        if tab != self.tab || stack.count > 1 {
          remember()
          filter = ""
          filterEditing = false
          stack = [remembered[tab.root] ?? Level(page: tab.root)]
        }
        return
      }
      if let depth = plan.crumbs.first(where: { $0.columns.contains(m.x) && m.y == plan.crumbRow })?.depth {
        while stack.count > depth + 1 { back() }
        return
      }
      let line = m.y - plan.bodyTop + current.scroll
      guard m.y >= plan.bodyTop, m.y < plan.bodyTop + plan.bodyHeight,
        let row = plan.lineOfRow.firstIndex(of: line)
      else { return }
      if m.kind == .doubleClick || row == current.selection {
        select(row, plan: plan)
        drill(plan: plan)
      } else {
        select(row, plan: plan)
      }
    }
  }
}
