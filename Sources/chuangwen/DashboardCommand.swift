import ArgumentParser
import CampaignKit
import CursesTerminal
import DashboardKit
import Foundation

/// `chuangwen` / `chuangwen dashboard`: the live dashboard in the terminal.
struct DashboardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard",
    abstract: "Open the live dashboard (the default command).",
    discussion: """
      Keys: 1–8 sub-command · ↑↓ jk move · Enter open · Esc back · Tab tabs · [ ] week · { } meeting · n N walk · a rotate · / filter · s sort · ? help · q quit.
      Exit codes: 0 quit · 65 data errors · 66 missing campaign · 69 no usable terminal · 130/143/129 signals
      """
  )

  @Option(help: "The campaign directory (default: $CHUANGWEN_DATA, else the bundled Hongjiang campaign).")
  var data: String?

  @Option(help: "Open on this date (YYYY-MM-DD) instead of the campaign's as-of date.")
  var asOf: String?

  @Option(help: "Screen language: zh or en (default: the campaign's locale).")
  var lang: String?

  @Flag(help: "ASCII glyphs for lines and bars (for terminals that misalign box drawing).")
  var ascii = false

  @Option(help: "Where p writes snapshots of the current view (text and HTML).")
  var snapshotDir: String = "snapshots"
  @Flag(help: "Check the files' modification times every second instead of using inotify.")
  var poll = false
  @Option(help: "Start the walk-through at once, one page per interval (30s, 2m, 500ms); any key stops it.")
  var rotate: String?
  @Option(
    help:
      "Colour theme: a name (see `chuangwen themes`) or a .json file (default: $CHUANGWEN_THEME, else default; mono without colour)."
  )
  var theme: String?

  func run() throws {
    let loaded = try CampaignSession.open(data: data, asOf: asOf, toleratingReports: true)
    var interval: Double?
    if let r = rotate {
      guard let seconds = RotateInterval.parse(r) else {
        throw ValidationError("--rotate must be a duration such as 30s, 2m or 500ms, not \"\(r)\"")
      }
      interval = seconds
    }
    var options = RenderOptions(language: try Languages.pick(lang, campaign: loaded.campaign), ascii: ascii)
    let themes = ThemeChoice.registry()
    let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    var chosen = try ThemeChoice.initial(theme, colorAvailable: !noColor, registry: themes)
    let terminal: TerminalSession
    do {
      terminal = try TerminalSession(options: .init(palette: chosen.palette))
      // No UTF-8 locale at all: glyphs the terminal can show (box, bars and marks in ASCII).
      if !terminal.isUTF8 { options.ascii = true }
      if terminal.colorDepth == .none, theme == nil, themes.environmentChoice == nil,
        chosen.name != ThemeRegistry.monoName
      {
        chosen = try ThemeChoice.initial(nil, colorAvailable: false, registry: themes)
        terminal.setPalette(chosen.palette)
      }
    } catch let error as TerminalError {
      printError(
        "chuangwen: cannot open the dashboard: \(error). To print a view instead, run: chuangwen snapshot --view overview"
      )
      throw ExitCodes.unavailable
    }
    let reason = LiveDashboard.run(
      terminal: terminal, session: loaded, options: options, poll: poll, snapshotDir: snapshotDir,
      rotate: interval, theme: chosen, themes: themes)
    terminal.end()
    if reason.exitCode != 0 { throw ExitCode(reason.exitCode) }
  }
}

/// The loop between the terminal and the pure app: events in, `App.update`, canvas out; the
/// effects the app asks for (reload, snapshot, theme) are performed here, between frames, and
/// so is following the files: a change on disk reloads the changed files, rebuilds the data for
/// the same as-of date, keeps the view's place and highlights the rows whose figures moved.
enum LiveDashboard {
  struct State {
    var app: App
    var data: DashboardData
    var options: RenderOptions
    var directory: String
    var source: CampaignSource
    var watcher: FileWatcher
    /// Seconds on `clock` when the polling watcher is next due.
    var nextPoll: Double
    var snapshotDir = "snapshots"
    /// The theme on screen, the registry `t` cycles through, and how to put a palette on screen.
    var theme: Theme
    var themes: ThemeRegistry
    var applyPalette: (StylePalette) -> Void
  }

