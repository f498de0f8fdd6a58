import Foundation

/// The one writer of report files, shared by `record`, `import` and the dashboard's entry form.
///
/// It writes only into the unit's own files: `reports/<unit>-<date>.json` when that name is
/// free or holds this unit's readable report, else the first free or own
/// `reports/<unit>-<date>-N.json`. A file of another unit, or one that does not read cleanly (a
/// unit may be editing it), is never touched. Every file is written atomically (temporary file,
/// then rename), under ``CampaignWriteLock``.
public struct ReportWriter {
  /// The campaign directory.
  public let directory: String
  /// Things the user should know that are not failures ("… is not u-cgj's readable file").
  public private(set) var notes: [String] = []

  public init(directory: String) { self.directory = directory }

  var reportsDir: String { directory + "/reports" }

  /// Appends `entries` (all of `unit`, dated `day`) to the unit's file for that day. Returns
  /// the path written, relative to the campaign directory. Call it holding the lock.
  public mutating func append(_ entries: [ReportEntry], unit: String, day: Day) throws -> String {
    let (name, existing) = try target(unit: unit, day: day)
    var list = existing?.entries ?? []
    list += entries.map { JSONNode(Self.json($0)) }
    try save(existing?.top, entries: list, unit: unit, name: name)
    return "reports/" + name
  }

  /// What ``replace(unit:day:with:)`` did.
  public enum Replacement: Equatable {
    /// The unit's entries for the day were already exactly these: nothing written.
    case unchanged
    /// Written to `file`; entries of that day were taken out of `cleared` (the unit's other files).
    case written(file: String, cleared: [String])
  }

  /// Makes `entries` the unit's only entries dated `day`: a corrected sheet replaces what the
  /// unit reported for that date, never another date's entries nor another unit's. Re-applying
  /// the same entries writes nothing. Call it holding the lock.
  public mutating func replace(unit: String, day: Day, with entries: [ReportEntry]) throws -> Replacement {
    let own = ownFiles(of: unit)
    let current = own.flatMap { f in f.entries.filter { Self.date(of: $0) == day } }
    if Self.same(current.map(\.value), entries.map(Self.json)) { return .unchanged }
    let (name, existing) = try target(unit: unit, day: day)
    var list = (existing?.entries ?? []).filter { Self.date(of: $0) != day }
    list += entries.map { JSONNode(Self.json($0)) }
    try save(existing?.top, entries: list, unit: unit, name: name)
    var cleared: [String] = []
    for f in own where f.name != name && f.entries.contains(where: { Self.date(of: $0) == day }) {
      try save(f.top, entries: f.entries.filter { Self.date(of: $0) != day }, unit: unit, name: f.name)
      cleared.append("reports/" + f.name)
    }
    return .written(file: "reports/" + name, cleared: cleared)
  }

  /// The entries of `unit` dated `day` in its readable files, in file order.
  public mutating func entries(of unit: String, on day: Day) -> [ReportEntry] {
    ownFiles(of: unit).flatMap { f in f.entries.compactMap { Self.entry(from: $0) }.filter { $0.date == day }
    }
  }

  // MARK: - Files

  /// A report file that reads cleanly and belongs to the unit.
  struct OwnFile {
    var name: String
    var top: JSONObject
    var entries: [JSONNode]
  }

  /// File-name form of a unit id (ids are free text; a file name cannot hold `/`).
  static func safe(_ unit: String) -> String { String(unit.map { $0 == "/" || $0 == "\0" ? "_" : $0 }) }

  /// The unit's file for the day, and its content when it exists.
  mutating func target(unit: String, day: Day) throws -> (name: String, existing: OwnFile?) {
    for n in 1...99 {
      let name = "\(Self.safe(unit))-\(day)\(n == 1 ? "" : "-\(n)").json"
      let path = reportsDir + "/" + name
      guard FileManager.default.fileExists(atPath: path) else { return (name, nil) }
      if let own = read(name, unit: unit) { return (name, own) }
      notes.append("reports/\(name) is not \(unit)'s readable report file; it is left untouched")
    }
    throw WriteFailure("no free report file name for \(unit) on \(day) in \(reportsDir)")
  }

