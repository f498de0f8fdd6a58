import CampaignKit
import Synchronization

/// Everything of a campaign the jump palette can open — sub-commands, units, indicators, tasks,
/// problems — with the keys it matches on, prepared once per data load: lowercased UTF-8 of
/// the name, the id and the other words (a problem's place and kind), and the pinyin initials
/// (`lhfgl` for 绿化覆盖率). A key press then only compares bytes.
public struct JumpIndex: Sendable {
  public let entries: [JumpEntry]
  let keys: [[[UInt8]]]
  let initials: [[UInt8]?]

  public init(campaign c: Campaign) {
    var entries: [JumpEntry] = []
    var keys: [[[UInt8]]] = []
    var initials: [[UInt8]?] = []
    func add(_ e: JumpEntry, words: [String] = []) {
      entries.append(e)
      keys.append(([e.name, e.id] + words).filter { !$0.isEmpty }.map { Array($0.lowercased().utf8) })
      initials.append(PinyinInitials.of(e.name))
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
    self.keys = keys
    self.initials = initials
  }

  /// How well an entry matches; lower is better.
  public enum Tier: Int, Sendable, Comparable {
    case exact, prefix, substring, initials
    public static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
  }

  /// The best tier at which `query` (already lowercased UTF-8) matches entry `i`, or nil.
  func tier(_ i: Int, _ query: [UInt8], initialsToo: Bool) -> Tier? {
    JumpIndex.tier(keys: keys[i], initials: initials[i], query, initialsToo: initialsToo)
  }

  static func tier(keys: [[UInt8]], initials: [UInt8]?, _ q: [UInt8], initialsToo: Bool) -> Tier? {
    var best: Tier?
    for k in keys {
      if k.count < q.count { continue }
      if k.count == q.count && k == q { return .exact }
      if Bytes.hasPrefix(k, q) {
        best = .prefix
      } else if best == nil, Bytes.contains(k, q) {
        best = .substring
      }
    }
    if best == nil, initialsToo, let ini = initials, Bytes.contains(ini, q) { best = .initials }
    return best
  }
}

/// Byte-string search, small and allocation-free: the palette compares every name on every
/// key press.
enum Bytes {
  static func hasPrefix(_ a: [UInt8], _ p: [UInt8]) -> Bool {
    guard a.count >= p.count else { return false }
    return a.withUnsafeBufferPointer { ab in
      p.withUnsafeBufferPointer { pb in
        for i in 0..<pb.count where ab[i] != pb[i] { return false }
        return true
      }
    }
  }

  static func contains(_ a: [UInt8], _ p: [UInt8]) -> Bool {
    guard !p.isEmpty else { return true }
    guard a.count >= p.count else { return false }
    return a.withUnsafeBufferPointer { ab in
      p.withUnsafeBufferPointer { pb in
        let first = pb[0]
        var i = 0
        let end = ab.count - pb.count
        outer: while i <= end {
          if ab[i] == first {
            var j = 1
            while j < pb.count {
              if ab[i + j] != pb[j] {
                i += 1
                continue outer
              }
              j += 1
            }
            return true
          }
          i += 1
        }
        return false
      }
    }
  }
}

/// The palette's index for one data set, built on first use (the first `:` after a load) and
/// shared by every frame and every time-travel step of the same campaign.
public final class JumpBox: Sendable {
  private let index = Mutex<JumpIndex?>(nil)
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
