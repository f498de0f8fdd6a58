import Testing

@testable import CampaignKit

/// The standing adds up through flat arrays laid out once per campaign (`StandingLayout`) and
/// reads by id through `IDTable`. These tests hold it to the definition, written out here the
/// plain way (a dictionary per aggregate, every indicator walked in order), on a generated
/// campaign and on the awkward cases: a supporter named twice, the lead named as a supporter,
/// an owner that is not a responsible unit.
@Suite struct StandingLayoutTests {
  /// A generated campaign twice the bundled size, decoded in memory.
  static func generated() throws -> Campaign {
    let files = CampaignGenerator.files(.scaled(2, seed: 3)).map { f -> DecodedFile in
      let kind = CampaignSource.kind(of: f.path)!
      return FileDecoder.decode(path: f.path, kind: kind, bytes: Array(f.contents.utf8))
    }
    let r = CampaignAssembler.assemble(files)
    guard let c = r.campaign, r.errors.isEmpty else {
      throw Fixtures.FixtureError(description: "the generated campaign did not load: \(r.errors)")
    }
    return c
  }

  /// The aggregates as the definition states them, with dictionaries keyed by id.
  struct Plain {
    var subCommands: [String: Aggregate] = [:]
    var categories: [String: Aggregate] = [:]
    var items: [String: Aggregate] = [:]
    var led: [String: Aggregate] = [:]
    var supported: [String: Aggregate] = [:]
    var ledger: [String: Rectification] = [:]

    init(_ c: Campaign, _ s: Standing) {
      let units = Set(c.units.map(\.id))
      for (i, ind) in c.indicators.enumerated() {
        let x = s.indicators[i]
        subCommands[ind.subCommand, default: Aggregate()].add(x, deadline: ind.deadline)
        categories[ind.categoryID, default: Aggregate()].add(x, deadline: ind.deadline)
        items[ind.itemID, default: Aggregate()].add(x, deadline: ind.deadline)
        if let l = ind.lead, units.contains(l) { led[l, default: Aggregate()].add(x, deadline: ind.deadline) }
        for sup in Set(ind.support) where sup != ind.lead && units.contains(sup) {
          supported[sup, default: Aggregate()].add(x, deadline: ind.deadline)
        }
      }
      for p in c.problems where p.found <= s.asOf && units.contains(p.unit) {
        ledger[p.unit, default: Rectification()].add(p, on: s.asOf)
      }
    }
  }

  func expectMatches(_ c: Campaign, _ s: Standing) {
    let plain = Plain(c, s)
    #expect(s.subCommands.count == plain.subCommands.count)
    for (id, a) in plain.subCommands { #expect(s.subCommands[id] == a, "sub-command \(id)") }
    for (id, a) in plain.categories { #expect(s.categories[id] == a, "category \(id)") }
    for (id, a) in plain.items { #expect(s.items[id] == a, "item \(id)") }
    #expect(s.units.count == Set(c.units.map(\.id)).count)
    for u in c.units {
      let us = s.unit(u.id)
      #expect(us.led == (plain.led[u.id] ?? Aggregate()), "led by \(u.id)")
      #expect(us.supported == (plain.supported[u.id] ?? Aggregate()), "supported by \(u.id)")
      #expect(us.rectification == (plain.ledger[u.id] ?? Rectification()), "ledger of \(u.id)")
      #expect(us.tasks == c.tasks.indices.filter { c.tasks[$0].lead == u.id }, "tasks of \(u.id)")
    }
    // Iterating a table gives every id once, with the value the subscript gives.
    var seen: Set<String> = []
    for (id, a) in s.subCommands {
      #expect(seen.insert(id).inserted)
      #expect(s.subCommands[id] == a)
    }
    #expect(seen == Set(plain.subCommands.keys))
  }

  @Test func aGeneratedCampaignAddsUpAsDefinedOnEveryWeek() throws {
    let c = try Self.generated()
    var day = c.info.start
    while day <= c.info.end {
      expectMatches(c, Standing(campaign: c, asOf: day))
      day = day + 28
    }
  }

  @Test func supportersCountOnceNeverTheLeadAndOnlyUnits() throws {
    let base = try Fixtures.campaign("minimal")
    let unitIDs = base.units.map(\.id)
    try #require(unitIDs.count >= 2)
    let lead = unitIDs[0]
    let other = unitIDs[1]
    let nonUnit = base.nodes.first { !$0.kind.isUnit }!.id
    var categories = base.categories
    var ind = categories[0].items[0].indicators[0]
    ind.lead = lead
    ind.support = [other, lead, other, nonUnit, "nobody"]
    categories[0].items[0].indicators[0] = ind
    let c = Campaign(
      info: base.info, nodes: base.nodes, categories: categories, tasks: base.tasks, problems: base.problems,
      reportFiles: base.reportFiles)
    let s = Standing(campaign: c, asOf: c.info.end)
    expectMatches(c, s)
    let first = s.indicators[0]
    #expect(s.unit(other).supported.points >= first.points)
    #expect(s.unit(nonUnit).supported == Aggregate())
    #expect(s.units[nonUnit] == nil)
    #expect(s.units["nobody"] == nil)
  }

  @Test func theLatestValueIsTheLastEntryOnOrBeforeTheDay() throws {
    let c = try Self.generated()
    let all = c.series
    for (i, ind) in c.indicators.enumerated().prefix(200) {
      let points = all[.indicator(ind.id)] ?? []
      for day in [c.info.start, c.info.start + 100, c.info.end] {
        let plain = points.last { $0.date <= day }
        let samples = c.indicatorSeries[i]
        #expect(Campaign.latestIndex(in: samples, on: day).map { c.point(samples[$0]) } == plain)
        #expect(c.latest(.indicator(ind.id), on: day) == plain)
      }
    }
  }
}
