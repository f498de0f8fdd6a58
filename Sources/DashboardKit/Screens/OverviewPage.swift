import CampaignKit

/// 指挥体系: the command tree — leading group, headquarters and office with their leaders, then
/// the eight sub-commands with key, name, liaison, bar, percent, points, lagging count and
/// trend. The sub-command bars all start in one column, whatever the names' lengths.
enum OverviewPage {
  static func lines(_ ctx: PageContext) -> [ScreenLine] {
    let c = ctx.campaign
    let s = ctx.s
    let ascii = ctx.options.ascii
    var lines: [ScreenLine] = []
    let tee = ascii ? "|-" : "├─"
    let elbow = ascii ? "`-" : "└─"

    // The top of the tree: leading group > headquarters > office, with leaders.
    let top = c.nodes.filter { [.leadingGroup, .headquarters, .office].contains($0.kind) }
    let label: [NodeKind: String] = [
      .leadingGroup: s.leadingGroup, .headquarters: s.headquarters, .office: s.office,
    ]
    for n in top {
      let depth = n.kind == .leadingGroup ? 0 : n.kind == .headquarters ? 1 : 2
      let guide =
        depth == 0 ? "" : String(repeating: "  ", count: depth - 1) + (n.kind == .headquarters ? elbow : tee)
      let leaders = n.leaders.map { "\($0.role) \($0.title)" }.joined(separator: " · ")
      lines.append(
        .text { canvas, y, width in
          var x = 2
          x += canvas.draw(guide, x: x, y: y, role: .border)
          x += canvas.draw(label[n.kind] ?? "", x: x, y: y, role: .title)
          x += 1
          x += canvas.draw(
            n.name, x: x, y: y, maxWidth: max(0, width / 2 - x), role: .text, truncation: .ellipsis)
          x += 2
          canvas.draw(leaders, x: x, y: y, maxWidth: max(0, width - x - 1), role: .dim, truncation: .ellipsis)
        })
    }

    // The eight sub-commands, columns aligned.
    let subs = c.subCommands
    let layout = SubCommandColumns(ctx: ctx)
    for (i, sc) in subs.enumerated() {
      let last = i == subs.count - 1
      let guide = "  " + (last ? elbow : tee)
      lines.append(
        .row(target: .subCommand(sc.id), filter: sc.name + " " + (sc.short ?? "")) { canvas, y, _ in
          layout.draw(&canvas, y: y, guide: guide, node: sc)
        })
    }

    // The ledger at a glance.
    let r = ctx.standing.rectification(of: c.units.map(\.id))
    lines.append(.blank)
    lines.append(
      .text { canvas, y, width in
        var x = 2
        x += canvas.draw("\(s.problems)  ", x: x, y: y, role: .title)
        x += canvas.draw(
          "\(s.rectification) \(Format.rate(r.rate)) (\(r.fixedOnTime)/\(r.due))", x: x, y: y, role: .text)
        x += canvas.draw("  ·  \(s.overdue) \(r.overdue)", x: x, y: y, role: r.overdue > 0 ? .overdue : .text)
        canvas.draw("  ·  \(s.open) \(r.open)", x: x, y: y, maxWidth: width - x, role: .text)
      })
    lines += movers(ctx)
    return lines
  }

  /// The indicators that moved most since the previous meeting: gainers on the left, losers
  /// on the right (3 each below 40 rows, 5 from 40).
  static func movers(_ ctx: PageContext) -> [ScreenLine] {
    let s = ctx.s
    guard let since = ctx.data.previousMeeting else { return [] }
    let (up, down) = ctx.data.movers(ctx.app.height >= 40 ? 5 : 3)
    var lines: [ScreenLine] = [
      .blank, headingLine(s.t("变化最大", "Biggest movers"), note: "\(s.sinceMeeting(wide: true)) \(since)"),
    ]
    if up.isEmpty && down.isEmpty {
      lines.append(infoLine("", s.t("无变化", "no change"), role: .dim))
      return lines
    }
    let c = ctx.campaign
    func cell(_ canvas: inout Canvas, x: Int, y: Int, width: Int, _ m: (index: Int, delta: Delta)?, up: Bool)
    {
      guard let m else { return }
      let arrow = String(up ? ctx.glyphs.arrowUp : ctx.glyphs.arrowDown)
      let amount = TextLayout.pad(arrow + Format.fixed(abs(m.delta.points), 1) + s.points, to: 8)
      let w = canvas.draw(amount, x: x, y: y, role: up ? .deltaUp : .deltaDown)
      canvas.draw(
        c.indicators[m.index].name, x: x + w + 1, y: y, maxWidth: max(0, width - w - 2), role: .text,
        truncation: .ellipsis)
    }
    for k in 0..<max(up.count, down.count) {
      lines.append(
        .text { canvas, y, width in
          let half = (width - 4) / 2
          cell(&canvas, x: 2, y: y, width: half, k < up.count ? up[k] : nil, up: true)
          cell(&canvas, x: 4 + half, y: y, width: half, k < down.count ? down[k] : nil, up: false)
        })
    }
    return lines
  }
}

