import Foundation
import Testing

@testable import CampaignKit

/// The report fast path (issue 12) must be invisible: a file it reads gives exactly what the
/// general decoder gives (entries, and the position and JSON path of every site the checks
/// point at), and anything unusual goes to the general decoder, whose findings stay as they are.
@Suite struct ReportFastDecoderTests {
  static let path = "reports/u-zj-2016-06-24.json"

  func general(_ text: String) -> DecodedFile {
    Array(text.utf8).withUnsafeBufferPointer {
      FileDecoder.general(path: Self.path, kind: .report, buffer: $0)
    }
  }

  func fast(_ text: String) -> (ReportFile, ReportSites)? {
    Array(text.utf8).withUnsafeBufferPointer { ReportFastDecoder.decode(path: Self.path, bytes: $0) }
  }

  /// The sites as text, one line each, in the order the general decoder records them.
  func sites(general f: DecodedFile) -> [String] {
    f.references.map { "ref \($0.target.noun) \($0.id) \($0.position) \($0.path)" }
      + f.dates.map { "date \($0.day) \($0.position) \($0.path)" }
      + f.values.map { "value \($0.subject.id) \($0.value) \($0.position) \($0.path) \($0.wasBoolean)" }
  }

  func sites(fast r: ReportFile, _ s: ReportSites) -> [String] {
    var out: [String] = []
    s.eachReference(of: r) { out.append("ref \($0.target.noun) \($0.id) \($0.position) \($0.path)") }
    s.eachDate(of: r) { out.append("date \($0.day) \($0.position) \($0.path)") }
    s.eachValue(of: r) {
      out.append("value \($0.subject.id) \($0.value) \($0.position) \($0.path) \($0.wasBoolean)")
    }
    return out
  }

  static let plain: [String] = [
    // As chuangwen generate writes them.
    """
    {
      "schema": "chuangwen/1",
      "unit": "u-zj",
      "entries": [
        {"date": "2016-06-20", "indicator": "c1-1-1", "value": 85.5, "note": "已完成主干道"},
        {"date": "2016-06-21", "task": "task-covers", "value": 120}
      ]
    }
    """,
    // As record writes them, keys in another order, booleans, CRLF line ends, Chinese before a
    // field on the same line (columns count characters, not bytes).
    "{\r\n  \"unit\": \"u-zj\", \"schema\": \"chuangwen/1\",\r\n  \"entries\": [\r\n    {\r\n      \"note\": \"雨水井盖更换，第二批\", \"value\": true,\r\n      \"indicator\": \"c2-1-2\",\r\n      \"date\": \"2016-06-22\"\r\n    },\r\n    {\"value\": false, \"date\": \"2016-06-23\", \"indicator\": \"c2-1-2\", \"note\": \"\"}\r\n  ]\r\n}\r\n",
    // Numbers the parser reads exactly: zero, fractions with leading and trailing zeros.
    #"{"schema":"chuangwen/1","unit":"u-jj","entries":[{"date":"2016-01-01","indicator":"c1-1-1","value":0},{"date":"2016-01-02","indicator":"c1-1-1","value":0.05},{"date":"2016-01-03","indicator":"c1-1-1","value":1.50},{"date":"2016-01-04","indicator":"c1-1-2","value":123456789012.5},{"date":"2016-01-05","indicator":"c1-1-1","value":0.000001}]}"#,
    // No entries yet; tabs.
    "{\t\"schema\": \"chuangwen/1\",\n\t\"unit\": \"u-jj\",\n\t\"entries\": []\n}",
    // Dates and ids the checks will refuse are still read plainly (the checks decide).
    #"{"schema": "chuangwen/1", "unit": "nobody", "entries": [{"date": "2030-01-01", "task": "no-such-task", "value": 5}]}"#,
  ]

  @Test(arguments: plain) func aPlainReportReadsExactlyAsTheGeneralDecoderReadsIt(_ text: String) throws {
    let g = general(text)
    #expect(g.findings.isEmpty, "the sample is meant to be clean: \(g.findings)")
    guard case .report(let expected) = g.content else {
      Issue.record("the general decoder did not read a report")
      return
    }
    let (report, s) = try #require(fast(text), "the fast path refused a plain report")
    #expect(report == expected)
    #expect(sites(fast: report, s) == sites(general: g))
    // And through the front door: the fast version, with no findings and no sites of its own.
    let d = Array(text.utf8).withUnsafeBufferPointer {
      FileDecoder.decode(path: Self.path, kind: .report, buffer: $0)
    }
    #expect(d.reportSites != nil && d.references.isEmpty && d.findings.isEmpty)
  }

