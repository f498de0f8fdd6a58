import Foundation
import Testing

/// Themes on a real terminal (tmux, escape sequences included: `capture-pane -e`) and on the
/// command line.
@Suite(
  .serialized,
  .enabled(if: ChuangwenBinary.url != nil && TmuxSession.tmuxPath != nil, "needs tmux and a built chuangwen"))
struct ThemeTmuxTests {
  /// The dashboard in tmux with a clean theme environment (no COLORTERM, NO_COLOR or
  /// CHUANGWEN_THEME from the test's own), plus `environment`.
  static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> TmuxSession {
    try TmuxSession(
      [ChuangwenBinary.url!.path] + arguments, width: 100, height: 30,
      environment: ["LANG": "C.UTF-8", "CHUANGWEN_DATA": ""].merging(environment) { _, b in b },
      unset: ["COLORTERM", "NO_COLOR", "CHUANGWEN_THEME"])
  }

  static func ready(_ screen: String) -> Bool { screen.contains("2016-09-02") }

  @Test func noColorSendsNoColourButKeepsBoldAndReverse() throws {
    let tmux = try Self.start([], environment: ["NO_COLOR": "1"])
    let screen = try tmux.waitUntil(escapes: true) { Self.ready($0) }
    #expect(Self.ready(screen), "the dashboard did not come up:\n\(screen)")
    #expect(colourParameters(screen).isEmpty, "colour escapes under NO_COLOR: \(colourParameters(screen))")
    let params = Set(sgrParameters(screen).joined())
    #expect(params.contains("1"), "bold is kept")
    #expect(params.contains("7"), "reverse is kept")
  }

  @Test func theTKeyChangesTheColoursOnScreen() throws {
    let tmux = try Self.start(["--theme", "default"])
    let before = try tmux.waitUntil(escapes: true) { Self.ready($0) }
    let dark = colourParameters(before)
    #expect(!dark.isEmpty, "the default theme shows colour")
    try tmux.type("t")
    let after = try tmux.waitUntil(escapes: true) { $0.contains("light") && colourParameters($0) != dark }
    #expect(after.contains("light"), "a toast names the new theme")
    #expect(colourParameters(after) != dark, "the colours changed")
    // The projector theme paints its own white background (231 in 256 colours) everywhere.
    try tmux.type("t")
    let projector = try tmux.waitUntil(escapes: true) { colourParameters($0).contains("48;5;231") }
    #expect(colourParameters(projector).contains("48;5;231"))
  }

