import CampaignKit

/// `--format json`: a page's model with raw figures, for other tools. It knows no page: the
/// score line, then the blocks in order — headings, facts, and tables whose rows are objects
/// keyed by the columns' keys (fractions 0…1, points, counts, ISO dates, status codes, see
/// ``CellJSON``), each with the id it shows and the view Enter opens. Written by `JSONWriter`,
/// so the same page always gives the same bytes.
enum PageJSON {
  typealias J = JSONValue

  static func write(_ doc: PageDocument, campaign: Campaign) -> String {
    let h = doc.header
    var pairs: [(String, J)] = [
      ("schema", "chuangwen-page/1"),
      ("campaign", .string(doc.campaignID)),
      ("title", .string(doc.title)),
      ("view", .string(doc.viewName)),
      ("asOf", .string("\(doc.asOf)")),
      ("daysLeft", .number(Double(doc.daysLeft))),
      (
        "total",
        .object(pairs: [
          ("earned", .number(h.earned)), ("points", .number(h.points)), ("progress", .number(h.progress)),
          ("status", .string(h.mark.code)),
          (
            "change",
            h.change.map {
              .object(pairs: [("points", .number($0.points)), ("progress", .number($0.progress))])
            }
              ?? .null
          ),
          ("counts", .object(pairs: StatusMark.allCases.map { ($0.code, .number(Double(h.count($0)))) })),
          ("needsAttention", .number(Double(h.needsAttention))),
        ])
      ),
      ("blocks", .array(values: doc.model.blocks.compactMap { block($0, campaign) })),
    ]
    if let stamp = doc.stamp { pairs.append(("generated", .string(stamp))) }
    return JSONWriter.write(.object(pairs: pairs))
  }

  static func block(_ b: PageModel.Block, _ campaign: Campaign) -> J? {
    switch b {
    case .gap: return nil
    case .heading(let text, let note):
      return .object(pairs: [("heading", .string(text)), ("note", note.isEmpty ? .null : .string(note))])
    case .paragraph(let text, _): return .object(pairs: [("paragraph", .string(text))])
    case .facts(let facts):
      return .object(pairs: [
        (
          "facts",
          .array(
            values: facts.map {
              .object(pairs: [("label", .string($0.label)), ("value", .string($0.value))])
            })
        )
      ])
    case .table(let t):
      return .object(pairs: [
        (
          "columns",
          .array(
            values: t.columns.map {
              .object(pairs: [("key", .string($0.key)), ("header", .string($0.header))])
            })
        ),
        (
          "rows",
          .array(
            values: t.rows.map { row in
              var pairs: [(String, J)] = [
                ("id", row.subject.map(J.string) ?? .null),
                (
                  "opens", row.target.map { .string(SnapshotViews.name(of: $0, campaign: campaign)) } ?? .null
                ),
              ]
              for (i, c) in row.cells.enumerated() where i < t.columns.count {
                pairs.append((t.columns[i].key, CellJSON.value(c)))
              }
              return .object(pairs: pairs)
            })
        ),
      ])
    }
  }
}
