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
      Keys: \(Keymap.summary()).
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
    // The leanest load (CampaignSource.LoadStyle): the dashboard runs for hours and its peak
    // memory has an aim (80 MB at 50×); its first frame has room (0.3 s of its 1.0 s at 50×).
    let loaded = try CampaignSession.open(data: data, asOf: asOf, toleratingReports: true, style: .leanest)
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
    var app = App(width: 80, height: 24, campaign: loaded.campaign, asOf: loaded.data.asOf)
    if let r = interval {
      app.rotateInterval = r
      app.startRotation()
    }
    let dir = snapshotDir
    var runner = LiveRunner(
      app: app, data: loaded.data, options: options, source: loaded.source,
      watcher: FileWatcher(directory: loaded.directory, subdirectories: ["reports"], polling: poll),
      theme: chosen, themes: themes,
      writeSnapshot: { page, data, width, options, sort in
        try SnapshotEffect.write(
          page: page, data: data, width: width, options: options, sort: sort, directory: dir)
      })
    let reason = runner.run(on: EventLoop(session: terminal))
    terminal.end()
    if reason.exitCode != 0 { throw ExitCode(reason.exitCode) }
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