  static let unusual: [String] = [
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-06-20","indicator":"c1-1-1","value":1,"note":"a\"b"}]}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-06-20","indicator":"c1-1-1","value":1,"note":null}]}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-06-20","indicator":"c1-1-1","value":1,"nite":"x"}]}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-06-20","date":"2016-06-21","indicator":"c1-1-1","value":1}]}"#,
    #"{"unit":"u-zj","entries":[]}"#,
    #"{"$schema":"x","schema":"chuangwen/1","unit":"u-zj","entries":[]}"#,
    #"{"schema":"chuangwen/2","unit":"u-zj","entries":[]}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-06-20","indicator":"c1-1-1","value":-1}]}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-06-20","indicator":"c1-1-1","value":1e3}]}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-06-20","indicator":"c1-1-1","value":1234567890123456}]}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-06-20","indicator":"c1-1-1","value":2000000000000}]}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-06-20","indicator":"c1-1-1","value":07}]}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-02-30","indicator":"c1-1-1","value":1}]}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-06-20","indicator":"c1-1-1","task":"task-covers","value":1}]}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-06-20","value":1}]}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-06-20","indicator":"c1-1-1","value":"1"}]}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-06-20","indicator":"c1-1-1","value":truex}]}"#,
    #"{"schema":"chuangwen/1","unit":"  ","entries":[]}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[],}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[]} x"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":{}}"#,
    #"{"schema":"chuangwen/1","unit":"u-zj","entries":[1]}"#,
    "\u{FEFF}{\"schema\":\"chuangwen/1\",\"unit\":\"u-zj\",\"entries\":[]}",
    "{\"schema\":\"chuangwen/1\",\"unit\":\"u-zj\",\"entries\":[]",
    "",
  ]

  @Test(arguments: unusual) func anythingUnusualIsLeftToTheGeneralDecoder(_ text: String) {
    #expect(fast(text) == nil)
  }

  @Test func invalidUTF8AndUTF16AreLeftToTheGeneralDecoder() {
    var bytes = Array(
      #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-06-20","indicator":"c1-1-1","value":1,"note":"ab"}]}"#
        .utf8)
    let at = bytes.firstIndex(of: UInt8(ascii: "b"))!
    bytes[at] = 0xC3  // a lead byte with no continuation
    #expect(bytes.withUnsafeBufferPointer { ReportFastDecoder.decode(path: Self.path, bytes: $0) } == nil)
    var utf16: [UInt8] = []
    for u in #"{"schema":"chuangwen/1","unit":"u-zj","entries":[]}"#.utf16 {
      utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)]
    }
    #expect(utf16.withUnsafeBufferPointer { ReportFastDecoder.decode(path: Self.path, bytes: $0) } == nil)
  }

  /// The checks of a fast-read report find what they find in the general decoder's version,
  /// at the same places, whatever is wrong (a unit that is not one, an unknown id with its
  /// suggestion, a date outside the period, a percentage over 100, true for a count).
  @Test func theChecksFindTheSameWhicheverWayAReportWasRead() throws {
    let dir = Fixtures.path("minimal")
    let base = FileKind.required.map { k in
      CampaignLoader.decodeFile(at: dir + "/" + k.fileName!, relative: k.fileName!, kind: k)
    }
    func part<T>(_ pick: (DecodedFile.Content) -> T?) -> T? {
      for f in base { if let t = pick(f.content) { return t } }
      return nil
    }
    let checker = CrossChecker(
      files: base, info: part { if case .campaign(let c) = $0 { c } else { nil } },
      nodes: part { if case .organization(let n) = $0 { n } else { nil } } ?? [],
      indicators: part { if case .indicators(let c) = $0 { c } else { nil } } ?? [],
      tasks: part { if case .tasks(let t) = $0 { t } else { nil } } ?? [])
    let texts = [
      #"{"schema":"chuangwen/1","unit":"sc1","entries":[{"date":"2016-06-20","indicator":"c1-1-1","value":85}]}"#,
      #"{"schema":"chuangwen/1","unit":"u-zj","entries":[{"date":"2016-06-20","indicator":"c1-1-9","value":85}]}"#,
      """
      {"schema": "chuangwen/1", "unit": "u-zj", "entries": [
        {"date": "2015-12-31", "indicator": "c1-1-1", "value": 85},
        {"date": "2016-06-20", "indicator": "c1-1-1", "note": "超过", "value": 101},
        {"date": "2016-06-20", "indicator": "c1-1-2", "value": true},
        {"date": "2016-06-20", "indicator": "c2-1-2", "value": 2},
        {"date": "2016-06-20", "task": "task-covers", "value": 3}
      ]}
      """,
    ]
    for text in texts {
      let g = general(text)
      let f = Array(text.utf8).withUnsafeBufferPointer {
        FileDecoder.decode(path: Self.path, kind: .report, buffer: $0)
      }
      #expect(f.reportSites != nil)
      let expected = checker.check(g)
      #expect(!expected.isEmpty)
      #expect(checker.check(f) == expected)
    }
    // A clean one passes both ways.
    let clean = Self.plain[0]
    let f = Array(clean.utf8).withUnsafeBufferPointer {
      FileDecoder.decode(path: Self.path, kind: .report, buffer: $0)
    }
    #expect(checker.check(f).isEmpty && checker.check(general(clean)).isEmpty)
  }
}
