import CampaignKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The live dashboard between a ``Terminal`` and the pure app: events in, `App.update`, canvas
/// out. The effects the app asks for (reload, snapshot, theme) are performed here, between
/// frames, and their results come back into `update` as events (``Event/toast(_:isError:)``);
/// so is following the files: a change on disk reloads the changed files, rebuilds the data
/// for the same as-of date, keeps the view's place and highlights the rows whose figures moved.
///
/// One clock: the terminal's (``Terminal/now``); ticks carry it into the app. One as-of date:
/// the app's (`App.asOf`), the only place it is held. ``DashboardData`` is derived from it (its
/// `asOf` is the date its standing was computed for, not state of its own): the runner makes the
/// data for the app's date when it starts and again whenever an event moves the date.
public struct LiveRunner {
  public var app: App
  public var data: DashboardData
  public var options: RenderOptions
  public let source: CampaignSource
  public let watcher: FileWatcher
  /// The theme on screen, and the registry `t` and `:theme` choose from.
  public var theme: Theme
  public let themes: ThemeRegistry
  /// Writes a snapshot of a page (text and HTML) and returns the paths, text first. The
  /// command line supplies it (its file naming); tests record the calls.
  public var writeSnapshot: (Page, DashboardData, Int, RenderOptions, SortOrder) throws -> [String]
  /// The time of day for "updated HH:MM:SS" (injected so tests are deterministic).
  public var wallClock: () -> LiveStatus.ClockTime = LiveRunner.localTime
  /// When the polling watcher is next due, on the terminal's clock.
  var nextPoll: Double = 1
  /// Set by `run`: the clock and the palette go through the terminal.
  var terminal: Terminal?

  public init(
    app: App, data: DashboardData, options: RenderOptions, source: CampaignSource, watcher: FileWatcher,
    theme: Theme, themes: ThemeRegistry,
    writeSnapshot: @escaping (Page, DashboardData, Int, RenderOptions, SortOrder) throws -> [String]
  ) {
    self.app = app
    // The data follows the app's date from the first frame, whatever date it was made for.
    self.data = data.refreshed(for: app)
    self.options = options
    self.source = source
    self.watcher = watcher
    self.theme = theme
    self.themes = themes
    self.writeSnapshot = writeSnapshot
    self.app.themeNames = themes.entries().map(\.name)
  }

  var now: Double { terminal?.now ?? 0 }

  /// Runs until the app quits or the terminal ends. The app first receives `.resize` with the
  /// terminal's size, then every event; after each batch the screen is drawn once.
  public mutating func run(on terminal: Terminal) -> ExitReason {
    self.terminal = terminal
    data.live.mode = watcher.mode == .inotify ? .watching : .polling
    data.live.updated = wallClock()
    data.live.errors = source.result.errors
    nextPoll = terminal.now + 1
    if let fd = watcher.fileDescriptor {
      let w = watcher
      terminal.watch(fd: fd) {
        let paths = w.readChanges()
        return paths.isEmpty ? [] : [.filesChanged(paths)]
      }
    }
    var wake: Double?
    func deliver(_ events: [Event]) -> Bool {
      for e in events {
        guard let due = handle(e) else { return false }
        if let d = due.wake { wake = wake.map { min($0, d) } ?? d }
      }
      return true
    }
    let (w0, h0) = terminal.size
    guard deliver([.resize(width: w0, height: h0)]) else { return .quit }
    terminal.draw(frame(terminal.size))
    while true {
      let input = terminal.next(timeout: wake.map { max(0, $0 - terminal.now) })
      var events: [Event] = []
      switch input {
      case .ended(let reason): return reason
      case .events(let e): events = e
      case .timeout: break
      }
      if let w = wake, terminal.now + 1e-6 >= w {
        wake = nil
        events.append(.tick(terminal.now))
      }
      guard deliver(events) else { return .quit }
      if !events.isEmpty { terminal.draw(frame(terminal.size)) }
    }
  }

  /// The canvas for the terminal's size.
  public func frame(_ size: (width: Int, height: Int)) -> Canvas {
    var a = app
    a.width = size.width
    a.height = size.height
    return Screens.render(a, data, options: options)
  }

  /// What `handle` wants next: nil means quit.
  public struct Due: Equatable, Sendable {
    /// When to be woken with a tick (terminal clock), if anything is due.
    public var wake: Double?
  }

