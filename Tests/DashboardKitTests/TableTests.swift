import CampaignKit
import Testing

@testable import DashboardKit

@Suite struct TableTests {
  let columns = [
    Table.Column("单位", minWidth: 4, flex: 1, priority: 0),
    Table.Column("得分", minWidth: 4, align: .right, priority: 1),
    Table.Column("Owner", minWidth: 5, priority: 3),
    Table.Column("状态", minWidth: 4, priority: 2),
  ]
  var rows: [Table.Row] {
    [
      Table.Row([.text("城管局"), .text("92.5"), .text("Li Wei"), .text("正常")]),
      Table.Row([.text("Urban Mgmt"), .text("8"), .text("张三"), .text("滞后")]),
      Table.Row([.text("第三分指挥部（城市环境）"), .text("100"), .text("王"), .text("✓")]),
    ]
  }

  @Test func chineseAndAsciiColumnsLineUp() {
    let t = Table(columns: columns, rows: rows)
    var c = Canvas(width: 40, height: 4)
    let slots = t.draw(into: &c, rect: c.bounds)
    #expect(slots.count == 4)
    assertRowsExactWidth(c)
    // Every cell starts at its slot's column in every row: measure the prefix by display width.
    for y in 0..<4 {
      for s in slots.dropFirst() {
        let prefix = (0..<s.x).map { c[$0, y].text }.joined()
        #expect(DisplayWidth.of(prefix) == s.x)
        #expect(!c[s.x, y].isContinuation)
      }
    }
    // Right-aligned numbers end in the same column.
    let score = slots[1]
    for y in 1..<4 { #expect(c[score.x + score.width - 1, y].text != " ") }
    #expect(c.line(0).contains("单位"))
  }

  @Test func flexColumnTakesTheRest() {
    let t = Table(columns: columns, rows: rows)
    let slots = t.layout(width: 60)
    let last = slots.last!
    #expect(last.x + last.width == 60)
    #expect(slots[0].width > DisplayWidth.of("第三分指挥部（城市环境）"))
  }

  @Test func columnsDropByPriorityAsWidthShrinks() {
    let t = Table(columns: columns, rows: rows)
    var previous = Int.max
    for w in stride(from: 60, through: 1, by: -1) {
      let slots = t.layout(width: w)
      #expect(slots.count <= previous)
      previous = slots.count
      if let last = slots.last { #expect(last.x + last.width <= w) }
      var c = Canvas(width: w, height: 4)
      t.draw(into: &c, rect: c.bounds, selected: 1)
      assertRowsExactWidth(c)
    }
    #expect(t.layout(width: 23).map(\.column) == [0, 1, 2, 3])  // every minimum fits
    #expect(t.layout(width: 22).map(\.column) == [0, 1, 3])  // Owner (priority 3) goes first
    #expect(t.layout(width: 15).map(\.column) == [0, 1])
    #expect(t.layout(width: 3).map(\.column) == [0])
  }

  @Test func customCellsAndSelection() {
    let cols = [Table.Column("指标", flex: 1), Table.Column("进度", minWidth: 10, maxWidth: 10)]
    let t = Table(
      columns: cols,
      rows: [
        Table.Row([
          .text("市容环境整洁"),
          .custom(width: 10) { canvas, rect in
            ProgressBar(fraction: 0.5, status: .onTrack, showsPercent: false)
              .draw(into: &canvas, x: rect.x, y: rect.y, width: rect.width)
          },
        ])
      ])
    var c = Canvas(width: 30, height: 2)
    t.draw(into: &c, rect: c.bounds, selected: 0)
    #expect(c.line(1).hasSuffix("● ████░░░░"))
    #expect(c[0, 1].role == .selection)
    #expect(c[29, 1].role == .selection)
    assertRowsExactWidth(c)
  }

  @Test func steadyLayoutFromAllRows() {
    let t = Table(columns: columns, rows: rows)
    let natural = t.naturalWidths()
    let visibleOnly = Table(columns: columns, rows: Array(rows.prefix(1)))
    #expect(visibleOnly.layout(width: 50, natural: natural) == t.layout(width: 50))
  }
}
