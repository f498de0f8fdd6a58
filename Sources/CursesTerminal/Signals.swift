#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Signal handling that always gives the terminal back.
///
/// * SIGINT, SIGTERM, SIGHUP, and every other signal whose default is to end the process quietly
///   (SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSTKFLT, and the
///   real-time signals SIGRTMIN…SIGRTMAX): the
///   handler writes the signal number to a self-pipe; the event
///   loop wakes in `poll`, returns, and the caller runs `endwin` and exits 128+signal. Installed
///   before `newterm`, so ncurses (which only catches these while they are at their default)
///   leaves them alone instead of calling `_exit` behind Swift's back.
/// * SIGWINCH: ncurses' own handler (it records the resize for `KEY_RESIZE`) is chained, and the
///   self-pipe is written too so a resize wakes `poll` without any race.
/// * SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS, SIGXCPU, SIGXFSZ: the handler writes a prepared reset
///   sequence with `write(2)`, restores the saved termios with `tcsetattr`, calls the previous
///   handler if there was one (Swift's backtracer prints its report on the normal screen), then
///   re-raises with the default action so the process dies with that signal.
///
/// Handlers only read ``SignalState`` through a pointer allocated before they are installed and
/// call async-signal-safe functions; no Swift allocation, locking or lazy initialisation.
enum Signals {
  static let clean: [Int32] = {
    var signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGIO]
    #if os(Linux)
      signals += [SIGPWR, SIGSTKFLT]
      // The real-time signals (SIGRTMIN…SIGRTMAX, 34–64 with glibc) also end a process by
      // default; `kill -RTMIN+1` must give the terminal back like any other.
      signals += Array(__libc_current_sigrtmin()...__libc_current_sigrtmax())
    #endif
    return signals
  }()
  static let crash: [Int32] = [SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS, SIGXCPU, SIGXFSZ]

  /// Leave mouse reporting, keypad-transmit mode, attributes, hidden cursor and the alternate
  /// screen: what a crashed full-screen program would otherwise leave behind.
  static let resetSequence = Array(
    ("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?1l\u{1B}>"
      + "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l").utf8)

  /// Installs every handler. `ttyFD` is the terminal whose termios is saved now (before
  /// curses changes it) and restored on a crash.
  static func install(ttyFD: Int32, pipeWrite: Int32) {
    prepareSignalGlobals()
    let s = signalState
    s.pointee.ttyFD = ttyFD
    s.pointee.pipeWrite = pipeWrite
    s.pointee.haveTermios = tcgetattr(ttyFD, &s.pointee.savedTermios) == 0
    for sig in clean { setAction(sig, handler: onCleanSignal, flags: 0) }
    for sig in crash { setCrashAction(sig) }
  }

  /// Chains after ncurses: call once `newterm` has put its SIGWINCH handler in place.
  static func chainWinch() { setAction(SIGWINCH, handler: onWinch, flags: SA_RESTART) }

  /// Puts back every action saved by ``install`` and ``chainWinch``.
  static func uninstall() {
    for sig in clean + crash + [SIGWINCH] where signalState.pointee.saved[Int(sig)] {
      _ = sigaction(sig, signalState.pointee.previous + Int(sig), nil)
      signalState.pointee.saved[Int(sig)] = false
    }
    signalState.pointee.pipeWrite = -1
  }

  private static func setCrashAction(_ sig: Int32) {
    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_sigaction = onCrash
    #else
      action.__sigaction_u.__sa_sigaction = onCrash
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_SIGINFO
    _ = sigaction(sig, &action, signalState.pointee.previous + Int(sig))
    signalState.pointee.saved[Int(sig)] = true
  }

  private static func setAction(
    _ sig: Int32, handler: @convention(c) (Int32) -> Void, flags: Int32
  ) {
    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = handler
    #else
      action.__sigaction_u.__sa_handler = handler
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = flags
    let s = signalState
    _ = sigaction(sig, &action, s.pointee.previous + Int(sig))
    s.pointee.saved[Int(sig)] = true
  }
}