  /// Applies one event: reloads for file events and polls, updates the app, performs its
  /// effects and feeds their results back, follows the as-of date. nil once the app quits.
  public mutating func handle(_ event: Event) -> Due? {
    let t = now
    switch event {
    case .filesChanged(let paths):
      let changed = paths == FileWatcher.everything ? source.rescan() : source.reload(changed: paths)
      if changed { takeReload() }
    case .tick:
      if watcher.mode == .polling && t >= nextPoll {
        // The watcher keeps no stamps when polling: the source compares its own.
        nextPoll = t + 1
        if source.rescan() { takeReload() }
      }
      if !data.live.changes.isEmpty { data.live.changes.expire(now: t) }
    default:
      break
    }
    update(event)
    if app.quit { return nil }
    let effects = app.effects
    app.effects = []
    for effect in effects {
      for result in perform(effect) { update(result) }
    }
    follow()
    // Wake up for whatever is due first: a toast to hide, a highlight to clear, a poll, the
    // rotation's next page.
    var due: [Double] = []
    if let toast = app.toast { due.append(t + (toast.until - app.now)) }
    if let r = app.rotationWake { due.append(t + r) }
    if let e = data.live.changes.nextExpiry { due.append(e) }
    if watcher.mode == .polling { due.append(nextPoll) }
    return Due(wake: due.min().map { max($0, t + 0.001) })
  }

  mutating func update(_ event: Event) {
    let data = self.data
    let options = self.options
    app = app.update(event, plan: { Screens.plan($0, data, options: options) })
  }

  /// Time travel: the data follows the app's as-of date (every view recomputes for it).
  mutating func follow() {
    let fresh = data.refreshed(for: app)
    if fresh.asOf != data.asOf {
      data = fresh
      app.clamp(Screens.plan(app, fresh, options: options))
    }
  }

  /// Puts the source's new result on screen: same as-of date, same place, changed rows marked.
  mutating func takeReload() {
    let t = now
    let result = source.result
    var live = data.live
    live.errors = result.errors
    live.keptFiles = source.heldBack
    live.updated = wallClock()
    live.changes.expire(now: t)
    if let campaign = result.campaign {
      var fresh = DashboardData(
        campaign: campaign, asOf: data.asOf, reusing: data, changedFrom: source.lastChangedFrom)
      live.changes.merge(RecentChanges.between(data, fresh, until: t + RecentChanges.seconds))
      fresh.live = live
      data = fresh
    } else {
      data.live = live
    }
    app.clamp(Screens.plan(app, data, options: options))
  }

  /// Performs an effect; what it says back comes as events for `update`.
  mutating func perform(_ effect: Effect) -> [Event] {
    let zh = options.language == .zh
    switch effect {
    case .submit(let form):
      let (outcome, file) = EntryWriter.write(
        form, campaign: data.campaign, directory: source.directory, language: options.language)
      // The screen follows at once (the watcher will report the same file; reading it again
      // then finds nothing new).
      if let file, source.reload(changed: [file]) { takeReload() }
      return [.entry(outcome)]
    case .reload:
      source.reloadAll()
      takeReload()
      if let first = source.result.errors.first {
        return [
          .toast(
            (zh ? "数据有误，保留原数据：" : "data has errors, kept the last good data: ") + "\(first)", isError: true)
        ]
      }
      return [.toast(zh ? "已重新读取数据" : "reloaded", isError: false)]
    case .snapshot:
      do {
        let paths = try writeSnapshot(app.page, data, max(Screens.minimumWidth, app.width), options, app.sort)
        let html = paths.count > 1 ? " + .html" : ""
        return [.toast((zh ? "快照已保存：" : "snapshot saved: ") + (paths.first ?? "") + html, isError: false)]
      } catch {
        return [.toast((zh ? "快照未保存：" : "snapshot not saved: ") + "\(error)", isError: true)]
      }
    case .theme(let name):
      let registry = themes
      if let entry = registry.entries().first(where: { $0.name == name }),
        let chosen = try? registry.load(entry)
      {
        show(chosen)
        return [.toast((zh ? "配色主题：" : "theme: ") + chosen.name, isError: false)]
      }
      return [.toast((zh ? "没有这个主题：" : "no such theme: ") + name, isError: true)]
    case .nextTheme:
      // The list is read again on every press, so a theme file added meanwhile joins the cycle;
      // a broken one is passed over with a toast, never a crash.
      let registry = themes
      let step = ThemeCycle.next(after: theme.name, entries: registry.entries()) {
        (entry) throws(ThemeError) in try registry.load(entry)
      }
      if let chosen = step.theme { show(chosen) }
      let said =
        step.theme.map { (zh ? "配色主题：" : "theme: ") + $0.name } ?? (zh ? "没有可用的主题" : "no usable theme")
      if let broken = step.skipped.first {
        // The outcome first (a toast is one line); the file by its name, the rest of the path
        // is in `chuangwen themes FILE`.
        var shown = broken
        shown.file = broken.file.split(separator: "/").last.map(String.init) ?? broken.file
        return [
          .toast(
            said + (zh ? "（已跳过有误的主题 " : " (skipped a broken theme: ") + shown.description + (zh ? "）" : ")"),
            isError: true)
        ]
      }
      return [.toast(said, isError: false)]
    }
  }

  mutating func show(_ chosen: Theme) {
    theme = chosen
    terminal?.setPalette(chosen.palette)
  }

  /// The time of day, for "updated HH:MM:SS".
  public static func localTime() -> LiveStatus.ClockTime {
    var t = time(nil)
    var parts = tm()
    localtime_r(&t, &parts)
    return LiveStatus.ClockTime(
      hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec))
  }
}