/// Column layout of the sub-command rows, computed once per screen so that every row aligns.
struct SubCommandColumns {
  let ctx: PageContext
  let nameWidth: Int
  let liaisonWidth: Int
  let barWidth: Int
  let showTrend: Bool
  let useShortNames: Bool
  let delta: DeltaColumn
  static let keyWidth = 4  // "[1] "
  static let percentWidth = 5  // " 100%"
  static let pointsWidth = 12  // " 120.5/134.0"
  static let laggingWidth = 9  // "  滞后 12"
  static let trendWidth = DashboardData.trendLength + 2

  init(ctx: PageContext) {
    self.ctx = ctx
    let subs = ctx.campaign.subCommands
    let width = ctx.width
    // Full names from 100 columns; below that the short names, so the bars keep their room.
    let short = width < 100
    useShortNames = short
    nameWidth = min(short ? 16 : 28, subs.map { DisplayWidth.of(short ? $0.shortName : $0.name) }.max() ?? 8)
    let liaisons = subs.map { Self.liaison($0) }
    showTrend = width >= 110
    delta = DeltaColumn(width: width)
    liaisonWidth = width >= 100 ? min(18, (liaisons.map { DisplayWidth.of($0) }.max() ?? 0)) + 2 : 0
    let fixed =
      2 + 2 + Self.keyWidth + nameWidth + 1 + liaisonWidth + Self.percentWidth + delta.width
      + Self.pointsWidth
      + Self.laggingWidth
      + (showTrend ? Self.trendWidth : 0) + 2
    barWidth = max(8, min(48, width - fixed))
  }

  static func liaison(_ n: OrgNode) -> String { n.leaders.first?.title ?? "" }

  func draw(_ c: inout Canvas, y: Int, guide: String, node: OrgNode) {
    let st = ctx.standing
    let agg = st.subCommand(node.id)
    let status = agg.status(on: st.asOf, pace: ctx.campaign.info.pace)
    var x = 2
    x += c.draw(guide, x: x, y: y, role: .border)
    c.draw("[\(node.key ?? 0)]", x: x, y: y, role: .key)
    x += Self.keyWidth
    c.draw(
      useShortNames ? node.shortName : node.name, x: x, y: y, maxWidth: nameWidth, role: .text,
      truncation: .ellipsis)
    x += nameWidth + 1
    if liaisonWidth > 0 {
      c.draw(Self.liaison(node), x: x, y: y, maxWidth: liaisonWidth - 2, role: .dim, truncation: .ellipsis)
      x += liaisonWidth
    }
    ProgressBar(
      fraction: agg.progress, status: status, showsPercent: false, showsGlyph: true, glyphs: ctx.glyphs
    ).draw(into: &c, x: x, y: y, width: barWidth)
    x += barWidth
    c.draw(
      TextLayout.pad(Format.percent(agg.progress), to: Self.percentWidth, align: .right), x: x, y: y,
      role: .text)
    x += Self.percentWidth
    delta.draw(&c, x: x, y: y, ctx.data.subCommandDelta(node.id), s: ctx.s, glyphs: ctx.glyphs)
    x += delta.width
    let pts = "\(Format.fixed(agg.earned, 1))/\(Format.fixed(agg.points, 1))"
    c.draw(TextLayout.pad(pts, to: Self.pointsWidth, align: .right), x: x, y: y, role: .dim)
    x += Self.pointsWidth
    let lag = agg.laggingCount
    let lagText = "\(ctx.s.lagging) \(lag)"
    c.draw(
      TextLayout.pad(lagText, to: Self.laggingWidth, align: .right), x: x, y: y,
      role: lag > 0 ? .behind : .dim)
    x += Self.laggingWidth
    if showTrend {
      let spark = Sparkline(ctx.data.subCommandTrend(node.id).map { $0 }, scale: .unit, glyphs: ctx.glyphs)
        .text
      c.draw("  " + spark, x: x, y: y, role: status.role)
    }
  }
}
