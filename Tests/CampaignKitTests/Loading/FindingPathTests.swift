import Testing

@testable import CampaignKit

/// The JSON path each finding names, at every level the decoders read: paths are written out
/// only for findings (``JSONPlace``), so these pin down the text a user sees for array
/// elements inside array elements, members of nested objects, items of string arrays, dates
/// inside reopenings and report entries, and cross-file references.
@Suite struct FindingPathTests {
  func paths(_ kind: FileKind, _ json: String) -> [String] {
    let file = FileDecoder.decode(path: "f.json", kind: kind, bytes: Array(json.utf8))
    return file.findings.map(\.path).sorted()
  }

  @Test func indicatorsNameEveryLevel() {
    let json = """
      {"schema": "chuangwen/1", "categories": [
        {"id": "c1", "name": "一", "items": [
          {"id": "i1", "name": "甲", "indicators": [
            {"id": "x1", "name": "a", "points": 1, "method": "site", "deadline": "2026-01-01",
             "subCommand": "s1", "measure": {"kind": "count", "baseline": 0, "target": 5}},
            {"id": "x2", "name": " ", "points": -1, "method": "nope", "deadline": "01/01/2026",
             "subCommand": "s1", "support": ["u1", 7],
             "measure": {"kind": "count", "baseline": 5, "target": "x"}, "typo": 1}
          ]}
        ]}
      ]}
      """
    #expect(
      paths(.indicators, json) == [
        "categories[0].items[0].indicators[1].deadline",
        "categories[0].items[0].indicators[1].measure.target",
        "categories[0].items[0].indicators[1].method",
        "categories[0].items[0].indicators[1].name",
        "categories[0].items[0].indicators[1].points",
        "categories[0].items[0].indicators[1].support[1]",
        "categories[0].items[0].indicators[1].typo",
      ])
  }

  @Test func problemsNameNestedObjectsAndReopenings() {
    let json = """
      {"schema": "chuangwen/1", "problems": [
        {"id": "p1", "found": "2026-01-02", "place": "路口", "kind": "占道", "severity": "minor",
         "source": "mock", "unit": "u1", "deadline": "2026-01-09",
         "fixed": {"date": "bad", "note": "已清理"},
         "verified": {"date": "2026-01-08"},
         "reopened": [{"date": "2026-01-05"}, {"date": "2026-01-04", "extra": true}]},
        7
      ]}
      """
    #expect(
      paths(.problems, json) == [
        "problems[0].fixed.date",
        "problems[0].reopened[1].date",
        "problems[0].reopened[1].extra",
        "problems[0].verified",
        "problems[1]",
      ])
  }

  @Test func organizationAndCampaignName() {
    let org = """
      {"schema": "chuangwen/1", "nodes": [
        {"id": "g", "kind": "leadingGroup", "name": "领导小组", "parent": "x"},
        {"id": "s1", "kind": "subCommand", "name": "一", "parent": "g", "key": 9,
         "leaders": [{"role": "组长"}], "responsibility": {"signed": "nope", "targets": [1]}}
      ]}
      """
    #expect(
      paths(.organization, org) == [
        "nodes[0].parent", "nodes[1].key", "nodes[1].leaders[0]", "nodes[1].responsibility.signed",
        "nodes[1].responsibility.targets[0]",
      ])
    let campaign = """
      {"schema": "chuangwen/1", "title": "t", "city": "c", "totalPoints": 10,
       "period": {"start": "2026-01-01", "end": "2026-12-31"},
       "meetings": ["2026-02-01", "2026-01-01", "x"],
       "ranking": {"escalation": ["约谈", 3, {"step": "通报", "daysToFix": 0}]}}
      """
    #expect(
      paths(.campaign, campaign) == [
        "meetings[1]", "meetings[2]", "ranking.escalation[1]", "ranking.escalation[2].daysToFix",
      ])
  }

  @Test func reportsNameTheirEntries() {
    // The general decoder (a report the fast one does not take: a field it does not know).
    let general = """
      {"schema": "chuangwen/1", "unit": "u1", "extra": 1, "entries": [
        {"date": "2026-01-05", "indicator": "x1", "value": 3},
        {"date": "2026-01-05", "indicator": "x1", "task": "t1", "value": -1}
      ]}
      """
    #expect(paths(.report, general) == ["entries[1]", "entries[1].value", "extra"])
  }

  @Test func crossFileFindingsNameTheirSites() throws {
    let dir = try Fixtures.copy("minimal")
    func edit(_ file: String, _ old: String, _ new: String) throws {
      let text = try String(contentsOfFile: dir + "/" + file, encoding: .utf8)
      try #require(text.contains(old))
      try text.replacingOccurrences(of: old, with: new).write(
        toFile: dir + "/" + file, atomically: true, encoding: .utf8)
    }
    try edit("tasks.json", "\"support\": [\"u-cg\"]", "\"support\": [\"u-cg\", \"nobody\"]")
    try edit("tasks.json", "\"deadline\": \"2016-06-30\"", "\"deadline\": \"1999-06-30\"")
    try edit("reports/u-jj.json", "\"date\": \"2016-07-01\"", "\"date\": \"1999-07-01\"")
    let errors = CampaignLoader.load(directory: dir).errors.map { "\($0.file) \($0.path)" }
    #expect(errors.contains("tasks.json tasks[0].support[1]"))
    #expect(errors.contains("tasks.json tasks[0].deadline"))
    #expect(errors.contains("reports/u-jj.json entries[1].date"))
  }
}
