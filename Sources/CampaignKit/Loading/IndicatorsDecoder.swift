/// `indicators.json`: categories > items > indicators.
enum IndicatorsDecoder {
  static func decode(_ top: ObjectReader, ctx: DecodeContext) -> [Category] {
    var categories: [Category] = []
    for element in top.array("categories") ?? [] {
      guard let c = ObjectReader.make(element, diag: ctx.diag) else { continue }
      defer { c.finish() }
      let id = ctx.id(c, space: .category)
      let name = c.string("name")
      let short = c.string("short", required: false)
      var items: [Item] = []
      for element in c.array("items") ?? [] {
        guard let ir = ObjectReader.make(element, diag: ctx.diag) else { continue }
        defer { ir.finish() }
        let iid = ctx.id(ir, space: .item)
        let iname = ir.string("name")
        var indicators: [Indicator] = []
        for element in ir.array("indicators") ?? [] {
          if let indicator = decodeIndicator(element, ctx: ctx) { indicators.append(indicator) }
        }
        if let iid, let iname { items.append(Item(id: iid, name: iname, indicators: indicators)) }
      }
      if let id, let name { categories.append(Category(id: id, name: name, short: short, items: items)) }
    }
    return categories
  }

  static func decodeIndicator(_ element: ObjectReader.Element, ctx: DecodeContext) -> Indicator? {
    guard let r = ObjectReader.make(element, diag: ctx.diag) else { return nil }
    defer { r.finish() }
    let id = ctx.id(r, space: .indicator)
    let name = r.string("name")
    let points = r.number("points", positive: true)
    let definition = r.string("definition", required: false, nonEmpty: false) ?? ""
    let measure = r.object("measure").flatMap { MeasureDecoder.decode($0, ctx: ctx) }
    let method = r.choice("method", as: AssessmentMethod.self)
    let deadline = ctx.periodDay(r, "deadline")
    let sub = ctx.reference(r, "subCommand", to: .subCommand)
    let lead = ctx.reference(r, "lead", to: .unit, required: false)
    let support = ctx.references(r, "support", to: .unit)
    guard let id, let name, let points, let measure, let method, let deadline, let sub else { return nil }
    return Indicator(
      id: id, name: name, points: points, definition: definition, measure: measure, method: method,
      deadline: deadline, subCommand: sub, lead: lead, support: support)
  }
}

/// A `measure` object, shared by indicators and tasks.
enum MeasureDecoder {
  static func decode(_ r: ObjectReader, ctx: DecodeContext) -> Measure? {
    defer { r.finish() }
    let kind = r.choice("kind", as: Measure.Kind.self)
    let unit = r.string("unit", required: false, nonEmpty: false) ?? ""
    let direction = r.choice("direction", required: false, as: Measure.Direction.self) ?? .up
    let isYesNo = kind == .yesno
    let baseline = r.number("baseline", required: !isYesNo) ?? (isYesNo ? 0 : nil)
    let target = r.number("target", required: !isYesNo) ?? (isYesNo ? 1 : nil)
    guard let kind, let baseline, let target else { return nil }
    if target == baseline {
      ctx.diag.error(
        "target equals baseline (\(formatNumber(target))), so progress cannot be measured; set the target to the value to reach",
        at: r.object["target"]?.position ?? r.position, path: r.path("target"))
      return nil
    }
    if direction == .up && target < baseline || direction == .down && target > baseline {
      let want = direction == .up ? "above" : "below"
      ctx.diag.error(
        "direction is \"\(direction.rawValue)\" but the target (\(formatNumber(target))) is not \(want) the baseline (\(formatNumber(baseline))); fix the target or the direction",
        at: r.object["target"]?.position ?? r.position, path: r.path("target"))
      return nil
    }
    let yesNoOK = direction == .up ? (baseline == 0 && target == 1) : (baseline == 1 && target == 0)
    if isYesNo && !yesNoOK {
      ctx.diag.error(
        "a yes/no measure goes from 0 to 1 (or from 1 to 0 with direction \"down\")", at: r.position,
        path: r.path)
      return nil
    }
    return Measure(kind: kind, unit: unit, baseline: baseline, target: target, direction: direction)
  }
}
