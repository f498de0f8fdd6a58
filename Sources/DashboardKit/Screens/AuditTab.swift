import CampaignKit

/// 责任落实: the blind spots of the responsibility audit, then a matrix of sub-commands ×
/// categories with the points each owns, so gaps (nobody answerable) and overloads (one
/// sub-command carrying far more than the others) show at a glance.
enum AuditTab {
  static func lines(_ ctx: PageContext) -> [ScreenLine] {
    let c = ctx.campaign
    let s = ctx.s
    let gaps = ResponsibilityAudit.run(c)
    var lines: [ScreenLine] = [
      headingLine(
        "\(s.t("盲区", "Blind spots")) (\(gaps.count))",
        note: s.t(
          "层层有人管，项项有人抓，事事有人干，限时必达标", "everyone managed, every item owned, every task done, every deadline met"
        ))
    ]
    if gaps.isEmpty {
      lines.append(
        infoLine(
          "", s.t("无盲区：每项指标都有牵头单位，每个单位都有责任", "none: every indicator has a lead, every unit a share"),
          role: .done))
    }
    let warn = String(ctx.glyphs.statusGlyph(.atRisk))
    for g in gaps {
      switch g.kind {
      case .indicatorWithoutLead(let id):
        let ind = c.indicator(id)
        let sc = ind.flatMap { c.node($0.subCommand) }.map { "[\($0.key ?? 0)] \($0.shortName)" } ?? ""
        lines.append(
          gapRow(
            .indicator(id), warn, s.t("无牵头单位", "no lead unit"),
            "\(ind?.name ?? id) · \(Format.points(ind?.points ?? 0))\(s.points) · \(sc)"))
      case .unitWithoutResponsibility(let id):
        lines.append(
          gapRow(
            .unit(id), warn, s.t("无责任分工", "no share"),
            "\(c.node(id)?.name ?? id) · \(s.t("不牵头、不配合任何指标或任务", "leads or supports nothing"))"))
      case .taskWithoutDeadline(let id):
        lines.append(gapRow(.task(id), warn, s.t("任务无期限", "no deadline"), c.task(id)?.name ?? id))
      case .pointsMismatch(let sum, let declared):
        lines.append(
          infoLine(
            warn,
            s.t(
              "分值合计 \(Format.points(sum))，与总分 \(Format.points(declared)) 不符",
              "points add up to \(Format.points(sum)), declared \(Format.points(declared))"), role: .atRisk))
      }
    }
    lines.append(.blank)
    lines += matrix(ctx)
    return lines
  }

  static func gapRow(_ target: Page, _ glyph: String, _ label: String, _ text: String) -> ScreenLine {
    .row(target: target, filter: label + " " + text) { c, y, width in
      var x = 2
      x += c.draw(glyph + " ", x: x, y: y, role: .atRisk)
      x += c.draw(label, x: x, y: y, role: .atRisk)
      c.draw("  " + text, x: x, y: y, maxWidth: max(0, width - x - 1), role: .text, truncation: .ellipsis)
    }
  }

  /// Points owned by each sub-command in each category (by the indicator's `subCommand`), the
  /// points in each category nobody leads, and the totals. A sub-command carrying more than
  /// 1.5× the average is marked overloaded; one owning nothing, a gap.
  static func matrix(_ ctx: PageContext) -> [ScreenLine] {
    let c = ctx.campaign
    let s = ctx.s
    let cats = c.categories
    let figures = MeetingData.AuditMatrix(ctx)
    let totals = figures.totals
    let mean = figures.mean
    let labelWidth = ctx.width >= 100 ? 18 : 13
    let totalWidth = 7
    let noteWidth = ctx.width >= 100 ? 8 : 5
    let colWidth = max(
      5, min(10, (ctx.width - 2 - labelWidth - totalWidth - noteWidth - 1) / max(1, cats.count)))
    func catLabel(_ cat: CampaignKit.Category) -> String {
      let name = cat.shortName
      return colWidth >= 9 ? name : String(name.prefix(2))
    }
    var lines: [ScreenLine] = [
      headingLine(
        s.t("分指挥部 × 测评类别", "Sub-commands × categories"),
        note: s.t("所负责指标的分值", "points of the indicators each answers for"))
    ]
    lines.append(
      .text { canvas, y, _ in
        var x = 2 + labelWidth
        for cat in cats {
          canvas.draw(
            TextLayout.pad(catLabel(cat), to: colWidth, align: .right), x: x, y: y, maxWidth: colWidth,
            role: .dim)
          x += colWidth
        }
        canvas.draw(TextLayout.pad(s.t("合计", "total"), to: totalWidth, align: .right), x: x, y: y, role: .dim)
      })
    func cells(_ canvas: inout Canvas, y: Int, values: [Double], total: Double, role: StyleRole) {
      var x = 2 + labelWidth
      for v in values {
        let text = v > 0 ? Format.points(v) : "·"
        canvas.draw(TextLayout.pad(text, to: colWidth, align: .right), x: x, y: y, role: v > 0 ? role : .dim)
        x += colWidth
      }
      canvas.draw(
        TextLayout.pad(Format.points(total), to: totalWidth, align: .right), x: x, y: y, role: .title)
    }
    for (k, sc) in c.subCommands.enumerated() {
      let values = figures.owned[k]
      let total = totals[k]
      let over = mean > 0 && total > mean * 1.5
      lines.append(
        .row(target: .subCommand(sc.id), filter: sc.name + " " + (sc.short ?? "")) { canvas, y, width in
          var x = 2
          x += canvas.draw("[\(sc.key ?? 0)] ", x: x, y: y, role: .key)
          canvas.draw(sc.shortName, x: x, y: y, maxWidth: labelWidth - 5, role: .text, truncation: .ellipsis)
          cells(&canvas, y: y, values: values, total: total, role: .text)
          let note = total == 0 ? s.t("空缺", "gap") : over ? s.t("过载", "heavy") : ""
          if !note.isEmpty {
            canvas.draw(
              note, x: 2 + labelWidth + colWidth * cats.count + totalWidth + 1, y: y,
              maxWidth: max(0, width - 1 - (2 + labelWidth + colWidth * cats.count + totalWidth + 1)),
              role: total == 0 ? .overdue : .behind)
          }
        })
    }
    let blindValues = figures.noLead
    let blindTotal = blindValues.reduce(0, +)
    lines.append(
      .text { canvas, y, _ in
        canvas.draw(
          s.t("其中无牵头", "of which no lead"), x: 2, y: y, maxWidth: labelWidth - 1,
          role: blindTotal > 0 ? .atRisk : .dim)
        cells(&canvas, y: y, values: blindValues, total: blindTotal, role: .atRisk)
      })
    let catTotals = cats.map { ctx.standing.category($0.id).points }
    lines.append(
      .text { canvas, y, _ in
        canvas.draw(s.t("合计", "total"), x: 2, y: y, role: .title)
        cells(&canvas, y: y, values: catTotals, total: catTotals.reduce(0, +), role: .title)
      })
    if colWidth < 9 {
      lines.append(
        infoLine("", cats.map { "\(catLabel($0))=\($0.shortName)" }.joined(separator: " "), role: .dim))
    }
    return lines
  }
}
