import CampaignKit

/// What a page says, once: headings, facts and tables of typed cells, with no layout. Every
/// sink reads this one value — the screen (and the text/ANSI snapshot, which is the screen's
/// canvas) through ``PageScreen``, Markdown, HTML and JSON through their writers — so a figure
/// cannot mean one thing on the screen and another on paper. Builders live in `Pages/`, one
/// per page; sinks know no page.
public struct PageModel: Sendable {
  public var blocks: [Block] = []

  public enum Block: Sendable {
    /// A section heading, with a dim note after it.
    case heading(String, note: String = "")
    /// Label–value lines (a definition, a summary).
    case facts([Fact])
    case table(PageTable)
    /// A line of text (an empty-state message, a legend).
    case paragraph(String, role: StyleRole = .dim)
    /// Vertical space.
    case gap
  }

  public struct Fact: Sendable {
    public var label: String
    public var value: String
    public var role: StyleRole = .text
    /// Long prose (a definition, a description) wraps on screen; a one-line fact is cut.
    public var wraps = false
  }

  /// Every table of the page, in order.
  public var tables: [PageTable] {
    blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
  }

  mutating func heading(_ text: String, note: String = "") { blocks.append(.heading(text, note: note)) }
  mutating func fact(_ label: String, _ value: String, role: StyleRole = .text, wraps: Bool = false) {
    let fact = Fact(label: label, value: value, role: role, wraps: wraps)
    if case .facts(var list) = blocks.last {
      list.append(fact)
      blocks[blocks.count - 1] = .facts(list)
    } else {
      blocks.append(.facts([fact]))
    }
  }
  mutating func table(_ t: PageTable) { blocks.append(.table(t)) }
  mutating func paragraph(_ text: String, role: StyleRole = .dim) {
    blocks.append(.paragraph(text, role: role))
  }
  mutating func gap() { blocks.append(.gap) }
}

/// A table: columns with headers and width hints, rows of typed cells.
public struct PageTable: Sendable {
  public var columns: [PageColumn]
  public var rows: [PageRow]

  public init(_ columns: [PageColumn], rows: [PageRow] = []) {
    self.columns = columns
    self.rows = rows
  }
}

/// A column: its JSON key, its header, and how the screen sizes it. Width hints follow the
/// ``Table`` widget: `min` columns always, natural width up to `max`, `flex` shares of what is
/// left, and the highest `priority` is dropped first when even the minimums do not fit.
public struct PageColumn: Sendable {
  public var key: String
  public var header: String
  public var min: Int
  public var max: Int?
  public var flex: Int
  public var priority: Int
  public var align: TextAlignment

  public init(
    _ key: String, _ header: String, min: Int = 1, max: Int? = nil, flex: Int = 0, priority: Int = 0,
    align: TextAlignment = .left
  ) {
    self.key = key
    self.header = header
    self.min = min
    self.max = max
    self.flex = flex
    self.priority = priority
    self.align = align
  }
}

/// A row: its cells (one per column), the page Enter opens, the text `/` matches, and the id of
/// what it shows (for change highlighting and for tests comparing sinks).
public struct PageRow: Sendable {
  public var cells: [PageCell]
  public var target: Page?
  public var subject: String?
  public var filterText: String
  /// Whether the row can be selected (a heading row of a tree can be, a total row cannot).
  public var selectable: Bool
  /// The role of the row's text cells (a category row in `.title`).
  public var role: StyleRole

  public init(
    _ cells: [PageCell], target: Page? = nil, subject: String? = nil, filter: String = "",
    selectable: Bool = true, role: StyleRole = .text
  ) {
    self.cells = cells
    self.target = target
    self.subject = subject ?? target?.subjectID
    self.filterText = filter
    self.selectable = selectable
    self.role = role
  }
}

/// A typed cell. The raw figure is kept (fractions 0…1, points, counts, dates), so each sink
/// formats it its own way from the same number: the screen as `73%`, paper as `72.8%`, JSON as
/// `0.728`.
public enum PageCell: Sendable {
  /// Plain text in a role.
  case text(String, role: StyleRole? = nil)
  /// A name: the full one where it fits, the short one on a narrow screen (one rule, every page).
  case name(String, short: String?, role: StyleRole? = nil)
  /// A row of a tree: `isLast` holds, for each level below the root, whether that ancestor (the
  /// last entry: the row itself) is its parent's last child (see ``TreeGuides``).
  case tree(String, isLast: [Bool], role: StyleRole? = nil)
  /// A sub-command's key, `[3]`.
  case key(Int)
  /// A progress bar; nil progress (未报送) draws an empty track. `mark` colours it; `glyph` puts
  /// the mark's glyph before it (for tables without a status column).
  case bar(Double?, mark: StatusMark?, glyph: Bool = false)
  /// A share (progress, rate) as a percentage; nil shows `—`.
  case percent(Double?, role: StyleRole? = nil)
  /// A status: glyph and word.
  case status(StatusMark)
  /// A change: nil when there is nothing to compare with.
  case delta(Double?, unit: DeltaUnit)
  case date(Day, role: StyleRole? = nil)
  /// Points, or earned of possible points.
  case points(Double, of: Double?)
  case count(Int, role: StyleRole? = nil)
  /// A part of a whole, `166/208`.
  case ratio(Int, Int)
  /// A measured value with its unit; nil shows `—`.
  case value(Double?, unit: String)
  /// Weekly fractions; nil is a week with no report (an empty cell).
  case sparkline([Double?], mark: StatusMark?)
  case empty

  /// What a change is counted in.
  public enum DeltaUnit: Sendable {
    /// Points (分).
    case points
    /// Percentage points of a share (百分点); the raw value is a fraction.
    case percentPoints
    /// Places in a ranking (up is better).
    case places
  }
}
