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
    let lines = Screens.visibleLines(app, data, options: options)
    app.height = max(Screens.minimumHeight, Screens.headerHeight + lines.count + Screens.footerHeight)
    // The canvas is as tall as the body; the lines do not depend on the height (except the
    // overview's, which shows more movers on a tall screen), so hand them to the memo rather
    // than laying thousands of rows out a second time for the taller app.
    if !Pages.readsHeight(page) { _ = LayoutMemo.lines(app, data, options: options) { lines } }
    // No selection highlight on paper: the selection index points past every row.
    app.stack[app.stack.count - 1].selection = Int.max
    let screen = Screens.render(app, data, options: options)
    // Paper has no tabs, breadcrumbs or keys: keep the title and score rows (and a reload
    // error, if any) and the body; leave out the tab bar, the breadcrumb row and the key line.
    guard paper else { return screen }
    let dropped: Set<Int> = [2, 3, screen.height - 1]
    return screen.keepingRows { !dropped.contains($0) }
  }
}

extension Canvas {
  /// The rows for which `keep` says yes, copied whole and in order (what putting their cells
  /// one by one on a blank canvas gives: a continuation cell takes the role of the wide
  /// grapheme it belongs to), without re-checking the wide-cell invariant cell by cell.
  func keepingRows(_ keep: (Int) -> Bool) -> Canvas {
    var out: [Cell] = []
    out.reserveCapacity(cells.count)
    var rows = 0
    for y in 0..<height where keep(y) {
      let start = out.count
      out.append(contentsOf: cells[y * width..<(y + 1) * width])
      for x in start..<out.count where out[x].width == 0 && x > start {
        out[x].role = out[x - 1].role
      }
      rows += 1
    }
    return Canvas(width: width, height: rows, cells: out)
  }

  mutating func clearRow(_ y: Int) {
    for x in 0..<width { put(.blank, x: x, y: y) }
  }
}
