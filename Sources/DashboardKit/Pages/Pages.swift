import CampaignKit

/// The page models by page: one builder per page, the only place that decides what a page says.
enum Pages {
  static func model(_ page: Page, _ ctx: PageContext) -> PageModel {
    switch page {
    case .overview: OverviewModel.build(ctx)
    case .subCommand(let id): SubCommandModel.build(ctx, id: id)
    case .unit(let id): UnitModel.build(ctx, id: id)
    case .indicator(let id): IndicatorModel.build(ctx, id: id)
    case .task(let id): TaskModel.build(ctx, id: id)
    case .help: HelpModel.build(ctx)
    case .brief: BriefModel.build(ctx)
    case .missing: MissingModel.build(ctx)
    case .indicators: IndicatorsTabModel.build(ctx)
    case .problems: LedgerModel.build(ctx)
    case .problem(let id): ProblemModel.build(ctx, id: id)
    case .grid(let id): GridModel.page(ctx, id: id)
    case .rankings: RankingsModel.build(ctx)
    case .rankHistory(let id): RankingsModel.history(ctx, id: id)
    case .audit: AuditModel.build(ctx)
    }
  }
}

extension PageModel {
  /// The model with only the selectable rows whose text contains `needle` (case-insensitive);
  /// rows that cannot be selected (totals, history) stay. A table left with no selectable row
  /// goes, with the heading and gap before it, so a filter never leaves empty sections.
  func filtered(_ needle: String) -> PageModel {
    let needle = needle.lowercased()
    guard !needle.isEmpty else { return self }
    var out: [Block] = []
    for block in blocks {
      guard case .table(var t) = block else {
        out.append(block)
        continue
      }
      let had = t.rows.contains(where: \.selectable)
      t.rows = t.rows.filter { !$0.selectable || $0.filterText.lowercased().contains(needle) }
      if had && !t.rows.contains(where: \.selectable) {
        if case .heading = out.last { out.removeLast() }
        if case .subheading = out.last { out.removeLast() }
        if case .gap = out.last { out.removeLast() }
        continue
      }
      out.append(.table(t))
    }
    while case .gap = out.last { out.removeLast() }
    return PageModel(blocks: out)
  }
}

/// `?`: every key and what it does.
enum HelpModel {
  static func build(_ ctx: PageContext) -> PageModel {
    var t = PageTable([
      PageColumn("key", ctx.s.keyHeader, min: 10), PageColumn("action", ctx.s.actionHeader, min: 10, flex: 1),
    ])
    t.rows = HelpScreen.entries(ctx.s, glyphs: ctx.glyphs, page: .help).map {
      PageRow([.text($0.0, role: .key), .text($0.1)], selectable: false)
    }
    return PageModel(blocks: [.table(t)])
  }
}
