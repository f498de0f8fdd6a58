import CampaignKit

/// Renders a view in full (every row, not one screenful) for printing: the same screens, on a
/// canvas tall enough for the whole body.
public enum SnapshotRender {
  public static func canvas(
    page: Page, data: DashboardData, width: Int, options: RenderOptions, sort: SortOrder = .lagging
  )
    -> Canvas
  {
    var app = App(width: max(Screens.minimumWidth, width), height: Screens.minimumHeight)
    if page != .overview { app.stack.append(App.Level(page: page)) }
    app.sort = sort
    let lines = Screens.visibleLines(app, data, options: options).count
    app.height = max(Screens.minimumHeight, Screens.headerHeight + lines + Screens.footerHeight)
    // No selection highlight on paper: the selection index points past every row.
    app.stack[app.stack.count - 1].selection = Int.max
    var canvas = Screens.render(app, data, options: options)
    canvas.clearRow(canvas.height - 1)  // the key line means nothing on paper
    return canvas
  }
}

extension Canvas {
  mutating func clearRow(_ y: Int) {
    for x in 0..<width { put(.blank, x: x, y: y) }
  }
}
