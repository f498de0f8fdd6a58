import Foundation

/// The one lock every writer of a campaign directory takes (`record`, `import`, `problem`, the
/// dashboard's entry form): `reports/.record.lock`, held with `flock` for the whole
/// read-modify-write, so two writers can never lose each other's change.
public enum CampaignWriteLock {
  /// Runs `body` holding the campaign's write lock. Creates `reports/` when needed.
  public static func withLock<T>(directory: String, _ body: () throws -> T) throws -> T {
    let reports = directory + "/reports"
    do {
      try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
    } catch {
      throw WriteFailure("cannot create \(reports): \(error.localizedDescription)")
    }
    let fd = open(reports + "/.record.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    if fd >= 0 {
      while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
    }
    defer { if fd >= 0 { close(fd) } }
    return try body()
  }
}

/// Why a write was refused or failed, in words for the user.
public struct WriteFailure: Error, CustomStringConvertible, Equatable {
  public var description: String
  public init(_ description: String) { self.description = description }
}
