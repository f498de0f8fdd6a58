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
      Keys: 1–8 sub-command · ↑↓ jk move · Enter open · Esc back · / filter · s sort · ? help · q quit.
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

  @Option(
    help:
      "Colour theme: a name (see `chuangwen themes`) or a .json file (default: $CHUANGWEN_THEME, else default; mono without colour)."
  )
  var theme: String?

  func run() throws {
    let loaded = try CampaignSession.open(data: data, asOf: asOf)
    let options = RenderOptions(language: try Languages.pick(lang, campaign: loaded.campaign), ascii: ascii)
    let themes = ThemeChoice.registry()
    let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    var chosen = try ThemeChoice.initial(theme, colorAvailable: !noColor, registry: themes)
    let terminal: TerminalSession
    do {
      terminal = try TerminalSession(options: .init(palette: chosen.palette))
      if terminal.colorDepth == .none, theme == nil, themes.environmentChoice == nil,
        chosen.name != ThemeRegistry.monoName
      {
        chosen = try ThemeChoice.initial(nil, colorAvailable: false, registry: themes)
        terminal.setPalette(chosen.palette)
      }
    } catch let error as TerminalError {
      printError(
        "chuangwen: cannot open the dashboard: \(error). To print a view instead, run: chuangwen snapshot --view overview")
      throw ExitCodes.unavailable
    }
    let reason = LiveDashboard.run(
      terminal: terminal, session: loaded, options: options, theme: chosen, themes: themes)
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
    /// The theme on screen, the registry `t` cycles through, and how to put a palette on screen.
    var theme: Theme
    var themes: ThemeRegistry
    var applyPalette: (StylePalette) -> Void
  }

  static func run(
    terminal: TerminalSession, session: CampaignSession, options: RenderOptions, theme: Theme,
    themes: ThemeRegistry
  ) -> ExitReason {
    var keys: [Int: String] = [:]
    for sc in session.campaign.subCommands { if let k = sc.key { keys[k] = sc.id } }
    let initial = State(
      app: App(width: 80, height: 24, subCommandKeys: keys), data: session.data, options: options,
      directory: session.directory, theme: theme, themes: themes, applyPalette: { terminal.setPalette($0) })
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
        // Wake up when the toast is due to disappear.
        if let t = state.app.toast { return .wake(after: .milliseconds(Int((t.until - state.app.now) * 1000) + 10)) }
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
        state.app.showToast((s ? "数据有误，保留原数据：" : "data has errors, kept the last good data: ") + first, isError: true)
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
    case .snapshot:
      break  // performed once the snapshot feature lands
    }
  }
}
