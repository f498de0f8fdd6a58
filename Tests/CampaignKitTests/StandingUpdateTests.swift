import CampaignKit
import Foundation
import Testing

/// A standing updated after a reload of report files (what the live dashboard does) must be the
/// standing computed afresh on the new campaign, to the last bit, on dates before, at and after
/// the changed entries.
@Suite struct StandingUpdateTests {
  static func expectSame(_ a: Standing, _ b: Standing, _ note: String) {
    #expect(a.asOf == b.asOf && a.daysLeft == b.daysLeft, "\(note)")
    #expect(a.indicators == b.indicators, "\(note)")
    #expect(a.tasks == b.tasks, "\(note)")
    #expect(a.total == b.total, "\(note)")
    #expect(a.subCommands.values == b.subCommands.values, "\(note)")
    #expect(a.categories.values == b.categories.values, "\(note)")
    #expect(a.items.values == b.items.values, "\(note)")
    #expect(a.units.values == b.units.values, "\(note)")
    #expect(a.grids == b.grids, "\(note)")
  }

  @Test func updatedStandingsEqualFreshOnes() throws {
    let dir = try Fixtures.copy("hongjiang")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let source = CampaignSource(directory: dir)
    var before = try #require(source.result.campaign)
    let asOf = before.info.defaultAsOf
    let days = [asOf - 21, asOf - 3, asOf, asOf + 7]
    var standings = days.map { Standing(campaign: before, asOf: $0) }
    let task = try #require(before.tasks.first)
    let steps: [(String, String?)] = [
      (
        "reports/u-cgj-zz.json",
        #"{ "schema": "chuangwen/1", "unit": "u-cgj", "entries": [ { "date": "\#(asOf - 2)", "indicator": "c6-1-2", "value": 95 } ] }"#
      ),
      (
        "reports/u-cgj-zz.json",
        #"{ "schema": "chuangwen/1", "unit": "u-cgj", "entries": [ { "date": "\#(asOf - 10)", "indicator": "c6-1-2", "value": 40 } ] }"#
      ),
      (
        "reports/zz-task.json",
        #"{ "schema": "chuangwen/1", "unit": "\#(task.lead)", "entries": [ { "date": "\#(asOf)", "task": "\#(task.id)", "value": 1 } ] }"#
      ),
      ("reports/u-cgj-zz.json", nil),
    ]
    var moved = 0
    for (path, text) in steps {
      try Fixtures.apply(path, text, in: dir)
      #expect(source.reload(changed: [path]))
      let after = try #require(source.result.campaign, "\(source.result.errors)")
      #expect(after.hasSameStructure(as: before))
      for k in days.indices {
        let updated = Standing(updating: standings[k], from: before, to: after)
        let fresh = Standing(campaign: after, asOf: days[k])
        Self.expectSame(updated, fresh, "\(path) on \(days[k])")
        if updated.total != standings[k].total { moved += 1 }
        standings[k] = updated
      }
      before = after
    }
    #expect(moved > 0, "the reloads moved some totals")
  }

  @Test func anotherStructureIsComputedAfresh() throws {
    let a = try Fixtures.campaign("hongjiang")
    let b = try Fixtures.campaign("minimal")
    let old = Standing(campaign: a, asOf: b.info.defaultAsOf)
    Self.expectSame(
      Standing(updating: old, from: a, to: b), Standing(campaign: b, asOf: b.info.defaultAsOf), "other")
  }
}
