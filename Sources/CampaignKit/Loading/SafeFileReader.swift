import Foundation

/// Reads one data file whole without letting what sits at the path hang, flood or fool the
/// reader: a named pipe would block `open` forever, `/dev/zero` never ends, a 2 GB file would
/// take the memory. So the file is opened with `O_NONBLOCK`, only a regular file (after following
/// links) is read, and at most ``maximumBytes`` are accepted. Every refusal says what was found,
/// in words a person can act on (the caller names the file).
public enum SafeFileReader {
  /// The largest file read: 64 MiB, far above any real campaign file (docs/data-format.md).
  public static let maximumBytes = 64 << 20

  public struct Refusal: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  /// The whole file as bytes. `opened` sees the status of the file actually opened (before any
  /// refusal of its kind or size), so a caller can stamp exactly what it read.
  public static func read(
    _ path: String, limit: Int = maximumBytes, opened: (stat) -> Void = { _ in }
  ) throws(Refusal) -> [UInt8] {
    let buffer = ReadBuffer()
    try read(path, limit: limit, into: buffer, opened: opened)
    return Array(buffer.bytes)
  }

  /// As ``read(_:limit:opened:)``, into `buffer` (reused from file to file: no allocation and
  /// no copy per file; the bytes are valid until the buffer's next read). With `folder` (an
  /// open directory), `path` is taken relative to it: the kernel then walks only the last
  /// components, not the whole path again for each of thousands of files; `fullPath` names the
  /// file in a refusal.
  static func read(
    _ path: String, in folder: Int32 = AT_FDCWD, fullPath: @autoclosure () -> String = "",
    limit: Int = maximumBytes, into buffer: ReadBuffer, opened: (stat) -> Void = { _ in }
  ) throws(Refusal) {
    buffer.count = 0
    let fd = openat(folder, path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard fd >= 0 else {
      let code = errno
      throw Refusal(description: openFailure(folder == AT_FDCWD ? path : fullPath(), errno: code))
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw Refusal(description: String(cString: strerror(errno))) }
    opened(st)
    guard (st.st_mode & S_IFMT) == S_IFREG else {
      throw Refusal(
        description: "it is \(kindName(st.st_mode)), not a regular file; chuangwen reads regular files only")
    }
    guard Int64(st.st_size) <= Int64(limit) else {
      throw Refusal(description: tooLarge(Int64(st.st_size), limit: limit))
    }
    // One byte more than the size: a read that brings exactly the size and no more has met
    // the end, so the usual file takes one read call, not two. (Any other short read, a
    // file that shrank or a read cut short, goes on until read says the end.)
    let size = Int(st.st_size)
    buffer.reserve(size + 1)
    while true {
      if buffer.count == buffer.capacity { buffer.reserve(buffer.capacity * 2) }
      let room = buffer.capacity - buffer.count
      let n = Foundation.read(fd, buffer.base + buffer.count, room)
      if n < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw Refusal(description: String(cString: strerror(errno)))
      }
      if n == 0 { break }
      // A file that grows while it is read is held to the same limit.
      guard buffer.count + n <= limit else {
        throw Refusal(description: tooLarge(Int64(buffer.count + n), limit: limit))
      }
      buffer.count += n
      if n < room && buffer.count == size { break }
    }
  }

  /// Why `open` failed, telling a dangling link and a link loop apart from a missing file.
  static func openFailure(_ path: String, errno code: Int32) -> String {
    if code == ELOOP { return "it is a symbolic link that loops (a link to itself, directly or not)" }
    if code == ENOENT {
      var ls = stat()
      if lstat(path, &ls) == 0, (ls.st_mode & S_IFMT) == S_IFLNK {
        return "it is a symbolic link to \(linkTarget(path)), which does not exist"
      }
    }
    return String(cString: strerror(code))
  }

  static func linkTarget(_ path: String) -> String {
    var buffer = [UInt8](repeating: 0, count: 4096)
    let n = buffer.withUnsafeMutableBytes {
      readlink(path, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count)
    }
    guard n > 0 else { return "a path" }
    return "\"" + String(decoding: buffer[0..<n], as: UTF8.self) + "\""
  }

  static func tooLarge(_ size: Int64, limit: Int) -> String {
    "it is larger than \(limit >> 20) MiB (\(size) bytes or more); one campaign file may hold at most "
      + "\(limit >> 20) MiB (docs/data-format.md)"
  }

  /// What a non-regular file is, in words.
  public static func kindName(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: "a directory"
    case S_IFIFO: "a named pipe (FIFO)"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    case S_IFLNK: "a symbolic link"
    case S_IFREG: "a plain file"
    default: "not a regular file"
    }
  }
}

/// A growable byte buffer one reader reuses for file after file.
final class ReadBuffer {
  private(set) var base: UnsafeMutableRawPointer
  private(set) var capacity: Int
  /// The bytes read so far.
  var count = 0

  init(capacity: Int = 1 << 14) {
    self.capacity = capacity
    base = .allocate(byteCount: capacity, alignment: 16)
  }

  deinit { base.deallocate() }

  /// Room for at least `n` bytes, keeping the bytes read.
  func reserve(_ n: Int) {
    guard n > capacity else { return }
    let bigger = UnsafeMutableRawPointer.allocate(byteCount: n, alignment: 16)
    bigger.copyMemory(from: base, byteCount: count)
    base.deallocate()
    base = bigger
    capacity = n
  }

  /// Gives back the memory of an unusually large file (the next file is probably small).
  func shrink() {
    guard capacity > 1 << 20 else { return }
    base.deallocate()
    capacity = 1 << 14
    base = .allocate(byteCount: capacity, alignment: 16)
    count = 0
  }

  var bytes: UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
  }
}
