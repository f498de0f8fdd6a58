import Foundation

/// Edits the rectification ledger (`problems.json`) one step of the closed loop at a time —
/// add (发现/交办), fix (整改), verify (复核 → 销号), reopen (退回) — the way `record` writes
/// reports: checked first, then written atomically under ``CampaignWriteLock``. Only the
/// problem named changes; a ledger that does not read cleanly is refused, never rewritten.
public struct ProblemLedgerWriter {
  public enum Step: Sendable {
    case add(Problem)
    case fix(id: String, on: Day, note: String)
    case verify(id: String, on: Day, by: String)
    case reopen(id: String, on: Day, note: String)
  }

  /// A refused step: `isUsage` for an unknown id (exit 64), else the data is wrong (65).
  public struct Refusal: Error, CustomStringConvertible {
    public var description: String
    public var isUsage: Bool
  }

  public let directory: String
  public init(directory: String) { self.directory = directory }

  var path: String { directory + "/problems.json" }

  /// The next free id in the ledger's own pattern (`p-0215` after `p-0214`).
  public static func nextID(after ids: [String]) -> String {
    var best: (prefix: String, number: Int, width: Int)?
    for id in ids {
      let digits = id.reversed().prefix { $0.isASCII && $0.isNumber }
      guard !digits.isEmpty, let n = Int(String(digits.reversed())) else { continue }
      let prefix = String(id.dropLast(digits.count))
      if best == nil || n > best!.number { best = (prefix, n, digits.count) }
    }
    guard let b = best else { return "p-0001" }
    let s = String(b.number + 1)
    return b.prefix + String(repeating: "0", count: max(0, b.width - s.count)) + s
  }

