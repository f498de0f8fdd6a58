import Foundation
import Testing

@testable import CampaignKit

/// Data that parses but would crash, stall or silently mislead (issue 11).
@Suite struct HostileDataTests {
  let dir: String
  init() throws { dir = try Fixtures.copy("minimal") }

  /// Rewrites one fixture file through a text replacement (which must match).
  func edit(_ file: String, _ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    let path = dir + "/" + file
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try #require(text.contains(old), "\(file) has no \(old)", sourceLocation: sourceLocation)
    try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
  }

  func load() -> LoadResult { CampaignLoader.load(directory: dir) }

  // MARK: Limits

  @Test func hugePointsAreAFindingWithTheirPath() throws {
    try edit("indicators.json", "\"points\": 2,", "\"points\": 1e308,")
    let f = try #require(load().errors.first { $0.path.hasSuffix(".points") })
    #expect(f.file == "indicators.json")
    #expect(f.path == "categories[0].items[0].indicators[0].points")
    #expect(f.message.contains("beyond the limit of 1000"))
  }

  @Test func hugeTotalsTargetsAndValuesAreFindings() throws {
    try edit("campaign.json", "\"totalPoints\": 10", "\"totalPoints\": 1e19")
    try edit("indicators.json", "\"target\": 400", "\"target\": 4e12")
    try edit("reports/u-jj.json", "\"value\": 3 }", "\"value\": 1e19 }")
    let errors = load().errors
    #expect(errors.contains { $0.file == "campaign.json" && $0.path == "totalPoints" })
    #expect(errors.contains { $0.file == "indicators.json" && $0.path.hasSuffix("measure.target") })
    #expect(errors.contains { $0.file == "reports/u-jj.json" && $0.path == "entries[1].value" })
  }

  @Test func numbersNeverTrapWhenWritten() {
    for d in [1e19, -1e19, 1e308, -1e308, 9.3e18, .infinity, -.infinity, .nan, 0, -0.0, 12.345] {
      for digits in 0...3 { _ = NumberText.fixed(d, digits: digits) }
      _ = NumberText.plain(d)
      _ = NumberText.clampedInt(d, 0...100)
    }
    #expect(NumberText.fixed(1e19, digits: 1) == "1e+19")
    #expect(NumberText.fixed(12.345, digits: 2) == "12.35")
    #expect(NumberText.fixed(-0.001, digits: 1) == "0.0")
    #expect(NumberText.plain(1e19) == "1e+19")
    #expect(NumberText.plain(-3) == "-3")
    #expect(NumberText.int(1e19) == nil)
    #expect(NumberText.clampedInt(.nan, 1...5) == 1)
    #expect(formatNumber(1e300) == "1e+300")
  }

  // MARK: Deep trees

  /// A chain of nested sections: was roughly cubic (1,000 levels 1.6 s, 4,000 over a minute in
  /// release); now linear. 20,000 levels in a debug build well inside the bound.
  @Test func aDeepChainOfSectionsLoadsQuickly() throws {
    var nodes = ""
    var parent = "sc1"
    for i in 0..<20_000 {
      nodes +=
        ",\n    { \"id\": \"s\(i)\", \"kind\": \"section\", \"parent\": \"\(parent)\", \"name\": \"节\(i)\" }"
      parent = "s\(i)"
    }
    nodes +=
      ",\n    { \"id\": \"u-deep\", \"kind\": \"unit\", \"parent\": \"\(parent)\", \"name\": \"深处单位\" }"
    try edit("organization.json", "\"name\": \"新街第一网格\" }", "\"name\": \"新街第一网格\" }" + nodes)
    let clock = ContinuousClock()
    var result: LoadResult?
    let took = clock.measure { result = load() }
    let c = try #require(result?.campaign, "\(result?.errors ?? [])")
    #expect(c.subCommandOfUnit["u-deep"] == "sc1")
    #expect(took < .seconds(10), "\(took)")
  }

