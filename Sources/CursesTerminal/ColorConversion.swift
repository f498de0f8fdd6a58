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

  /// Whether `COLORTERM` announces 24-bit colour (`truecolor` or `24bit`, the de-facto
  /// convention terminals follow).
  public static func announcesTrueColor(colorterm: String?) -> Bool {
    guard let c = colorterm?.lowercased() else { return false }
    return c == "truecolor" || c == "24bit"
  }

  /// The direct-colour terminfo entry to try when `COLORTERM` announces true colour but `TERM`
  /// is a 256-colour entry: `xterm-256color` → `xterm-direct`, `tmux-256color` → `tmux-direct`.
  /// ncurses can only send 24-bit colours through such an entry (Debian ships them in
  /// `ncurses-term`); nil when `TERM` already is one or names no family.
  public static func directTerminal(term: String, colorterm: String?) -> String? {
    guard announcesTrueColor(colorterm: colorterm), !term.isEmpty, !term.hasSuffix("-direct") else {
      return nil
    }
    let family = term.split(separator: "-", maxSplits: 1).first.map(String.init) ?? term
    guard !family.isEmpty, family != "dumb" else { return nil }
    return family + "-direct"
  }

  /// What a plain text writer (not ncurses) can use on this terminal, from the environment
  /// alone: none with `NO_COLOR` or `TERM=dumb`, direct with `COLORTERM=truecolor|24bit`,
  /// 256 for `*-256color`, else 16.
  public static func fromEnvironment(term: String?, colorterm: String?, noColor: String?) -> ColorDepth {
    if let noColor, !noColor.isEmpty { return .none }
    guard let term, !term.isEmpty, term != "dumb" else { return .none }
    if announcesTrueColor(colorterm: colorterm) || term.hasSuffix("-direct") { return .direct }
    if term.contains("256color") { return .indexed256 }
    if term.hasSuffix("-mono") || term == "vt100" || term == "vt220" { return .none }
    return .ansi16
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
      case .ansi8: return i < 16 ? Int32(i % 8) : Int32(nearestANSI(rgb(ofIndex: i), sixteen: false))
      case .ansi16: return i < 16 ? Int32(i) : Int32(nearestANSI(rgb(ofIndex: i), sixteen: true))
      case .indexed256: return Int32(i)
      case .direct: return i < 8 ? Int32(i) : packed(rgb(ofIndex: i))
      }
    case .rgb(let r, let g, let b):
      let c = RGB(r, g, b)
      switch depth {
      case .none: return nil
      case .ansi8: return Int32(nearestANSI(c, sixteen: false))
      case .ansi16: return Int32(nearestANSI(c, sixteen: true))
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
    init(_ c: RGBColor) { self.init(c.r, c.g, c.b) }
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
  static let ansi: [RGB] = XtermPalette.ansi.map(RGB.init)
  static let cubeLevels = XtermPalette.cubeLevels.map(Int.init)

  /// The RGB value xterm shows for a 256-colour index.
  static func rgb(ofIndex i: UInt8) -> RGB { RGB(XtermPalette.rgb(ofIndex: i)) }

  static func nearest(_ c: RGB, among indexes: [Int]) -> Int {
    indexes.min { ansi[$0].distance(to: c) < ansi[$1].distance(to: c) }!
  }

  /// The ANSI colour for `c` on a 16- or 8-colour terminal. Users choose those colours
  /// themselves, so what can be kept is the kind of colour, not its shade: a chromatic colour
  /// keeps its hue (a dark green stays green instead of turning grey; orange counts as yellow),
  /// in its bright form when it is light and sixteen colours exist; a grey becomes black, grey,
  /// white or bright white.
  static func nearestANSI(_ c: RGB, sixteen: Bool) -> Int {
    let high = max(c.r, c.g, c.b)
    let low = min(c.r, c.g, c.b)
    if high - low < 48 { return nearest(c, among: sixteen ? [0, 8, 7, 15] : [0, 7]) }
    let color = ansiHue(hueDegrees(c))
    return sixteen && high >= 0xD0 ? color + 8 : color
  }

  /// HSV hue in degrees, 0 ..< 360 (red 0, yellow 60, green 120, cyan 180, blue 240).
  static func hueDegrees(_ c: RGB) -> Int {
    let high = max(c.r, c.g, c.b)
    let span = high - min(c.r, c.g, c.b)
    guard span > 0 else { return 0 }
    let h: Int
    if high == c.r {
      h = 60 * (c.g - c.b) / span
    } else if high == c.g {
      h = 120 + 60 * (c.b - c.r) / span
    } else {
      h = 240 + 60 * (c.r - c.g) / span
    }
    return (h + 360) % 360
  }

  /// ANSI 1–6 for a hue: red, yellow (with orange), green, cyan, blue, magenta.
  static func ansiHue(_ h: Int) -> Int {
    switch h {
    case 20..<70: return 3
    case 70..<165: return 2
    case 165..<200: return 6
    case 200..<260: return 4
    case 260..<330: return 5
    default: return 1
    }
  }

  /// Nearest colour in the 6×6×6 cube or the grey ramp; 0–15 are skipped because terminals
  /// redefine them freely.
  static func nearest256(_ c: RGB) -> Int {
    func level(_ v: Int) -> Int {
      cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) }!
    }
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

/// ANSI SGR sequences for writers that bypass ncurses (`chuangwen themes` swatches, ANSI
/// snapshots): the same downsampling as the live screen.
public enum SGR {
  public static let reset = "\u{1B}[0m"

  /// The sequence that sets `style` from a clean state (it starts with a reset), or "" for a
  /// plain style without colour.
  public static func sequence(for style: TextStyle, depth: ColorDepth) -> String {
    var codes: [String] = []
    if style.bold { codes.append("1") }
    if style.dim { codes.append("2") }
    if style.underline { codes.append("4") }
    if style.reverse { codes.append("7") }
    if let fg = code(style.fg, depth: depth, background: false) { codes.append(fg) }
    if let bg = code(style.bg, depth: depth, background: true) { codes.append(bg) }
    return codes.isEmpty ? "" : "\u{1B}[0;" + codes.joined(separator: ";") + "m"
  }

  static func code(_ color: TermColor, depth: ColorDepth, background: Bool) -> String? {
    if depth == .direct, case .rgb(let r, let g, let b) = color.kind {
      return "\(background ? 48 : 38);2;\(r);\(g);\(b)"
    }
    guard let n = ColorConversion.number(for: color, depth: depth), n >= 0 else { return nil }
    if depth == .direct, n >= 8 {  // an index ≥ 8 converted to packed RGB
      return "\(background ? 48 : 38);2;\(n >> 16 & 0xFF);\(n >> 8 & 0xFF);\(n & 0xFF)"
    }
    switch n {
    case 0..<8: return String((background ? 40 : 30) + n)
    case 8..<16: return String((background ? 100 : 90) + n - 8)
    default: return "\(background ? 48 : 38);5;\(n)"
    }
  }
}
