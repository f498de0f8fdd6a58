/// A named mapping from every ``StyleRole`` to a ``TextStyle``, loaded from a JSON file in
/// `themes/` (see docs/themes.md). Screens never see a theme: the terminal gets ``palette``.
public struct Theme: Sendable, Equatable {
  /// Where a theme came from; user themes override bundled ones of the same name.
  public enum Origin: String, Sendable, Equatable {
    /// Shipped in the repository's (or the installation's) `themes/` directory.
    case bundled
    /// From `$XDG_CONFIG_HOME/chuangwen/themes/`.
    case user
    /// A file named directly with `--theme PATH` or `CHUANGWEN_THEME=PATH`.
    case file
    /// Compiled in, for when no theme file can be found at all.
    case builtIn = "built-in"
  }

  public var name: String
  public var description: String
  /// The terminal text colour the theme is designed for: what `"default"` means in a role's
  /// `fg` for contrast checks (and on screen when ``fillBackground`` is set).
  public var foreground: TermColor
  /// The background the theme is designed for, as ``foreground``.
  public var background: TermColor
  /// Paint ``foreground`` and ``background`` instead of leaving `"default"` to the terminal,
  /// so the theme looks the same whatever the terminal's own colours are.
  public var fillBackground: Bool
  /// The styles as the file writes them (`"default"` kept).
  public var styles: StylePalette
  public var origin: Origin
  /// The file it was read from; nil for built-in themes.
  public var file: String?

  public init(
    name: String, description: String = "", foreground: TermColor, background: TermColor,
    fillBackground: Bool = false, styles: StylePalette, origin: Origin = .builtIn, file: String? = nil
  ) {
    self.name = name
    self.description = description
    self.foreground = foreground
    self.background = background
    self.fillBackground = fillBackground
    self.styles = styles
    self.origin = origin
    self.file = file
  }

  /// What the terminal paints with. With ``fillBackground``, `"default"` colours become the
  /// theme's own foreground and background; otherwise they stay the terminal's.
  public var palette: StylePalette {
    guard fillBackground else { return styles }
    var out = styles
    for role in StyleRole.allCases {
      var s = styles[role]
      if s.fg == .default { s.fg = foreground }
      if s.bg == .default { s.bg = background }
      out.styles[role] = s
    }
    return out
  }

  /// Roles that draw marks rather than words (box lines, the empty part of a bar). They need
  /// ``Contrast/minimumForGraphics``; every other role draws text and needs
  /// ``Contrast/minimumForText``.
  public static let graphicRoles: Set<StyleRole> = [.border, .barTrack]

  /// The contrast needed for `role`.
  public static func minimumContrast(for role: StyleRole) -> Double {
    graphicRoles.contains(role) ? Contrast.minimumForGraphics : Contrast.minimumForText
  }

  /// The colours `role` shows as: `"default"` means the theme's declared foreground or
  /// background; `dim` is modelled as the foreground halfway to the background (faint text is
  /// drawn at about half intensity). `reverse` swaps the two, which leaves contrast unchanged.
  public func shownColors(_ role: StyleRole) -> (fg: RGBColor, bg: RGBColor) {
    let fallbackFG = foreground.rgb(defaultingTo: RGBColor(229, 229, 229))
    let fallbackBG = background.rgb(defaultingTo: RGBColor(0, 0, 0))
    let style = styles[role]
    var fg = style.fg.rgb(defaultingTo: fallbackFG)
    let bg = style.bg.rgb(defaultingTo: fallbackBG)
    if style.dim { fg = fg.mixed(with: bg) }
    return style.reverse ? (bg, fg) : (fg, bg)
  }

  /// The WCAG contrast ratio of `role`'s text against its background.
  public func contrast(_ role: StyleRole) -> Double {
    let (fg, bg) = shownColors(role)
    return Contrast.ratio(fg, bg)
  }

  /// The role with the lowest contrast relative to what it needs, and its ratio.
  public var weakestRole: (role: StyleRole, ratio: Double) {
    let role = StyleRole.allCases.min {
      contrast($0) / Self.minimumContrast(for: $0) < contrast($1) / Self.minimumContrast(for: $1)
    }!
    return (role, contrast(role))
  }

  /// Whether any role names a colour (mono themes name none).
  public var usesColor: Bool {
    fillBackground || StyleRole.allCases.contains { styles[$0].fg != .default || styles[$0].bg != .default }
  }
}

extension StyleRole {
  /// The name used in theme files (`onTrack`, `barTrack`): the case name.
  public var name: String { String(describing: self) }

  /// Every role name, in declaration order (for "valid roles are …" messages).
  public static var names: [String] { allCases.map(\.name) }

  /// The role a theme file names, or nil.
  public init?(name: String) {
    guard let role = Self.allCases.first(where: { $0.name == name }) else { return nil }
    self = role
  }
}
