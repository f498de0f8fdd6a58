import CampaignKit
import Foundation
import Testing

/// A standing updated after a reload of report files (what the live dashboard does) must be the
/// standing computed afresh on the new campaign, to the last bit, on dates before, at and after
/// the changed entries.
@Suite struct StandingUpdateTests {
  static func expectSame(_ a: Standing, _ b: Standing, _ note: String) {
    #expect(a.asOf == b.asOf && a.daysLeft == b.daysLeft, "\(note)")
    #expect(firstDifference(a.indicators, b.indicators) == nil, "\(note): indicators")
    #expect(firstDifference(a.tasks, b.tasks) == nil, "\(note): tasks")
    #expect(a.total == b.total, "\(note)")
    #expect(firstDifference(a.subCommands.values, b.subCommands.values) == nil, "\(note): sub-commands")
    #expect(firstDifference(a.categories.values, b.categories.values) == nil, "\(note): categories")
    #expect(firstDifference(a.items.values, b.items.values) == nil, "\(note): items")
    #expect(firstDifference(a.units.values, b.units.values) == nil, "\(note): units")
    #expect(a.grids == b.grids, "\(note)")
    // The whole values too (the comparison the dashboard's change marks make).
    #expect(a.indicators == b.indicators && a.units.values == b.units.values, "\(note)")
  }

  /// Where two sequences first differ (nil when equal), short enough to read in a failure.
  static func firstDifference<T: Equatable>(_ a: some Sequence<T>, _ b: some Sequence<T>) -> String? {
    let x = Array(a)
    let y = Array(b)
    guard x.count == y.count else { return "\(x.count) elements against \(y.count)" }
    return x.indices.first { x[$0] != y[$0] }.map { "at \($0): \(x[$0]) against \(y[$0])" }
  }

