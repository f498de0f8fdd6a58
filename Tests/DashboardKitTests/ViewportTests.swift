import Testing

@testable import DashboardKit

@Suite struct ViewportTests {
  @Test func keepsSelectionVisibleWithMinimalMovement() {
    var v = Viewport.scrolled(total: 100, selection: 0, height: 10, previousOffset: 0)
    #expect(v.visibleRange == 0..<10)
    v = Viewport.scrolled(total: 100, selection: 9, height: 10, previousOffset: v.offset)
    #expect(v.offset == 0)
    v = Viewport.scrolled(total: 100, selection: 10, height: 10, previousOffset: v.offset)
    #expect(v.offset == 1)  // one row, not a page
    v = Viewport.scrolled(total: 100, selection: 5, height: 10, previousOffset: v.offset)
    #expect(v.offset == 1)  // still visible: no movement
    v = Viewport.scrolled(total: 100, selection: 0, height: 10, previousOffset: v.offset)
    #expect(v.offset == 0)
    #expect(!v.hasMoreAbove && v.hasMoreBelow)
  }

  @Test func edgeCases() {
    #expect(Viewport.scrolled(total: 0, selection: 0, height: 10, previousOffset: 5).visibleRange.isEmpty)
    #expect(Viewport.scrolled(total: 5, selection: 3, height: 0, previousOffset: 2).visibleRange.isEmpty)
    #expect(Viewport.scrolled(total: 5, selection: 3, height: 10, previousOffset: 2).visibleRange == 0..<5)
    #expect(
      Viewport.scrolled(total: 100, selection: 500, height: 10, previousOffset: 0).visibleRange == 90..<100)
    #expect(Viewport.scrolled(total: 100, selection: -3, height: 10, previousOffset: 50).offset == 0)
    // The list shrank under the old offset: no blank space at the bottom.
    #expect(
      Viewport.scrolled(total: 20, selection: 19, height: 10, previousOffset: 80).visibleRange == 10..<20)
    // The screen grew.
    #expect(Viewport.scrolled(total: 30, selection: 25, height: 30, previousOffset: 16).offset == 0)
    #expect(Viewport.scrolled(total: -1, selection: 0, height: -1, previousOffset: 0).visibleRange.isEmpty)
  }

  @Test func tenThousandRowsRenderOnlyTheVisible() {
    var v = Viewport(height: 20, total: 10_000)
    for sel in stride(from: 0, to: 10_000, by: 7) {
      v = Viewport.scrolled(total: 10_000, selection: sel, height: 20, previousOffset: v.offset)
      #expect(v.visibleRange.contains(sel))
      #expect(v.visibleRange.count == 20)
    }
  }
}
