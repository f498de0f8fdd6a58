import ArgumentParser
import CampaignKit
import DashboardKit
import Foundation

/// `chuangwen snapshot`: any view, rendered by the screen code, as text, ANSI, Markdown, HTML
/// or JSON, on standard output or into a file.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot",
    abstract: "Print a view of the dashboard (all rows, not one screenful), or the weekly circular.",
    discussion: """
      Views: \(SnapshotViews.names).
      Formats: text (for lp), ansi (for less -R), markdown, html (self-contained, prints on A4), json, \
      pdf (the HTML printed by a headless Chromium: chromium, chromium-browser or google-chrome on \
      the PATH, or --browser PATH; exit 69 without one), docx (an editable Word/WPS document). \
      The same data and --as-of give byte-identical output; --stamp adds the time of printing. \
      -o FILE writes atomically and refuses to replace an existing file unless --force is given.
      Examples:
        chuangwen snapshot --view brief | lp
        chuangwen snapshot --view subcommand:3 --format html -o 第3分指挥部.html
        chuangwen snapshot --view brief --format pdf -o 通报第35期.pdf
        chuangwen snapshot --view brief --format docx -o 通报第35期.docx
      """
  )

  @Option(help: "The campaign directory (default: $CHUANGWEN_DATA, else the bundled campaign).")
  var data: String?

  @Option(help: "The view: \(SnapshotViews.names).")
  var view: String = "overview"

  @Option(help: "text, ansi, markdown, html, json, pdf or docx.")
  var format: String = "text"

  @Option(help: "With --format pdf: the Chromium (or Chrome) to print with.")
  var browser: String?

  @Option(help: "Line width in display columns for text and ansi (80–1000).")
  var width: Int = 100

  @Option(help: "The as-of date, YYYY-MM-DD (default: the campaign's).")
  var asOf: String?

  @Option(
    help:
      "The colour theme for ansi output: a name (see `chuangwen themes`) or a .json file (HTML prints in its print palette)."
  )
  var theme: String?

  @Option(help: "zh or en (default: the campaign's locale).") var lang: String?
  @Flag(help: "ASCII glyphs for bars and lines.") var ascii = false

  @Option(
    name: [.customShort("o"), .customLong("output")], help: "Write to this file instead of standard output.")
  var output: String?

  @Flag(help: "With -o, replace the file if it exists.") var force = false
  @Flag(help: "Add the time of printing (the output then differs from run to run).") var stamp = false

  func validate() throws {
    guard SnapshotFormat(rawValue: format) != nil || PrintedFormat(rawValue: format) != nil else {
      throw ValidationError(
        "unknown format \"\(format)\"; choose \((SnapshotFormat.allCases.map(\.rawValue) + ["pdf", "docx"]).joined(separator: ", "))"
      )
    }
    if browser != nil && format != "pdf" { throw ValidationError("--browser only applies with --format pdf") }
    guard (80...1000).contains(width) else {
      throw ValidationError("--width must be between 80 and 1000, not \(width)")
    }
    // A theme named is checked whatever the format (a typo should not pass silently); the
    // default one is read only when it colours something, ANSI output (reading the themes
    // folder was 3% of a text snapshot's time).
    if theme != nil || format == SnapshotFormat.ansi.rawValue { _ = try SnapshotThemes.palette(theme) }
    if force && output == nil { throw ValidationError("--force only applies with -o FILE") }
  }

  func run() throws {
    let loaded = try CampaignSession.open(data: data, asOf: asOf)
    let page = try ViewName.parse(view, campaign: loaded.campaign)
    let options = RenderOptions(language: try Languages.pick(lang, campaign: loaded.campaign), ascii: ascii)
    let bytes: [UInt8]
    switch PrintedFormat(rawValue: format) {
    case .pdf:
      // Look for the browser before any work, so a machine without one fails fast and plainly.
      guard let chromium = PDFPrinter.browser(browser) else {
        printError(
          browser.map { "chuangwen: --browser \($0) is not an executable file" }
            ?? "chuangwen: --format pdf needs Chromium on the PATH (chromium, chromium-browser or google-chrome): install it (apt-get install chromium) or pass --browser PATH"
        )
        throw ExitCodes.unavailable
      }
      let html = Snapshot.render(
        .html, page: page, data: loaded.data, options: options, stamp: stamp ? Clock.stamp() : nil)
      do {
        bytes = try PDFPrinter.print(html: html, browser: chromium)
      } catch {
        printError("chuangwen: \(error)")
        throw ExitCodes.unavailable
      }
    case .docx:
      bytes = try DocxArchive.bytes(
        Snapshot.docxParts(
          page: page, data: loaded.data, options: options, stamp: stamp ? Clock.stamp() : nil))
    case nil:
      // Only ANSI output is coloured (validate() has already checked the theme).
      let chosen = SnapshotFormat(rawValue: format)!
      let text = Snapshot.render(
        chosen, page: page, data: loaded.data, width: width, options: options,
        palette: chosen == .ansi ? try SnapshotThemes.palette(theme) : .defaultDark,
        stamp: stamp ? Clock.stamp() : nil)
      bytes = Array(text.utf8)
    }
    guard let path = output, path != "-" else {
      Output.write(bytes, to: STDOUT_FILENO)
      return
    }
    do {
      try AtomicFile.write(bytes: bytes, to: path, overwrite: force)
    } catch {
      printError("chuangwen: \(error)\(force ? "" : " (use --force to replace it)")")
      throw ExitCodes.cannotCreate
    }
  }
}

/// The palette a snapshot is coloured with: `--theme` (a bundled or user theme, or a file),
/// else `CHUANGWEN_THEME`, else `default` — the same registry as the dashboard's.
enum SnapshotThemes {
  static func palette(_ name: String?) throws -> StylePalette {
    try ThemeChoice.initial(name, colorAvailable: true).palette
  }
}

/// The wall clock, read only by the command line (screens never read it).
enum Clock {
  /// Local time as `2016-09-02 14:05:09 +0800`.
  static func stamp(_ date: Date = Date()) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.dateFormat = "yyyy-MM-dd HH:mm:ss Z"
    return f.string(from: date)
  }

  /// For file names: `20160902-140509`.
  static func fileStamp(_ date: Date = Date()) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.dateFormat = "yyyyMMdd-HHmmss"
    return f.string(from: date)
  }
}

enum Languages {
  static func pick(_ flag: String?, campaign: Campaign) throws -> Language {
    let code = flag ?? campaign.info.locale
    guard let l = Language(rawValue: code) else {
      throw ValidationError("--lang must be zh or en, not \"\(code)\"")
    }
    return l
  }
}
