import DashboardKit
import Foundation
import Testing

@testable import CursesTerminal

/// The statuses must stay apart on every terminal a theme may meet, not only against the
/// background: after conversion to 256 colours (and as written, for true colour) every pair of
/// status colours is at least ``minimumDistance`` apart in CIELAB (hue and lightness together),
/// and at risk and overdue read as reds. With 16 colours only the hue family survives (users set
/// those colours themselves), so there at risk and overdue are ANSI red or bright red, and every
/// pair differs in colour number or in attributes (bold, underline, reverse).
@Suite struct StatusColorDistanceTests {
  static let themes = ["default", "light", "projector", "zhenghong"]
  static let statuses: [StyleRole] = [.done, .onTrack, .behind, .atRisk, .overdue]
  /// ΔE*76 of 25: two colours a reader tells apart at a glance, on a washed-out projector too.
  static let minimumDistance = 25.0

  @Test(arguments: themes)
  func statusesStayApartAfterConversion(_ name: String) throws {
    let theme = try bundledTheme(name)
    for depth in [ColorDepth.direct, .indexed256] {
      let shown = Self.statuses.map { Self.rgb(theme.styles[$0].fg, depth: depth) }
      for i in shown.indices {
        for j in shown.indices where j > i {
          let d = Lab(shown[i]).distance(to: Lab(shown[j]))
          #expect(
            d >= Self.minimumDistance,
            "\(name) at \(depth): \(Self.statuses[i].name) and \(Self.statuses[j].name) are only \(Int(d)) apart"
          )
        }
      }
      for k in [3, 4] {
        #expect(Self.isRed(shown[k]), "\(name) at \(depth): \(Self.statuses[k].name) does not read as red")
      }
    }
    let ansi = Self.statuses.map { ColorConversion.number(for: theme.styles[$0].fg, depth: .ansi16) }
    #expect([1, 9].contains(ansi[3]) && [1, 9].contains(ansi[4]), "\(name) at 16 colours: \(ansi)")
    for i in ansi.indices {
      for j in ansi.indices where j > i {
        let a = theme.styles[Self.statuses[i]]
        let b = theme.styles[Self.statuses[j]]
        let sameLook =
          ansi[i] == ansi[j] && a.bold == b.bold && a.underline == b.underline && a.reverse == b.reverse
        #expect(
          !sameLook, "\(name) at 16 colours: \(Self.statuses[i].name) looks like \(Self.statuses[j].name)")
      }
    }
  }

  /// The projector's old at-risk brown (#933000) became 256-colour 94 (#875f00), next to behind's
  /// olive: the test must catch exactly that.
  @Test func theOldProjectorColoursFail() {
    let atRisk = Self.rgb(.rgb(0x93, 0x30, 0x00), depth: .indexed256)
    let behind = Self.rgb(.rgb(0x6b, 0x44, 0x00), depth: .indexed256)
    #expect(!Self.isRed(atRisk))
    #expect(Lab(atRisk).distance(to: Lab(behind)) < Self.minimumDistance)
  }

  /// What the terminal shows for `color` at `depth` (xterm's values for indexed colours).
  static func rgb(_ color: TermColor, depth: ColorDepth) -> RGBColor {
    if case .rgb(let r, let g, let b) = color.kind, depth == .direct { return RGBColor(r, g, b) }
    guard let n = ColorConversion.number(for: color, depth: depth), n >= 0 else { return RGBColor(0, 0, 0) }
    return XtermPalette.rgb(ofIndex: UInt8(n))
  }

  /// Hue within 20° of pure red, and saturated enough to be a colour.
  static func isRed(_ c: RGBColor) -> Bool {
    let r = Double(c.r)
    let g = Double(c.g)
    let b = Double(c.b)
    let high = max(r, g, b)
    let span = high - min(r, g, b)
    guard span >= 48, high == r else { return false }
    let hue = 60 * (g - b) / span
    return hue > -20 && hue < 20
  }
}

/// CIELAB (D65) of an sRGB colour, for perceptual distances.
struct Lab {
  var l, a, b: Double

  init(_ c: RGBColor) {
    func linear(_ v: UInt8) -> Double {
      let x = Double(v) / 255
      return x <= 0.04045 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
    }
    let r = linear(c.r)
    let g = linear(c.g)
    let bl = linear(c.b)
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * bl
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883
    func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
    l = 116 * f(y) - 16
    a = 500 * (f(x) - f(y))
    b = 200 * (f(y) - f(z))
  }

  /// ΔE*76.
  func distance(to o: Lab) -> Double {
    ((l - o.l) * (l - o.l) + (a - o.a) * (a - o.a) + (b - o.b) * (b - o.b)).squareRoot()
  }
}