  /// Every readable report file of the unit, by name. A unit's files may be named anything,
  /// so the first call reads the owner of every report file once (the writer holds the lock,
  /// so nobody else changes them meanwhile) and later calls reuse that.
  mutating func ownFiles(of unit: String) -> [OwnFile] {
    if owners == nil {
      var map: [String: [String]] = [:]
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: reportsDir)) ?? [])
        .filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }.sorted()
      for name in names {
        guard let bytes = try? FileBytes.read(reportsDir + "/" + name),
          let root = try? JSONParser.parse(bytes),
          case .string(let owner)? = root.value.objectValue?["unit"]?.value
        else { continue }
        map[owner, default: []].append(name)
      }
      owners = map
    }
    return (owners?[unit] ?? []).compactMap { read($0, unit: unit) }
  }

  /// Report file names by the unit they belong to; nil until first needed.
  private var owners: [String: [String]]?

  func read(_ name: String, unit: String) -> OwnFile? {
    guard let bytes = try? FileBytes.read(reportsDir + "/" + name), let root = try? JSONParser.parse(bytes),
      case .object(let top) = root.value, case .string(let owner)? = top["unit"]?.value, owner == unit,
      case .array(let list)? = top["entries"]?.value
    else { return nil }
    return OwnFile(name: name, top: top, entries: list)
  }

  mutating func save(_ top: JSONObject?, entries: [JSONNode], unit: String, name: String) throws {
    var object =
      top
      ?? JSONObject([
        ("schema", .string(FileDecoder.schema)), ("unit", .string(unit)), ("entries", .array([])),
      ])
    if let i = object.members.firstIndex(where: { $0.key == "entries" }) {
      object.members[i].value = JSONNode(.array(entries))
    }
    do {
      try AtomicFile.write(
        JSONWriter.write(.object(object)) + "\n", to: reportsDir + "/" + name, overwrite: top != nil)
    } catch {
      throw WriteFailure("\(error)")
    }
    if top == nil, owners != nil { owners![unit, default: []].append(name) }
  }

  // MARK: - Entries as JSON

  static func json(_ e: ReportEntry) -> JSONValue {
    var pairs: [(String, JSONValue)] = [("date", .string(e.date.description))]
    switch e.subject {
    case .indicator(let id): pairs.append(("indicator", .string(id)))
    case .task(let id): pairs.append(("task", .string(id)))
    }
    pairs.append(("value", .number(e.value)))
    if !e.note.isEmpty { pairs.append(("note", .string(e.note))) }
    return .object(JSONObject(pairs))
  }

  static func entry(from n: JSONNode) -> ReportEntry? {
    guard case .object(let o) = n.value, let day = date(of: n), let value = o["value"]?.value else {
      return nil
    }
    let v: Double
    switch value {
    case .number(let d): v = d
    case .bool(let b): v = b ? 1 : 0
    default: return nil
    }
    let note = o["note"]?.value.stringValue ?? ""
    if let id = o["indicator"]?.value.stringValue {
      return ReportEntry(date: day, subject: .indicator(id), value: v, note: note)
    }
    if let id = o["task"]?.value.stringValue {
      return ReportEntry(date: day, subject: .task(id), value: v, note: note)
    }
    return nil
  }

  static func date(of n: JSONNode) -> Day? {
    guard case .object(let o) = n.value, let s = o["date"]?.value.stringValue else { return nil }
    return Day(s)
  }

  /// Same entries regardless of order (a sheet's order and a file's may differ).
  static func same(_ a: [JSONValue], _ b: [JSONValue]) -> Bool {
    guard a.count == b.count else { return false }
    let key = { (v: JSONValue) in JSONWriter.write(v, pretty: false) }
    return a.map(key).sorted() == b.map(key).sorted()
  }
}
