import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The built `chuangwen` driven in a private tmux server: what a person at the terminal sees,
/// escape sequences included (`capture-pane -e`). Needs `swift build` first and tmux.
struct TmuxSession: ~Copyable {
  let socket = "cw-theme-test-\(getpid())-\(UUID().uuidString.prefix(8))"

  static var binary: String { repositoryRoot.appendingPathComponent(".build/debug/chuangwen").path }

  init(arguments: [String], environment: [String: String] = [:], width: Int = 100, height: Int = 30) throws {
    var command = "export TERM=tmux-256color LANG=C.UTF-8; unset COLORTERM NO_COLOR CHUANGWEN_THEME; "
    for (k, v) in environment.sorted(by: { $0.key < $1.key }) { command += "export \(k)=\(Self.quote(v)); " }
    command += ([Self.binary] + arguments).map(Self.quote).joined(separator: " ") + "; sleep 30"
    // The server forked by new-session keeps the client's stdout: give it none, or reading
    // the output would wait for the server to exit.
    try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", command], capture: false)
  }

  deinit { _ = try? run(["kill-server"], capture: false) }

  static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

  @discardableResult
  func run(_ args: [String], capture: Bool = true) throws -> String {
    try Spawn.run(["tmux", "-L", socket, "-f", "/dev/null"] + args, capture: capture)
  }

  /// The screen with its escape sequences (`-e`), or as plain text.
  func capture(escapes: Bool = true) throws -> String {
    try run(["capture-pane", "-p"] + (escapes ? ["-e"] : []))
  }

  func sendKeys(_ keys: String...) throws { try run(["send-keys"] + keys) }

  /// Captures until `predicate` holds (or 5 s pass) and returns the last capture.
  func waitFor(escapes: Bool = true, _ predicate: (String) -> Bool) throws -> String {
    var screen = ""
    var previous: String?
    for _ in 0..<100 {
      screen = try capture(escapes: escapes)
      // Accept a screen only once two captures agree (not a half-drawn frame).
      if predicate(screen) {
        if screen == previous { return screen }
        previous = screen
      } else {
        previous = nil
      }
      usleep(50_000)
    }
    return screen
  }
}

/// Runs a program with every signal unblocked and at its default disposition. Foundation's
/// `Process` passes on the test runner's signal mask, in which SIGHUP and SIGTERM are blocked;
/// a tmux server started that way can never end its panes, and `kill-server` leaves it running.
enum Spawn {
  struct Failed: Error { var message: String }

  /// The program's standard output (through a temporary file, so that a daemon that keeps the
  /// descriptor, like the tmux server, cannot make the read wait) when `capture` is set.
  @discardableResult
  static func run(_ args: [String], capture: Bool = true) throws -> String {
    let outPath = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cw-spawn-\(UUID().uuidString)"
    ).path
    defer { unlink(outPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, capture ? outPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var none = sigset_t()
    sigemptyset(&none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attr, &none)
    posix_spawnattr_setsigdefault(&attr, &all)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, args[0], &actions, &attr, &argv, environ)
    guard rc == 0 else { throw Failed(message: "cannot run \(args[0]): \(String(cString: strerror(rc)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return capture ? ((try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "") : ""
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

@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: TmuxSession.binary)))
struct ThemeTmuxTests {
  static func ready(_ screen: String) -> Bool { screen.contains("2016-09-02") }

  @Test func noColorSendsNoColourButKeepsBoldAndReverse() throws {
    let tmux = try TmuxSession(arguments: [], environment: ["NO_COLOR": "1"])
    let screen = try tmux.waitFor { Self.ready($0) }
    #expect(Self.ready(screen), "the dashboard did not come up:\n\(screen)")
    #expect(colourParameters(screen).isEmpty, "colour escapes under NO_COLOR: \(colourParameters(screen))")
    let params = Set(sgrParameters(screen).joined())
    #expect(params.contains("1"), "bold is kept")
    #expect(params.contains("7"), "reverse is kept")
  }

  @Test func theTKeyChangesTheColoursOnScreen() throws {
    let tmux = try TmuxSession(arguments: ["--theme", "default"])
    let before = try tmux.waitFor { Self.ready($0) }
    let dark = colourParameters(before)
    #expect(!dark.isEmpty, "the default theme shows colour")
    try tmux.sendKeys("t")
    let after = try tmux.waitFor { $0.contains("light") && colourParameters($0) != dark }
    #expect(after.contains("light"), "a toast names the new theme")
    #expect(colourParameters(after) != dark, "the colours changed")
    // The projector theme paints its own white background (231 in 256 colours) everywhere.
    try tmux.sendKeys("t")
    let projector = try tmux.waitFor { colourParameters($0).contains("48;5;231") }
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
    try Spawn.run(["tic", "-x", "-o", dir.appendingPathComponent("db").path, source.path], capture: false)
    let tmux = try TmuxSession(
      arguments: ["--theme", "zhenghong"],
      environment: ["COLORTERM": "truecolor", "TERMINFO": dir.appendingPathComponent("db").path])
    let screen = try tmux.waitFor { Self.ready($0) && colourParameters($0).contains("38;2;176;0;0") }
    // zhenghong's title is #b00000 and its paper #fffbf0: exact, not the 256-colour neighbours.
    #expect(colourParameters(screen).contains("38;2;176;0;0"), "\(colourParameters(screen).sorted())")
    #expect(colourParameters(screen).contains("48;2;255;251;240"))
    let plain = try TmuxSession(arguments: ["--theme", "zhenghong"], environment: ["COLORTERM": "truecolor"])
    let fallback = try plain.waitFor { Self.ready($0) }
    #expect(colourParameters(fallback).contains("38;5;124"), "no direct entry: 256 colours")
  }

  @Test func aBrokenUserThemeIsSkippedWithAToast() throws {
    let config = FileManager.default.temporaryDirectory.appendingPathComponent("cw-tmux-\(UUID().uuidString)")
    let themes = config.appendingPathComponent("chuangwen/themes")
    try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: config) }
    try #"{"schema": "chuangwen/1", "name": "broken", "roles": {"titel": {}}}"#
      .write(to: themes.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
    let tmux = try TmuxSession(
      arguments: ["--theme", "zhenghong", "--lang", "en"], environment: ["XDG_CONFIG_HOME": config.path])
    _ = try tmux.waitFor { Self.ready($0) }
    try tmux.sendKeys("t")
    let screen = try tmux.waitFor(escapes: false) { $0.contains("skipped a broken theme") }
    // Still running, now on the theme after the broken one (wrapped round to default).
    #expect(
      screen.contains("theme: default (skipped a broken theme: broken.json:1:1: missing key"), "\(screen)")
    try tmux.sendKeys("t")
    let next = try tmux.waitFor(escapes: false) { $0.contains("theme: light") }
    #expect(next.contains("theme: light"), "\(next)")
  }
}

@Suite struct ThemeCommandLineTests {
  func run(_ args: [String], environment: [String: String] = [:]) throws -> (
    status: Int32, stdout: String, stderr: String
  ) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: TmuxSession.binary)
    p.arguments = args
    var env = ProcessInfo.processInfo.environment
    env["CHUANGWEN_THEME"] = nil
    for (k, v) in environment { env[k] = v }
    p.environment = env
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: TmuxSession.binary)))
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
