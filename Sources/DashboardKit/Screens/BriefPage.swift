import CampaignKit

/// 通报, the weekly circular: the total and its change since the previous meeting, the eight
/// sub-commands with bar, change and lagging count, then each sub-command's lagging indicators,
/// then the units with overdue problems (and, once the meetings issue lands, the red and black
/// lists). Printed with `chuangwen snapshot --view brief`; all numbers come from ``Brief``.
enum BriefPage {
  static func lines(_ ctx: PageContext) -> [ScreenLine] {
    lines(ctx, brief: Brief(ctx))
  }

  static func lines(_ ctx: PageContext, brief: Brief) -> [ScreenLine] {
    let s = ctx.s
    var lines: [ScreenLine] = []
    lines.append(headingLine(s.t("创建工作通报", "Campaign circular"), note: BriefText.dates(brief, s: s)))
    lines.append(
      .text { c, y, width in
        var x = 2
        x += c.draw(
          "\(s.total) \(Format.points(brief.total.earned))/\(Format.points(brief.total.points)) ", x: x, y: y,
          role: .title)
        let barWidth = max(10, min(30, width - x - 40))
        ProgressBar(
          fraction: brief.total.progress, status: brief.totalStatus, showsPercent: false, glyphs: ctx.glyphs
        )
        .draw(into: &c, x: x, y: y, width: barWidth)
        x += barWidth
        x += c.draw(
          TextLayout.pad(Format.percent(brief.total.progress), to: 5, align: .right), x: x, y: y, role: .text)
        c.draw(
          "  " + BriefText.totalChange(brief, s: s), x: x, y: y, maxWidth: max(0, width - x - 1), role: .dim)
      })
    lines.append(.blank)

    let cols = BriefColumns(ctx: ctx, brief: brief)
    lines.append(cols.heading("\(s.t("各分指挥部", "Sub-commands")) (\(brief.subCommands.count))"))
    for line in brief.subCommands {
      lines.append(
        .row(target: .subCommand(line.node.id), filter: line.node.name) { c, y, _ in cols.draw(&c, y: y, line)
        })
    }

    // One column layout for every sub-command's lagging indicators, so they align on paper.
    let rows = IndicatorRows(ctx: ctx, indicators: brief.subCommands.flatMap(\.lagging))
    for line in brief.subCommands where !line.lagging.isEmpty {
      lines.append(.blank)
      lines.append(headingLine(BriefText.laggingHeading(line, s: s)))
      lines += line.lagging.map(rows.line)
    }

    lines.append(.blank)
    let units = brief.overdueUnits.map(\.node)
    if units.isEmpty {
      lines.append(headingLine(BriefText.overdueHeading(0, s: s), note: s.none))
    } else {
      let rows = UnitRows(ctx: ctx, units: units)
      lines.append(rows.heading(BriefText.overdueHeading(units.count, s: s)))
      lines += units.map(rows.line)
    }

    // HOOK (issue 8): the red and black lists, when `Brief.lists` holds them.
    for list in brief.lists {
      lines.append(.blank)
      lines.append(headingLine(list.title))
      for e in list.entries {
        lines.append(
          .row(target: .unit(e.unit.id), filter: e.unit.name) { c, y, width in
            let x =
              2 + c.draw(e.unit.name, x: 2, y: y, maxWidth: width / 2, role: list.isBlack ? .atRisk : .done)
            c.draw("  " + e.note, x: x, y: y, maxWidth: max(0, width - x - 1), role: .dim)
          })
      }
    }
    return lines
  }
}

/// The sentences of the circular, shared by the page and the Markdown/HTML document.
enum BriefText {
  static func dates(_ b: Brief, s: Strings) -> String {
    let prev =
      b.previousMeeting.map { "\(s.t("上次调度会", "previous meeting")) \($0)" }
      ?? s.t("此前无调度会", "no earlier meeting")
    return "\(s.asOf) \(b.asOf) · \(prev)"
  }

