#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A pipe that signal handlers write to, so a signal wakes `poll` instead of racing it.
/// Both ends are non-blocking: a handler must never block, and draining stops when empty.
struct SelfPipe {
  let readFD: Int32
  let writeFD: Int32

  init?() {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return nil }
    for fd in fds {
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
    readFD = fds[0]
    writeFD = fds[1]
  }

  /// The signal numbers written since the last drain, oldest first.
  func drain() -> [Int32] {
    var out: [Int32] = []
    var buffer = [UInt8](repeating: 0, count: 64)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(readFD, $0.baseAddress, $0.count) }
      guard n > 0 else { break }
      out += buffer[0..<n].map { Int32($0) }
    }
    return out
  }

  func closeBoth() {
    _ = close(readFD)
    _ = close(writeFD)
  }
}
