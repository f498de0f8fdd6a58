/// `campaign.json`.
enum CampaignFileDecoder {
  static func decode(_ r: ObjectReader, ctx: DecodeContext) -> CampaignInfo? {
    let id = r.string("id", required: false) ?? "campaign"
    let title = r.string("title")
    let city = r.string("city")
    var start: Day?
    var end: Day?
    if let p = r.object("period") {
      start = p.day("start")
      end = p.day("end")
      if let s = start, let e = end, e <= s {
        ctx.diag.error(
          "the period ends (\(e)) before it starts (\(s)); expected end after start",
          at: p.object["end"]?.position, path: p.path("end"))
        end = nil
      }
      p.finish()
    }
    let asOf = ctx.periodDay(r, "asOf", required: false)
    let total = r.number("totalPoints", positive: true)
    let locale = r.string("locale", required: false) ?? "zh"
    if !["zh", "en"].contains(locale) {
      ctx.diag.error(
        "expected one of \"zh\", \"en\", found \"\(locale)\"", at: r.object["locale"]?.position,
        path: r.path("locale"))
    }
    var meetings: [Day] = []
    for element in r.array("meetings", required: false) ?? [] {
      let n = element.node
      guard let d = ObjectReader.day(n, path: element.path, diag: ctx.diag) else { continue }
      if let last = meetings.last, d <= last {
        ctx.diag.error(
          "meeting dates must be in ascending order; \(d) comes after \(last)", at: n.position,
          path: element.path)
      }
      ctx.dates.append(
        DateSite(day: d, position: n.position, jsonPath: SitePath(element.array, index: element.index)))
      meetings.append(d)
    }
    var pace = Pace()
    if let p = r.object("pace", required: false) {
      let amber = p.number("amber", required: false, positive: true) ?? pace.amber
      let red = p.number("red", required: false, positive: true) ?? pace.red
      if !(red < amber && amber <= 1) {
        ctx.diag.error(
          "expected 0 < red < amber ≤ 1, found red \(formatNumber(red)) and amber \(formatNumber(amber))",
          at: p.position, path: p.path)
      } else {
        pace = Pace(amber: amber, red: red)
      }
      p.finish()
    }
    var ranking = RankingRules()
    if let k = r.object("ranking", required: false) {
      ranking.redListSize = k.integer("redListSize", required: false, range: 0...1000) ?? ranking.redListSize
      ranking.blackListSize =
        k.integer("blackListSize", required: false, range: 0...1000) ?? ranking.blackListSize
      if let steps = k.array("escalation", required: false) {
        ranking = RankingRules(
          redListSize: ranking.redListSize, blackListSize: ranking.blackListSize,
          rules: steps.compactMap { escalationRule($0, diag: ctx.diag) })
      }
      k.finish()
    }
    let circular = r.object("circular", required: false).map { circularInfo($0) } ?? CircularInfo()
    guard let title, let city, let start, let end, let total else { return nil }
    return CampaignInfo(
      id: id, title: title, city: city, start: start, end: end, asOf: asOf, totalPoints: total,
      locale: locale, meetings: meetings, pace: pace, ranking: ranking, circular: circular)
  }

  /// `circular`: the issuing office, the series, 报送/抄送 and the seal's caption.
  static func circularInfo(_ c: ObjectReader) -> CircularInfo {
    let info = CircularInfo(
      office: c.string("office", required: false), officeShort: c.string("officeShort", required: false),
      series: c.string("series", required: false), submitTo: c.stringArray("submitTo").map(\.value),
      copyTo: c.stringArray("copyTo").map(\.value), seal: c.string("seal", required: false))
    c.finish()
    return info
  }

  /// One escalation step: `"约谈"`, or `{"step": "约谈", "action": "…", "daysToFix": 7}`.
  static func escalationRule(_ element: ObjectReader.Element, diag: Diagnostics) -> EscalationRule? {
    let n = element.node
    if case .string(let name) = n.value { return EscalationRule(step: name) }
    guard case .object = n.value else {
      diag.error(
        "expected a step name or an object {\"step\", \"action\", \"daysToFix\"}, found \(describeFound(n.value))",
        at: n.position, path: element.path)
      return nil
    }
    guard let o = ObjectReader.make(element, diag: diag) else { return nil }
    defer { o.finish() }
    let step = o.string("step")
    let action = o.string("action", required: false)
    let days = o.integer("daysToFix", required: false, range: 1...365)
    return step.map { EscalationRule(step: $0, action: action, daysToFix: days) }
  }
}
