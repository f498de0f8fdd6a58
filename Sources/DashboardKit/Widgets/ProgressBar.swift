/// A progress bar: `✓ ████████▍░░░  73%`: status glyph, bar, percentage.
///
/// The bar has eighth-block resolution with ``GlyphSet/unicode`` (half-cell with ASCII). The fill
/// is painted in the status role and the rest in `.barTrack` with a visible track glyph, and a
/// status glyph leads the bar, so status and extent both read without colour (projectors wash
/// colours out; printed circulars are greyscale).
///
/// Rounding is deterministic and never flatters: the filled extent is rounded *down*, a full
/// bar (and `100%`) means exactly done, and any progress above zero shows at least one unit.
/// Non-finite fractions (NaN from 0/0 upstream) show as 0; others are clamped to 0…1.
public struct ProgressBar: Sendable, Equatable {
  public var fraction: Double
  /// Colours the fill and picks the leading glyph; `nil` draws a neutral bar with no glyph.
  public var status: StatusMark?
  public var showsPercent: Bool
  public var showsGlyph: Bool
  public var glyphs: GlyphSet

  public init(
    fraction: Double, status: StatusMark? = nil, showsPercent: Bool = true, showsGlyph: Bool = true,
    glyphs: GlyphSet = .unicode
  ) {
    self.fraction = fraction
    self.status = status
    self.showsPercent = showsPercent
    self.showsGlyph = showsGlyph
    self.glyphs = glyphs
  }

  /// Width of the percentage text, e.g. `" 73%"`, `"100%"`.
  public static let percentWidth = 4

  /// `fraction` made safe to draw: NaN and infinities become 0, the rest is clamped to 0…1.
  public static func clamped(_ fraction: Double) -> Double {
    guard fraction.isFinite else { return 0 }
    return min(1, max(0, fraction))
  }

  /// Number of filled sub-cell units out of `cells * resolution`.
  public static func filledUnits(fraction: Double, cells: Int, resolution: Int) -> Int {
    let total = max(0, cells) * max(1, resolution)
    guard total > 0 else { return 0 }
    let f = clamped(fraction)
    if f >= 1 { return total }
    if f <= 0 { return 0 }
    // The epsilon absorbs binary noise such as 0.57 * 100 == 56.99999999999999.
    // Int() truncates, which is floor for these non-negative values (and needs no libm).
    let units = Int(f * Double(total) + 1e-9)
    return min(max(units, 1), total - 1)
  }

  /// The percentage, right-aligned in 4 columns: `"  0%"`, `" 73%"`, `"100%"`; rounded
  /// down so that only a finished item says 100%.
  public static func percentText(_ fraction: Double) -> String {
    let f = clamped(fraction)
    var p = Int(f * 100 + 1e-9)
    if f < 1 { p = min(p, 99) }
    return TextLayout.pad(String(p) + "%", to: percentWidth, align: .right)
  }

  /// The bar part alone as cells, `cells` wide.
  public func barCells(width cells: Int) -> [Cell] {
    guard cells > 0 else { return [] }
    let res = glyphs.barResolution
    let units = Self.filledUnits(fraction: fraction, cells: cells, resolution: res)
    let fillRole = status?.role ?? .text
    var out: [Cell] = []
    out.reserveCapacity(cells)
    let full = units / res
    let part = units % res
    for _ in 0..<full { out.append(Cell(text: String(glyphs.barFull), width: 1, role: fillRole)) }
    if part > 0 {
      out.append(Cell(text: String(glyphs.barPartials[part - 1]), width: 1, role: fillRole))
    }
    while out.count < cells {
      out.append(Cell(text: String(glyphs.barTrack), width: 1, role: .barTrack))
    }
    return out
  }

  /// Draws glyph, bar and percentage in exactly `width` columns from (`x`, `y`). When the
  /// width is tight the percentage goes first, then the glyph; the bar always stays.
  public func draw(into canvas: inout Canvas, x: Int, y: Int, width: Int) {
    guard width > 0 else { return }
    var glyph = showsGlyph && status != nil
    var percent = showsPercent
    if percent && width - (glyph ? 2 : 0) - Self.percentWidth < 3 { percent = false }
    if glyph && width - 2 < 1 { glyph = false }
    var col = x
    if glyph, let status {
      canvas.put(
        Cell(text: String(glyphs.statusGlyph(status)), width: 1, role: status.role), x: col, y: y)
      canvas.put(Cell(text: " ", width: 1, role: .text), x: col + 1, y: y)
      col += 2
    }
    let barWidth = width - (col - x) - (percent ? Self.percentWidth : 0)
    for cell in barCells(width: barWidth) {
      canvas.put(cell, x: col, y: y)
      col += 1
    }
    if percent {
      canvas.draw(Self.percentText(fraction), x: col, y: y, role: .text, truncation: .clip)
    }
  }
}
