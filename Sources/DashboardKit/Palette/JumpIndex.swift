import CampaignKit
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Everything of a campaign the jump palette can open — sub-commands, units, indicators, tasks,
/// problems — with the keys it matches on, prepared once per data load. All keys live in one
/// byte buffer: per entry its keys (name, id, other words such as a problem's place), each
/// lowercased UTF-8 after a 0 byte; the pinyin initials of the names live in a second buffer
/// laid out the same way. A key press is then one `memmem` sweep over each buffer (a query
/// never contains a 0 byte, so a hit never spans two keys).
public struct JumpIndex: Sendable {
  public let entries: [JumpEntry]
  /// The name's length in bytes, for "shorter first" among equals.
  let nameLength: [Int]
  let text: SearchBuffer
  let initials: SearchBuffer

  public init(campaign c: Campaign) {
    var entries: [JumpEntry] = []
    var nameLength: [Int] = []
    var text = SearchBuffer.Builder()
    var initials = SearchBuffer.Builder()
    func add(_ e: JumpEntry, words: [String] = []) {
      entries.append(e)
      let name = SearchBuffer.folded(e.name)
      nameLength.append(name.count)
      text.add([name, SearchBuffer.folded(e.id)] + words.map(SearchBuffer.folded))
      initials.add(PinyinInitials.of(e.name).map { [$0] } ?? [])
    }
    func keyed(_ n: OrgNode) -> String { n.key.map { "[\($0)] \(n.shortName)" } ?? n.shortName }
    for sc in c.subCommands {
      add(
        JumpEntry(
          kind: .subCommand, name: sc.name, path: keyed(sc), id: sc.id,
          target: .pages([.overview, .subCommand(sc.id)])),
        words: sc.short.map { [$0] } ?? [])
    }
    for u in c.units {
      let sc = c.subCommandOfUnit[u.id].flatMap(c.node)
      let pages: [Page] = [.overview] + (sc.map { [.subCommand($0.id)] } ?? []) + [.unit(u.id)]
      add(
        JumpEntry(kind: .unit, name: u.name, path: sc.map(keyed) ?? "", id: u.id, target: .pages(pages)),
        words: u.short.map { [$0] } ?? [])
    }
    for g in c.nodes where g.kind == .grid {
      guard let community = g.parent.flatMap(c.node) else { continue }
      let sc = c.subCommandOfUnit[community.id].flatMap(c.node)
      var pages: [Page] = [.overview]
      if let sc { pages.append(.subCommand(sc.id)) }
      pages += [.unit(community.id), .grid(g.id)]
      let path = [sc.map(keyed), community.shortName].compactMap { $0 }.joined(separator: " › ")
      add(
        JumpEntry(kind: .grid, name: g.name, path: path, id: g.id, target: .pages(pages)),
        words: g.short.map { [$0] } ?? [])
    }
    var categoryNames: [String: String] = [:]
    var itemNames: [String: String] = [:]
    for cat in c.categories {
      categoryNames[cat.id] = cat.shortName
      for item in cat.items { itemNames[item.id] = item.name }
    }
    for ind in c.indicators {
      let path = [categoryNames[ind.categoryID], itemNames[ind.itemID]].compactMap { $0 }.joined(
        separator: " › ")
      add(
        JumpEntry(
          kind: .indicator, name: ind.name, path: path, id: ind.id,
          target: .pages([.indicators, .indicator(ind.id)])))
    }
    for task in c.tasks {
      let unit = c.node(task.lead)
      let sc = c.subCommandOfUnit[task.lead].flatMap(c.node)
      var pages: [Page] = [.overview]
      if let sc { pages.append(.subCommand(sc.id)) }
      if unit != nil { pages.append(.unit(task.lead)) }
      pages.append(.task(task.id))
      let path = [sc.map(keyed), unit?.shortName].compactMap { $0 }.joined(separator: " › ")
      add(JumpEntry(kind: .task, name: task.name, path: path, id: task.id, target: .pages(pages)))
    }
    for p in c.problems {
      let unit = c.node(p.unit)
      let sc = c.subCommandOfUnit[p.unit].flatMap(c.node)
      let path = [sc.map(keyed), unit?.shortName].compactMap { $0 }.joined(separator: " › ")
      add(
        JumpEntry(
          kind: .problem, name: "\(p.place) · \(p.kind)", path: path, id: p.id,
          target: .pages([.problems, .problem(p.id)])),
        words: [p.place, p.kind])
    }
    self.entries = entries
    self.nameLength = nameLength
    self.text = text.build()
    self.initials = initials.build()
  }

  /// How well an entry matches; lower is better.
  public enum Tier: Int, Sendable, Comparable {
    case exact, prefix, substring, initials
    public static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
  }

