import CampaignKit

/// A view as a document — headings, facts and tables — for the writers that are not a grid of
/// cells (Markdown, HTML). It holds no layout: no widths, no positions. Its rows are the rows of
/// the screen page, in the screen's order, with texts made by the same formatting code
/// (`Format`, `Strings`, the pages' sort functions); a test checks that the row subjects match
/// the screen's line for line.
public struct SnapshotDocument: Sendable {
  /// The campaign's title.
  public var title: String
  /// The page's name (the breadcrumb path, e.g. "指挥体系 › [3] 市场").
  public var view: String
  /// As-of date and days left.
  public var dateLine: String
  /// The score line of the header: total points, bar, counts by status.
  public var total: Fact
  public var counts: [Fact]
  public var sections: [Section]
  /// Set only when asked for (`--stamp`).
  public var stamp: String?
  public var language: Language

  public struct Section: Sendable {
    public var heading: String
    public var note: String = ""
    public var blocks: [Block] = []
    /// Starts a new printed page (HTML) — the large sections of a long view.
    public var pageBreak = false
  }

  public enum Block: Sendable {
    case facts([Fact])
    case table(Table)
    case paragraph(String)
  }

  /// A label and its value; `bar` and `status` when the value is a progress.
  public struct Fact: Sendable {
    public var label: String
    public var value: String
    public var bar: Double? = nil
    public var status: Status? = nil
  }

  public struct Table: Sendable {
    public var columns: [Column]
    public var rows: [Row]
  }

  public struct Column: Sendable {
    public var title: String
    public var numeric = false
  }

  public struct Row: Sendable {
    /// The id of what the row shows (as `ScreenLine.subject`), nil for rows without one.
    public var subject: String?
    public var cells: [Value]
  }

  public enum Value: Sendable {
    case text(String)
    /// A progress bar: fraction drawn, and the percentage text shown beside it.
    case bar(Double, Status?, String)
    /// A status: glyph and label.
    case status(Status)
    /// A number or signed change, styled by sign.
    case number(String)
  }

  /// The subjects of all table rows, in order (compared with the screen's lines in tests).
  public var subjects: [String] {
    sections.flatMap { s in
      s.blocks.flatMap { b -> [String] in
        if case .table(let t) = b { return t.rows.compactMap(\.subject) }
        return []
      }
    }
  }
}
