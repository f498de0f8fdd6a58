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
  public var tab: Tab = .command
  /// The filter applied to the current page's rows; editing while `filterEditing`.
  public var filter: String = ""
  public var filterEditing = false
  public var sort: SortOrder = .lagging
  public var showHelp = false
  public var quit = false
  public var width: Int
  public var height: Int
  /// Where the user was on pages they left, restored when they come back (keys 1–8, Esc).
  public var remembered: [Page: Level] = [:]
  /// Requests for the runner (snapshot, theme, reload), in the order they were made.
  public var effects: [Effect] = []
  public var toast: ToastMessage?
  /// Seconds since the dashboard started, as last reported by a tick.
  public var now: Double = 0

  /// How long a toast stays on screen.
  public static let toastSeconds = 4.0

  /// Shows `text` for a few seconds; the runner calls this after performing an effect.
  public mutating func showToast(_ text: String, isError: Bool = false) {
    toast = ToastMessage(text: text, until: now + App.toastSeconds, isError: isError)
  }

  /// Sub-command node ids by key (1–8): what the number keys open. App does not hold the
  /// campaign; the caller passes this once.
  public var subCommandKeys: [Int: String]

  public init(width: Int = 80, height: Int = 24, subCommandKeys: [Int: String] = [:]) {
    self.width = width
    self.height = height
    self.subCommandKeys = subCommandKeys
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
    case .filesChanged:
      break  // the runner reloads the data; the view keeps its place through `clamp`
    case .mouse(let m):
      mouse(m, plan: planFor(self))
    case .key(let k):
      if showHelp {
        // Any key closes help; q still quits.
        showHelp = false
        if k == .char("q") { quit = true }
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
    let plan = planFor(self)
    switch k {
    case .char("q"): quit = true
    case .char("?"): showHelp = true
    case .char("p"): effects.append(.snapshot)
    case .char("t"): effects.append(.nextTheme)
    case .char("r"): effects.append(.reload)
    case .char(let c) where ("1"..."8").contains(c):
      guard let key = c.wholeNumberValue, let id = subCommandKeys[key] else { return }
      open(.subCommand(id), fromRoot: true)
    case .up, .char("k"): move(by: -1, plan: plan)
    case .down, .char("j"): move(by: 1, plan: plan)
    case .pageUp: move(by: -max(1, plan.bodyHeight - 1), plan: plan)
    case .pageDown: move(by: max(1, plan.bodyHeight - 1), plan: plan)
    case .home: select(0, plan: plan)
    case .end: select(plan.targets.count - 1, plan: plan)
    case .enter, .right, .char("l"): drill(plan: plan)
    case .escape, .left, .char("h"), .backspace:
      if !filter.isEmpty {
        filter = ""
        clamp(planFor(self))
      } else {
        back()
      }
    case .tab: switchTab(by: 1)
    case .backTab: switchTab(by: -1)
    case .char("/"):
      filterEditing = true
    case .char("s"):
      sort = sort.next
      clamp(planFor(self))
    default: break
    }
  }

  mutating func editFilter(_ k: Key, plan planFor: (App) -> NavigationPlan) {
    switch k {
    case .enter:
      filterEditing = false
    case .escape:
      filterEditing = false
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
    guard plan.targets.indices.contains(current.selection), let target = plan.targets[current.selection] else { return }
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
    tab = tabs[(i + delta + tabs.count) % tabs.count]
    stack = [remembered[tab.root] ?? Level(page: tab.root)]
  }

  mutating func mouse(_ m: MouseEvent, plan: NavigationPlan) {
    switch m.kind {
    case .wheelUp: move(by: -3, plan: plan)
    case .wheelDown: move(by: 3, plan: plan)
    case .press, .doubleClick:
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
