import ArgumentParser
import CampaignKit
import CursesTerminal
import DashboardKit

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

  @Option(help: "Where p writes snapshots of the current view (text and HTML).")
  var snapshotDir: String = "snapshots"

  func run() throws {
    let loaded = try CampaignSession.open(data: data, asOf: asOf)
    let options = RenderOptions(language: try Languages.pick(lang, campaign: loaded.campaign), ascii: ascii)
    let terminal: TerminalSession
    do {
      terminal = try TerminalSession()
    } catch {
      printError(
        "chuangwen: cannot open the dashboard: \(error). To print a view instead, run: chuangwen snapshot --view overview")
      throw ExitCodes.unavailable
    }
    let reason = LiveDashboard.run(terminal: terminal, session: loaded, options: options, snapshotDir: snapshotDir)
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
    var snapshotDir = "snapshots"
  }

  static func run(
    terminal: TerminalSession, session: CampaignSession, options: RenderOptions, snapshotDir: String = "snapshots"
  ) -> ExitReason {
    var keys: [Int: String] = [:]
    for sc in session.campaign.subCommands { if let k = sc.key { keys[k] = sc.id } }
    let initial = State(
      app: App(width: 80, height: 24, subCommandKeys: keys), data: session.data, options: options,
      directory: session.directory, snapshotDir: snapshotDir)
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
      break  // performed once the theme feature lands
    }
  }
}
