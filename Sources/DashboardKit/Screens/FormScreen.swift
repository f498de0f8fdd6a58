import CampaignKit

/// Draws the entry form (``EntryForm``) over the page: what it is for (the indicator or task
/// with its lead unit and measure, or the problem), one line per field with the focused one
/// marked and a cursor, the refusal in the error colour, and the form's keys.
enum FormScreen {
  static func draw(_ c: inout Canvas, form: EntryForm, data: DashboardData, s: Strings, glyphs: GlyphSet) {
    let (title, about) = describe(form.purpose, data.campaign, s: s)
    let labelWidth = form.fields.map { DisplayWidth.of(s.fieldLabel($0.name)) }.max() ?? 4
    let width = min(c.width - 4, 72)
    let height = 2 + 1 + 1 + form.fields.count + 1 + 1 + 1
    let rect = c.bounds.centered(width: width, height: height)
    Box.draw(into: &c, rect: rect, title: title, glyphs: glyphs)
    let x = rect.x + 2
    let inner = rect.width - 4
    var y = rect.y + 1
    c.draw(SafeText.sanitize(about), x: x, y: y, maxWidth: inner, role: .dim, ellipsis: glyphs.ellipsis)
    y += 2
    for (i, f) in form.fields.enumerated() {
      let focused = i == form.focus
      let label = TextLayout.pad(s.fieldLabel(f.name), to: labelWidth)
      c.draw(
        (focused ? String(glyphs.selectionMarker) : " ") + " " + label, x: x, y: y,
        role: focused ? .key : .dim)
      let fieldX = x + 3 + labelWidth
      let text = SafeText.sanitize(f.text) + (focused ? "_" : "")
      // The end of a long entry stays in view: the part being typed matters.
      let room = max(1, rect.maxX - 2 - fieldX)
      let shown = DisplayWidth.of(text) > room ? TextLayout.suffix(text, columns: room).0 : text
      c.draw(shown, x: fieldX, y: y, maxWidth: room, role: focused ? .selection : .text)
      y += 1
    }
    y += 1
    if let e = form.error {
      c.draw(SafeText.sanitize(e), x: x, y: y, maxWidth: inner, role: .error, ellipsis: glyphs.ellipsis)
    }
    c.draw(s.formKeys, x: x, y: rect.maxY - 2, maxWidth: inner, role: .dim, ellipsis: glyphs.ellipsis)
  }

  /// The form's title and the line saying what it writes.
  static func describe(_ p: EntryForm.Purpose, _ c: Campaign, s: Strings) -> (String, String) {
    switch p {
    case .report(let subject):
      let (name, lead, measure): (String, String?, Measure?) =
        switch subject {
        case .indicator(let id):
          (c.indicator(id)?.name ?? id, c.indicator(id)?.lead, c.indicator(id)?.measure)
        case .task(let id): (c.task(id)?.name ?? id, c.task(id)?.lead, c.task(id)?.measure)
        }
      let unit = lead.flatMap(c.node)?.name ?? lead ?? s.none
      let target = measure.map {
        "\(s.formTarget) \(Format.value($0.target))\($0.unit.isEmpty ? "" : " " + $0.unit)"
      }
      return (s.enterValueTitle, [name, unit, target].compactMap { $0 }.joined(separator: " · "))
    case .fix(let id), .verify(let id), .reopen(let id):
      let title =
        switch p {
        case .fix: s.markFixedTitle
        case .verify: s.verifyTitle
        default: s.reopenTitle
        }
      guard let prob = c.problems.first(where: { $0.id == id }) else { return (title, id) }
      let unit = c.node(prob.unit)?.name ?? prob.unit
      return (title, "\(id) · \(prob.kind) · \(prob.place) · \(unit)")
    }
  }
}
