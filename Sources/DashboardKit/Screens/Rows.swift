import CampaignKit

/// Row drawers shared by the pages: an indicator with its bar, a unit with its bar and ledger.
/// Each takes its column widths from a layout computed once per page, so rows line up.
/// The change since the previous meeting after a bar: `▲0.4` below 100 columns, `▲0.4分 +20%`
/// (points, then percentage points of progress) from 100. Right-aligned in a fixed width so
/// rows line up; blank before the first meeting, a dim `—` when nothing moved.
struct DeltaColumn {
  let wide: Bool
  init(width: Int) { wide = width >= 100 }
  var width: Int { wide ? 14 : 6 }

  func text(_ d: Delta, s: Strings, glyphs: GlyphSet) -> String {
    if d.isZero { return "—" }
    let up = d.points > 0 || (d.points == 0 && d.progress > 0)
    let arrow = String(up ? glyphs.arrowUp : glyphs.arrowDown)
    let pts = Format.fixed(abs(d.points), abs(d.points) < 0.05 ? 2 : 1)
    guard wide else { return arrow + pts }
    let pp = abs(d.progress) * 100
    let pct = pp >= 0.95 || pp == 0 ? Format.fixed(pp, 0) : Format.fixed(pp, 1)
    return "\(arrow)\(pts)\(s.points) \(up ? "+" : "-")\(pct)%"
  }

  func draw(_ c: inout Canvas, x: Int, y: Int, _ d: Delta?, s: Strings, glyphs: GlyphSet) {
    guard let d else { return }
    let t = text(d, s: s, glyphs: glyphs)
    let role: StyleRole =
      d.isZero ? .dim : (d.points > 0 || (d.points == 0 && d.progress > 0)) ? .deltaUp : .deltaDown
    c.draw(TextLayout.pad(t, to: width, align: .right), x: x, y: y, maxWidth: width, role: role)
  }
}

struct IndicatorRows {
  let ctx: PageContext
  let nameWidth: Int
  let barWidth: Int
  let delta: DeltaColumn
  static let percentWidth = 5
  /// Glyph, space and the longest status label: "✗ 逾期" (6) or "▲ on track" (10).
  let statusWidth: Int
  static let deadlineWidth = 7  // " 10-31"
  static let pointsWidth = 6
  /// Columns before the name (for the indicator tree).
  let indent: Int

  init(ctx: PageContext, indicators: [Indicator], indent: Int = 0) {
    self.ctx = ctx
    self.indent = indent
    delta = DeltaColumn(width: ctx.width)
    statusWidth = 2 + (Status.allCases.map { DisplayWidth.of(ctx.s.status($0)) }.max() ?? 4)
    let longest = indicators.map { DisplayWidth.of($0.name) }.max() ?? 10
    let fixed =
      2 + indent + 1 + Self.percentWidth + delta.width + 1 + statusWidth + 2 + Self.deadlineWidth
      + Self.pointsWidth + 2
    let room = ctx.width - fixed
    nameWidth = min(longest, max(16, room * 2 / 5), 36)
    barWidth = max(8, min(40, room - nameWidth - 1))
  }

  func line(_ ind: Indicator) -> ScreenLine {
    .row(target: .indicator(ind.id), filter: ind.name + " " + ind.id) { c, y, _ in self.draw(&c, y: y, ind) }
  }