  static let clock = ContinuousClock()
  static let started = clock.now
  /// Seconds since the dashboard started, for highlights and polling (screens never read it).
  static var now: Double {
    let c = (clock.now - started).components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
  }

  static func run(
    terminal: TerminalSession, session: CampaignSession, options: RenderOptions, poll: Bool,
    snapshotDir: String = "snapshots", rotate: Double? = nil, theme: Theme, themes: ThemeRegistry
  ) -> ExitReason {
    var app = App(width: 80, height: 24, campaign: session.campaign, asOf: session.data.asOf)
    if let r = rotate {
      app.rotateInterval = r
      app.startRotation()
    }
    let watcher = FileWatcher(directory: session.directory, subdirectories: ["reports"], polling: poll)
    var data = session.data
    data.live = LiveStatus(
      mode: watcher.mode == .inotify ? .watching : .polling, updated: wallClock(),
      errors: session.source.result.errors)
    let initial = State(
      app: app, data: data, options: options,
      directory: session.directory, source: session.source, watcher: watcher, nextPoll: now + 1,
      snapshotDir: snapshotDir, theme: theme, themes: themes, applyPalette: { terminal.setPalette($0) })
    let loop = EventLoop(session: terminal)
    if let fd = watcher.fileDescriptor {
      loop.addSource(fd: fd) {
        let paths = watcher.readChanges()
        return paths.isEmpty ? [] : [.filesChanged(paths)]
      }
    }
    let (_, reason) = loop.run(
      initial: initial,
      handle: { state, event in
        handle(event, state: &state)
      },
      render: { state, width, height in
        var app = state.app
        app.width = width
        app.height = height
        return Screens.render(app, state.data, options: state.options)
      })
    return reason
  }

  static func handle(_ event: Event, state: inout State) -> LoopDecision {
    let t = now
    switch event {
    case .filesChanged(let paths):
      let changed =
        paths == FileWatcher.everything ? state.source.rescan() : state.source.reload(changed: paths)
      if changed { takeReload(into: &state, now: t) }
    case .tick:
      if state.watcher.mode == .polling && t >= state.nextPoll {
        state.nextPoll = t + 1
        let paths = state.watcher.readChanges()
        if !paths.isEmpty && state.source.reload(changed: paths) { takeReload(into: &state, now: t) }
      }
      if !state.data.live.changes.isEmpty { state.data.live.changes.expire(now: t) }
    default:
      break
    }
    let data = state.data
    let options = state.options
    state.app = state.app.update(event, plan: { Screens.plan($0, data, options: options) })
    if state.app.quit { return .quit }
    let effects = state.app.effects
    state.app.effects = []
    for effect in effects { perform(effect, on: &state) }
    // Time travel: every view recomputes for the new as-of date.
    let fresh = state.data.refreshed(for: state.app)
    if fresh.asOf != state.data.asOf {
      state.data = fresh
      state.app.clamp(Screens.plan(state.app, fresh, options: options))
    }
    // Wake up for whatever is due first: a toast to hide, a highlight to clear, a poll, the
    // rotation's next page.
    var due: [Double] = []
    if let toast = state.app.toast { due.append(t + (toast.until - state.app.now)) }
    if let r = state.app.rotationWake { due.append(t + r) }
    if let e = state.data.live.changes.nextExpiry { due.append(e) }
    if state.watcher.mode == .polling { due.append(state.nextPoll) }
    guard let next = due.min() else { return .continue }
    let millis = NumberText.clampedInt(((next - t) * 1000).rounded(.up), 1...86_400_000)
    return .wake(after: .milliseconds(millis + 10))
  }