  /// Applies `step` to the ledger, checked against `campaign` (the problems as loaded). Returns
  /// the problem's id. Call it holding the lock.
  public func apply(_ step: Step, campaign c: Campaign) throws -> String {
    guard let bytes = try? FileBytes.read(path), let root = try? JSONParser.parse(bytes),
      case .object(var top) = root.value, let li = top.members.firstIndex(where: { $0.key == "problems" }),
      case .array(var list) = top.members[li].value.value
    else {
      throw Refusal(
        description: "problems.json does not read cleanly; fix it first (chuangwen validate)", isUsage: false)
    }
    func data(_ m: String) -> Refusal { Refusal(description: m, isUsage: false) }
    func inPeriod(_ d: Day, _ what: String) throws {
      guard d >= c.info.start && d <= c.info.end else {
        throw data("\(what) \(d) lies outside the campaign period \(c.info.start) … \(c.info.end)")
      }
    }
    let id: String
    switch step {
    case .add(var p):
      guard c.node(p.unit)?.kind.isUnit == true else {
        throw Refusal(description: unknown("unit", p.unit, c.units.map(\.id)), isUsage: true)
      }
      if let g = p.grid {
        guard let n = c.node(g), n.kind == .grid else {
          throw Refusal(
            description: unknown("grid cell", g, c.nodes.filter { $0.kind == .grid }.map(\.id)), isUsage: true
          )
        }
        guard n.parent == p.unit else {
          throw data("grid cell \(g) lies under \(n.parent ?? "nothing"), not under \(p.unit)")
        }
      }
      try inPeriod(p.found, "found")
      try inPeriod(p.deadline, "the deadline")
      guard p.deadline >= p.found else {
        throw data("the deadline (\(p.deadline)) is before it was found (\(p.found))")
      }
      if let a = p.assigned {
        try inPeriod(a, "assigned")
        guard a >= p.found else { throw data("assigned (\(a)) before it was found (\(p.found))") }
      }
      let ids = list.compactMap { $0.value.objectValue?["id"]?.value.stringValue }
      p.id = Self.nextID(after: ids)
      id = p.id
      list.append(JSONNode(Self.json(p)))
    case .fix(let pid, let day, let note):
      let (i, p) = try find(pid, list, c)
      try inPeriod(day, "fixed")
      if let v = p.verified { throw data("\(pid) was closed (verified on \(v.date)); reopen it first") }
      if let f = p.fixed {
        throw data(
          "\(pid) was already fixed on \(f) and awaits verification; reopen it if the fix was wanting")
      }
      guard day >= p.found else { throw data("fixed (\(day)) before it was found (\(p.found))") }
      if let r = p.reopened.last, day < r.date {
        throw data("fixed (\(day)) before it was reopened (\(r.date))")
      }
      list[i] = edit(list[i]) { o in
        set(
          &o, "fixed",
          note.isEmpty
            ? .string("\(day)") : .object(JSONObject([("date", .string("\(day)")), ("note", .string(note))])))
      }
      id = pid
    case .verify(let pid, let day, let by):
      let (i, p) = try find(pid, list, c)
      try inPeriod(day, "verified")
      guard let f = p.fixed else { throw data("\(pid) is not fixed yet; only a fix can be verified") }
      if let v = p.verified { throw data("\(pid) was already verified on \(v.date) by \(v.by)") }
      guard day >= f else { throw data("verified (\(day)) before it was fixed (\(f))") }
      guard !by.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw data("say who verified it, by title (--by)")
      }
      list[i] = edit(list[i]) { o in
        set(&o, "verified", .object(JSONObject([("date", .string("\(day)")), ("by", .string(by))])))
      }
      id = pid
    case .reopen(let pid, let day, let note):
      let (i, p) = try find(pid, list, c)
      try inPeriod(day, "reopened")
      guard let f = p.fixed else { throw data("\(pid) is not fixed, so there is nothing to reopen") }
      let last = p.verified?.date ?? f
      guard day >= last else { throw data("reopened (\(day)) before the fix or its verification (\(last))") }
      list[i] = edit(list[i]) { o in
        var entry: [(String, JSONValue)] = [("date", .string("\(day)"))]
        if !note.isEmpty { entry.append(("note", .string(note))) }
        entry.append(("fixed", .string("\(f)")))
        if let v = p.verified {
          entry.append(
            ("verified", .object(JSONObject([("date", .string("\(v.date)")), ("by", .string(v.by))]))))
        }
        var reopened = o["reopened"]?.value.arrayValue ?? []
        reopened.append(JSONNode(.object(JSONObject(entry))))
        o.members.removeAll { $0.key == "fixed" || $0.key == "verified" || $0.key == "reopened" }
        o.members.append(JSONMember(key: "reopened", value: JSONNode(.array(reopened))))
      }
      id = pid
    }
    top.members[li].value = JSONNode(.array(list))
    let text = JSONWriter.write(.object(top)) + "\n"
    // The new ledger must read as cleanly as the old one before it replaces it.
    let check = FileDecoder.decode(path: "problems.json", kind: .problems, bytes: Array(text.utf8))
    if let e = check.findings.first(where: { $0.severity == .error }) {
      throw data("the change would break problems.json (\(e)); nothing written")
    }
    do {
      try AtomicFile.write(text, to: path)
    } catch {
      throw data("\(error)")
    }
    return id
  }

  private func find(_ id: String, _ list: [JSONNode], _ c: Campaign) throws -> (Int, Problem) {
    guard let i = list.firstIndex(where: { $0.value.objectValue?["id"]?.value.stringValue == id }),
      let p = c.problems.first(where: { $0.id == id })
    else {
      throw Refusal(description: unknown("problem", id, c.problems.map(\.id)), isUsage: true)
    }
    return (i, p)
  }

  private func unknown(_ noun: String, _ id: String, _ ids: [String]) -> String {
    var msg = "unknown \(noun) \"\(id)\""
    let near = Suggestions.near(id, in: ids)
    if !near.isEmpty { msg += "; did you mean " + near.map { "\"\($0)\"" }.joined(separator: ", ") + "?" }
    return msg
  }

  private func edit(_ n: JSONNode, _ body: (inout JSONObject) -> Void) -> JSONNode {
    guard case .object(var o) = n.value else { return n }
    body(&o)
    return JSONNode(.object(o))
  }

  private func set(_ o: inout JSONObject, _ key: String, _ v: JSONValue) {
    if let i = o.members.firstIndex(where: { $0.key == key }) {
      o.members[i].value = JSONNode(v)
    } else {
      o.members.append(JSONMember(key: key, value: JSONNode(v)))
    }
  }

  /// A new problem as the ledger writes it.
  static func json(_ p: Problem) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("id", .string(p.id)), ("found", .string("\(p.found)")), ("place", .string(p.place)),
      ("kind", .string(p.kind)),
    ]
    if !p.description.isEmpty { pairs.append(("description", .string(p.description))) }
    pairs += [
      ("severity", .string(p.severity.rawValue)), ("source", .string(p.source.rawValue)),
      ("unit", .string(p.unit)),
      ("deadline", .string("\(p.deadline)")),
    ]
    if let g = p.grid { pairs.append(("grid", .string(g))) }
    if let a = p.assigned { pairs.append(("assigned", .string("\(a)"))) }
    return .object(JSONObject(pairs))
  }
}
