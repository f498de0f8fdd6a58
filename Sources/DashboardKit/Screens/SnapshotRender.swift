import CampaignKit

/// Renders a view in full (every row, not one screenful) for printing: the same screens, on a
/// canvas tall enough for the whole body.
public enum SnapshotRender {
  public static func canvas(
    page: Page, data: DashboardData, width: Int, options: RenderOptions, sort: SortOrder = .lagging,
    paper: Bool = true
  )
    -> Canvas
  {
    // On paper cells wrap; without `paper` (tests comparing with the screen) every row is one line.
    var options = options
    options.paper = paper
    var app = App(width: max(Screens.minimumWidth, width), height: Screens.minimumHeight)
    if page != .overview { app.stack.append(App.Level(page: page)) }
    app.sort = sort
    let lines = Screens.visibleLines(app, data, options: options).count
    app.height = max(Screens.minimumHeight, Screens.headerHeight + lines + Screens.footerHeight)
    // No selection highlight on paper: the selection index points past every row.
    app.stack[app.stack.count - 1].selection = Int.max
    let screen = Screens.render(app, data, options: options)
    // Paper has no tabs, breadcrumbs or keys: keep the title and score rows (and a reload
    // error, if any) and the body; leave out the tab bar, the breadcrumb row and the key line.
    guard paper else { return screen }
    let dropped: Set<Int> = [2, 3, screen.height - 1]
    var canvas = Canvas(width: screen.width, height: screen.height - dropped.count)
    var y = 0
    for row in 0..<screen.height where !dropped.contains(row) {
      for x in 0..<screen.width { canvas.put(screen[x, row], x: x, y: y) }
      y += 1
    }
    return canvas
  }
}

extension Canvas {
  mutating func clearRow(_ y: Int) {
    for x in 0..<width { put(.blank, x: x, y: y) }
  }
}