  /// Puts the source's new result on screen: same as-of date, same place, changed rows marked.
  static func takeReload(into state: inout State, now t: Double) {
    let result = state.source.result
    var live = state.data.live
    live.errors = result.errors
    live.keptFiles = state.source.heldBack
    live.updated = wallClock()
    live.changes.expire(now: t)
    if let campaign = result.campaign {
      var data = DashboardData(
        campaign: campaign, asOf: state.data.asOf, reusing: state.data,
        changedFrom: state.source.lastChangedFrom)
      live.changes.merge(RecentChanges.between(state.data, data, until: t + RecentChanges.seconds))
      data.live = live
      state.data = data
    } else {
      state.data.live = live
    }
    state.app.clamp(Screens.plan(state.app, state.data, options: state.options))
  }

  /// The time of day, for "updated HH:MM:SS".
  static func wallClock() -> LiveStatus.ClockTime {
    var t = time(nil)
    var parts = tm()
    localtime_r(&t, &parts)
    return LiveStatus.ClockTime(
      hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec))
  }

  static func perform(_ effect: Effect, on state: inout State) {
    let s = state.options.language == .zh
    switch effect {
    case .reload:
      state.source.reloadAll()
      takeReload(into: &state, now: now)
      if let first = state.source.result.errors.first {
        state.app.showToast(
          (s ? "数据有误，保留原数据：" : "data has errors, kept the last good data: ") + "\(first)", isError: true)
      } else {
        state.app.showToast(s ? "已重新读取数据" : "reloaded")
      }
    case .snapshot:
      do {
        let paths = try SnapshotEffect.write(
          page: state.app.page, data: state.data, width: max(Screens.minimumWidth, state.app.width),
          options: state.options, sort: state.app.sort, directory: state.snapshotDir)
        let html = paths.count > 1 ? " + .html" : ""
        state.app.showToast((s ? "快照已保存：" : "snapshot saved: ") + paths[0] + html)
      } catch {
        state.app.showToast((s ? "快照未保存：" : "snapshot not saved: ") + "\(error)", isError: true)
      }
    case .nextTheme:
      // The list is read again on every press, so a theme file added meanwhile joins the cycle;
      // a broken one is passed over with a toast, never a crash.
      let registry = state.themes
      let step = ThemeCycle.next(after: state.theme.name, entries: registry.entries()) {
        (entry) throws(ThemeError) in try registry.load(entry)
      }
      if let theme = step.theme {
        state.theme = theme
        state.applyPalette(theme.palette)
      }
      let now = step.theme.map { (s ? "配色主题：" : "theme: ") + $0.name } ?? (s ? "没有可用的主题" : "no usable theme")
      if let broken = step.skipped.first {
        // The outcome first (a toast is one line); the file by its name, the rest of the path
        // is in `chuangwen themes FILE`.
        var shown = broken
        shown.file = broken.file.split(separator: "/").last.map(String.init) ?? broken.file
        state.app.showToast(
          now + (s ? "（已跳过有误的主题 " : " (skipped a broken theme: ") + shown.description + (s ? "）" : ")"),
          isError: true)
      } else {
        state.app.showToast(now)
      }
    }
  }
}

/// `--rotate`: `30s`, `2m`, `500ms` or plain seconds, at least 0.1 s.
enum RotateInterval {
  static func parse(_ text: String) -> Double? {
    let t = text.trimmingCharacters(in: .whitespaces).lowercased()
    var number = t
    var scale = 1.0
    if t.hasSuffix("ms") {
      number = String(t.dropLast(2))
      scale = 0.001
    } else if t.hasSuffix("s") {
      number = String(t.dropLast())
    } else if t.hasSuffix("m") {
      number = String(t.dropLast())
      scale = 60
    }
    guard let v = Double(number), v.isFinite, v * scale >= 0.1 else { return nil }
    return v * scale
  }
}