  func draw(_ c: inout Canvas, y: Int, _ ind: Indicator) {
    guard let i = ctx.campaign.indicatorIndex[ind.id] else { return }
    let st = ctx.standing.indicators[i]
    var x = 2 + indent
    c.draw(ind.name, x: x, y: y, maxWidth: nameWidth, role: .text, truncation: .ellipsis)
    x += nameWidth + 1
    ProgressBar(
      fraction: st.progress, status: st.status, showsPercent: false, showsGlyph: false, glyphs: ctx.glyphs
    ).draw(into: &c, x: x, y: y, width: barWidth)
    x += barWidth
    c.draw(
      TextLayout.pad(Format.percent(st.progress), to: Self.percentWidth, align: .right), x: x, y: y,
      role: .text)
    x += Self.percentWidth
    delta.draw(&c, x: x, y: y, ctx.data.indicatorDelta(i), s: ctx.s, glyphs: ctx.glyphs)
    x += delta.width + 1
    let label = String(ctx.glyphs.statusGlyph(st.status)) + " " + ctx.s.status(st.status)
    c.draw(label, x: x, y: y, maxWidth: statusWidth, role: st.status.role)
    x += statusWidth + 2
    c.draw(Format.shortDate(ind.deadline), x: x, y: y, role: st.status == .overdue ? .overdue : .dim)
    x += Self.deadlineWidth
    c.draw(
      TextLayout.pad(Format.points(ind.points) + ctx.s.points, to: Self.pointsWidth, align: .right), x: x,
      y: y, role: .dim)
  }

  /// Orders indicators for a list page by their precomputed rank in the current sort order.
  static func sorted(_ list: [Indicator], ctx: PageContext) -> [Indicator] {
    let rank = ctx.data.lists.indicatorRank(ctx.app.sort)
    let idx = ctx.campaign.indicatorIndex
    return list.map { (rank[idx[$0.id]!], $0) }.sorted { $0.0 < $1.0 }.map(\.1)
  }
}

struct UnitRows {
  let ctx: PageContext
  let nameWidth: Int
  let barWidth: Int
  let delta: DeltaColumn
  static let percentWidth = 5
  static let pointsWidth = 11
  static let rateWidth = 10
  static let overdueWidth = 9

  init(ctx: PageContext, units: [OrgNode]) {
    self.ctx = ctx
    delta = DeltaColumn(width: ctx.width)
    let longest = units.map { DisplayWidth.of($0.name) }.max() ?? 8
    let fixed =
      2 + 1 + Self.percentWidth + delta.width + Self.pointsWidth + Self.rateWidth + Self.overdueWidth + 2
    let room = ctx.width - fixed
    nameWidth = min(longest, max(12, room / 3, delta.wide ? 0 : room / 2), 30)
    barWidth = max(8, min(36, room - nameWidth - 1))
  }

  /// The column headings, aligned with the rows.
  func heading(_ title: String) -> ScreenLine {
    let s = ctx.s
    return .text { c, y, _ in
      var x = 2
      c.draw(title, x: x, y: y, maxWidth: self.nameWidth + 1 + self.barWidth, role: .title)
      x += self.nameWidth + 1 + self.barWidth + Self.percentWidth
      c.draw(
        TextLayout.pad(s.sinceMeeting(wide: self.delta.wide), to: self.delta.width, align: .right), x: x,
        y: y, role: .dim)
      x += self.delta.width
      c.draw(
        TextLayout.pad(s.t("牵头得分", "earned"), to: Self.pointsWidth, align: .right), x: x, y: y, role: .dim)
      x += Self.pointsWidth
      c.draw(TextLayout.pad(s.rectification, to: Self.rateWidth, align: .right), x: x, y: y, role: .dim)
      x += Self.rateWidth
      c.draw(
        TextLayout.pad(s.t("逾期问题", "overdue"), to: Self.overdueWidth, align: .right), x: x, y: y, role: .dim)
    }
  }

  func line(_ u: OrgNode) -> ScreenLine {
    .row(target: .unit(u.id), filter: u.name + " " + (u.short ?? "") + " " + u.id) { c, y, _ in
      self.draw(&c, y: y, u)
    }
  }

