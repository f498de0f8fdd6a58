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

  @Option(help: "Start the walk-through at once, one page per interval (30s, 2m, 500ms); any key stops it.")
  var rotate: String?

  func run() throws {
    let loaded = try CampaignSession.open(data: data, asOf: asOf)
    var interval: Double?
    if let r = rotate {
      guard let seconds = RotateInterval.parse(r) else {
        throw ValidationError("--rotate must be a duration such as 30s, 2m or 500ms, not \"\(r)\"")
      }
      interval = seconds
    }
    let options = RenderOptions(language: try Languages.pick(lang, campaign: loaded.campaign), ascii: ascii)
    let terminal: TerminalSession
    do {
      terminal = try TerminalSession()
    } catch {
      printError(
        "chuangwen: cannot open the dashboard: \(error). To print a view instead, run: chuangwen snapshot --view overview"
      )
      throw ExitCodes.unavailable
    }
    let reason = LiveDashboard.run(terminal: terminal, session: loaded, options: options, rotate: interval)
    terminal.end()
    if reason.exitCode != 0 { throw ExitCode(reason.exitCode) }
  }
}

/// The loop between the terminal and the pure app: events in, `App.update`, canvas out; the
/// effects the app asks for (reload, snapshot, theme) are performed here, between frames.
enum LiveDashboard {
  struct State {
    var app: App
    var data: DashboardData
    var options: RenderOptions
    var directory: String
  }

  static func run(
    terminal: TerminalSession, session: CampaignSession, options: RenderOptions, rotate: Double? = nil
  )
    -> ExitReason
  {
    var app = App(width: 80, height: 24, campaign: session.campaign, asOf: session.data.asOf)
    if let r = rotate {
      app.rotateInterval = r
      app.startRotation()
    }
    let initial = State(app: app, data: session.data, options: options, directory: session.directory)
    let loop = EventLoop(session: terminal)
    let (_, reason) = loop.run(
      initial: initial,
      handle: { state, event in
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
        // Wake up when the toast is due to disappear, or the rotation's next page is due.
        var wake: Double?
        if let t = state.app.toast { wake = t.until - state.app.now + 0.01 }
        if let r = state.app.rotationWake { wake = min(wake ?? r, r) }
        if let w = wake { return .wake(after: .milliseconds(max(0, Int(w * 1000)))) }
        return .continue
      },
      render: { state, width, height in
        var app = state.app
        app.width = width
        app.height = height
        return Screens.render(app, state.data, options: state.options)
      })
    return reason
  }

  static func perform(_ effect: Effect, on state: inout State) {
    let s = state.options.language == .zh
    switch effect {
    case .reload:
      let result = CampaignLoader.load(directory: state.directory)
      if let campaign = result.campaign, result.errors.isEmpty {
        state.data = DashboardData(campaign: campaign, asOf: state.data.asOf)
        state.app.clamp(Screens.plan(state.app, state.data, options: state.options))
        state.app.showToast(s ? "已重新读取数据" : "reloaded")
      } else {
        let first = result.errors.first.map(\.description) ?? ""
        state.app.showToast(
          (s ? "数据有误，保留原数据：" : "data has errors, kept the last good data: ") + first, isError: true)
      }
    case .snapshot, .nextTheme:
      break  // performed once the snapshot and theme features land
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
