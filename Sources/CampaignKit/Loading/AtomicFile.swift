import Foundation

/// Writes files so that a reader (the live dashboard, a unit's editor) never sees half a file
/// and a failure never leaves a damaged one: write a temporary file beside the target, flush
/// it, then rename it over the target in one step.
public enum AtomicFile {
  public struct WriteError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Writes `contents` to `path`. With `overwrite: false` an existing file is never replaced
  /// (the rename is done with a hard link, which fails if the name exists).
  public static func write(_ contents: String, to path: String, overwrite: Bool = true) throws {
    try write(bytes: Array(contents.utf8), to: path, overwrite: overwrite)
  }

  /// As ``write(_:to:overwrite:)``, for bytes (a workbook, a CSV with its byte-order mark).
  public static func write(bytes contents: [UInt8], to path: String, overwrite: Bool = true) throws {
    let dir = (path as NSString).deletingLastPathComponent
    let base = (path as NSString).lastPathComponent
    let temp = (dir.isEmpty ? "." : dir) + "/.\(base).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw WriteError(description: "cannot create \(temp): \(String(cString: strerror(errno)))")
    }
    var ok = true
    var bytes = contents
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes {
        Foundation.write(fd, $0.baseAddress! + offset, $0.count - offset)
      }
      if n < 0 {
        if errno == EINTR { continue }
        ok = false
        break
      }
      offset += n
    }
    bytes.removeAll()
    if ok && fsync(fd) != 0 { ok = false }
    let err = errno
    close(fd)
    guard ok else {
      unlink(temp)
      throw WriteError(description: "cannot write \(path): \(String(cString: strerror(err)))")
    }
    if overwrite {
      guard rename(temp, path) == 0 else {
        let e = errno
        unlink(temp)
        throw WriteError(description: "cannot write \(path): \(String(cString: strerror(e)))")
      }
    } else {
      let r = link(temp, path)
      let e = errno
      unlink(temp)
      guard r == 0 else {
        throw WriteError(
          description: e == EEXIST
            ? "\(path) already exists; it is left untouched"
            : "cannot write \(path): \(String(cString: strerror(e)))")
      }
    }
  }
}