  func draw(_ c: inout Canvas, y: Int, _ u: OrgNode) {
    let us = ctx.standing.unit(u.id)
    let status = us.led.status(on: ctx.standing.asOf, pace: ctx.campaign.info.pace)
    var x = 2
    c.draw(u.name, x: x, y: y, maxWidth: nameWidth, role: .text, truncation: .ellipsis)
    x += nameWidth + 1
    if us.led.points > 0 {
      ProgressBar(
        fraction: us.led.progress, status: status, showsPercent: false, showsGlyph: true, glyphs: ctx.glyphs
      ).draw(into: &c, x: x, y: y, width: barWidth)
      x += barWidth
      c.draw(
        TextLayout.pad(Format.percent(us.led.progress), to: Self.percentWidth, align: .right), x: x, y: y,
        role: .text)
    } else {
      c.draw(ctx.s.t("（无牵头指标）", "(leads none)"), x: x, y: y, maxWidth: barWidth, role: .dim)
      x += barWidth
    }
    x += Self.percentWidth
    if us.led.points > 0 {
      delta.draw(&c, x: x, y: y, ctx.data.unitLedDelta(u.id), s: ctx.s, glyphs: ctx.glyphs)
    }
    x += delta.width
    let pts = us.led.points > 0 ? "\(Format.fixed(us.led.earned, 1))/\(Format.points(us.led.points))" : "—"
    c.draw(TextLayout.pad(pts, to: Self.pointsWidth, align: .right), x: x, y: y, role: .dim)
    x += Self.pointsWidth
    let r = us.rectification
    let rateRole: StyleRole = r.rate.map { $0 < 0.85 ? .atRisk : $0 < 0.9 ? .behind : .text } ?? .dim
    c.draw(TextLayout.pad(Format.rate(r.rate), to: Self.rateWidth, align: .right), x: x, y: y, role: rateRole)
    x += Self.rateWidth
    c.draw(
      TextLayout.pad("\(r.overdue)", to: Self.overdueWidth, align: .right), x: x, y: y,
      role: r.overdue > 0 ? .overdue : .dim)
  }

  static func sorted(_ list: [OrgNode], ctx: PageContext) -> [OrgNode] {
    let st = ctx.standing
    let pace = ctx.campaign.info.pace
    switch ctx.app.sort {
    case .lagging:
      return list.sorted {
        let a = st.unit($0.id)
        let b = st.unit($1.id)
        let sa = a.led.points > 0 ? a.led.status(on: st.asOf, pace: pace) : .onTrack
        let sb = b.led.points > 0 ? b.led.status(on: st.asOf, pace: pace) : .onTrack
        if a.rectification.overdue != b.rectification.overdue {
          return a.rectification.overdue > b.rectification.overdue
        }
        if sa != sb { return sa > sb }
        return a.led.progress != b.led.progress ? a.led.progress < b.led.progress : $0.id < $1.id
      }
    case .progress:
      return list.sorted {
        st.unit($0.id).led.progress != st.unit($1.id).led.progress
          ? st.unit($0.id).led.progress < st.unit($1.id).led.progress : $0.id < $1.id
      }
    case .name: return list.sorted { $0.name != $1.name ? $0.name < $1.name : $0.id < $1.id }
    case .points:
      return list.sorted {
        st.unit($0.id).led.points != st.unit($1.id).led.points
          ? st.unit($0.id).led.points > st.unit($1.id).led.points : $0.id < $1.id
      }
    }
  }
}

/// A section heading line: bold title, then a dim note.
func headingLine(_ title: String, note: String = "") -> ScreenLine {
  .text { c, y, width in
    let x = 2 + c.draw(title, x: 2, y: y, role: .title)
    if !note.isEmpty {
      c.draw("  " + note, x: x, y: y, maxWidth: max(0, width - x - 1), role: .dim, truncation: .ellipsis)
    }
  }
}

/// A plain text line (label: value), clipped with an ellipsis.
func infoLine(_ label: String, _ value: String, role: StyleRole = .text) -> ScreenLine {
  .text { c, y, width in
    var x = 2
    if !label.isEmpty {
      x += c.draw(label, x: x, y: y, role: .dim)
      x += 1
    }
    c.draw(value, x: x, y: y, maxWidth: max(0, width - x - 1), role: role, truncation: .ellipsis)
  }
}