  /// With `COLORTERM=truecolor` and a direct-colour terminfo entry for the terminal (compiled
  /// here with `tic`, since Debian only ships them in ncurses-term), colours arrive exactly.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tic")))
  func trueColourWhenTheTerminalSaysSo() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cw-terminfo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let source = dir.appendingPathComponent("tmux-direct.src")
    try #"""
    tmux-direct|tmux with direct colour (test entry),
    \tcolors#0x1000000, pairs#0x10000, RGB,
    \tsetab=\E[%?%p1%{8}%<%t4%p1%d%e48\:2\:\:%p1%{65536}%/%d\:%p1%{256}%/%{255}%&%d\:%p1%{255}%&%d%;m,
    \tsetaf=\E[%?%p1%{8}%<%t3%p1%d%e38\:2\:\:%p1%{65536}%/%d\:%p1%{256}%/%{255}%&%d\:%p1%{255}%&%d%;m,
    \tuse=tmux-256color,

    """#.replacingOccurrences(of: "\\t", with: "\t").write(to: source, atomically: true, encoding: .utf8)
    let tic = try Spawn.run(["/usr/bin/tic", "-x", "-o", dir.appendingPathComponent("db").path, source.path])
    try #require(tic.status == 0, "tic failed")
    let tmux = try Self.start(
      ["--theme", "zhenghong"],
      environment: ["COLORTERM": "truecolor", "TERMINFO": dir.appendingPathComponent("db").path])
    let screen = try tmux.waitUntil(escapes: true) {
      Self.ready($0) && colourParameters($0).contains("38;2;176;0;0")
    }
    // zhenghong's title is #b00000 and its paper #fffbf0: exact, not the 256-colour neighbours.
    #expect(colourParameters(screen).contains("38;2;176;0;0"), "\(colourParameters(screen).sorted())")
    #expect(colourParameters(screen).contains("48;2;255;251;240"))
    let plain = try Self.start(["--theme", "zhenghong"], environment: ["COLORTERM": "truecolor"])
    let fallback = try plain.waitUntil(escapes: true) { Self.ready($0) }
    #expect(colourParameters(fallback).contains("38;5;124"), "no direct entry: 256 colours")
  }

  @Test func aBrokenUserThemeIsSkippedWithAToast() throws {
    let config = FileManager.default.temporaryDirectory.appendingPathComponent("cw-tmux-\(UUID().uuidString)")
    let themes = config.appendingPathComponent("chuangwen/themes")
    try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: config) }
    try #"{"schema": "chuangwen/1", "name": "broken", "roles": {"titel": {}}}"#
      .write(to: themes.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
    let tmux = try Self.start(
      ["--theme", "zhenghong", "--lang", "en"], environment: ["XDG_CONFIG_HOME": config.path])
    _ = try tmux.waitUntil(escapes: true) { Self.ready($0) }
    try tmux.type("t")
    let screen = try tmux.waitUntil { $0.contains("skipped a broken theme") }
    // Still running, now on the theme after the broken one (wrapped round to default).
    #expect(
      screen.contains("theme: default (skipped a broken theme: broken.json:1:1: missing key"), "\(screen)")
    try tmux.type("t")
    let next = try tmux.waitUntil { $0.contains("theme: light") }
    #expect(next.contains("theme: light"), "\(next)")
  }
}

@Suite(.enabled(if: ChuangwenBinary.url != nil, "build the executable first: swift build"))
struct ThemeCommandLineTests {
  func run(_ args: [String], environment: [String: String] = [:]) throws -> CommandLineTests.Run {
    try CommandLineTests.run(args, environment: environment)
  }
  @Test
  func exitCodesAndMessages() throws {
    let unknown = try run(["--theme", "nope"])
    #expect(unknown.status == 64)
    #expect(
      unknown.stderr.contains("no theme \"nope\"; available: default, light, projector, mono, zhenghong"))

    let env = try run(["dashboard"], environment: ["CHUANGWEN_THEME": "nope"])
    #expect(env.status == 64 && env.stderr.contains("CHUANGWEN_THEME"))

    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cw-bad-\(UUID().uuidString).json")
    try
      "{\"schema\": \"chuangwen/1\",\n \"name\": \"x\", \"foreground\": \"#000000\", \"background\": \"#ffffff\",\n \"roles\": {\"text\": {\"fg\": \"#12\"}}}"
      .write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let bad = try run(["--theme", file.path])
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("\(file.path):3:27: roles.text.fg: \"#12\" is not a colour; use \"#RRGGBB\""))

    let list = try run(["themes"])
    #expect(
      list.status == 0 && list.stdout == "default\nlight\nprojector\nmono\nzhenghong\n",
      "plain names in a pipe")
  }
}

/// The parameters of every SGR sequence (`ESC [ … m`) in a capture, one array per sequence.
func sgrParameters(_ screen: String) -> [[String]] {
  var result: [[String]] = []
  var rest = Substring(screen)
  while let start = rest.range(of: "\u{1B}[") {
    rest = rest[start.upperBound...]
    guard let end = rest.firstIndex(where: { !("0"..."9").contains($0) && $0 != ";" && $0 != ":" }) else {
      break
    }
    if rest[end] == "m" {
      result.append(rest[..<end].split(separator: ";", omittingEmptySubsequences: false).map(String.init))
    }
    rest = rest[end...]
  }
  return result
}

/// The colour-setting parameters only (foreground/background: 30–38, 40–48, 90–97, 100–107
/// and the 38/48 extended forms); 39 and 49, back to the default colour, are not colours.
func colourParameters(_ screen: String) -> Set<String> {
  var colours = Set<String>()
  for params in sgrParameters(screen) {
    var i = 0
    while i < params.count {
      let p = params[i]
      if p == "38" || p == "48" {  // 38;5;N or 38;2;R;G;B
        let n = params.count > i + 1 && params[i + 1] == "2" ? 5 : 3
        colours.insert(params[i..<min(params.count, i + n)].joined(separator: ";"))
        i += n
        continue
      }
      if let v = Int(p),
        (30...37).contains(v) || (40...47).contains(v) || (90...97).contains(v) || (100...107).contains(v)
      {
        colours.insert(p)
      }
      i += 1
    }
  }
  return colours
}