  @Test func cyclesAreStillFoundOnceEach() throws {
    let nodes: [OrgNode] = [
      OrgNode(id: "a", kind: .section, name: "a", parent: "c"),
      OrgNode(id: "b", kind: .section, name: "b", parent: "a"),
      OrgNode(id: "c", kind: .section, name: "c", parent: "b"),
      OrgNode(id: "d", kind: .section, name: "d", parent: "a"),
      OrgNode(id: "e", kind: .section, name: "e", parent: "e"),
      OrgNode(id: "f", kind: .section, name: "f", parent: "nowhere"),
    ]
    #expect(TreeWalk.cycles(nodes) == [["a", "c", "b", "a"], ["e", "e"]])
    let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, $0) })
    #expect(TreeWalk.subCommandAbove(nodes, index: index).isEmpty)
  }

  // MARK: Quietly accepted before

  @Test func duplicateKeysInsideAnUnknownFieldAreErrors() throws {
    try edit(
      "organization.json", "{ \"id\": \"office\",",
      "{ \"extra\": { \"a\": 1, \"list\": [ { \"b\": 1, \"b\": 2 } ], \"a\": 2 }, \"id\": \"office\",")
    let r = load()
    #expect(r.warnings.contains { $0.message.contains("unknown field \"extra\"") })
    let dup = r.errors.filter { $0.message.contains("is given twice") }.map(\.path).sorted()
    #expect(dup == ["nodes[2].extra.a", "nodes[2].extra.list[0].b"])
  }

  /// A field given twice in an object the decoder reads (not only inside an unknown field),
  /// at the third and at the last place of the object.
  @Test func aFieldGivenTwiceIsAnError() throws {
    try edit(
      "organization.json", "{ \"id\": \"office\",",
      "{ \"id\": \"office\", \"name\": \"x\", \"id\": \"office\",")
    let r = load()
    let dup = r.errors.filter { $0.message.contains("is given twice") }.map(\.path)
    #expect(dup == ["nodes[2].id", "nodes[2].name"])
  }

  /// A name of spaces is no name: ASCII spaces and tabs, and the ideographic space a Chinese
  /// input method types (U+3000); a name that merely starts with one is kept.
  @Test func blankNamesAreErrors() throws {
    try edit("organization.json", "\"name\": \"创建办\"", "\"name\": \" \\t \"")
    try edit("organization.json", "\"name\": \"住建局\"", "\"name\": \"\\u3000\"")
    try edit("organization.json", "\"name\": \"交警大队\"", "\"name\": \"\\u3000交警大队\"")
    let blank = load().errors.filter { $0.message.contains("expected a non-empty string") }.map(\.path)
    #expect(blank == ["nodes[2].name", "nodes[6].name"])
  }

  @Test func trueIsRefusedForACountTask() throws {
    try FileManager.default.createDirectory(atPath: dir + "/reports", withIntermediateDirectories: true)
    try """
    { "schema": "chuangwen/1", "unit": "u-zj",
      "entries": [ { "date": "2016-06-20", "task": "task-covers", "value": true } ] }
    """.write(toFile: dir + "/reports/u-zj-bool.json", atomically: true, encoding: .utf8)
    let f = try #require(load().errors.first { $0.file == "reports/u-zj-bool.json" })
    #expect(f.path == "entries[0].value")
    #expect(f.message.contains("only for yes/no measures"))
  }

  // MARK: Encodings

  @Test(arguments: [
    (String.Encoding.utf16LittleEndian, false, "UTF-16LE"), (.utf16BigEndian, false, "UTF-16BE"),
    (.utf16, true, "UTF-16"), (.utf32LittleEndian, false, "UTF-32LE"), (.utf32BigEndian, false, "UTF-32BE"),
  ])
  func utf16And32AreNamed(_ encoding: String.Encoding, _ bom: Bool, _ name: String) throws {
    let text = "{ \"schema\": \"chuangwen/1\" }"
    let bytes = [UInt8](try #require(text.data(using: encoding)))
    do {
      _ = try JSONParser.parse(bytes)
      Issue.record("parsed a \(name) file")
    } catch {
      #expect(error.message.contains(name), "\(error.message)")
      #expect(error.message.contains("iconv -f"))
      #expect(!error.message.contains("GBK"))
    }
  }
}
