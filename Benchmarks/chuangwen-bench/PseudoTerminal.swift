import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a pseudo-terminal run failed; the description is meant for the person running it.
struct PseudoTerminalError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }

  static func posix(_ what: String, _ code: Int32 = errno) -> PseudoTerminalError {
    PseudoTerminalError("\(what) failed: \(String(cString: strerror(code)))")
  }
}

/// One program running on the slave side of a fresh pseudo-terminal, as its controlling
/// terminal (new session), with the benchmark holding the master: everything the program writes
/// to the terminal is read here, and keys are written here.
///
/// The child is started with `posix_spawn` and `POSIX_SPAWN_SETSID` (glibc runs `setsid` before
/// the file actions), and then opens the slave by name without `O_NOCTTY`, which makes it the
/// session's controlling terminal — no `fork` in Swift. `deinit` kills a child still running.
final class PseudoTerminal {
  /// The master side, non-blocking.
  let master: Int32
  let pid: pid_t
  private var reaped = false

  /// A chunk of output and the monotonic time (ns) at which `read` returned it.
  struct Chunk {
    var bytes: [UInt8]
    var at: UInt64
  }

  /// What arrived between a starting point and the end of the quiet period.
  struct Response {
    var bytes: [UInt8]
    /// ns from the start (the key write) to the return of the read that got the last byte;
    /// nil when nothing arrived.
    var toLastByte: UInt64?
    /// The master reported end of file (the slave side is closed: the child has gone).
    var closed: Bool
  }

