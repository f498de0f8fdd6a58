import Foundation

/// A colour as red, green and blue in 0–255 (sRGB).
public struct RGBColor: Hashable, Sendable, CustomStringConvertible {
  public var r: UInt8
  public var g: UInt8
  public var b: UInt8

  public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
    self.r = r
    self.g = g
    self.b = b
  }

  /// "#rrggbb"
  public var description: String {
    "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  /// The channel-wise average of two colours: how a terminal's faint (`dim`) text is modelled,
  /// its foreground halfway to its background.
  public func mixed(with other: RGBColor) -> RGBColor {
    RGBColor(
      UInt8((Int(r) + Int(other.r)) / 2), UInt8((Int(g) + Int(other.g)) / 2),
      UInt8((Int(b) + Int(other.b)) / 2))
  }
}

/// The colours xterm shows for the 256 palette indexes. Other terminals differ, mostly in the
/// first sixteen; these are the reference for contrast checks and for downsampling.
public enum XtermPalette {
  /// xterm's defaults for the 16 ANSI colours.
  public static let ansi: [RGBColor] = [
    RGBColor(0, 0, 0), RGBColor(205, 0, 0), RGBColor(0, 205, 0), RGBColor(205, 205, 0),
    RGBColor(0, 0, 238), RGBColor(205, 0, 205), RGBColor(0, 205, 205), RGBColor(229, 229, 229),
    RGBColor(127, 127, 127), RGBColor(255, 0, 0), RGBColor(0, 255, 0), RGBColor(255, 255, 0),
    RGBColor(92, 92, 255), RGBColor(255, 0, 255), RGBColor(0, 255, 255), RGBColor(255, 255, 255),
  ]
  /// The six levels of each channel in the 6×6×6 cube (indexes 16–231).
  public static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

  /// The colour xterm shows for `index`: ANSI (0–15), cube (16–231) or grey ramp (232–255).
  public static func rgb(ofIndex index: UInt8) -> RGBColor {
    switch index {
    case 0..<16: return ansi[Int(index)]
    case 16..<232:
      let n = Int(index) - 16
      return RGBColor(cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
    default:
      let v = UInt8(8 + 10 * (Int(index) - 232))
      return RGBColor(v, v, v)
    }
  }
}

extension TermColor {
  /// The sRGB value this colour shows as; `terminalDefault` becomes `fallback` (a theme's
  /// declared foreground or background).
  public func rgb(defaultingTo fallback: RGBColor) -> RGBColor {
    switch kind {
    case .terminalDefault: return fallback
    case .indexed(let i): return XtermPalette.rgb(ofIndex: i)
    case .rgb(let r, let g, let b): return RGBColor(r, g, b)
    }
  }
}

/// WCAG 2 contrast (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
public enum Contrast {
  /// Body text needs at least this against its background (WCAG 1.4.3, level AA).
  public static let minimumForText = 4.5
  /// Lines, bar tracks and other non-text marks need at least this (WCAG 1.4.11).
  public static let minimumForGraphics = 3.0

  /// Relative luminance, 0 (black) to 1 (white).
  public static func luminance(_ c: RGBColor) -> Double {
    func linear(_ v: UInt8) -> Double {
      let s = Double(v) / 255
      return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b)
  }

  /// From 1 (same luminance) to 21 (black on white); symmetric in its arguments.
  public static func ratio(_ a: RGBColor, _ b: RGBColor) -> Double {
    let la = luminance(a)
    let lb = luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
  }
}
