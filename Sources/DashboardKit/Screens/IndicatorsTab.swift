import CampaignKit

/// 测评体系: the assessment system as a tree — categories, their items, their indicators — each
/// with a bar, its change since the last meeting, points earned of points possible and status.
/// Enter on an indicator opens its page. Document order: the system is read as published.
enum IndicatorsTab {
  static func lines(_ ctx: PageContext) -> [ScreenLine] {
    let c = ctx.campaign
    let s = ctx.s
    let st = ctx.standing
    let itemCount = c.categories.reduce(0) { $0 + $1.items.count }
    var lines: [ScreenLine] = [
      infoLine(
        "",
        "\(c.categories.count) \(s.t("类", "categories")) · \(itemCount) \(s.t("个测评项目", "items")) · \(c.indicators.count) \(s.t("项指标", "indicators")) · \(Format.points(st.total.earned))/\(Format.points(st.total.points)) \(s.points)"
      )
    ]
    let rows = IndicatorRows(ctx: ctx, indicators: c.indicators, indent: 4)
    for cat in c.categories {
      lines.append(.blank)
      let agg = st.category(cat.id)
      lines.append(
        .row(target: nil, filter: cat.name + " " + cat.id, subject: cat.id) { canvas, y, _ in
          group(
            &canvas, y: y, rows: rows, indent: 0, name: cat.name, agg: agg,
            delta: ctx.data.categoryDelta(cat.id), role: .title)
        })
      for item in cat.items {
        let ia = st.items[item.id] ?? Aggregate()
        lines.append(
          .row(target: nil, filter: item.name + " " + item.id, subject: item.id) { canvas, y, _ in
            group(
              &canvas, y: y, rows: rows, indent: 2, name: item.name, agg: ia,
              delta: ctx.data.itemDelta(item.id), role: .text)
          })
        lines += item.indicators.map(rows.line)
      }
    }
    return lines
  }

  /// A category or item row, in the indicator rows' columns: name, bar, percent, change,
  /// status, earned/possible points.
  static func group(
    _ c: inout Canvas, y: Int, rows: IndicatorRows, indent: Int, name: String, agg: Aggregate, delta: Delta?,
    role: StyleRole
  ) {
    let ctx = rows.ctx
    let status = agg.status(on: ctx.standing.asOf, pace: ctx.campaign.info.pace)
    var x = 2 + indent
    c.draw(
      name, x: x, y: y, maxWidth: rows.indent - indent + rows.nameWidth, role: role, truncation: .ellipsis)
    x = 2 + rows.indent + rows.nameWidth + 1
    ProgressBar(
      fraction: agg.progress, status: status, showsPercent: false, showsGlyph: false, glyphs: ctx.glyphs
    )
    .draw(into: &c, x: x, y: y, width: rows.barWidth)
    x += rows.barWidth
    c.draw(
      TextLayout.pad(Format.percent(agg.progress), to: IndicatorRows.percentWidth, align: .right), x: x, y: y,
      role: .text)
    x += IndicatorRows.percentWidth
    rows.delta.draw(&c, x: x, y: y, delta, s: ctx.s, glyphs: ctx.glyphs)
    x += rows.delta.width + 1
    let label = String(ctx.glyphs.statusGlyph(status)) + " " + ctx.s.status(status)
    c.draw(label, x: x, y: y, maxWidth: rows.statusWidth, role: status.role)
    x += rows.statusWidth + 2
    let pts = "\(Format.fixed(agg.earned, 1))/\(Format.points(agg.points))\(ctx.s.points)"
    c.draw(
      TextLayout.pad(pts, to: IndicatorRows.deadlineWidth + IndicatorRows.pointsWidth, align: .right), x: x,
      y: y,
      role: .dim)
  }
}
