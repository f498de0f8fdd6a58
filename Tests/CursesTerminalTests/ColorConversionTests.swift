import DashboardKit
import Testing

@testable import CursesTerminal

@Suite("colour downsampling")
struct ColorConversionTests {
  typealias C = ColorConversion

  @Test func depthFromTerminalAndNoColor() {
    #expect(ColorDepth.detect(hasColors: true, colors: 256, noColor: nil) == .indexed256)
    #expect(ColorDepth.detect(hasColors: true, colors: 16, noColor: nil) == .ansi16)
    #expect(ColorDepth.detect(hasColors: true, colors: 8, noColor: nil) == .ansi8)
    #expect(ColorDepth.detect(hasColors: true, colors: 0x1000000, noColor: nil) == .direct)
    #expect(ColorDepth.detect(hasColors: false, colors: 0, noColor: nil) == .none)
    #expect(ColorDepth.detect(hasColors: true, colors: 256, noColor: "1") == .none)
    #expect(ColorDepth.detect(hasColors: true, colors: 256, noColor: "") == .indexed256)  // empty = unset
  }

  @Test func defaultStaysDefaultAndNoneMeansNoColour() {
    for depth in [ColorDepth.ansi8, .ansi16, .indexed256, .direct] {
      #expect(C.number(for: .default, depth: depth) == -1)
    }
    #expect(C.number(for: .red, depth: .none) == nil)
    #expect(C.number(for: .default, depth: .none) == nil)
  }

  @Test func ansiColoursPassThroughWhereTheyFit() {
    #expect(C.number(for: .red, depth: .ansi8) == 1)
    #expect(C.number(for: .brightRed, depth: .ansi16) == 9)
    #expect(C.number(for: .indexed(202), depth: .indexed256) == 202)
  }

  @Test func brightColoursFoldToTheirBaseOnEightColours() {
    #expect(C.number(for: .brightRed, depth: .ansi8) == 1)
    #expect(C.number(for: .brightGreen, depth: .ansi8) == 2)
    #expect(C.number(for: .brightYellow, depth: .ansi8) == 3)
    // Grey is nearer white than black: borders stay visible on a dark background.
    #expect(C.number(for: .brightBlack, depth: .ansi8) == 7)
  }

  @Test func rgbToTheCubeAndGreyRamp() {
    #expect(C.number(for: .rgb(255, 0, 0), depth: .indexed256) == 196)
    #expect(C.number(for: .rgb(0, 0, 0), depth: .indexed256) == 16)
    #expect(C.number(for: .rgb(255, 255, 255), depth: .indexed256) == 231)
    #expect(C.number(for: .rgb(128, 128, 128), depth: .indexed256) == 244)
    #expect(C.number(for: .rgb(255, 135, 0), depth: .indexed256) == 208)
  }

  @Test func rgbToSixteenAndEight() {
    #expect(C.number(for: .rgb(250, 10, 10), depth: .ansi16) == 9)
    #expect(C.number(for: .rgb(200, 0, 0), depth: .ansi16) == 1)
    #expect(C.number(for: .rgb(250, 10, 10), depth: .ansi8) == 1)
    #expect(C.number(for: .rgb(0, 180, 0), depth: .ansi8) == 2)
    #expect(C.number(for: .rgb(20, 20, 30), depth: .ansi8) == 0)
  }

  @Test func indexedToSixteenGoesThroughRGB() {
    #expect(C.number(for: .indexed(196), depth: .ansi16) == 9)  // pure red
    #expect(C.number(for: .indexed(232), depth: .ansi16) == 0)  // darkest grey
    #expect(C.number(for: .indexed(255), depth: .ansi16) == 7)  // lightest grey
  }

  @Test func directColourPacksRGBAndKeepsAnsiBelowEight() {
    #expect(C.number(for: .rgb(0x12, 0x34, 0x56), depth: .direct) == 0x123456)
    #expect(C.number(for: .red, depth: .direct) == 1)
    #expect(C.number(for: .rgb(0, 0, 3), depth: .direct) == 8)  // 3 would mean ANSI yellow
  }

  @Test func everyIndexRoundTripsItsOwnRGBIn256() {
    for i in 16...255 {
      let rgb = C.rgb(ofIndex: UInt8(i))
      let back = C.nearest256(rgb)
      #expect(C.rgb(ofIndex: UInt8(back)) == rgb, "index \(i)")
    }
  }
}
