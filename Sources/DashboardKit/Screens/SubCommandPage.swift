import CampaignKit

/// A sub-command (keys 1–8): its liaison, its units with bars, rectification rate and overdue
/// problems, then its indicators with bars, status and deadline — lagging first by default.
enum SubCommandPage {
  static func lines(_ ctx: PageContext, id: String) -> [ScreenLine] {
    let c = ctx.campaign
    let s = ctx.s
    guard let node = c.node(id) else { return [infoLine("", "?")] }
    let agg = ctx.standing.subCommand(id)
    let units = UnitRows.sorted(ctx.data.units(under: id), ctx: ctx)
    let indicators = ctx.data.lists.indicators(of: id, ctx.app.sort).map { c.indicators[$0] }
    let r = ctx.standing.rectification(of: units.map(\.id))
    var lines: [ScreenLine] = []
    let liaison = node.leaders.map { "\($0.role) \($0.title)" }.joined(separator: " · ")
    lines.append(
      .text { canvas, y, width in
        var x = 2
        x += canvas.draw("[\(node.key ?? 0)] ", x: x, y: y, role: .key)
        x += canvas.draw(node.name, x: x, y: y, maxWidth: width / 2, role: .title, truncation: .ellipsis)
        canvas.draw(
          "  " + liaison, x: x, y: y, maxWidth: max(0, width - x - 1), role: .dim, truncation: .ellipsis)
      })
    lines.append(
      infoLine(
        "",
        "\(indicators.count) \(s.t("项指标", "indicators")) · \(Format.points(agg.earned))/\(Format.points(agg.points)) \(s.points) · \(s.lagging) \(agg.laggingCount) · \(s.rectification) \(Format.rate(r.rate)) · \(s.overdue) \(r.overdue)"
      ))
    lines.append(.blank)
    let unitRows = UnitRows(ctx: ctx, units: units)
    lines.append(unitRows.heading("\(s.units) (\(units.count))"))
    lines += units.map(unitRows.line)
    lines.append(.blank)
    lines.append(headingLine("\(s.indicators) (\(indicators.count))", note: s.sort(ctx.app.sort)))
    let rows = IndicatorRows(ctx: ctx, indicators: indicators)
    lines += indicators.map(rows.line)
    return lines
  }
}
