import CampaignKit

/// 问题台账: the rectification ledger on the as-of date, filtered by state (`f`), sub-command
/// (`g`) and source (`o`), and by unit through `/`; most days overdue first. Below it, the
/// rectification rate of each unit with problems. Enter opens a problem (or a unit).
enum LedgerTab {
  /// The problems the filters let through, known on the as-of date, most overdue first, then
  /// open ones by deadline, then fixed ones (latest fix first).
  static func problems(_ ctx: PageContext) -> [Problem] {
    let c = ctx.campaign
    let day = ctx.standing.asOf
    let f = ctx.app.ledger
    let scID = f.subCommandKey.flatMap { ctx.app.subCommandKeys[$0] }
    let list = c.problems.filter { p in
      guard p.found <= day else { return false }
      if let sc = scID, c.subCommandOfUnit[p.unit] != sc { return false }
      if let src = f.source, p.source != src { return false }
      switch f.state {
      case .all: return true
      case .open: return p.isOpen(on: day)
      case .overdue: return p.isOverdue(on: day)
      case .fixed: return p.isFixed(by: day)
      }
    }
    func overdueDays(_ p: Problem) -> Int { p.isOverdue(on: day) ? day - p.deadline : -1 }
    return list.sorted { a, b in
      let da = overdueDays(a)
      let db = overdueDays(b)
      if da != db { return da > db }
      let fa = a.isFixed(by: day)
      let fb = b.isFixed(by: day)
      if fa != fb { return !fa }
      if fa, a.fixed != b.fixed { return (a.fixed ?? day) > (b.fixed ?? day) }
      if a.deadline != b.deadline { return a.deadline < b.deadline }
      return a.id < b.id
    }
  }

