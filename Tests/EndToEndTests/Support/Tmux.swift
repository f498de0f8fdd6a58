import Foundation

/// Drives a program in a detached tmux pane the way a person at a terminal would: type keys,
/// look at the screen, resize the window, read the exit status.
///
/// Every session has its own server (`-L`, `-f /dev/null`), so tests run in parallel and no
/// user configuration leaks in. The program runs under a small shell that records its exit
/// status in a file (tmux 3.3's `pane_dead_status` is sometimes never set when a program exits
/// right after input) and then stays alive, so the last screen and the terminal modes the program
/// left can still be read (tmux reports arbitrary modes for a dead pane). The server is killed,
/// and the status file removed, in `deinit`.
final class TmuxSession {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  let socket: String
  private let directory: String
  private var statusFile: String { directory + "/status" }
  private var socketPath: String?
  private(set) var width: Int
  private(set) var height: Int

  /// Starts `command` (argv, not a shell string) in a `width`×`height` pane.
  /// - Parameters:
  ///   - environment: variables set for the program (on top of the test's own environment).
  ///   - unset: variables removed first (e.g. `LANG`, to test the non-UTF-8 path).
  ///   - term: `TERM` inside the pane.
  init(
    _ command: [String], width: Int = 80, height: Int = 24,
    environment: [String: String] = [:], unset: [String] = [], term: String = "tmux-256color"
  ) throws {
    guard Self.tmuxPath != nil else { throw Failure(description: "tmux is not installed") }
    socket = "cw-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    self.width = width
    self.height = height
    // `env` sets TERM and the rest after tmux has set up the pane, so nothing overrides them.
    var argv = ["env"]
    for name in unset { argv += ["-u", name] }
    argv.append("TERM=\(term)")
    for (k, v) in environment.sorted(by: { $0.key < $1.key }) { argv.append("\(k)=\(v)") }
    argv += command
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket).path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    // The trap is a handler, not an ignore, so the program still gets default dispositions;
    // it keeps the wrapper alive through a Ctrl-C meant for the program.
    let wrapper =
      "trap : INT TERM HUP; \"$@\"; echo $? > \(Self.shellQuote(statusFile)); exec sleep 3600"
    let shellCommand = (["exec", "sh", "-c", wrapper, "sh"] + argv).map(Self.shellQuote)
      .joined(separator: " ")
    try tmux(
      "start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
      "new-session", "-d", "-x", "\(width)", "-y", "\(height)", shellCommand)
    socketPath = try? tmux("display-message", "-p", "#{socket_path}")
  }

  deinit { kill() }

  /// Ends the program and the server. Safe to call more than once.
  func kill() {
    _ = try? tmux("kill-server")
    // tmux leaves its socket behind; the dying wrapper may still write its status file.
    if let socketPath { try? FileManager.default.removeItem(atPath: socketPath) }
    for _ in 0..<3 {
      try? FileManager.default.removeItem(atPath: directory)
      if !FileManager.default.fileExists(atPath: directory) { break }
      Thread.sleep(forTimeInterval: 0.01)
    }
  }

  /// Sends tmux key names one by one, e.g. `"Down"`, `"Enter"`, `"Escape"`, `"C-c"`, `"BTab"`.
  func send(_ keys: String...) throws {
    for key in keys { try tmux("send-keys", "-t", "0", key) }
  }

  /// Types `text` literally (no key-name lookup): Chinese, spaces, `q`.
  func type(_ text: String) throws { try tmux("send-keys", "-t", "0", "-l", text) }

  /// The screen as text; with `escapes`, colour and attribute sequences are kept (`-e`).
  func capture(escapes: Bool = false) throws -> String {
    try tmux(["capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : []))
  }

  /// Polls the screen until it contains `text`; returns that screen or throws with the last one.
  @discardableResult
  func waitFor(_ text: String, timeout: Double = 5) throws -> String {
    try waitUntil(timeout: timeout, "screen to contain \(text.debugDescription)") { $0.contains(text) }
  }

  /// Polls the screen until `predicate` holds on a settled frame (every 20 ms, no fixed sleeps).
  @discardableResult
  func waitUntil(
    timeout: Double = 5, _ what: String = "condition", escapes: Bool = false, _ predicate: (String) -> Bool
  ) throws -> String {
    let end = Date().addingTimeInterval(timeout)
    var screen = ""
    var previous: String?
    repeat {
      screen = try capture(escapes: escapes)
      // A capture can land between two writes of one redraw: accept a screen only when it
      // holds and the next capture, 20 ms later, is the same (the frame has settled).
      if predicate(screen) {
        if screen == previous { return screen }
        previous = screen
      } else {
        previous = nil
      }
      Thread.sleep(forTimeInterval: 0.02)
    } while Date() < end
    throw Failure(description: "timed out after \(timeout)s waiting for \(what); screen:\n\(screen)")
  }

  /// Resizes the window (and so the pane); the program gets SIGWINCH.
  func resize(width: Int, height: Int) throws {
    try tmux("resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)")
    self.width = width
    self.height = height
  }

  /// The program's exit status once it has ended, waiting up to `timeout` seconds; nil if it
  /// is still running. A program killed by a signal reports 128 + signal, like a shell.
  func exitStatus(timeout: Double = 5) throws -> Int32? {
    let end = Date().addingTimeInterval(timeout)
    repeat {
      if let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
        let code = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return code
      }
      Thread.sleep(forTimeInterval: 0.02)
    } while Date() < end
    return nil
  }

  /// What tmux knows about the terminal modes the program left: alternate screen, cursor
  /// visibility, mouse reporting. After a clean exit all should be back to normal. Wait for
  /// ``exitStatus(timeout:)`` first, then poll this briefly: tmux parses output asynchronously.
  func terminalModes() throws -> (alternateScreen: Bool, cursorVisible: Bool, mouseReporting: Bool) {
    let f = try tmux(
      "display-message", "-p", "-t", "0",
      "#{alternate_on} #{cursor_flag} #{mouse_any_flag}"
    ).split(separator: " ")
    return (f[0] == "1", f[1] == "1", f[2] == "1")
  }

  /// The pid of the program under test (the child of the pane's wrapper shell), to send it
  /// signals such as SIGTERM or SIGHUP.
  func programPID() throws -> Int32 {
    guard let shell = Int32(try tmux("display-message", "-p", "-t", "0", "#{pane_pid}")),
      let children = try? String(
        contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8),
      let pid = children.split(separator: " ").first.flatMap({ Int32($0) })
    else { throw Failure(description: "no program running in the pane") }
    return pid
  }

  @discardableResult
  private func tmux(_ args: String...) throws -> String { try tmux(args) }

  @discardableResult
  private func tmux(_ args: [String]) throws -> String {
    let (status, output) = try Spawn.run(
      [Self.tmuxPath ?? "/usr/bin/tmux", "-u", "-L", socket, "-f", "/dev/null"] + args)
    guard status == 0 || args == ["kill-server"] else {
      throw Failure(description: "tmux \(args.joined(separator: " ")) failed (\(status))")
    }
    var text = output
    if args.first == "display-message", text.hasSuffix("\n") { text.removeLast() }
    return text
  }

  static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  static func shellQuote(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
