/// Why the live terminal could not start. Thrown before anything is written to the terminal,
/// so the caller can print a one-line explanation on a screen that is still untouched.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Standard input or output is not a terminal (piped, redirected, cron, CI).
  case notATerminal
  /// `TERM` is unset, unknown to terminfo, or cannot address the cursor (`dumb`, hardcopy).
  case unusableTerm(String)
  /// Another ``TerminalSession`` is active; there is one terminal and one set of signal handlers.
  case alreadyActive
  /// ncurses refused to start (`newterm` returned NULL) or the self-pipe could not be made.
  case setupFailed(String)

  public var description: String {
    switch self {
    case .notATerminal: return "standard input and output must be a terminal"
    case .unusableTerm(let name):
      return name.isEmpty
        ? "TERM is not set" : "terminal type '\(name)' cannot be used for a full-screen display"
    case .alreadyActive: return "a terminal session is already running"
    case .setupFailed(let why): return "terminal setup failed: \(why)"
    }
  }
}
