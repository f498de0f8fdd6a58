import Testing

@testable import DashboardKit

@Suite struct GlyphTests {
  /// Every glyph is one column by our measure and by glibc's, so the canvas and ncurses agree.
  @Test(arguments: [GlyphSet.unicode, .ascii])
  func everyGlyphIsOneColumn(_ g: GlyphSet) {
    var singles: [Character] = [
      g.horizontal, g.vertical, g.topLeft, g.topRight, g.bottomLeft, g.bottomRight,
      g.barFull, g.barTrack, g.sparkGap, g.arrowUp, g.arrowDown, g.arrowRight, g.ellipsis,
      g.selectionMarker,
    ]
    singles += g.barPartials + g.sparkLevels + g.statusGlyphs + [SafeText.replacement, "\u{25CC}"]
    for ch in singles {
      #expect(DisplayWidth.of(ch) == 1, "\(ch)")
      #expect(LibC.wcwidth(ch.unicodeScalars.first!.value) == 1, "\(ch)")
    }
    for s in [g.treeBranch, g.treeLast, g.treeVertical, g.treeSpace] {
      #expect(DisplayWidth.of(s) == 3)
    }
    if g.isASCII {
      let all = String(singles.filter { $0 != SafeText.replacement && $0 != "\u{25CC}" })
      #expect(all.utf8.allSatisfy { $0 < 0x80 })
    }
  }
}