  static func lines(_ ctx: PageContext) -> [ScreenLine] {
    let c = ctx.campaign
    let s = ctx.s
    let day = ctx.standing.asOf
    let f = ctx.app.ledger
    let list = problems(ctx)
    var lines: [ScreenLine] = []
    let state: String =
      switch f.state {
      case .all: s.t("全部", "all")
      case .open: s.open
      case .overdue: s.overdue
      case .fixed: s.t("已整改", "fixed")
      }
    let sc = f.subCommandKey.flatMap { ctx.app.subCommandKeys[$0] }.flatMap(c.node).map {
      "[\($0.key ?? 0)] \($0.shortName)"
    }
    lines.append(
      .text { canvas, y, width in
        var x = 2
        for (key, label, value, on) in [
          ("f", s.t("状态", "state"), state, f.state != .all),
          ("g", s.subCommand, sc ?? s.t("全部", "all"), sc != nil),
          ("o", s.t("来源", "source"), f.source.map(s.source) ?? s.t("全部", "all"), f.source != nil),
        ] {
          x += canvas.draw(key, x: x, y: y, role: .key)
          x += canvas.draw(" \(label): ", x: x, y: y, role: .dim)
          x += canvas.draw(value, x: x, y: y, maxWidth: max(0, width - x), role: on ? .highlight : .text)
          x += 3
        }
      })
    let overdue = list.filter { $0.isOverdue(on: day) }.count
    let open = list.filter { $0.isOpen(on: day) }.count
    let due = list.filter { $0.deadline <= day }
    // Closed (verified) with the fix made by the deadline: the rate rule of CampaignKit.
    let onTime = due.filter { $0.isClosedOnTime(by: day) }.count
    let rate = due.isEmpty ? nil : Double(onTime) / Double(due.count)
    lines.append(
      infoLine(
        "",
        "\(list.count) \(s.t("条", "problems")) · \(s.open) \(open) · \(s.overdue) \(overdue) · \(s.rectification) \(Format.rate(rate)) (\(onTime)/\(due.count))"
      ))
    lines.append(.blank)
    let unitWidth = ctx.width >= 100 ? 16 : 10
    lines.append(
      .text { canvas, y, width in
        let cols = columns(width: width, unitWidth: unitWidth)
        canvas.draw(s.t("逾期", "late"), x: cols.days, y: y, role: .dim)
        canvas.draw(s.t("发现", "found"), x: cols.found, y: y, role: .dim)
        canvas.draw(s.t("责任单位", "unit"), x: cols.unit, y: y, role: .dim)
        canvas.draw(s.t("类别 · 地点", "kind · place"), x: cols.kind, y: y, role: .dim)
        canvas.draw(s.t("来源", "source"), x: cols.source, y: y, role: .dim)
        canvas.draw(s.deadline, x: cols.deadline, y: y, role: .dim)
      })
    if list.isEmpty { lines.append(infoLine("", s.t("没有符合条件的问题", "no problem matches"), role: .dim)) }
    for p in list {
      let unit = c.node(p.unit)
      lines.append(
        .row(
          target: .problem(p.id),
          filter: [p.place, p.kind, p.id, unit?.name ?? "", unit?.short ?? "", p.description].joined(
            separator: " ")
        ) { canvas, y, width in
          let cols = columns(width: width, unitWidth: unitWidth)
          let late = p.isOverdue(on: day)
          if late {
            canvas.draw(
              TextLayout.pad("\(day - p.deadline)\(s.days)", to: 5, align: .right), x: cols.days, y: y,
              role: .overdue)
          }
          canvas.draw(Format.shortDate(p.found), x: cols.found, y: y, role: .dim)
          canvas.draw(
            unit?.shortName ?? p.unit, x: cols.unit, y: y, maxWidth: unitWidth, role: .text,
            truncation: .ellipsis)
          let kw = canvas.draw(
            p.kind, x: cols.kind, y: y, maxWidth: cols.source - cols.kind - 1, role: .text,
            truncation: .ellipsis)
          canvas.draw(
            " " + p.place, x: cols.kind + kw, y: y, maxWidth: max(0, cols.source - cols.kind - kw - 1),
            role: .dim, truncation: .ellipsis)
          canvas.draw(s.source(p.source), x: cols.source, y: y, maxWidth: 8, role: .dim)
          canvas.draw(Format.shortDate(p.deadline), x: cols.deadline, y: y, role: late ? .overdue : .dim)
          let (word, role) = stateWord(p, on: day, s: s)
          canvas.draw(word, x: cols.state, y: y, maxWidth: max(0, width - cols.state - 1), role: role)
        })
    }

    // Per-unit rectification rates, worst first, over the units the filters concern.
    let units = MeetingData.ledgerUnits(ctx)
    lines.append(.blank)
    lines.append(
      headingLine(
        "\(s.t("各单位整改率", "Fix rate by unit")) (\(units.count))", note: s.t("按期整改 / 到期", "fixed on time / due")
      ))
    let nameWidth = min(24, units.map { DisplayWidth.of($0.name) }.max() ?? 8)
    for u in units {
      let r = ctx.standing.unit(u.id).rectification
      lines.append(
        .row(target: .unit(u.id), filter: u.name + " " + (u.short ?? "")) { canvas, y, width in
          var x = 2
          canvas.draw(u.name, x: x, y: y, maxWidth: nameWidth, role: .text, truncation: .ellipsis)
          x += nameWidth + 1
          let barWidth = max(8, min(30, width - x - 40))
          let role: StyleRole = r.rate.map { $0 < 0.85 ? .atRisk : $0 < 0.9 ? .behind : .done } ?? .dim
          if let rate = r.rate {
            ProgressBar(
              fraction: rate, status: nil, showsPercent: false, showsGlyph: false, glyphs: ctx.glyphs
            )
            .draw(into: &canvas, x: x, y: y, width: barWidth)
          }
          x += barWidth
          x += canvas.draw(TextLayout.pad(Format.rate(r.rate), to: 5, align: .right), x: x, y: y, role: role)
          x += canvas.draw(
            TextLayout.pad("\(r.fixedOnTime)/\(r.due)", to: 8, align: .right), x: x, y: y, role: .dim)
          x += 2
          canvas.draw(
            "\(s.overdue) \(r.overdue) · \(s.open) \(r.open)", x: x, y: y, maxWidth: max(0, width - x - 1),
            role: r.overdue > 0 ? .overdue : .dim)
        })
    }
    return lines
  }