  static func totalChange(_ b: Brief, s: Strings) -> String {
    guard let p = b.totalPrevious else { return "" }
    return
      "\(s.t("较上次", "since last")) \(Format.change(b.total.earned - p.earned))\(s.points) (\(Format.percentChange(b.total.progress - p.progress)))"
  }

  static func change(_ line: Brief.SubCommandLine) -> String {
    line.previous.map { Format.percentChange(line.now.progress - $0.progress) } ?? "—"
  }

  static func laggingHeading(_ line: Brief.SubCommandLine, s: Strings) -> String {
    "[\(line.node.key ?? 0)] \(line.node.name) · \(s.t("滞后指标", "lagging indicators")) (\(line.lagging.count))"
  }

  static func overdueHeading(_ n: Int, s: Strings) -> String {
    "\(s.t("有逾期问题的单位", "Units with overdue problems")) (\(n))"
  }
}

/// Column layout of the circular's sub-command rows.
struct BriefColumns {
  let ctx: PageContext
  let nameWidth: Int
  let barWidth: Int
  let useShortNames: Bool
  static let keyWidth = 4
  static let percentWidth = 5
  static let changeWidth = 10
  static let laggingWidth = 10

  init(ctx: PageContext, brief: Brief) {
    self.ctx = ctx
    let short = ctx.width < 100
    useShortNames = short
    let names = brief.subCommands.map { short ? $0.node.shortName : $0.node.name }
    let nameWidth = min(short ? 16 : 28, names.map { DisplayWidth.of($0) }.max() ?? 8)
    self.nameWidth = nameWidth
    let fixed =
      2 + Self.keyWidth + nameWidth + 1 + Self.percentWidth + Self.changeWidth + Self.laggingWidth + 2
    barWidth = max(8, min(48, ctx.width - fixed))
  }

  func heading(_ title: String) -> ScreenLine {
    let s = ctx.s
    return .text { c, y, _ in
      c.draw(title, x: 2, y: y, maxWidth: Self.keyWidth + self.nameWidth + 1 + self.barWidth, role: .title)
      var x = 2 + Self.keyWidth + self.nameWidth + 1 + self.barWidth + Self.percentWidth
      c.draw(
        TextLayout.pad(s.t("较上次", "change"), to: Self.changeWidth, align: .right), x: x, y: y, role: .dim)
      x += Self.changeWidth
      c.draw(TextLayout.pad(s.lagging, to: Self.laggingWidth, align: .right), x: x, y: y, role: .dim)
    }
  }

  func draw(_ c: inout Canvas, y: Int, _ line: Brief.SubCommandLine) {
    var x = 2
    c.draw("[\(line.node.key ?? 0)]", x: x, y: y, role: .key)
    x += Self.keyWidth
    c.draw(useShortNames ? line.node.shortName : line.node.name, x: x, y: y, maxWidth: nameWidth, role: .text)
    x += nameWidth + 1
    ProgressBar(fraction: line.now.progress, status: line.status, showsPercent: false, glyphs: ctx.glyphs)
      .draw(into: &c, x: x, y: y, width: barWidth)
    x += barWidth
    c.draw(
      TextLayout.pad(Format.percent(line.now.progress), to: Self.percentWidth, align: .right), x: x, y: y,
      role: .text)
    x += Self.percentWidth
    let change = BriefText.change(line)
    let role: StyleRole = change.hasPrefix("+") ? .deltaUp : change.hasPrefix("-") ? .deltaDown : .dim
    c.draw(TextLayout.pad(change, to: Self.changeWidth, align: .right), x: x, y: y, role: role)
    x += Self.changeWidth
    let n = line.lagging.count
    c.draw(
      TextLayout.pad("\(n)", to: Self.laggingWidth, align: .right), x: x, y: y, role: n > 0 ? .behind : .dim)
  }
}
