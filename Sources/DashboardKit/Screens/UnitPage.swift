import CampaignKit

/// A responsible unit: what it leads and supports, its tasks with quantities
/// (更换雨水井盖 380/400 块), its open problems, and its target responsibility book.
enum UnitPage {
  static func lines(_ ctx: PageContext, id: String) -> [ScreenLine] {
    let c = ctx.campaign
    let s = ctx.s
    guard let node = c.node(id) else { return [infoLine("", "?")] }
    let us = ctx.standing.unit(id)
    var lines: [ScreenLine] = []
    let parent = c.subCommandOfUnit[id].flatMap(c.node).map { "[\($0.key ?? 0)] \($0.name)" } ?? ""
    lines.append(
      .text { canvas, y, width in
        var x = 2
        x += canvas.draw(node.name, x: x, y: y, maxWidth: width / 2, role: .title, truncation: .ellipsis)
        canvas.draw(
          "  " + parent, x: x, y: y, maxWidth: max(0, width - x - 1), role: .dim, truncation: .ellipsis)
      })
    if let book = node.responsibility {
      let signed = book.signed.map { "\($0) \(s.signed)" } ?? ""
      lines.append(
        infoLine(s.responsibility, ([signed] + book.targets).filter { !$0.isEmpty }.joined(separator: "；")))
    }

    let led = IndicatorRows.sorted(c.indicators.filter { $0.lead == id }, ctx: ctx)
    let supported = IndicatorRows.sorted(
      c.indicators.filter { $0.support.contains(id) && $0.lead != id }, ctx: ctx)
    let rows = IndicatorRows(ctx: ctx, indicators: led + supported)
    lines.append(.blank)
    lines.append(
      headingLine(
        "\(s.led) (\(led.count))",
        note: led.isEmpty
          ? s.none
          : "\(Format.fixed(us.led.earned, 1))/\(Format.points(us.led.points)) \(s.points) · \(Format.percent(us.led.progress))"
      ))
    lines += led.map(rows.line)
    if !supported.isEmpty {
      lines.append(.blank)
      lines.append(headingLine("\(s.supported) (\(supported.count))"))
      lines += supported.map(rows.line)
    }

    let tasks = us.tasks.map { c.tasks[$0] }
    if !tasks.isEmpty {
      lines.append(.blank)
      lines.append(headingLine("\(s.tasks) (\(tasks.count))"))
      let nameWidth = min(24, tasks.map { DisplayWidth.of($0.name) }.max() ?? 8)
      for t in tasks { lines.append(taskRow(ctx, t, nameWidth: nameWidth)) }
    }

    let open = c.problems.filter { $0.unit == id && $0.isOpen(on: ctx.standing.asOf) }
      .sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
    let r = us.rectification
    lines.append(.blank)
    lines.append(
      headingLine(
        s.problems,
        note:
          "\(s.rectification) \(Format.rate(r.rate)) (\(r.fixedOnTime)/\(r.due)) · \(s.overdue) \(r.overdue) · \(s.open) \(r.open)"
      ))
    for p in open { lines.append(problemRow(ctx, p)) }
    return lines
  }

  static func taskRow(_ ctx: PageContext, _ t: CampaignTask, nameWidth: Int) -> ScreenLine {
    let i = ctx.campaign.taskIndex[t.id]!
    let st = ctx.standing.tasks[i]
    let qty = "\(st.value.map(Format.value) ?? "0")/\(Format.value(t.measure.target)) \(t.measure.unit)"
    return .row(target: .task(t.id), filter: t.name) { c, y, width in
      var x = 2
      c.draw(t.name, x: x, y: y, maxWidth: nameWidth, role: .text, truncation: .ellipsis)
      x += nameWidth + 1
      let barWidth = max(8, min(30, width - x - 40))
      ProgressBar(
        fraction: st.progress, status: st.status, showsPercent: false, showsGlyph: true, glyphs: ctx.glyphs
      ).draw(into: &c, x: x, y: y, width: barWidth)
      x += barWidth
      x += c.draw(TextLayout.pad(Format.percent(st.progress), to: 5, align: .right), x: x, y: y, role: .text)
      x += 2
      x += c.draw(TextLayout.pad(qty, to: 18), x: x, y: y, maxWidth: 18, role: .text)
      let due =
        t.deadline.map { "\(ctx.s.deadline) \(Format.shortDate($0))" } ?? ctx.s.t("无期限", "no deadline")
      c.draw(due, x: x, y: y, maxWidth: max(0, width - x - 1), role: st.status == .overdue ? .overdue : .dim)
    }
  }

  static func problemRow(_ ctx: PageContext, _ p: Problem) -> ScreenLine {
    let s = ctx.s
    let asOf = ctx.standing.asOf
    return .row(target: nil, filter: p.place + " " + p.kind + " " + p.id) { c, y, width in
      var x = 2
      x += c.draw(TextLayout.pad(Format.shortDate(p.found), to: 6), x: x, y: y, role: .dim)
      c.draw(p.kind, x: x, y: y, maxWidth: 12, role: .text, truncation: .ellipsis)
      x += 13
      let late =
        p.isOverdue(on: asOf)
        ? "\(s.overdue) \(asOf - p.deadline) \(s.days)" : "\(s.deadline) \(Format.shortDate(p.deadline))"
      let lw = DisplayWidth.of(late)
      c.draw(p.place, x: x, y: y, maxWidth: max(0, width - x - lw - 3), role: .text, truncation: .ellipsis)
      c.draw(late, x: width - lw - 2, y: y, role: p.isOverdue(on: asOf) ? .overdue : .dim)
    }
  }

  /// A task's own page: its quantity, owner and history.
  static func taskLines(_ ctx: PageContext, id: String) -> [ScreenLine] {
    let c = ctx.campaign
    let s = ctx.s
    guard let i = c.taskIndex[id] else { return [infoLine("", "?")] }
    let t = c.tasks[i]
    var lines: [ScreenLine] = [headingLine(t.name)]
    var row = taskRow(ctx, t, nameWidth: min(24, DisplayWidth.of(t.name)))
    row.selectable = false  // the task itself, not a link
    lines.append(row)
    lines.append(infoLine(s.lead, c.node(t.lead)?.name ?? t.lead))
    if !t.support.isEmpty {
      lines.append(infoLine(s.support, t.support.map { c.node($0)?.shortName ?? $0 }.joined(separator: "、")))
    }
    if let ind = t.indicator.flatMap(c.indicator) { lines.append(infoLine(s.indicators, ind.name)) }
    if !t.note.isEmpty { lines.append(infoLine("", t.note)) }
    let progress: [Double?] = ctx.data.trend.map { $0.tasks[i].progress }
    let values = ctx.data.trend.map { $0.tasks[i].value.map(Format.value) ?? "—" }
    lines.append(
      infoLine(
        s.history,
        Sparkline(progress, scale: .unit, glyphs: ctx.glyphs).text + "  " + values.joined(separator: " ")))
    return lines
  }
}
