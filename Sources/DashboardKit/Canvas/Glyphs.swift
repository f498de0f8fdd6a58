/// Every non-letter glyph the dashboard draws, in two variants.
///
/// `.unicode` looks best on a modern UTF-8 terminal and on paper. `.ascii` exists because box
/// drawing, blocks, `…` and the status shapes are East Asian *ambiguous* width: terminals (and
/// fonts, printers) configured for CJK draw them two columns wide, which shears every row;
/// ASCII is the same width everywhere, and also survives a non-UTF-8 locale.
///
/// Every glyph in `.unicode` has glibc `wcwidth` 1 (tested), so the Canvas and ncurses agree.
public struct GlyphSet: Sendable, Equatable {
  public var isASCII: Bool

  // Boxes (overlays, toasts, panels).
  public var horizontal: Character
  public var vertical: Character
  public var topLeft: Character
  public var topRight: Character
  public var bottomLeft: Character
  public var bottomRight: Character

  // Tree guides: each is exactly 3 columns.
  /// A child with siblings after it: `├─ `.
  public var treeBranch: String
  /// The last child: `└─ `.
  public var treeLast: String
  /// An ancestor level that still has children below: `│  `.
  public var treeVertical: String
  /// An ancestor level that is finished: three spaces.
  public var treeSpace: String

  // Bars.
  /// A full bar cell.
  public var barFull: Character
  /// Partial cells for 1…(n) sub-cell units, smallest first; `barPartials.count + 1` units make
  /// one cell (8 for the Unicode eighth blocks, 2 for ASCII halves).
  public var barPartials: [Character]
  /// The empty part of a bar, so a bar reads without colour too.
  public var barTrack: Character

  /// Sparkline levels, lowest first.
  public var sparkLevels: [Character]
  /// A missing value in a sparkline.
  public var sparkGap: Character

  public var arrowUp: Character
  public var arrowDown: Character
  public var arrowRight: Character
  public var ellipsis: Character
  /// Between breadcrumb segments, spaces included.
  public var breadcrumbSeparator: String
  /// Marks the selected row in lists that are printed without colour.
  public var selectionMarker: Character

  /// The glyph that shows a status without colour; see ``statusGlyph(_:)``.
  public var statusGlyphs: [Character]

  /// Units per bar cell (8 or 2).
  public var barResolution: Int { barPartials.count + 1 }

  /// The glyph of a status mark, indexed by its raw value (done, onTrack, behind, atRisk,
  /// overdue, notReported).
  public func statusGlyph(_ mark: StatusMark) -> Character { statusGlyphs[mark.rawValue] }

  public static let unicode = GlyphSet(
    isASCII: false,
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
    bottomLeft: "└", bottomRight: "┘",
    treeBranch: "├─ ", treeLast: "└─ ", treeVertical: "│  ", treeSpace: "   ",
    barFull: "█", barPartials: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], barTrack: "░",
    sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], sparkGap: " ",
    arrowUp: "▲", arrowDown: "▼", arrowRight: "▶", ellipsis: "…",
    breadcrumbSeparator: " › ", selectionMarker: "▶",
    // ✓ done, ● on track (solid: all good), ◐ behind (half), ▲ at risk (warning), ✗ overdue,
    // ○ not reported (empty: no figure yet).
    statusGlyphs: ["✓", "●", "◐", "▲", "✗", "○"]
  )

  public static let ascii = GlyphSet(
    isASCII: true,
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
    bottomLeft: "+", bottomRight: "+",
    treeBranch: "|- ", treeLast: "`- ", treeVertical: "|  ", treeSpace: "   ",
    barFull: "#", barPartials: ["="], barTrack: ".",
    sparkLevels: ["_", ".", "-", "=", "^"], sparkGap: " ",
    arrowUp: "^", arrowDown: "v", arrowRight: ">", ellipsis: "~",
    breadcrumbSeparator: " > ", selectionMarker: ">",
    // No minus sign for "behind": next to a count it would read as a negative number.
    statusGlyphs: ["v", "o", "*", "!", "x", "?"]
  )
}
