/// What the live runner needs from a terminal, and no more: its size, the next input (or a
/// time-out), a place to draw a canvas, and the one clock. The ncurses session is the real
/// implementation (CursesTerminal); ``MemoryTerminal`` plays scripted events on a clock that
/// only moves when the runner waits, so reload, time travel, rotation and printing are tested
/// in microseconds, the way ratatui's `TestBackend` works.
public protocol Terminal: AnyObject {
  var size: (width: Int, height: Int) { get }
  /// Seconds since the session started. The runner's only clock: ticks, toasts, change
  /// highlights, polling and rotation all read it.
  var now: Double { get }
  /// Waits until something happens or `timeout` seconds pass (nil: wait as long as it takes).
  func next(timeout: Double?) -> TerminalInput
  func draw(_ canvas: Canvas)
  /// Puts a theme's colours on screen.
  func setPalette(_ palette: StylePalette)
  /// Waits on `fd` too (a file watcher's descriptor); when it is readable, `onReadable`
  /// consumes what is waiting and returns the events to hand to the app.
  func watch(fd: Int32, onReadable: @escaping () -> [Event])
}

/// What ``Terminal/next(timeout:)`` saw.
public enum TerminalInput: Equatable, Sendable {
  case events([Event])
  /// The time-out passed with nothing to read.
  case timeout
  /// The terminal went away or a terminating signal came.
  case ended(ExitReason)
}

/// Why the live dashboard stopped.
public enum ExitReason: Equatable, Sendable {
  /// The user quit (q, F10).
  case quit
  /// SIGINT, SIGTERM or SIGHUP arrived (or the terminal hung up, reported as SIGHUP).
  case signal(Int32)

  /// The conventional shell status: 0 for quit, 128 + signal number otherwise
  /// (130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP).
  public var exitCode: Int32 {
    switch self {
    case .quit: 0
    case .signal(let sig): 128 + sig
    }
  }
}

/// An in-memory terminal for tests: events are queued by the test, frames are kept, and time
/// moves only when the runner waits through a scripted pause, so a 30-second rotation step
/// costs nothing to test.
public final class MemoryTerminal: Terminal {
  /// One step of the script.
  public enum Step: Sendable {
    case input(TerminalInput)
    /// Nothing happens for this many seconds.
    case pause(Double)
  }

  public var size: (width: Int, height: Int)
  public private(set) var now: Double = 0
  /// What is still to come, in order; when it runs out the terminal ends (as a quit).
  public var script: [Step] = []
  /// Every canvas drawn, oldest first.
  public private(set) var frames: [Canvas] = []
  public private(set) var palettes: [StylePalette] = []
  /// Called before each wait, so a test can act at a point in the run.
  public var beforeWait: ((MemoryTerminal) -> Void)?

  public init(width: Int = 120, height: Int = 40) { size = (width, height) }

  public var lastFrame: Canvas? { frames.last }

  /// Queues keys, one event each.
  public func press(_ keys: [Key]) { script += keys.map { .input(.events([.key($0)])) } }
  public func send(_ events: [Event]) { script.append(.input(.events(events))) }
  /// Lets `seconds` pass with nothing happening (the runner's wake-ups fire meanwhile).
  public func wait(_ seconds: Double) { script.append(.pause(seconds)) }

  public func next(timeout: Double?) -> TerminalInput {
    beforeWait?(self)
    guard !script.isEmpty else { return .ended(.quit) }
    switch script.removeFirst() {
    case .input(let input):
      return input
    case .pause(let seconds):
      // Time passes up to the runner's wake-up, or through the whole pause if it wants none.
      let step = min(seconds, timeout ?? seconds)
      now += step
      if seconds - step > 1e-9 { script.insert(.pause(seconds - step), at: 0) }
      return .timeout
    }
  }

  public func draw(_ canvas: Canvas) { frames.append(canvas) }
  public func setPalette(_ palette: StylePalette) { palettes.append(palette) }
  public func watch(fd: Int32, onReadable: @escaping () -> [Event]) {}
}
