import CampaignKit
import Testing

@testable import DashboardKit

@Suite struct ProgressBarTests {
  func bar(_ f: Double, _ w: Int, _ g: GlyphSet = .unicode) -> String {
    ProgressBar(fraction: f, glyphs: g).barCells(width: w).map(\.text).joined()
  }

  @Test func unicodeFractions() {
    #expect(bar(0, 4) == "░░░░")
    #expect(bar(1.0 / 16, 4) == "▎░░░")  // 2 of 32 units
    #expect(bar(1.0 / 8, 4) == "▌░░░")
    #expect(bar(1.0 / 4, 4) == "█░░░")
    #expect(bar(0.5, 4) == "██░░")
    #expect(bar(0.999, 4) == "███▉")  // never a full bar unless done
    #expect(bar(1, 4) == "████")
    #expect(bar(.nan, 4) == "░░░░")
    #expect(bar(.infinity, 4) == "░░░░")
    #expect(bar(-1, 4) == "░░░░")
    #expect(bar(7, 4) == "████")
    #expect(bar(0.0001, 4) == "▏░░░")  // any progress shows
  }

  @Test func asciiFractions() {
    #expect(bar(0.5, 4, .ascii) == "##..")
    #expect(bar(1.0 / 8, 4, .ascii) == "=...")
    #expect(bar(0.999, 4, .ascii) == "###=")
    #expect(bar(1, 4, .ascii) == "####")
    #expect(bar(.nan, 4, .ascii) == "....")
  }

  @Test func everyFractionIsMonotoneAndExactWidth() {
    var prev = -1
    for i in 0...1000 {
      let f = Double(i) / 1000
      let units = ProgressBar.filledUnits(fraction: f, cells: 10, resolution: 8)
      #expect(units >= prev)
      prev = units
      #expect(bar(f, 10).count == 10)
      #expect(DisplayWidth.of(bar(f, 10)) == 10)
    }
  }

  @Test func percentText() {
    #expect(ProgressBar.percentText(0) == "  0%")
    #expect(ProgressBar.percentText(0.57) == " 57%")  // 0.57*100 is 56.999… in binary
    #expect(ProgressBar.percentText(0.73) == " 73%")
    #expect(ProgressBar.percentText(0.999) == " 99%")
    #expect(ProgressBar.percentText(1) == "100%")
    #expect(ProgressBar.percentText(.nan) == "  0%")
  }

  @Test func drawsGlyphBarAndPercentWithRoles() {
    var c = Canvas(width: 16, height: 1)
    ProgressBar(fraction: 0.5, status: .behind).draw(into: &c, x: 0, y: 0, width: 16)
    #expect(c.line(0) == "◐ █████░░░░░ 50%")
    #expect(c[0, 0].role == .behind)
    #expect(c[2, 0].role == .behind)
    #expect(c[9, 0].role == .barTrack)
    assertRowsExactWidth(c)
  }

  @Test func narrowWidthsDropPercentThenGlyph() {
    for w in 0...12 {
      var c = Canvas(width: 12, height: 1)
      ProgressBar(fraction: 0.3, status: .atRisk).draw(into: &c, x: 0, y: 0, width: w)
      assertRowsExactWidth(c)
      #expect(c.line(0).hasSuffix(String(repeating: " ", count: 12 - w)))
    }
  }

  @Test func statusRolesAndGlyphs() {
    #expect(StatusMark.allCases.map(\.role) == [.done, .onTrack, .behind, .atRisk, .overdue, .dim])
    for g in [GlyphSet.unicode, .ascii] {
      let glyphs = StatusMark.allCases.map { g.statusGlyph($0) }
      #expect(Set(glyphs).count == 6)
      // No status glyph is a sign a change could use, and none reads as a minus before a count.
      #expect(glyphs.allSatisfy { !"+-↑↓".contains($0) })
      for ch in glyphs { #expect(LibC.wcwidth(ch.unicodeScalars.first!.value) == 1) }
    }
  }
}