  /// A report file for `unit` with one entry per `(date, subject line)`.
  static func report(_ unit: String, _ entries: [(Day, String)]) -> String {
    let lines = entries.map { #"{ "date": "\#($0.0)", \#($0.1) }"# }
    return
      #"{ "schema": "chuangwen/1", "unit": "\#(unit)", "entries": [ \#(lines.joined(separator: ", ")) ] }"#
  }

  @Test func updatedStandingsEqualFreshOnes() throws {
    let dir = try Fixtures.copy("hongjiang")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let source = CampaignSource(directory: dir)
    var before = try #require(source.result.campaign)
    let asOf = before.info.defaultAsOf
    let days = [asOf - 21, asOf - 3, asOf, asOf + 7]
    var standings = days.map { Standing(campaign: before, asOf: $0) }
    let first = standings
    let firstCampaign = before
    let task = try #require(before.tasks.first)
    // An indicator with supporting units, and three more of other sub-commands and categories.
    let supported = try #require(
      before.indicators.first { !$0.support.isEmpty && $0.lead != nil && $0.measure.kind != .yesno })
    var others: [Indicator] = []
    for i in before.indicators where i.lead != nil && i.measure.kind != .yesno && i.id != supported.id {
      if others.count < 3,
        !others.contains(where: { $0.subCommand == i.subCommand || $0.categoryID == i.categoryID }),
        i.subCommand != supported.subCommand, i.categoryID != supported.categoryID
      {
        others.append(i)
      }
    }
    #expect(others.count == 3, "the fixture has indicators of four sub-commands and categories")
    func value(_ i: Indicator, _ v: Double) -> String { #""indicator": "\#(i.id)", "value": \#(v)"# }
    let steps: [[(String, String?)]] = [
      [
        (
          "reports/u-cgj-zz.json",
          #"{ "schema": "chuangwen/1", "unit": "u-cgj", "entries": [ { "date": "\#(asOf - 2)", "indicator": "c6-1-2", "value": 95 } ] }"#
        )
      ],
      [
        (
          "reports/u-cgj-zz.json",
          #"{ "schema": "chuangwen/1", "unit": "u-cgj", "entries": [ { "date": "\#(asOf - 10)", "indicator": "c6-1-2", "value": 40 } ] }"#
        )
      ],
      [
        (
          "reports/zz-task.json",
          #"{ "schema": "chuangwen/1", "unit": "\#(task.lead)", "entries": [ { "date": "\#(asOf)", "task": "\#(task.id)", "value": 1 } ] }"#
        )
      ],
      [("reports/u-cgj-zz.json", nil)],
      // Done on the as-of date: the status moves, and so do the aggregates of the units that
      // support it.
      [
        (
          "reports/zz-support.json",
          Self.report(supported.lead!, [(asOf, value(supported, supported.measure.target))])
        )
      ],
      // Back to the baseline, earlier than the as-of date.
      [
        (
          "reports/zz-support.json",
          Self.report(supported.lead!, [(asOf - 5, value(supported, supported.measure.baseline))])
        )
      ],
      // The same figure with a note: the records change, the sums do not.
      [
        (
          "reports/zz-support.json",
          Self.report(
            supported.lead!, [(asOf - 5, value(supported, supported.measure.baseline) + #", "note": "复查""#)])
        )
      ],
      // Several indicators of several sub-commands, categories and units at once, and a task.
      others.enumerated().map { k, i in
        (
          "reports/zz-other-\(k).json",
          Self.report(
            i.lead!,
            [
              (asOf - 1 - k, value(i, i.measure.baseline + (i.measure.target - i.measure.baseline) * 0.5)),
              (asOf + 3, value(i, i.measure.target)),
            ])
        )
      } + [("reports/zz-task.json", nil)],
    ]
    var moved = (total: 0, status: 0, supported: 0, task: 0, noteOnly: 0)
    for step in steps {
      for (path, text) in step { try Fixtures.apply(path, text, in: dir) }
      #expect(source.reload(changed: step.map(\.0)))
      let after = try #require(source.result.campaign, "\(source.result.errors)")
      #expect(after.hasSameStructure(as: before))
      for k in days.indices {
        let updated = Standing(updating: standings[k], from: before, to: after)
        let fresh = Standing(campaign: after, asOf: days[k])
        Self.expectSame(updated, fresh, "\(step.map(\.0)) on \(days[k])")
        let old = standings[k]
        if updated.total != old.total { moved.total += 1 }
        if updated.indicators.indices.contains(where: {
          updated.indicators[$0].status != old.indicators[$0].status
        }) {
          moved.status += 1
        }
        if supported.support.contains(where: { updated.unit($0).supported != old.unit($0).supported }) {
          moved.supported += 1
        }
        if updated.tasks != old.tasks { moved.task += 1 }
        if updated.indicators != old.indicators && updated.total == old.total { moved.noteOnly += 1 }
        standings[k] = updated
      }
      before = after
    }
    #expect(moved.total > 0, "the reloads moved some totals")
    #expect(moved.status > 0, "the reloads moved some statuses")
    #expect(moved.supported > 0, "the reloads moved a supporting unit's aggregate")
    #expect(moved.task > 0, "the reloads moved a task")
    #expect(moved.noteOnly > 0, "a reload changed records and no sum")
    // From the first campaign to the last, several reloads apart (not patched from it): every
    // series is compared.
    for k in days.indices {
      Self.expectSame(
        Standing(updating: first[k], from: firstCampaign, to: before), standings[k],
        "across reloads on \(days[k])")
    }
  }

  @Test func anotherStructureIsComputedAfresh() throws {
    let a = try Fixtures.campaign("hongjiang")
    let b = try Fixtures.campaign("minimal")
    let old = Standing(campaign: a, asOf: b.info.defaultAsOf)
    Self.expectSame(
      Standing(updating: old, from: a, to: b), Standing(campaign: b, asOf: b.info.defaultAsOf), "other")
  }
}
