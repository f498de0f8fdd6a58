import DashboardKit

/// How many colours the terminal can show, decided once from `COLORS`, `has_colors` and
/// `NO_COLOR`. Everything a theme says is downsampled to this.
public enum ColorDepth: Equatable, Sendable {
  /// No colour at all (monochrome terminal or `NO_COLOR`): attributes only.
  case none
  case ansi8
  case ansi16
  case indexed256
  /// Direct-colour terminfo (e.g. `xterm-direct`): colour numbers are 0xRRGGBB, except 0–7
  /// which still mean the ANSI colours.
  case direct

  /// - Parameters:
  ///   - colors: `COLORS` after `start_color` (0 when the terminal has no colours).
  ///   - noColor: the value of `NO_COLOR`, if set; any non-empty value turns colour off
  ///     (https://no-color.org).
  public static func detect(hasColors: Bool, colors: Int, noColor: String?) -> ColorDepth {
    if let noColor, !noColor.isEmpty { return .none }
    guard hasColors else { return .none }
    switch colors {
    case ..<8: return .none
    case 8..<16: return .ansi8
    case 16..<256: return .ansi16
    case 256: return .indexed256
    default: return .direct
    }
  }
}

/// Pure colour arithmetic: from a theme's ``TermColor`` to a colour number this terminal accepts.
public enum ColorConversion {
  /// The colour number to hand to ncurses, `-1` for the terminal's default (valid after
  /// `use_default_colors`), or nil when the terminal shows no colour.
  public static func number(for color: TermColor, depth: ColorDepth) -> Int32? {
    if depth == .none { return nil }
    switch color.kind {
    case .terminalDefault: return -1
    case .indexed(let i):
      switch depth {
      case .none: return nil
      case .ansi8: return i < 8 ? Int32(i) : Int32(nearest(rgb(ofIndex: i), among: 0..<8))
      case .ansi16: return i < 16 ? Int32(i) : Int32(nearest(rgb(ofIndex: i), among: 0..<16))
      case .indexed256: return Int32(i)
      case .direct: return i < 8 ? Int32(i) : packed(rgb(ofIndex: i))
      }
    case .rgb(let r, let g, let b):
      let c = RGB(r, g, b)
      switch depth {
      case .none: return nil
      case .ansi8: return Int32(nearest(c, among: 0..<8))
      case .ansi16: return Int32(nearest(c, among: 0..<16))
      case .indexed256: return Int32(nearest256(c))
      case .direct: return packed(c)
      }
    }
  }

  struct RGB: Equatable {
    var r: Int, g: Int, b: Int
    init(_ r: some BinaryInteger, _ g: some BinaryInteger, _ b: some BinaryInteger) {
      self.r = Int(r)
      self.g = Int(g)
      self.b = Int(b)
    }
    func distance(to o: RGB) -> Int {
      // Plain RGB distance sends mid grey to cyan on 8 colours; adding the difference in
      // chroma (how far from grey) keeps greys on greys and colours on colours.
      let dr = r - o.r, dg = g - o.g, db = b - o.b
      let dc = chroma - o.chroma
      return dr * dr + dg * dg + db * db + dc * dc
    }
    var chroma: Int { max(r, g, b) - min(r, g, b) }
  }

  /// xterm's default values for the 16 ANSI colours; terminals differ, but only slightly.
  static let ansi: [RGB] = [
    RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
    RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
    RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
    RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
  ]
  static let cubeLevels = [0, 95, 135, 175, 215, 255]

  /// The RGB value xterm shows for a 256-colour index.
  static func rgb(ofIndex i: UInt8) -> RGB {
    switch i {
    case 0..<16: return ansi[Int(i)]
    case 16..<232:
      let n = Int(i) - 16
      return RGB(cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
    default:
      let v = 8 + 10 * (Int(i) - 232)
      return RGB(v, v, v)
    }
  }

  static func nearest(_ c: RGB, among range: Range<Int>) -> Int {
    range.min { ansi[$0].distance(to: c) < ansi[$1].distance(to: c) }!
  }

  /// Nearest colour in the 6×6×6 cube or the grey ramp; 0–15 are skipped because terminals
  /// redefine them freely.
  static func nearest256(_ c: RGB) -> Int {
    func level(_ v: Int) -> Int { cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) }! }
    let cube = 16 + 36 * level(c.r) + 6 * level(c.g) + level(c.b)
    let average = (c.r + c.g + c.b) / 3
    let grey = 232 + min(23, max(0, (average - 3) / 10))
    let cubeDistance = rgb(ofIndex: UInt8(cube)).distance(to: c)
    let greyDistance = rgb(ofIndex: UInt8(grey)).distance(to: c)
    return greyDistance < cubeDistance ? grey : cube
  }

  /// 0xRRGGBB, but never below 8: direct-colour terminfo reads 0–7 as the ANSI colours.
  static func packed(_ c: RGB) -> Int32 { Int32(max(8, c.r << 16 | c.g << 8 | c.b)) }
}