  struct Columns {
    var days, found, unit, kind, source, deadline, state: Int
  }

  static func columns(width: Int, unitWidth: Int) -> Columns {
    let days = 2
    let found = days + 6
    let unit = found + 6
    let kind = unit + unitWidth + 1
    let state = width - 9
    let deadline = state - 6
    let source = deadline - 9
    return Columns(
      days: days, found: found, unit: unit, kind: kind, source: source, deadline: deadline, state: state)
  }

  static func stateWord(_ p: Problem, on day: Day, s: Strings) -> (String, StyleRole) {
    if let f = p.fixed, f <= day {
      return f <= p.deadline ? (s.t("已整改", "fixed"), .done) : (s.t("超期整改", "fixed late"), .behind)
    }
    if p.isOverdue(on: day) { return (s.overdue, .overdue) }
    return (s.open, .behind)
  }

  /// One problem: every field, its state on the as-of date, and links to its unit.
  static func problemLines(_ ctx: PageContext, id: String) -> [ScreenLine] {
    let c = ctx.campaign
    let s = ctx.s
    let day = ctx.standing.asOf
    guard let p = c.problems.first(where: { $0.id == id }) else { return [infoLine("", "?")] }
    var lines: [ScreenLine] = [headingLine("\(p.kind) · \(p.place)", note: p.id)]
    if !p.description.isEmpty { lines.append(infoLine(s.t("描述", "Description"), p.description)) }
    let (word, role) = stateWord(p, on: day, s: s)
    var state = word
    if p.isOverdue(on: day) { state += " \(day - p.deadline) \(s.days)" }
    if let f = p.fixed, f <= day, f > p.deadline { state += " (\(f - p.deadline) \(s.days))" }
    lines.append(infoLine(s.t("状态", "State"), state, role: role))
    lines.append(
      infoLine(s.t("发现", "Found"), "\(p.found) · \(s.source(p.source)) · \(s.severity(p.severity))"))
    lines.append(
      infoLine(
        s.deadline,
        "\(p.deadline)" + (p.fixed.map { f in f <= day ? " · \(s.t("整改于", "fixed on")) \(f)" : "" } ?? "")))
    if p.found > day {
      lines.append(infoLine("", s.t("截至当日尚未发现", "not yet found on the as-of date"), role: .dim))
    }
    lines.append(.blank)
    let unit = c.node(p.unit)
    lines.append(
      .row(target: .unit(p.unit), filter: "") { canvas, y, width in
        var x = 2
        x += canvas.draw(s.t("责任单位", "Unit") + " ", x: x, y: y, role: .dim)
        x += canvas.draw(unit?.name ?? p.unit, x: x, y: y, maxWidth: max(0, width - x - 1), role: .text)
        let r = ctx.standing.unit(p.unit).rectification
        canvas.draw(
          "  \(s.rectification) \(Format.rate(r.rate)) (\(r.fixedOnTime)/\(r.due)) · \(s.overdue) \(r.overdue)",
          x: x,
          y: y, maxWidth: max(0, width - x - 1), role: .dim)
      })
    if let sc = c.subCommandOfUnit[p.unit].flatMap(c.node) {
      lines.append(
        .row(target: .subCommand(sc.id), filter: "") { canvas, y, width in
          let x = 2 + canvas.draw(s.subCommand + " ", x: 2, y: y, role: .dim)
          canvas.draw("[\(sc.key ?? 0)] \(sc.name)", x: x, y: y, maxWidth: max(0, width - x - 1), role: .text)
        })
    }
    return lines
  }
}
