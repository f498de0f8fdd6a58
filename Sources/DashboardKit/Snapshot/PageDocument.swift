import CampaignKit

/// A page ready for the writers that are not a grid of cells (Markdown, HTML, JSON): the
/// campaign's title, where the page sits, the score line, and the page's ``PageModel``.
struct PageDocument {
  var title: String
  var campaignID: String
  /// The breadcrumb path (指挥体系 › [3] 市场).
  var view: String
  /// The view's name as `--view` reads it (`subcommand:3`).
  var viewName: String
  var asOf: Day
  var daysLeft: Int
  var header: HeaderFigures
  var model: PageModel
  var stamp: String?
  var s: Strings

  var dateLine: String { "\(s.asOf) \(asOf) · \(s.daysLeft(daysLeft))" }

  /// The score line in words: `总分 97.5/134 · 72.8% · 较上次 +3.4分`.
  func scoreText(_ f: CellFormat) -> String {
    var out = "\(s.total) \(Format.points(header.earned))/\(Format.points(header.points))"
    out += " · " + Format.percent(header.progress, digits: 1)
    if let d = header.change {
      out += " · \(s.sinceLast) \(f.delta(d.points, .points)) (\(f.delta(d.progress, .percentPoints)))"
    }
    return out
  }

  /// The counts by mark: `✓完成 15 · ●正常 87 · … · 需关注 31`.
  var countsText: [(mark: StatusMark?, text: String)] {
    StatusMark.allCases.map { m in
      (m, "\(GlyphSet.unicode.statusGlyph(m))\(s.status(m)) \(header.count(m))")
    } + [(nil, "\(s.needsAttention) \(header.needsAttention)")]
  }
}
