import CampaignKit

/// One indicator: definition, measure, baseline → target, method, deadline, owners, the
/// weekly history as a sparkline and a small chart, and the notes of the latest reports.
enum IndicatorPage {
  static func lines(_ ctx: PageContext, id: String) -> [ScreenLine] {
    let c = ctx.campaign
    let s = ctx.s
    guard let i = c.indicatorIndex[id] else { return [infoLine("", "?")] }
    let ind = c.indicators[i]
    let st = ctx.standing.indicators[i]
    let m = ind.measure
    var lines: [ScreenLine] = []
    let path = [
      c.categories.first { $0.id == ind.categoryID }?.name,
      c.categories.flatMap(\.items).first { $0.id == ind.itemID }?.name,
    ]
    .compactMap { $0 }.joined(separator: " › ")
    lines.append(headingLine(ind.name, note: "\(ind.id) · \(path)"))
    for (n, text) in TextWrap.lines(
      ind.definition.isEmpty ? "—" : ind.definition, width: max(10, ctx.width - 14)
    ).enumerated() {
      lines.append(
        infoLine(n == 0 ? s.definition : String(repeating: " ", count: DisplayWidth.of(s.definition)), text))
    }
    let arrow = m.direction == .up ? "↑" : "↓"
    let measure =
      m.kind == .yesno
      ? s.t("是/否", "yes/no")
      : "\(Format.value(m.baseline)) → \(Format.value(m.target)) \(m.unit) \(arrow)"
    lines.append(infoLine(s.measure, measure))
    lines.append(
      infoLine(
        s.method,
        "\(s.method(ind.method)) · \(s.deadline) \(ind.deadline) · \(Format.points(ind.points)) \(s.points)"))
    let lead = ind.lead.flatMap(c.node)?.name ?? "⚠ \(s.noBlindSpot)"
    let support = ind.support.map { c.node($0)?.shortName ?? $0 }.joined(separator: "、")
    lines.append(
      infoLine(
        s.owners, "\(s.lead) \(lead)" + (support.isEmpty ? "" : " · \(s.support) \(support)"),
        role: ind.lead == nil ? .atRisk : .text))
    if let sc = c.node(ind.subCommand) { lines.append(infoLine(s.subCommand, "[\(sc.key ?? 0)] \(sc.name)")) }
    lines.append(.blank)
    lines.append(
      .text { canvas, y, width in
        var x = 2
        let value = st.value.map { "\(Format.value($0)) \(m.unit)" } ?? s.noReport
        x += canvas.draw(value, x: x, y: y, role: .title)
        if let d = st.reportedOn { x += canvas.draw(" (\(d))", x: x, y: y, role: .dim) }
        x += 2
        let barWidth = max(8, min(30, width - x - 30))
        ProgressBar(
          fraction: st.progress, status: st.status, showsPercent: false, showsGlyph: false, glyphs: ctx.glyphs
        ).draw(into: &canvas, x: x, y: y, width: barWidth)
        x += barWidth
        x += canvas.draw(
          TextLayout.pad(Format.percent(st.progress), to: 5, align: .right), x: x, y: y, role: .text)
        x += 2
        x += canvas.draw(
          String(ctx.glyphs.statusGlyph(st.status)) + " " + s.status(st.status), x: x, y: y,
          role: st.status.role)
        canvas.draw(
          "  \(s.t("应达", "expected")) \(Format.percent(st.expected))", x: x, y: y,
          maxWidth: max(0, width - x - 1), role: .dim)
      })
    lines.append(.blank)
    lines += historyChart(ctx, index: i)
    lines.append(.blank)
    lines.append(headingLine(s.notes))
    let entries = (c.series[.indicator(id)] ?? []).filter { $0.date <= ctx.standing.asOf }.suffix(5)
      .reversed()
    if entries.isEmpty { lines.append(infoLine("", s.noReport, role: .dim)) }
    for e in entries {
      let who = c.node(e.unit)?.shortName ?? e.unit
      lines.append(
        infoLine(
          "\(e.date)", "\(who) \(Format.value(e.value)) \(m.unit)" + (e.note.isEmpty ? "" : "：\(e.note)")))
    }
    return lines
  }

  /// The weekly history: a sparkline, then a chart of 4 rows with one column per week, scaled
  /// from the baseline to the target so that "full" means "target met".
  static func historyChart(_ ctx: PageContext, index i: Int) -> [ScreenLine] {
    let values = ctx.data.indicatorTrend(i)
    let ascii = ctx.options.ascii
    let progress = ctx.data.trend.map { $0.indicators[i].progress }
    var lines: [ScreenLine] = [
      infoLine(
        ctx.s.history,
        Sparkline(progress.map { $0 }, scale: .unit, glyphs: ctx.glyphs).text + "  "
          + values.map { $0.map(Format.value) ?? "—" }.joined(separator: " "))
    ]
    let rows = 4
    let colWidth = 6
    for r in 0..<rows {
      let threshold = Double(rows - r)
      lines.append(
        .text { c, y, _ in
          let label = r == 0 ? "100%" : r == rows - 1 ? "  0%" : ""
          c.draw(TextLayout.pad(label, to: 5, align: .right), x: 2, y: y, role: .dim)
          c.draw(ascii ? "|" : "│", x: 8, y: y, role: .border)
          for (k, p) in progress.enumerated() {
            let height = p * Double(rows)
            let fill = height >= threshold ? 1.0 : max(0, height - (threshold - 1))
            let glyph: String
            if fill >= 1 {
              glyph = ascii ? "##" : "██"
            } else if fill >= 0.5 {
              glyph = ascii ? "==" : "▄▄"
            } else if fill > 0 {
              glyph = ascii ? "__" : "▁▁"
            } else {
              glyph = "  "
            }
            c.draw(glyph, x: 10 + k * colWidth, y: y, role: fill > 0 ? .onTrack : .barTrack)
          }
        })
    }
    lines.append(
      .text { c, y, _ in
        for (k, d) in ctx.data.trendDates.enumerated() {
          c.draw(Format.shortDate(d), x: 9 + k * colWidth, y: y, role: .dim)
        }
      })
    return lines
  }
}