  init(executable: String, arguments: [String], environment: [String: String], columns: Int, rows: Int)
    throws(PseudoTerminalError)
  {
    guard FileManager.default.isExecutableFile(atPath: executable) else {
      throw PseudoTerminalError("\(executable) is not an executable file")
    }
    let libc = try LibcPTY.load()
    let m = libc.posixOpenpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard m >= 0 else { throw .posix("posix_openpt") }
    guard libc.grantpt(m) == 0, libc.unlockpt(m) == 0, let namePointer = libc.ptsname(m) else {
      let e = PseudoTerminalError.posix("grantpt/unlockpt/ptsname")
      close(m)
      throw e
    }
    let slaveName = String(cString: namePointer)
    var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    guard ioctl(m, UInt(TIOCSWINSZ), &size) == 0 else {
      let e = PseudoTerminalError.posix("ioctl(TIOCSWINSZ)")
      close(m)
      throw e
    }
    _ = fcntl(m, F_SETFL, fcntl(m, F_GETFL) | O_NONBLOCK)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Opened after setsid, without O_NOCTTY: the slave becomes the controlling terminal.
    posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // Default dispositions and an empty mask, whatever this process has (SIGPIPE ignored, say).
    var all = sigset_t()
    sigfillset(&all)
    sigdelset(&all, SIGKILL)
    sigdelset(&all, SIGSTOP)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setsigmask(&attributes, &none)
    let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc ≥ 2.26), not exported to Swift
    posix_spawnattr_setflags(
      &attributes, Int16(setsid | Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK)))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for p in argv { free(p) }
      for p in envp { free(p) }
    }
    var child: pid_t = 0
    let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
    guard status == 0 else {
      close(m)
      throw .posix("posix_spawn \(executable)", status)
    }
    master = m
    pid = child
  }

  deinit {
    if !reaped {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      _ = waitpid(pid, &status, 0)
    }
    close(master)
  }

  static func now() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
  }

  /// Writes `bytes` to the master (what the program reads as typed keys); returns the
  /// monotonic time just before the write.
  @discardableResult
  func send(_ bytes: [UInt8]) throws(PseudoTerminalError) -> UInt64 {
    let start = Self.now()
    let n = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    guard n == bytes.count else { throw .posix("write to the pseudo-terminal") }
    return start
  }

  /// Changes the window size; the kernel sends SIGWINCH to the program.
  func resize(columns: Int, rows: Int) throws(PseudoTerminalError) {
    var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    guard ioctl(master, UInt(TIOCSWINSZ), &size) == 0 else { throw .posix("ioctl(TIOCSWINSZ)") }
  }

  /// Reads until output has started and then stopped for `quiet` ns, measuring from `start`.
  /// Throws when nothing arrives within `firstByteTimeout` or output
  /// never stops for `quiet` within `timeout` (a program that keeps drawing).
  /// With `allowSilence`, no output within `firstByteTimeout` is an empty response, not an error.
  func readResponse(
    since start: UInt64, quiet: UInt64, firstByteTimeout: UInt64, timeout: UInt64, allowSilence: Bool = false
  ) throws(PseudoTerminalError) -> Response {
    var bytes: [UInt8] = []
    var last: UInt64?
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let now = Self.now()
      let waitUntil: UInt64
      if let last {
        if now - last >= quiet { return Response(bytes: bytes, toLastByte: last - start, closed: false) }
        waitUntil = last + quiet
      } else {
        if now - start >= firstByteTimeout {
          if allowSilence { return Response(bytes: [], toLastByte: nil, closed: false) }
          throw PseudoTerminalError(
            "no output within \(firstByteTimeout / 1_000_000) ms (is the dashboard running? pid \(pid))")
        }
        waitUntil = start + firstByteTimeout
      }
      if now - start >= timeout {
        throw PseudoTerminalError(
          "output did not stop for \(quiet / 1_000_000) ms within \(timeout / 1_000_000) ms (\(bytes.count) bytes so far)"
        )
      }
      var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
      // Both deadlines are ahead of now (checked above).
      let ms = Int32(clamping: (min(waitUntil, start + timeout) - now + 999_999) / 1_000_000)
      let ready = poll(&fds, 1, max(ms, 1))
      if ready < 0 {
        if errno == EINTR { continue }
        throw .posix("poll on the pseudo-terminal")
      }
      if ready == 0 { continue }
      let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      let at = Self.now()
      if n > 0 {
        bytes += buffer[0..<n]
        last = at
      } else if n == 0 || errno == EIO {  // Linux: EIO once every slave fd is closed
        return Response(bytes: bytes, toLastByte: last.map { $0 - start }, closed: true)
      } else if errno != EAGAIN && errno != EINTR {
        throw .posix("read from the pseudo-terminal")
      }
    }
  }

  /// Reads until `pattern` has appeared in the output (it may straddle reads); returns the
  /// monotonic time at which the read that completed it returned.
  func readUntil(_ pattern: [UInt8], since start: UInt64, timeout: UInt64) throws(PseudoTerminalError)
    -> UInt64
  {
    var tail: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let now = Self.now()
      if now - start >= timeout {
        throw PseudoTerminalError("the expected text did not appear within \(timeout / 1_000_000) ms")
      }
      var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
      let ready = poll(&fds, 1, Int32(clamping: (start + timeout - now + 999_999) / 1_000_000))
      if ready < 0 {
        if errno == EINTR { continue }
        throw .posix("poll on the pseudo-terminal")
      }
      if ready == 0 { continue }
      let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      let at = Self.now()
      if n > 0 {
        tail += buffer[0..<n]
        if tail.count >= pattern.count {
          for i in 0...(tail.count - pattern.count) where tail[i..<(i + pattern.count)].elementsEqual(pattern)
          {
            return at
          }
          tail = Array(tail.suffix(pattern.count - 1))
        }
      } else if n == 0 || errno == EIO {
        throw PseudoTerminalError("the program closed the terminal before the expected text (pid \(pid))")
      } else if errno != EAGAIN && errno != EINTR {
        throw .posix("read from the pseudo-terminal")
      }
    }
  }

  /// Reads and counts whatever arrives during `duration` ns (the program should be idle).
  func drain(for duration: UInt64) throws(PseudoTerminalError) -> Int {
    let end = Self.now() + duration
    var count = 0
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let now = Self.now()
      if now >= end { return count }
      var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
      let ready = poll(&fds, 1, Int32(clamping: (end - now + 999_999) / 1_000_000))
      if ready < 0 {
        if errno == EINTR { continue }
        throw .posix("poll on the pseudo-terminal")
      }
      if ready == 0 { continue }
      let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      if n > 0 {
        count += n
      } else if n == 0 || errno == EIO {
        throw PseudoTerminalError("the dashboard closed the terminal while idle (pid \(pid))")
      }
    }
  }

  /// utime + stime of the child in seconds, from `/proc/<pid>/stat`.
  func cpuSeconds() throws(PseudoTerminalError) -> Double {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { throw PseudoTerminalError("cannot read /proc/\(pid)/stat") }
    // After "pid (comm)": field 3 is the state, so utime (14) and stime (15) are at 11 and 12.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let utime = Double(fields[11]), let stime = Double(fields[12]) else {
      throw PseudoTerminalError("unexpected /proc/\(pid)/stat: \(stat)")
    }
    return (utime + stime) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  /// Waits up to `timeout` ns for the child to exit; returns its wait status, or nil if it is
  /// still running (then it is killed by `deinit`).
  func waitForExit(timeout: UInt64) -> Int32? {
    let end = Self.now() + timeout
    while true {
      var status: Int32 = 0
      let r = waitpid(pid, &status, WNOHANG)
      if r == pid {
        reaped = true
        return status
      }
      if r < 0 && errno != EINTR { return nil }
      if Self.now() >= end { return nil }
      // Keep the master drained so the child never blocks writing its goodbye.
      var buffer = [UInt8](repeating: 0, count: 4096)
      _ = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      usleep(5000)
    }
  }

  /// "exit 0", "killed by signal 9", … for a wait status.
  static func describe(_ status: Int32) -> String {
    let low = status & 0x7f
    if low == 0 { return "exit \((status >> 8) & 0xff)" }
    return "killed by signal \(low)"
  }
}

/// `posix_openpt`, `grantpt`, `unlockpt` and `ptsname`, looked up at run time: glibc declares
/// them only under `_XOPEN_SOURCE`, which Swift's Glibc module does not define.
struct LibcPTY {
  let posixOpenpt: @convention(c) (Int32) -> Int32
  let grantpt: @convention(c) (Int32) -> Int32
  let unlockpt: @convention(c) (Int32) -> Int32
  let ptsname: @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

  static func load() throws(PseudoTerminalError) -> LibcPTY {
    guard let handle = dlopen(nil, RTLD_NOW) else { throw PseudoTerminalError("dlopen(nil) failed") }
    func symbol<F>(_ name: String, as: F.Type) throws(PseudoTerminalError) -> F {
      guard let p = dlsym(handle, name) else { throw PseudoTerminalError("\(name) not found in libc") }
      return unsafeBitCast(p, to: F.self)
    }
    return LibcPTY(
      posixOpenpt: try symbol("posix_openpt", as: (@convention(c) (Int32) -> Int32).self),
      grantpt: try symbol("grantpt", as: (@convention(c) (Int32) -> Int32).self),
      unlockpt: try symbol("unlockpt", as: (@convention(c) (Int32) -> Int32).self),
      ptsname: try symbol("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self))
  }
}
