/// ASCII stand-ins for the East Asian *ambiguous-width* punctuation the screens use (…, ·, —,
/// arrows). A terminal or printer set up for CJK draws those two columns wide, which shifts
/// every column after them; ASCII mode replaces them cell by cell, so the layout computed at
/// one column each stays true. Box drawing, bars and status glyphs come from `GlyphSet.ascii`.
public enum AsciiFallback {
  static let table: [String: String] = [
    "…": "~", "·": ".", "—": "-", "–": "-", "→": ">", "←": "<", "↑": "^", "↓": "v", "›": ">", "‹": "<",
    "×": "x", "▏": "|", "⚠": "!", "°": "o", "“": "\"", "”": "\"", "‘": "'", "’": "'",
  ]

  /// The ASCII stand-in for a one-column cell's text, or nil when it needs none.
  public static func replacement(for text: String) -> String? { table[text] }
}

extension Canvas {
  /// Replaces ambiguous-width punctuation with ASCII (see ``AsciiFallback``).
  public mutating func applyAsciiFallback() {
    for i in cells.indices where cells[i].width == 1 {
      if let r = AsciiFallback.replacement(for: cells[i].text) { cells[i].text = r }
    }
  }
}
