#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Tells which files of a directory (and of some of its sub-folders) changed: created, written
/// and closed, renamed in or out, deleted. Generic: it knows nothing of campaigns and reports
/// paths relative to the directory (`campaign.json`, `reports/u-cgj-2016-09-02.json`).
///
/// With inotify (Linux) it offers a file descriptor for the event loop to wait on; when that is
/// readable, ``readChanges()`` drains the queue and waits for the burst to settle (an editor's
/// save, an atomic write, `cp` of many files) so the reader reloads once. Without inotify, or
/// when asked to, it is in ``Mode/polling``: it has no descriptor and ``readChanges()`` answers
/// ``everything``; the caller asks every ``pollInterval`` and compares the files' stamps it
/// already keeps (``CampaignSource/rescan()``), so there is one stamp comparison, not two.
///
/// Not terminal code: it lives with the loading it feeds. No threads: everything runs on the
/// caller's thread.
public final class FileWatcher {
  public enum Mode: Equatable, Sendable {
    case inotify
    case polling
  }

  public let directory: String
  public let subdirectories: [String]
  public private(set) var mode: Mode
  /// How long the queue must stay quiet before a burst counts as over.
  public let quietPeriod: Duration
  /// A burst is cut after this long, so a steady stream of writes still shows.
  public let maximumDelay: Duration
  /// How often a polling watcher should be asked.
  public static let pollInterval = Duration.seconds(1)

  #if os(Linux)
    private var inotifyFD: Int32 = -1
    /// Watch descriptor → folder relative to the directory ("" for the directory itself).
    private var folders: [Int32: String] = [:]
  #endif

  /// Watches `directory` and its `subdirectories` (which may not exist yet). Falls back to
  /// polling when inotify cannot be set up; `polling: true` asks for polling outright.
  public init(
    directory: String, subdirectories: [String] = ["reports"], polling: Bool = false,
    quietPeriod: Duration = .milliseconds(25), maximumDelay: Duration = .milliseconds(150)
  ) {
    self.directory = directory
    self.subdirectories = subdirectories
    self.quietPeriod = quietPeriod
    self.maximumDelay = maximumDelay
    mode = .polling
    #if os(Linux)
      if !polling && startInotify() {
        mode = .inotify
        return
      }
    #endif
  }

  deinit {
    #if os(Linux)
      if inotifyFD >= 0 { close(inotifyFD) }
    #endif
  }

  /// The descriptor to poll for readability; nil when polling.
  public var fileDescriptor: Int32? {
    #if os(Linux)
      return mode == .inotify ? inotifyFD : nil
    #else
      return nil
    #endif
  }

  /// The paths that changed since the last call, relative to the directory, sorted. An empty
  /// result from a readable inotify descriptor never happens for a real change; instead, when
  /// the watcher cannot name what changed (queue overflow, a folder replaced) — and always when
  /// polling — it returns ``everything``, which asks the caller to look at every file's stamp.
  public func readChanges() -> [String] {
    #if os(Linux)
      if mode == .inotify { return drainInotify() }
    #endif
    return Self.everything
  }

  /// The one-element answer meaning "something changed; look at everything".
  public static let everything = ["*"]

  // MARK: - inotify

  #if os(Linux)
    private static let fileEvents = UInt32(
      IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE)
    private static let folderEvents = fileEvents | UInt32(IN_DELETE_SELF | IN_MOVE_SELF)

    private func startInotify() -> Bool {
      let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      guard fd >= 0 else { return false }
      let wd = inotify_add_watch(fd, directory, Self.folderEvents)
      guard wd >= 0 else {
        close(fd)
        return false
      }
      inotifyFD = fd
      folders[wd] = ""
      for sub in subdirectories { watchFolder(sub) }
      return true
    }

    /// Watches a sub-folder if it exists (it may come later: a first report creates `reports/`).
    @discardableResult
    private func watchFolder(_ sub: String) -> Bool {
      let wd = inotify_add_watch(inotifyFD, directory + "/" + sub, Self.folderEvents | UInt32(IN_ONLYDIR))
      guard wd >= 0 else { return false }
      folders[wd] = sub
      return true
    }

    private func drainInotify() -> [String] {
      var changed: Set<String> = []
      var rescan = false
      let clock = ContinuousClock()
      let cutoff = clock.now.advanced(by: maximumDelay)
      var buffer = [UInt8](repeating: 0, count: 64 * 1024)
      while true {
        // Read everything waiting.
        while true {
          let n = buffer.withUnsafeMutableBytes { read(inotifyFD, $0.baseAddress, $0.count) }
          if n < 0 && errno == EINTR { continue }
          if n <= 0 { break }
          parse(buffer, count: n, into: &changed, rescan: &rescan)
        }
        // Then wait for the burst to settle: quiet for `quietPeriod`, but never past the cutoff.
        let left = cutoff - clock.now
        guard left > .zero else { break }
        let wait = min(left, quietPeriod)
        let ms = Int32(
          (Double(wait.components.seconds) * 1000 + Double(wait.components.attoseconds) / 1e15).rounded(.up))
        var p = pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0)
        let ready = poll(&p, 1, max(1, ms))
        if ready < 0 && errno == EINTR { continue }
        if ready <= 0 { break }
      }
      if rescan { return Self.everything }
      return changed.sorted()
    }

    private func parse(_ buffer: [UInt8], count: Int, into changed: inout Set<String>, rescan: inout Bool) {
      let header = MemoryLayout<inotify_event>.size
      var offset = 0
      buffer.withUnsafeBytes { raw in
        while offset + header <= count {
          let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
          let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
          let len = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
          let nameBytes = raw[(offset + header)..<min(count, offset + header + len)]
          let name = String(decoding: nameBytes.prefix(while: { $0 != 0 }), as: UTF8.self)
          offset += header + len
          if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            rescan = true
            continue
          }
          guard let folder = folders[wd] else { continue }
          if mask & UInt32(IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            // A watched sub-folder went away (or was renamed); its files went with it.
            if mask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil }
            if !folder.isEmpty {
              if mask & UInt32(IN_MOVE_SELF) != 0 { inotify_rm_watch(inotifyFD, wd) }
              rescan = true
            }
            continue
          }
          if mask & UInt32(IN_ISDIR) != 0 {
            // A sub-folder we care about appeared (created or renamed into place).
            if folder.isEmpty && subdirectories.contains(name) && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
            {
              watchFolder(name)
              rescan = true
            }
            continue
          }
          guard !name.isEmpty else { continue }
          changed.insert(folder.isEmpty ? name : folder + "/" + name)
        }
      }
    }
  #endif
}
