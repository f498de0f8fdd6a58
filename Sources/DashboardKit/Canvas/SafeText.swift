/// Makes untrusted data text (names, titles, notes from JSON files) safe to put on a Canvas.
///
/// Everything on screen ultimately becomes bytes sent to a terminal, so a string from the data
/// must never be able to move the cursor, clear the screen, change colours, reorder text
/// (bidi "Trojan Source" tricks) or hide characters. Rather than dropping such characters, we
/// replace each one with a visible mark, so a clerk can see that the data is odd and fix it.
///
/// The replacement is U+FFFD `�`:
/// - it means "a character was replaced here" in every font and tool, so it is not mistaken
///   for data; `·` is not used because it is real punctuation in Chinese names (`阿卜杜·热合曼`);
/// - glibc's `wcwidth` gives it 1, so rows stay aligned;
/// - an escape sequence such as `ESC [2J` becomes the inert text `�[2J`.
///
/// What is replaced (see `WidthTables.replaced`): C0 controls (including tab, newline, CR,
/// ESC), DEL, C1 controls, U+2028/2029, and format characters (bidi embeddings, overrides,
/// isolates and marks, zero-width space, word joiner, BOM, invisible operators, tags). ZWJ and
/// ZWNJ are kept (emoji sequences and some scripts need them); tag characters are kept inside
/// a black-flag emoji sequence (subdivision flags such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿).
///
/// Two more rules keep every grapheme drawable in a cell:
/// - a combining mark with nothing to attach to (at the start of the text) is shown on a dotted
///   circle `◌`, the Unicode convention for a lone mark;
/// - a grapheme is cut to ``maxScalarsPerGrapheme`` scalars (defeats "Zalgo" text whose
///   stacked marks would spill over neighbouring rows; real emoji sequences are shorter).
public enum SafeText {
  /// The visible glyph that stands for a replaced character.
  public static let replacement: Character = "\u{FFFD}"
  /// Longest grapheme kept, in scalars; the longest RGI emoji ZWJ sequence has 10.
  public static let maxScalarsPerGrapheme = 16

  /// Whether `scalar` would be replaced.
  public static func isReplaced(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }
    if v < 0xAD { return false }
    return DisplayWidth.inRanges(WidthTables.replaced, v)
  }

  /// The text with every unsafe character replaced; unchanged (and not copied) when already
  /// safe, which is the common case.
  public static func sanitize(_ text: some StringProtocol) -> String {
    // Plain text (ASCII, Latin-1, CJK and its punctuation, each scalar its own grapheme):
    // nothing to replace, no lone mark to support.
    if isPlainASCII(text) || DisplayWidth.plainWidth(text.utf8) != nil { return String(text) }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var first = true
    for c in text {
      appendSafe(c, to: &out, atStart: first)
      first = false
    }
    return out
  }

  /// Whether the text is printable ASCII only (nothing to do).
  static func isPlainASCII(_ text: some StringProtocol) -> Bool {
    for b in text.utf8 where b < 0x20 || b >= 0x7F { return false }
    return true
  }

  static func appendSafe(_ c: Character, to out: inout String, atStart: Bool) {
    let scalars = c.unicodeScalars
    let isFlagTagSequence = scalars.first?.value == 0x1F3F4
    if atStart, let f = scalars.first, DisplayWidth.of(scalar: f) == 0 {
      out.unicodeScalars.append("\u{25CC}")
    }
    var kept = 0
    for s in scalars {
      if isReplaced(s) && !(isFlagTagSequence && (0xE0020...0xE007F).contains(s.value)) {
        out.append(replacement)
      } else if kept < maxScalarsPerGrapheme {
        out.unicodeScalars.append(s)
      } else {
        continue
      }
      kept += 1
    }
  }
}