  /// Every entry `query` (folded UTF-8) matches, with its best tier.
  func matches(_ query: [UInt8], initialsToo: Bool) -> [(entry: Int, tier: Tier)] {
    var best = [UInt8](repeating: UInt8.max, count: entries.count)
    var touched: [Int] = []
    text.search(query) { i, atStart, atEnd in
      let t: Tier = atStart ? (atEnd ? .exact : .prefix) : .substring
      if best[i] == UInt8.max { touched.append(i) }
      best[i] = min(best[i], UInt8(t.rawValue))
    }
    if initialsToo {
      initials.search(query) { i, _, _ in
        if best[i] == UInt8.max {
          touched.append(i)
          best[i] = UInt8(Tier.initials.rawValue)
        }
      }
    }
    return touched.map { ($0, Tier(rawValue: Int(best[$0]))!) }
  }

  /// The tier at which `q` matches these keys (a handful of command words), or nil.
  static func tier(keys: [[UInt8]], initials: [UInt8]?, _ q: [UInt8], initialsToo: Bool) -> Tier? {
    var best: Tier?
    for k in keys {
      if k == q { return .exact }
      if k.starts(with: q) {
        best = .prefix
      } else if best == nil, SearchBuffer.contains(k, q) {
        best = .substring
      }
    }
    if best == nil, initialsToo, let ini = initials, SearchBuffer.contains(ini, q) { best = .initials }
    return best
  }
}

/// Keys of many entries in one buffer, searched with `memmem`.
struct SearchBuffer: Sendable {
  /// Per entry `0 key 0 key …`, entries back to back, then a final 0.
  let bytes: [UInt8]
  /// Where each entry begins in `bytes`.
  let starts: [Int]

  struct Builder {
    var bytes: [UInt8] = []
    var starts: [Int] = []
    mutating func add(_ keys: [[UInt8]]) {
      starts.append(bytes.count)
      for k in keys where !k.isEmpty {
        bytes.append(0)
        bytes += k
      }
    }
    func build() -> SearchBuffer { SearchBuffer(bytes: bytes + [0], starts: starts) }
  }

  /// Lowercased UTF-8 (ASCII letters only: names are Chinese, ids and commands ASCII) without
  /// 0 bytes, the separator.
  static func folded(_ s: String) -> [UInt8] {
    s.utf8.compactMap { b in b == 0 ? nil : (b >= 65 && b <= 90 ? b + 32 : b) }
  }

  /// Calls `hit(entry, atKeyStart, atKeyEnd)` for every occurrence of `q`, in buffer order.
  func search(_ q: [UInt8], _ hit: (Int, Bool, Bool) -> Void) {
    guard !q.isEmpty, !starts.isEmpty else { return }
    bytes.withUnsafeBufferPointer { b in
      q.withUnsafeBufferPointer { qb in
        var entry = 0
        SearchBuffer.occurrences(of: qb, in: b) { at in
          // Hits come in order: the entry only moves forward.
          while entry + 1 < starts.count && starts[entry + 1] <= at { entry += 1 }
          hit(entry, at > 0 && b[at - 1] == 0, at + qb.count < b.count && b[at + qb.count] == 0)
        }
      }
    }
  }

  /// Every offset where `q` occurs in `b`. `memchr` (vectorised in libc) looks for the query's
  /// last byte — for Chinese text a continuation byte, one of 64 values, so few false starts —
  /// and `memcmp` checks the rest.
  static func occurrences(
    of q: UnsafeBufferPointer<UInt8>, in b: UnsafeBufferPointer<UInt8>, _ found: (Int) -> Void
  ) {
    guard let base = b.baseAddress, let qp = q.baseAddress, q.count > 0, b.count >= q.count else { return }
    let last = Int32(q[q.count - 1])
    var from = q.count - 1
    while from < b.count, let p = memchr(base + from, last, b.count - from) {
      let end = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
      let at = end - (q.count - 1)
      if memcmp(base + at, qp, q.count) == 0 { found(at) }
      from = end + 1
    }
  }

  static func contains(_ a: [UInt8], _ p: [UInt8]) -> Bool {
    guard !p.isEmpty else { return true }
    guard a.count >= p.count else { return false }
    var hit = false
    a.withUnsafeBufferPointer { ab in
      p.withUnsafeBufferPointer { pb in occurrences(of: pb, in: ab) { _ in hit = true } }
    }
    return hit
  }
}

/// The palette's index for one data set, built on first use (the first `:` after a load) and
/// shared by every frame and every time-travel step of the same campaign.
public final class JumpBox: Sendable {
  private let index = Mutex<JumpIndex?>(nil)
  /// The last query's answer: the plan (for Enter) and the frame (for the list) ask for the
  /// same matches on every key press.
  let last = Mutex<(key: Palette.MemoKey, result: Palette.Result)?>(nil)
  public init() {}

  public func index(for campaign: Campaign) -> JumpIndex {
    index.withLock { stored in
      if let i = stored { return i }
      let i = JumpIndex(campaign: campaign)
      stored = i
      return i
    }
  }
}
