import CampaignKit
import Foundation

/// The jump palette's matching: the campaign's index (``JumpIndex``) plus what only the app
/// knows — tabs, commands, theme names, meeting dates — ranked exact > prefix > substring >
/// pinyin initials, then by kind (sub-commands first, commands last), then shorter names first.
public enum Palette {
  /// What the palette shows for `query`: the best `limit` entries and how many matched in all.
  public struct Result: Sendable, Equatable {
    public var entries: [JumpEntry]
    public var total: Int
  }

  /// What the answer depends on besides the data set.
  struct MemoKey: Equatable, Sendable {
    var query: String
    var limit: Int
    var themes: [String]
    var asOf: Day?
    var language: Language
  }

  public static func matches(
    _ query: String, app: App, data: DashboardData, s: Strings, limit: Int = 50
  ) -> Result {
    let key = MemoKey(
      query: query, limit: limit, themes: app.themeNames, asOf: app.asOf, language: s.language)
    if let m = data.jumps.last.withLock({ $0 }), m.key == key { return m.result }
    let result = compute(query, app: app, data: data, s: s, limit: limit)
    data.jumps.last.withLock { $0 = (key, result) }
    return result
  }

  static func compute(_ query: String, app: App, data: DashboardData, s: Strings, limit: Int) -> Result {
    let q = SearchBuffer.folded(query.trimmingCharacters(in: .whitespaces))
    let extra = commands(app: app, data: data, s: s, query: query)
    if q.isEmpty {
      // Nothing typed yet: the tabs and commands, so the palette explains itself.
      return Result(entries: Array(extra.prefix(limit)), total: extra.count)
    }
    let initialsToo = q.allSatisfy(PinyinInitials.isAlphanumeric)
    let index = data.jumps.index(for: data.campaign)
    struct Hit {
      var tier: JumpIndex.Tier
      var kind: JumpEntry.Kind
      var length: Int
      var order: Int
    }
    var hits = index.matches(q, initialsToo: initialsToo).map {
      Hit(
        tier: $0.tier, kind: index.entries[$0.entry].kind, length: index.nameLength[$0.entry], order: $0.entry
      )
    }
    for (n, e) in extra.enumerated() {
      let keys = [e.name, e.id, e.path].filter { !$0.isEmpty }.map(SearchBuffer.folded)
      guard
        let t = JumpIndex.tier(keys: keys, initials: PinyinInitials.of(e.path), q, initialsToo: initialsToo)
      else { continue }
      hits.append(Hit(tier: t, kind: e.kind, length: keys[0].count, order: index.entries.count + n))
    }
    let total = hits.count
    // Only the best `limit` are shown: sort the small keys, then look the entries up.
    hits.sort { ($0.tier, $0.kind, $0.length, $0.order) < ($1.tier, $1.kind, $1.length, $1.order) }
    let shown = hits.prefix(limit).map {
      $0.order < index.entries.count ? index.entries[$0.order] : extra[$0.order - index.entries.count]
    }
    return Result(entries: shown, total: total)
  }

  /// Tabs, commands, themes and meeting dates; a typed date (`as-of 2016-08-26` or just the
  /// date) becomes a command of its own, first.
  static func commands(app: App, data: DashboardData, s: Strings, query: String) -> [JumpEntry] {
    var out: [JumpEntry] = []
    let typed = query.trimmingCharacters(in: .whitespaces)
    let dateText =
      typed.lowercased().hasPrefix("as-of")
      ? String(typed.dropFirst(5)).trimmingCharacters(in: .whitespaces) : typed
    if let d = Day(dateText), let cal = app.calendar, cal.clamp(d) == d {
      out.append(command(.asOf(d), "as-of \(d)", s.paletteAsOf))
    }
    for t in Tab.available {
      out.append(
        JumpEntry(kind: .tab, name: s.tab(t), path: "", id: "\(t)", target: .pages([t.root])))
    }
    // 催报 has no tab: it is reached from here (and printed with `snapshot --view missing`).
    out.append(
      JumpEntry(
        kind: .tab, name: s.missingReports, path: s.overviewTab, id: "missing",
        target: .pages([.overview, .missing])))
    out += [
      command(.print, "print", Keymap.help(.print, s.language)),
      command(.reload, "reload", Keymap.help(.reload, s.language)),
      command(.rotate, "rotate", Keymap.help(.rotate, s.language)),
      command(.help, "help", Keymap.help(.help, s.language)),
      command(.quit, "quit", Keymap.help(.quit, s.language)),
    ]
    for name in app.themeNames {
      out.append(command(.theme(name), "theme \(name)", s.paletteTheme))
    }
    for m in app.calendar?.meetings ?? [] where !out.contains(where: { $0.target == .command(.asOf(m)) }) {
      out.append(command(.asOf(m), "as-of \(m)", s.paletteMeeting))
    }
    return out
  }

  static func command(_ c: PaletteCommand, _ name: String, _ what: String) -> JumpEntry {
    JumpEntry(kind: .command, name: name, path: what, id: "", target: .command(c))
  }
}
