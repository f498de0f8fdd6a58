import DashboardKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the app wants after an event.
public enum LoopDecision: Equatable, Sendable {
  /// Redraw and wait for the next event.
  case `continue`
  /// Like `continue`, and deliver a ``Event/tick(_:)`` once this much time has passed (toasts,
  /// auto-rotation). The earliest requested wake-up wins; it is forgotten once delivered.
  case wake(after: Duration)
  case quit
}

/// Why ``EventLoop/run(initial:handle:render:)`` returned.
public enum ExitReason: Equatable, Sendable {
  /// The app returned ``LoopDecision/quit``.
  case quit
  /// SIGINT, SIGTERM or SIGHUP arrived (or the terminal hung up, reported as SIGHUP).
  case signal(Int32)

  /// The conventional shell status: 0 for quit, 128 + signal number otherwise
  /// (130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP).
  public var exitCode: Int32 {
    switch self {
    case .quit: return 0
    case .signal(let sig): return 128 + sig
    }
  }
}

/// Waits in `poll` on the terminal, the signal pipe and any registered sources; never spins and
/// never redraws on a timer. All callbacks run on the calling thread, the one ncurses lives on.
public final class EventLoop {
  public struct SourceID: Hashable, Sendable { let raw: Int }

  private struct Source {
    let fd: Int32
    let onReadable: () -> [Event]
  }

  private let session: TerminalSession
  private var sources: [SourceID: Source] = [:]
  private var nextID = 0
  private let clock = ContinuousClock()

  public init(session: TerminalSession) { self.session = session }

  /// Watches `fd` (a file watcher's inotify fd, say); when it is readable, `onReadable` is called
  /// and must consume what is waiting, returning the events to hand to the app.
  /// A source whose fd reports an error or hang-up is called once more and then dropped.
  @discardableResult
  public func addSource(fd: Int32, onReadable: @escaping () -> [Event]) -> SourceID {
    nextID += 1
    let id = SourceID(raw: nextID)
    sources[id] = Source(fd: fd, onReadable: onReadable)
    return id
  }

  public func removeSource(_ id: SourceID) { sources[id] = nil }

  /// Runs until the app quits or a terminating signal arrives.
  ///
  /// The app first receives `.resize` with the current size, then every key, mouse, resize,
  /// source event and requested tick. After each batch of events the screen is rendered once.
  /// The caller ends the session and exits with ``ExitReason/exitCode``.
  public func run<State>(
    initial: State,
    handle: (inout State, Event) -> LoopDecision,
    render: (State, _ width: Int, _ height: Int) -> Canvas
  ) -> (state: State, reason: ExitReason) {
    var state = initial
    let start = clock.now
    var deadline: ContinuousClock.Instant?

    func deliver(_ events: [Event]) -> Bool {
      for event in events {
        switch handle(&state, event) {
        case .continue: break
        case .wake(let after):
          let at = clock.now.advanced(by: after)
          deadline = deadline.map { min($0, at) } ?? at
        case .quit: return false
        }
      }
      return true
    }
    func draw() {
      let (w, h) = session.size
      session.blit(render(state, w, h))
    }

    let (w0, h0) = session.size
    guard deliver([.resize(width: w0, height: h0)]) else { return (state, .quit) }
    draw()

    while true {
      let order = Array(sources.keys)
      var fds = [
        pollfd(fd: session.inputFD, events: Int16(POLLIN), revents: 0),
        pollfd(fd: session.signalFD, events: Int16(POLLIN), revents: 0),
      ]
      fds += order.map { pollfd(fd: sources[$0]!.fd, events: Int16(POLLIN), revents: 0) }
      let ready = poll(&fds, nfds_t(fds.count), Self.timeoutMilliseconds(until: deadline, now: clock.now))
      if ready < 0 && errno != EINTR { return (state, .signal(SIGHUP)) }

      var events: [Event] = []
      if fds[1].revents != 0 {
        for sig in session.pendingSignals() where sig != SIGWINCH { return (state, .signal(sig)) }
      }
      let trouble = Int16(POLLHUP | POLLERR | POLLNVAL)
      if fds[0].revents & trouble != 0 { return (state, .signal(SIGHUP)) }  // terminal gone
      // A resize shows up as KEY_RESIZE on the input side once its signal has woken us.
      if fds[0].revents != 0 || fds[1].revents != 0 { events += session.readEvents() }
      for (i, id) in order.enumerated() where fds[i + 2].revents != 0 {
        guard let source = sources[id] else { continue }
        events += source.onReadable()
        if fds[i + 2].revents & trouble != 0 { sources[id] = nil }
      }
      if let d = deadline, clock.now >= d {
        deadline = nil
        events.append(.tick(Self.seconds(clock.now - start)))
      }
      guard deliver(events) else { return (state, .quit) }
      if !events.isEmpty { draw() }
    }
  }

  /// `poll`'s timeout: -1 (forever) without a deadline, otherwise rounded up so we never wake
  /// a millisecond early and spin.
  static func timeoutMilliseconds(
    until deadline: ContinuousClock.Instant?, now: ContinuousClock.Instant
  ) -> Int32 {
    guard let deadline else { return -1 }
    let ms = (seconds(deadline - now) * 1000).rounded(.up)
    return Int32(max(0, min(ms, Double(Int32.max))))
  }

  static func seconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
  }
}
