/// What to do with text that is wider than the space it gets.
public enum Truncation: Sendable, Equatable {
  /// Cut at the last whole grapheme that fits.
  case clip
  /// Cut and end with an ellipsis, so the reader knows there is more.
  case ellipsis
  /// Keep the end and start with an ellipsis (paths, breadcrumbs: the deepest part matters).
  case leadingEllipsis
}

/// Horizontal placement of text inside a wider space.
public enum TextAlignment: Sendable, Equatable {
  case left, right, center
}

/// Pure string layout by display width: the one place that decides how text is cut and
/// padded, shared by the Canvas drawing calls and by widgets that build strings.
///
/// All functions sanitise their input with ``SafeText`` first, so the result is always safe
/// to put on a Canvas, and measure with ``DisplayWidth``, never `count`.
public enum TextLayout {
  /// The ellipsis drawn by default: U+2026, one column in glibc.
  public static let defaultEllipsis: Character = "\u{2026}"

  /// `text`, sanitised, cut to at most `width` columns.
  ///
  /// When the text fits it is returned whole (and may be narrower than `width`). When it is
  /// cut, the result is exactly `width` columns: a double-width grapheme that would straddle
  /// the limit is replaced by a space, so it is never split.
  public static func fit(
    _ text: some StringProtocol, width: Int, truncation: Truncation = .ellipsis,
    ellipsis: Character = defaultEllipsis
  ) -> String {
    let safe = SafeText.sanitize(text)
    guard width > 0 else { return "" }
    if DisplayWidth.of(safe) <= width { return safe }
    let ew = DisplayWidth.of(ellipsis)
    switch truncation {
    case .clip:
      let (head, used) = prefix(safe, columns: width)
      return head + spaces(width - used)
    case .ellipsis:
      guard width > ew else { return ew == width ? String(ellipsis) : spaces(width) }
      let (head, used) = prefix(safe, columns: width - ew)
      return head + String(ellipsis) + spaces(width - ew - used)
    case .leadingEllipsis:
      guard width > ew else { return ew == width ? String(ellipsis) : spaces(width) }
      let (tail, used) = suffix(safe, columns: width - ew)
      return spaces(width - ew - used) + String(ellipsis) + tail
    }
  }

  /// `text` fitted to `width` columns and padded with spaces to exactly `width`.
  public static func pad(
    _ text: some StringProtocol, to width: Int, align: TextAlignment = .left,
    truncation: Truncation = .ellipsis, ellipsis: Character = defaultEllipsis
  ) -> String {
    guard width > 0 else { return "" }
    let fitted = fit(text, width: width, truncation: truncation, ellipsis: ellipsis)
    let gap = width - DisplayWidth.of(fitted)
    switch align {
    case .left: return fitted + spaces(gap)
    case .right: return spaces(gap) + fitted
    case .center: return spaces(gap / 2) + fitted + spaces(gap - gap / 2)
    }
  }

  /// The longest prefix of whole graphemes that fits in `columns`, and its width.
  /// Zero-width graphemes stay with the grapheme before them.
  static func prefix(_ s: String, columns: Int) -> (String, Int) {
    var out = ""
    var used = 0
    for c in s {
      let w = DisplayWidth.of(c)
      if used + w > columns { break }
      out.append(c)
      used += w
    }
    return (out, used)
  }

  /// The longest suffix of whole graphemes that fits in `columns`, and its width. It always
  /// starts at a grapheme with width, so zero-width graphemes keep their base.
  static func suffix(_ s: String, columns: Int) -> (String, Int) {
    var start = s.endIndex
    var used = 0
    var i = s.endIndex
    while i > s.startIndex {
      i = s.index(before: i)
      let w = DisplayWidth.of(s[i])
      if w == 0 { continue }
      if used + w > columns { break }
      used += w
      start = i
    }
    return (String(s[start...]), used)
  }

  static func spaces(_ n: Int) -> String {
    n > 0 ? String(repeating: " ", count: n) : ""
  }
}
