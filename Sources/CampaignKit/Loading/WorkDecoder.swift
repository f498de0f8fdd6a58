/// `tasks.json`, `problems.json` and `reports/*.json`.
enum WorkDecoder {
  static func tasks(_ top: ObjectReader, ctx: DecodeContext) -> [CampaignTask] {
    var out: [CampaignTask] = []
    for element in top.array("tasks") ?? [] {
      guard let r = ObjectReader.make(element, diag: ctx.diag) else { continue }
      defer { r.finish() }
      let id = ctx.id(r, space: .task)
      let name = r.string("name")
      let measure = r.object("measure").flatMap { MeasureDecoder.decode($0, ctx: ctx) }
      let lead = ctx.reference(r, "lead", to: .unit)
      let support = ctx.references(r, "support", to: .unit)
      let indicator = ctx.reference(r, "indicator", to: .indicator, required: false)
      let deadline = ctx.periodDay(r, "deadline", required: false)
      let note = r.string("note", required: false, nonEmpty: false) ?? ""
      guard let id, let name, let measure, let lead else { continue }
      out.append(
        CampaignTask(
          id: id, name: name, measure: measure, lead: lead, support: support, indicator: indicator,
          deadline: deadline, note: note))
    }
    return out
  }

  static func problems(_ top: ObjectReader, ctx: DecodeContext) -> [Problem] {
    var out: [Problem] = []
    for element in top.array("problems") ?? [] {
      guard let r = ObjectReader.make(element, diag: ctx.diag) else { continue }
      defer { r.finish() }
      let id = ctx.id(r, space: .problem)
      let found = ctx.periodDay(r, "found")
      let place = r.string("place")
      let kind = r.string("kind")
      let description = r.string("description", required: false, nonEmpty: false) ?? ""
      let severity = r.choice("severity", as: Problem.Severity.self)
      let source = r.choice("source", as: Problem.Source.self)
      let unit = ctx.reference(r, "unit", to: .unit)
      let deadline = ctx.periodDay(r, "deadline")
      let grid = ctx.reference(r, "grid", to: .grid(within: unit), required: false)
      let assigned = ctx.periodDay(r, "assigned", required: false)
      let fix = fixRecord(r, "fixed", ctx: ctx)
      let verified = verification(r, "verified", ctx: ctx)
      var reopened: [Reopening] = []
      for element in r.array("reopened", required: false) ?? [] {
        guard let o = ObjectReader.make(element, diag: ctx.diag) else { continue }
        defer { o.finish() }
        let date = ctx.periodDay(o, "date")
        let note = o.string("note", required: false, nonEmpty: false) ?? ""
        let undoneFix = ctx.periodDay(o, "fixed", required: false)
        let undoneCheck = verification(o, "verified", ctx: ctx)
        if let date {
          if let last = reopened.last, date < last.date {
            ctx.diag.error(
              "reopened on \(date), before the reopening listed above it (\(last.date)); list them oldest first",
              at: o.object["date"]?.position, path: o.path("date"))
          }
          reopened.append(Reopening(date: date, note: note, fixed: undoneFix, verified: undoneCheck))
        }
      }
      if let found, let deadline, deadline < found {
        ctx.diag.error(
          "the deadline (\(deadline)) is before the problem was found (\(found))",
          at: r.object["deadline"]?.position, path: r.path("deadline"))
      }
      func notBefore(_ day: Day?, _ key: String, _ what: String, _ earlier: Day?, _ earlierWhat: String) {
        guard let day, let earlier, day < earlier else { return }
        ctx.diag.error(
          "\(what) (\(day)) before \(earlierWhat) (\(earlier))", at: r.object[key]?.position,
          path: r.path(key))
      }
      notBefore(assigned, "assigned", "assigned", found, "the problem was found")
      notBefore(fix?.day, "fixed", "fixed", found, "the problem was found")
      notBefore(fix?.day, "fixed", "fixed", reopened.last?.date, "the last reopening")
      notBefore(verified?.date, "verified", "verified", fix?.day, "the fix")
      if verified != nil && fix == nil {
        ctx.diag.error(
          "verified but not fixed: give \"fixed\" (the date the unit fixed it) before \"verified\"",
          at: r.object["verified"]?.position, path: r.path("verified"))
      }
      guard let id, let found, let place, let kind, let severity, let source, let unit, let deadline else {
        continue
      }
      out.append(
        Problem(
          id: id, found: found, place: place, kind: kind, description: description, severity: severity,
          source: source, unit: unit, deadline: deadline, fixed: fix?.day, grid: grid, assigned: assigned,
          fixNote: fix?.note ?? "", verified: verified, reopened: reopened))
    }
    return out
  }

