import Synchronization

/// Remembers the last page laid out, so that moving the selection on a 10,000-row list costs
/// what drawing one screenful costs. Laying out a page is a pure function of the key below;
/// the memo only skips recomputing it, so results are identical with or without it.
///
/// One entry is enough: the dashboard shows one page at a time, and `App.update` and
/// `Screens.render` ask for the same page in turn.
enum LayoutMemo {
  /// Everything a layout may depend on: the app state without the parts that only move the
  /// view (selection, scroll) or live outside the body (toast, clock, help, effects). New
  /// app state is part of the key automatically, so the memo can never serve a stale page.
  struct Key: Equatable {
    var app: App
    var options: RenderOptions
    var data: ObjectIdentifier
    /// The live status (an error line) can change the header's height without a new data set.
    var headerHeight: Int

    init(_ app: App, _ options: RenderOptions, _ data: DashboardData) {
      var a = app
      a.stack = a.stack.map { App.Level(page: $0.page) }
      a.remembered = [:]
      a.toast = nil
      a.now = 0
      a.showHelp = false
      a.palette = nil
      a.effects = []
      a.quit = false
      self.app = a
      self.options = options
      self.data = ObjectIdentifier(data.identity)
      self.headerHeight = Screens.headerHeight(data)
    }
  }

  /// The laid-out lines and their navigation plan. Lines hold closures over immutable values
  /// only (the data, the options, precomputed widths), so sharing them across threads is safe.
  final class Entry: @unchecked Sendable {
    let key: Key
    let lines: [ScreenLine]
    let plan: NavigationPlan
    init(key: Key, lines: [ScreenLine], plan: NavigationPlan) {
      self.key = key
      self.lines = lines
      self.plan = plan
    }
  }

  private static let last = Mutex<Entry?>(nil)

  static func lines(_ app: App, _ data: DashboardData, options: RenderOptions, build: () -> [ScreenLine])
    -> Entry
  {
    let key = Key(app, options, data)
    if let hit = last.withLock({ $0 }), hit.key == key { return hit }
    let lines = build()
    let entry = Entry(key: key, lines: lines, plan: Screens.plan(app: app, lines: lines, data: data))
    last.withLock { $0 = entry }
    return entry
  }
}
