import CampaignKit
import DashboardKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The ncurses ``Terminal``: waits in `poll` on the terminal, the signal pipe and any registered
/// sources; never spins and never redraws on a timer. All callbacks run on the calling thread,
/// the one ncurses lives on.
public final class EventLoop: Terminal {
  public struct SourceID: Hashable, Sendable { let raw: Int }

  private struct Source {
    let fd: Int32
    let onReadable: () -> [Event]
  }

  private let session: TerminalSession
  private var sources: [SourceID: Source] = [:]
  private var nextID = 0
  private let clock = ContinuousClock()
  private let start: ContinuousClock.Instant

  public init(session: TerminalSession) {
    self.session = session
    start = clock.now
  }

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

  /// Waits in `poll` for input, a signal, a watched descriptor or the time-out; returns the
  /// decoded events (a resize arrives as one), `.timeout`, or `.ended` for a terminating
  /// signal or a terminal that hung up.
  public func next(timeout: Double?) -> TerminalInput {
    do {
      let order = Array(sources.keys)
      var fds = [
        pollfd(fd: session.inputFD, events: Int16(POLLIN), revents: 0),
        pollfd(fd: session.signalFD, events: Int16(POLLIN), revents: 0),
      ]
      fds += order.map { pollfd(fd: sources[$0]!.fd, events: Int16(POLLIN), revents: 0) }
      // Clamped: a wake-up computed from hostile data must never trap the conversion.
      let deadline = timeout.map {
        clock.now.advanced(by: .milliseconds(NumberText.clampedInt(($0 * 1000).rounded(.up), 0...86_400_000)))
      }
      let ready = poll(&fds, nfds_t(fds.count), Self.timeoutMilliseconds(until: deadline, now: clock.now))
      if ready < 0 && errno != EINTR { return .ended(.signal(SIGHUP)) }
      if ready <= 0 { return ready == 0 ? .timeout : .events([]) }

      var events: [Event] = []
      if fds[1].revents != 0 {
        for sig in session.pendingSignals() where sig != SIGWINCH { return .ended(.signal(sig)) }
      }
      let trouble = Int16(POLLHUP | POLLERR | POLLNVAL)
      if fds[0].revents & trouble != 0 { return .ended(.signal(SIGHUP)) }  // terminal gone
      // A resize shows up as KEY_RESIZE on the input side once its signal has woken us.
      if fds[0].revents != 0 || fds[1].revents != 0 { events += session.readEvents() }
      for (i, id) in order.enumerated() where fds[i + 2].revents != 0 {
        guard let source = sources[id] else { continue }
        events += source.onReadable()
        if fds[i + 2].revents & trouble != 0 { sources[id] = nil }
      }
      return .events(events)
    }
  }

  /// Seconds since the loop was made: the live runner's one clock.
  public var now: Double { Self.seconds(clock.now - start) }
  public var size: (width: Int, height: Int) { session.size }
  public func draw(_ canvas: Canvas) { session.blit(canvas) }
  public func setPalette(_ palette: StylePalette) { session.setPalette(palette) }
  public func watch(fd: Int32, onReadable: @escaping () -> [Event]) {
    addSource(fd: fd, onReadable: onReadable)
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
