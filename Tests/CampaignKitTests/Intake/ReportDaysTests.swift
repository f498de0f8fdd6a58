import CampaignKit
import Foundation
import Testing

/// 催报 from each unit's sorted report dates (``ReportDays``) must say what going through every
/// report file says: the definition is kept here, written out plainly, and both are asked about
/// every week of the campaigns, with and without an as-of date inside the week.
@Suite struct ReportDaysTests {
  /// The definition of docs/data-format.md 催报, as MissingReports had it before the index.
  static func byDefinition(_ c: Campaign, week: ReportingWeek, through: Day?) -> [MissingReport] {
    let expected = MissingReports.reportingUnits(c)
    var days: [String: [Day]] = [:]
    for f in c.reportFiles {
      days[f.unit, default: []] += f.entries.map(\.date).filter { d in through.map { d <= $0 } ?? true }
    }
    let first = ReportingWeek(containing: c.info.start)
    var out: [MissingReport] = []
    for u in c.units where expected.contains(u.id) {
      let mine = days[u.id] ?? []
      let weeks = Set(mine.map { ReportingWeek(containing: $0) })
      guard !weeks.contains(week) else { continue }
      var streak = 0
      var w = week
      while w >= first && !weeks.contains(w) {
        streak += 1
        w = w.previous
      }
      out.append(
        MissingReport(
          unit: u.id, subCommand: c.subCommandOfUnit[u.id], weeksInARow: max(1, streak),
          lastReported: mine.filter { $0 <= week.end }.max()))
    }
    return out
  }

  static func everyWeek(_ c: Campaign) -> [ReportingWeek] {
    var weeks: [ReportingWeek] = []
    var w = ReportingWeek(containing: c.info.start - 14)
    while w.start <= c.info.end + 7 {
      weeks.append(w)
      w = w.next
    }
    return weeks
  }

  @Test(arguments: ["minimal", "hongjiang", "meeting"])
  func theIndexAnswersAsTheDefinitionEveryWeek(_ name: String) throws {
    let c = try Fixtures.campaign(name)
    let days = ReportDays(campaign: c)
    let owing = MissingReports.reportingUnits(c)
    var silent = 0
    for week in Self.everyWeek(c) {
      for through in [nil, week.start, week.start + 3, week.end, week.end + 10] as [Day?] {
        let fast = MissingReports.compute(
          campaign: c, week: week, through: through, days: days, expected: owing)
        #expect(
          fast == Self.byDefinition(c, week: week, through: through),
          "\(name) \(week) through \(through?.description ?? "-")")
        silent += fast.count
      }
    }
    #expect(silent > 0, "the comparison covers silent units")
  }

  @Test func aGeneratedCampaignToo() throws {
    let dir = NSTemporaryDirectory() + "chuangwen-reportdays-\(UUID().uuidString)"
    var o = CampaignGenerator.Options.scaled(2, seed: 11)
    o.weeks = 12
    try CampaignGenerator.write(o, to: dir)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let c = try #require(CampaignLoader.load(directory: dir).campaign)
    let days = ReportDays(campaign: c)
    let owing = MissingReports.reportingUnits(c)
    for week in Self.everyWeek(c) {
      for through in [nil, week.start + 2] as [Day?] {
        #expect(
          MissingReports.compute(campaign: c, week: week, through: through, days: days, expected: owing)
            == Self.byDefinition(c, week: week, through: through))
      }
    }
  }

  /// After reloads that add, move and remove report entries, the updated index answers as one
  /// built afresh for every unit on every day.
  @Test func anUpdatedIndexEqualsAFreshOne() throws {
    let dir = try Fixtures.copy("hongjiang")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let source = CampaignSource(directory: dir)
    var before = try #require(source.result.campaign)
    var days = ReportDays(campaign: before)
    let reports = try FileManager.default.contentsOfDirectory(atPath: dir + "/reports").filter {
      $0.hasSuffix(".json")
    }.sorted()
    let victim = try #require(reports.first)
    let steps: [(String, String?)] = [
      // A new file of u-cgj with two entries on new dates.
      (
        "reports/u-cgj-zz.json",
        #"{ "schema": "chuangwen/1", "unit": "u-cgj", "entries": [ { "date": "2016-08-30", "indicator": "c6-1-2", "value": 95 }, { "date": "2016-07-05", "indicator": "c6-1-2", "value": 90 } ] }"#
      ),
      // The same file, one entry moved to another date.
      (
        "reports/u-cgj-zz.json",
        #"{ "schema": "chuangwen/1", "unit": "u-cgj", "entries": [ { "date": "2016-08-31", "indicator": "c6-1-2", "value": 95 } ] }"#
      ),
      // An existing report file removed, then the new one.
      ("reports/" + victim, nil),
      ("reports/u-cgj-zz.json", nil),
    ]
    for (path, text) in steps {
      try Fixtures.apply(path, text, in: dir)
      #expect(source.reload(changed: [path]))
      let after = try #require(source.result.campaign)
      let updated = days.updated(from: before, to: after)
      let fresh = ReportDays(campaign: after)
      var day = after.info.start - 7
      while day <= after.info.end {
        for u in after.units {
          #expect(updated.latest(of: u.id, onOrBefore: day) == fresh.latest(of: u.id, onOrBefore: day))
        }
        day = day + 3
      }
      before = after
      days = updated
    }
  }
}
