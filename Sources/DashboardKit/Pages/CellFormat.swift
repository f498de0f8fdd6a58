import CampaignKit

/// How a sink writes a ``PageCell`` as text. One place for every figure's wording, so the
/// screen and paper say the same thing at their own precision: the screen rounds shares to
/// whole percents and uses short names below 100 columns; paper writes one decimal and full
/// names.
struct CellFormat {
  enum Medium { case screen, paper }
  let s: Strings
  let glyphs: GlyphSet
  let medium: Medium
  /// Below 100 columns: short names, changes without their unit.
  let narrow: Bool

  init(s: Strings, glyphs: GlyphSet, medium: Medium, width: Int = 100) {
    self.s = s
    self.glyphs = glyphs
    self.medium = medium
    narrow = medium == .screen && width < 100
  }

  var percentDigits: Int { medium == .paper ? 1 : 0 }

  /// The cell as text (a bar as its percentage on paper, nothing on screen, where it is drawn).
  func text(_ cell: PageCell) -> String {
    switch cell {
    case .text(let t, _): return t
    case .name(let full, let short, _): return narrow ? (short ?? full) : full
    case .tree(let t, let isLast, _):
      guard medium == .screen else { return t }
      return TreeGuides.prefix(isLast: isLast, glyphs: glyphs) + t
    case .key(let k): return "[\(k)]"
    case .bar(let p, _, _):
      return medium == .paper ? p.map { Format.percent($0, digits: 1) } ?? s.status(.notReported) : ""
    case .percent(let p, _): return Format.rate(p, digits: percentDigits)
    case .status(let m): return String(glyphs.statusGlyph(m)) + " " + s.status(m)
    case .delta(let d, let unit): return delta(d, unit)
    case .date(let d, _): return medium == .paper ? d.description : Format.shortDate(d)
    case .points(let p, let of):
      // Alone, the column header says what they are (分值); earned of possible keeps a decimal.
      return of.map { "\(Format.fixed(p, 1))/\(Format.points($0))" } ?? Format.points(p)
    case .count(let n, _): return "\(n)"
    case .ratio(let a, let b): return "\(a)/\(b)"
    case .value(let v, let unit):
      guard let v else { return "—" }
      return unit.isEmpty ? Format.value(v) : "\(Format.value(v)) \(unit)"
    case .sparkline(let values, _): return Sparkline(values, scale: .unit, glyphs: glyphs).text
    case .empty: return ""
    }
  }

  /// A change in its own signs (never a status glyph): `+0.4分`, `-2.5百分点`, `+3`; `—` when
  /// nothing moved at the shown precision; empty when there is nothing to compare with.
  func delta(_ d: Double?, _ unit: PageCell.DeltaUnit) -> String {
    guard let d else { return "" }
    switch unit {
    case .points:
      let digits = abs(d) < 0.05 ? 2 : 1
      guard let t = Format.signed(d, digits) else { return "—" }
      return narrow ? t : t + s.pointsUnit
    case .percentPoints:
      // Always with its unit: a bare number in a change column means points.
      guard let t = Format.signed(d * 100, 1) else { return "—" }
      return t + s.percentPoints
    case .places:
      return Format.signed(d, 0) ?? "—"
    }
  }

  /// The role a cell's text is drawn in on screen.
  func role(_ cell: PageCell, row: StyleRole) -> StyleRole {
    switch cell {
    case .text(_, let r), .name(_, _, let r), .tree(_, _, let r), .percent(_, let r), .date(_, let r),
      .count(_, let r):
      return r ?? row
    case .key: return .key
    case .status(let m): return m.role
    case .delta(let d, _):
      guard let d, !delta(d, .points).isEmpty, delta(d, .points) != "—" else { return .dim }
      return d > 0 ? .deltaUp : .deltaDown
    case .points, .ratio, .value: return .dim
    case .sparkline(_, let m): return m?.role ?? .text
    case .bar, .empty: return row
    }
  }

  /// The display width a cell wants on screen (for sizing only: drawing sanitises and clips,
  /// so the text is measured as it is, which keeps laying out 10,000 rows cheap).
  func naturalWidth(_ cell: PageCell) -> Int {
    switch cell {
    case .bar: return 8
    case .empty: return 0
    case .count(let n, _): return n < 0 ? 2 : n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : 6
    // Text measured where it is, without building the cell's string.
    case .text(let t, _): return DisplayWidth.of(t)
    case .name(let full, let short, _): return DisplayWidth.of(narrow ? (short ?? full) : full)
    default: return DisplayWidth.of(text(cell))
    }
  }
}

/// The raw figure of a cell for JSON: fractions 0…1, points, counts, ISO dates, status codes.
enum CellJSON {
  static func value(_ cell: PageCell) -> JSONValue {
    switch cell {
    case .text(let t, _), .tree(let t, _, _): return .string(t)
    case .name(let full, _, _): return .string(full)
    case .key(let k): return .number(Double(k))
    case .bar(let p, let m, _):
      return .object(pairs: [
        ("progress", p.map(JSONValue.number) ?? .null), ("status", m.map { .string($0.code) } ?? .null),
      ])
    case .percent(let p, _): return p.map(JSONValue.number) ?? .null
    case .status(let m): return .string(m.code)
    case .delta(let d, _): return d.map(JSONValue.number) ?? .null
    case .date(let d, _): return .string(d.description)
    case .points(let p, let of):
      return of.map { .object(pairs: [("earned", .number(p)), ("points", .number($0))]) } ?? .number(p)
    case .count(let n, _): return .number(Double(n))
    case .ratio(let a, let b):
      return .object(pairs: [("part", .number(Double(a))), ("of", .number(Double(b)))])
    case .value(let v, _): return v.map(JSONValue.number) ?? .null
    case .sparkline(let values, _): return .array(values: values.map { $0.map(JSONValue.number) ?? .null })
    case .empty: return .null
    }
  }
}
