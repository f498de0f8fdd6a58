/// A colour as a theme names it, independent of what the terminal can show. The terminal layer
/// downsamples (RGB → 256 → 16 → 8 → none), so a theme can be written once in full colour.
public struct TermColor: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// The terminal's own foreground or background (what the user configured).
    case terminalDefault
    /// A palette index: 0–7 the ANSI colours, 8–15 their bright forms, 16–255 xterm's cube and greys.
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)
  }
  public var kind: Kind
  public init(_ kind: Kind) { self.kind = kind }

  public static let `default` = TermColor(.terminalDefault)
  public static func indexed(_ index: UInt8) -> TermColor { TermColor(.indexed(index)) }
  public static func rgb(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> TermColor { TermColor(.rgb(r, g, b)) }

  public static let black = indexed(0), red = indexed(1), green = indexed(2), yellow = indexed(3)
  public static let blue = indexed(4), magenta = indexed(5), cyan = indexed(6), white = indexed(7)
  public static let brightBlack = indexed(8), brightRed = indexed(9), brightGreen = indexed(10)
  public static let brightYellow = indexed(11), brightBlue = indexed(12)
  public static let brightMagenta = indexed(13), brightCyan = indexed(14), brightWhite = indexed(15)

  /// The sixteen ANSI names, in index order, as a theme file would spell them.
  public static let ansiNames = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "brightBlack", "brightRed", "brightGreen", "brightYellow",
    "brightBlue", "brightMagenta", "brightCyan", "brightWhite",
  ]

  /// Looks up an ANSI colour by name (`"red"`, `"brightCyan"`) or `"default"`.
  public init?(name: String) {
    if name == "default" { self = .default; return }
    guard let i = Self.ansiNames.firstIndex(of: name) else { return nil }
    self = .indexed(UInt8(i))
  }
}

/// How one ``StyleRole`` looks: colours plus the attributes that still work without colour.
public struct TextStyle: Hashable, Sendable {
  public var fg: TermColor
  public var bg: TermColor
  public var bold: Bool
  public var dim: Bool
  public var reverse: Bool
  public var underline: Bool

  public init(
    fg: TermColor = .default, bg: TermColor = .default,
    bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
  ) {
    self.fg = fg
    self.bg = bg
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
  }

  public static let plain = TextStyle()
}

/// A style for every role. Themes (``Theme``, read from `themes/*.json`) build these; the two
/// compiled-in palettes are fallbacks for when no theme file can be found.
public struct StylePalette: Hashable, Sendable {
  public var styles: [StyleRole: TextStyle]

  public init(styles: [StyleRole: TextStyle]) { self.styles = styles }

  /// The style for `role`, plain when the palette leaves it out.
  public subscript(role: StyleRole) -> TextStyle { styles[role] ?? .plain }

  /// For a dark terminal background. Status colours carry meaning; attributes (bold, reverse)
  /// carry the rest so the screen stays readable when colour is off.
  public static let defaultDark = StylePalette(styles: [
    .text: .plain,
    .dim: TextStyle(dim: true),
    .title: TextStyle(bold: true),
    .header: TextStyle(fg: .brightWhite, bold: true),
    .border: TextStyle(fg: .brightBlack),
    .selection: TextStyle(reverse: true),
    .tabActive: TextStyle(bold: true, reverse: true),
    .tabInactive: .plain,
    .key: TextStyle(fg: .yellow, bold: true),
    .done: TextStyle(fg: .green),
    .onTrack: TextStyle(fg: .cyan),
    .behind: TextStyle(fg: .yellow),
    .atRisk: TextStyle(fg: .magenta),
    .overdue: TextStyle(fg: .red, bold: true),
    .barTrack: TextStyle(fg: .brightBlack),
    .deltaUp: TextStyle(fg: .green),
    .deltaDown: TextStyle(fg: .red),
    .error: TextStyle(fg: .brightWhite, bg: .red, bold: true),
    .toast: TextStyle(fg: .black, bg: .cyan),
    .highlight: TextStyle(fg: .black, bg: .yellow),
  ])

  /// Attributes only, no colour: the same as the bundled `mono` theme. Statuses differ by
  /// attribute as well as by glyph, so they survive greyscale print.
  public static let mono = StylePalette(styles: [
    .text: .plain,
    .dim: .plain,
    .title: TextStyle(bold: true),
    .header: TextStyle(bold: true, underline: true),
    .border: .plain,
    .selection: TextStyle(reverse: true),
    .tabActive: TextStyle(bold: true, reverse: true),
    .tabInactive: .plain,
    .key: TextStyle(bold: true),
    .done: TextStyle(bold: true),
    .onTrack: .plain,
    .behind: TextStyle(underline: true),
    .atRisk: TextStyle(bold: true, underline: true),
    .overdue: TextStyle(bold: true, reverse: true),
    .barTrack: TextStyle(dim: true),
    .deltaUp: TextStyle(bold: true),
    .deltaDown: TextStyle(underline: true),
    .error: TextStyle(bold: true, reverse: true),
    .toast: TextStyle(reverse: true),
    .highlight: TextStyle(reverse: true, underline: true),
  ])
}
