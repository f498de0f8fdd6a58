import Foundation

/// The report files of a campaign, sorted by path, kept so that a live reload can replace a
/// few files without copying the others: a shelf is either a sorted list or an earlier shelf
/// with some paths replaced, and the list is put together only when someone asks for it
/// (`validate`'s summary does; the dashboard never does). Putting it together is iterative, so
/// a long session's chain of small changes costs no stack.
final class ReportShelf: @unchecked Sendable {
  private let lock = NSLock()
  /// The whole sorted list, once known.
  private var list: [ReportFile]?
  /// Otherwise: the shelf this one changes, the paths taken out, and their new versions (a
  /// path in `replaced` without a new version was deleted or left out).
  private var base: ReportShelf?
  private let replaced: Set<String>
  private let fresh: [ReportFile]

  init(sorted files: [ReportFile]) {
    list = files
    replaced = []
    fresh = []
  }

  init(base: ReportShelf, replacing paths: Set<String>, with files: [ReportFile]) {
    self.base = base
    replaced = paths
    fresh = files
  }

  var files: [ReportFile] {
    lock.lock()
    defer { lock.unlock() }
    if let list { return list }
    // Walk down to a shelf whose list is known, then apply the changes upwards.
    var chain: [ReportShelf] = [self]
    var cursor = base
    var start: [ReportFile] = []
    while let shelf = cursor {
      if let known = shelf.knownList() {
        start = known
        break
      }
      chain.append(shelf)
      cursor = shelf.base
    }
    var result = start
    for shelf in chain.reversed() {
      result.removeAll { shelf.replaced.contains($0.path) }
      result += shelf.fresh
      result.sort { $0.path < $1.path }
    }
    list = result
    base = nil
    return result
  }

  private func knownList() -> [ReportFile]? {
    lock.lock()
    defer { lock.unlock() }
    return list
  }
}