/// Everything a handler needs, in memory that never moves or is freed (plain pointers rather
/// than arrays, so a handler never hits a copy-on-write check).
struct SignalState {
  var pipeWrite: Int32 = -1
  var ttyFD: Int32 = -1
  var haveTermios = false
  var savedTermios = termios()
  /// Actions in place before ours, indexed by signal number.
  var previous: UnsafeMutablePointer<sigaction>
  var saved: UnsafeMutablePointer<Bool>
  var active = false
}

private let signalSlots = 65

/// The one shared instance. `nonisolated(unsafe)` is the honest annotation: signal handlers run
/// on whatever thread the kernel picks, outside any isolation domain; the main thread writes the
/// fields only while no handler of ours is installed (or before a field is consulted).
nonisolated(unsafe) let signalState: UnsafeMutablePointer<SignalState> = {
  let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
  previous.initialize(repeating: sigaction(), count: signalSlots)
  let saved = UnsafeMutablePointer<Bool>.allocate(capacity: signalSlots)
  saved.initialize(repeating: false, count: signalSlots)
  let state = UnsafeMutablePointer<SignalState>.allocate(capacity: 1)
  state.initialize(to: SignalState(previous: previous, saved: saved))
  return state
}()

private nonisolated(unsafe) let resetBytes: UnsafeMutablePointer<UInt8> = {
  let bytes = Signals.resetSequence
  let p = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
  p.initialize(from: bytes, count: bytes.count)
  return p
}()
private let resetCount = Signals.resetSequence.count

/// Makes sure every global a handler reads is initialised before a handler can run.
func prepareSignalGlobals() {
  _ = signalState
  _ = resetBytes
  _ = resetCount
}

private func notifyPipe(_ sig: Int32) {
  let saved = errno
  var byte = UInt8(truncatingIfNeeded: sig)
  _ = write(signalState.pointee.pipeWrite, &byte, 1)
  errno = saved
}

private func onCleanSignal(_ sig: Int32) { notifyPipe(sig) }

private func onWinch(_ sig: Int32) {
  let previous = signalState.pointee.previous[Int(sig)]
  #if canImport(Glibc)
    let handler = previous.__sigaction_handler.sa_handler
  #else
    let handler = previous.__sigaction_u.__sa_handler
  #endif
  if let handler, unsafeBitCast(handler, to: Int.self) > 1 { handler(sig) }  // not DFL/IGN
  notifyPipe(sig)
}

/// Gives the terminal back, lets the previous handler (Swift's backtracer, say) report, then
/// dies by the default action. The previous handler is called directly rather than re-raised
/// to: a backtracer that simply returns would otherwise let a `kill -SEGV`'d process run on.
private func onCrash(
  _ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
) {
  let s = signalState
  _ = write(s.pointee.ttyFD, resetBytes, resetCount)
  if s.pointee.haveTermios { _ = tcsetattr(s.pointee.ttyFD, TCSANOW, &s.pointee.savedTermios) }
  let previous = s.pointee.previous[Int(sig)]
  #if canImport(Glibc)
    let plain = previous.__sigaction_handler.sa_handler
    let withInfo = previous.__sigaction_handler.sa_sigaction
  #else
    let plain = previous.__sigaction_u.__sa_handler
    let withInfo = previous.__sigaction_u.__sa_sigaction
  #endif
  if let plain, unsafeBitCast(plain, to: Int.self) > 1 {  // neither SIG_DFL nor SIG_IGN
    if previous.sa_flags & SA_SIGINFO != 0 { withInfo?(sig, info, context) } else { plain(sig) }
  }
  var fallback = sigaction()
  sigemptyset(&fallback.sa_mask)
  _ = sigaction(sig, &fallback, nil)  // SIG_DFL
  // Blocked while we run; the default action happens as soon as we return.
  _ = raise(sig)
}
