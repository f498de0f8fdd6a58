import DashboardKit

/// Which colour pairs to create and which pair each role paints with, decided from the palette
/// and the terminal's limits before ncurses is asked for anything (a pure, tested plan).
public struct PairPlan: Equatable, Sendable {
  public struct Pair: Equatable, Sendable {
    public var number: Int16
    public var fg: Int32
    public var bg: Int32
  }
  /// Pairs to `init_extended_pair`, numbered from 1 (0 is the terminal's default pair).
  public var pairs: [Pair]
  /// Pair number per role; 0 (default colours) for roles without colour or beyond the limit.
  public var pairForRole: [StyleRole: Int16]

  /// Highest pair number used: attributes hold 8 bits of pair, so stay at or below 255.
  public static let packableLimit = 255

  /// - Parameters:
  ///   - colorPairs: `COLOR_PAIRS` of the terminal.
  ///   - defaultColors: whether `use_default_colors` succeeded; when not, "default" falls back
  ///     to white on black, which is what such terminals show anyway.
  public static func make(
    palette: StylePalette, depth: ColorDepth, colorPairs: Int, defaultColors: Bool = true
  ) -> PairPlan {
    var plan = PairPlan(pairs: [], pairForRole: [:])
    guard depth != .none else { return plan }
    let limit = min(colorPairs - 1, packableLimit)
    var numbers: [[Int32]: Int16] = [:]
    for role in StyleRole.allCases {  // allCases order keeps numbering stable run to run
      let style = palette[role]
      guard var fg = ColorConversion.number(for: style.fg, depth: depth),
        var bg = ColorConversion.number(for: style.bg, depth: depth)
      else { continue }
      if !defaultColors {
        if fg == -1 { fg = 7 }
        if bg == -1 { bg = 0 }
      }
      if fg == -1 && bg == -1 { plan.pairForRole[role] = 0; continue }
      if let n = numbers[[fg, bg]] { plan.pairForRole[role] = n; continue }
      guard plan.pairs.count < limit else { plan.pairForRole[role] = 0; continue }
      let n = Int16(plan.pairs.count + 1)
      numbers[[fg, bg]] = n
      plan.pairs.append(Pair(number: n, fg: fg, bg: bg))
      plan.pairForRole[role] = n
    }
    return plan
  }
}
