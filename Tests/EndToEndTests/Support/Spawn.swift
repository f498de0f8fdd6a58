import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a helper command (tmux) and returns its status and standard output.
///
/// Not `Foundation.Process`: on Linux it tracks each child through an inherited socket, and a
/// tmux client forks the long-lived server, which keeps that socket open; `waitUntilExit` then
/// never returns. Here the child gets only stdin/stdout/stderr (every other fd is closed), and
/// the parent reaps it with `waitpid` itself. The signal mask and dispositions are reset too.
enum Spawn {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static func run(_ argv: [String]) throws -> (status: Int32, output: String) {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { throw Failure(description: "pipe failed") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // Close everything else the test process has open (glibc ignores already-closed fds).
    for fd in openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }

    // The test thread may block signals (SIGCHLD, say); tmux would pass that mask on to its
    // server, which then never reaps panes, and to the program under test. Start clean.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for sig in [SIGCHLD, SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, sig) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var cArgs = argv.map { strdup($0) } + [nil]
    defer { for p in cArgs { free(p) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, environ)
    close(fds[1])
    guard rc == 0 else {
      close(fds[0])
      throw Failure(description: "cannot run \(argv[0]): error \(rc)")
    }
    var data = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
      if n > 0 { data += buffer[0..<n] } else if n < 0 && errno == EINTR { continue } else { break }
    }
    close(fds[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (exitCode, String(decoding: data, as: UTF8.self))
  }

  static func openDescriptors() -> [Int32] {
    let listed = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    return listed.isEmpty ? Array(3..<256) : listed.compactMap { Int32($0) }
  }
}