  /// `"fixed"`: a date, or `{"date": …, "note": …}` when the unit says what it did (the short
  /// form is what files written before the closed loop hold).
  static func fixRecord(_ r: ObjectReader, _ key: String, ctx: DecodeContext) -> (day: Day, note: String)? {
    guard let n = r.node(key, required: false) else { return nil }
    if case .string = n.value {
      guard let d = ObjectReader.day(n, path: r.path(key), diag: ctx.diag) else { return nil }
      ctx.dates.append(DateSite(day: d, position: n.position, jsonPath: r.site(key)))
      return (d, "")
    }
    guard
      let o = ObjectReader.make(
        n, at: r.place.member(key), diag: ctx.diag, what: "a date or an object {date, note}")
    else { return nil }
    defer { o.finish() }
    let d = ctx.periodDay(o, "date")
    let note = o.string("note", required: false, nonEmpty: false) ?? ""
    return d.map { ($0, note) }
  }

  /// `"verified": {"date": …, "by": "<title>"}`.
  static func verification(_ r: ObjectReader, _ key: String, ctx: DecodeContext) -> Verification? {
    guard let o = r.object(key, required: false) else { return nil }
    defer { o.finish() }
    let d = ctx.periodDay(o, "date")
    let by = o.string("by")
    guard let d, let by else { return nil }
    return Verification(date: d, by: by)
  }

  static func report(_ top: ObjectReader, path file: String, ctx: DecodeContext) -> ReportFile? {
    let unit = ctx.reference(top, "unit", to: .unit)
    var entries: [ReportEntry] = []
    let items = top.array("entries") ?? []
    // Every entry adds at most one entry, reference, date and value: room for them at once,
    // not by doubling (these arrays live as long as the file is loaded).
    entries.reserveCapacity(items.count)
    ctx.references.reserveCapacity(ctx.references.count + items.count)
    ctx.dates.reserveCapacity(ctx.dates.count + items.count)
    ctx.values.reserveCapacity(ctx.values.count + items.count)
    for element in items {
      guard let r = ObjectReader.make(element, diag: ctx.diag) else { continue }
      defer { r.finish() }
      let date = ctx.periodDay(r, "date")
      // `null` means absent here as everywhere else.
      let hasIndicator = r.object["indicator"].map { !$0.value.isNull } ?? false
      let hasTask = r.object["task"].map { !$0.value.isNull } ?? false
      var subject: ReportSubject?
      if hasIndicator == hasTask {
        ctx.diag.error(
          hasIndicator
            ? "an entry names both \"indicator\" and \"task\"; give exactly one"
            : "an entry must name an \"indicator\" or a \"task\"",
          at: r.position, path: element.path)
        _ = r.node("indicator", required: false)
        _ = r.node("task", required: false)
      } else if hasIndicator {
        subject = ctx.reference(r, "indicator", to: .indicator).map { .indicator($0) }
      } else {
        subject = ctx.reference(r, "task", to: .task).map { .task($0) }
      }
      var value: Double?
      if let v = r.node("value", required: true) {
        if case .bool(let b) = v.value {
          value = b ? 1 : 0
        } else {
          value = ObjectReader.number(v, path: r.path("value"), diag: ctx.diag, minimum: 0)
        }
      }
      let note = r.string("note", required: false, nonEmpty: false) ?? ""
      if let subject, let value, let v = r.object["value"] {
        ctx.values.append(
          ValueSite(
            subject: subject, value: value, position: v.position, jsonPath: r.site("value"),
            wasBoolean: v.value.boolValue != nil))
      }
      if let date, let subject, let value {
        entries.append(ReportEntry(date: date, subject: subject, value: value, note: note))
      }
    }
    guard let unit else { return nil }
    return ReportFile(path: file, unit: unit, entries: entries)
  }
}
