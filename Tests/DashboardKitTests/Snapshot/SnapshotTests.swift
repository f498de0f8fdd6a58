import CampaignKit
import Foundation
import Testing

@testable import DashboardKit

/// Every view × every format of the bundled campaign at its default as-of date (2016-09-02),
/// compared exactly with the golden files.
@Suite struct SnapshotGoldenTests {
  @Test(arguments: SnapshotCases.views)
  func viewMatchesGoldenInEveryFormat(_ c: (label: String, view: String)) throws {
    let page = try SnapshotCases.page(c.view)
    for format in SnapshotFormat.allCases {
      let out = Snapshot.render(format, page: page, data: Bundled.data)
      try SnapshotGolden.check(out, "\(c.label).\(format.fileExtension)")
    }
  }

  @Test(arguments: SnapshotCases.subPages)
  func subPageMatchesGoldenInEveryFormat(_ c: (label: String, page: Page)) throws {
    for format in SnapshotFormat.allCases {
      let out = Snapshot.render(format, page: c.page, data: Bundled.data)
      try SnapshotGolden.check(out, "\(c.label).\(format.fileExtension)")
    }
  }

  @Test func englishAndASCIIBriefMatchGolden() throws {
    let out = Snapshot.render(
      .text, page: .brief, data: Bundled.data, width: 80, options: RenderOptions(language: .en, ascii: true))
    try SnapshotGolden.check(out, "brief-en-ascii-80.txt")
  }
}

@Suite struct SnapshotFormatTests {
  static let widths = [80, 100, 120]

  @Test(arguments: SnapshotCases.views)
  func textLinesFitTheWidthAndHaveNoEscapes(_ c: (label: String, view: String)) throws {
    let page = try SnapshotCases.page(c.view)
    for width in Self.widths {
      let text = Snapshot.render(.text, page: page, data: Bundled.data, width: width)
      #expect(!text.utf8.contains(0x1B))
      #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
      for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        #expect(
          DisplayWidth.of(line) <= width,
          "\(c.view) at \(width), line \(n + 1) is \(DisplayWidth.of(line)) columns")
        #expect(!line.hasSuffix(" "), "\(c.view) line \(n + 1) has trailing spaces")
      }
    }
  }

  @Test(arguments: SnapshotCases.views)
  func ansiIsTheTextWithColours(_ c: (label: String, view: String)) throws {
    let page = try SnapshotCases.page(c.view)
    let text = Snapshot.render(.text, page: page, data: Bundled.data)
    let ansi = Snapshot.render(.ansi, page: page, data: Bundled.data)
    #expect(ansi.contains("\u{1B}["))
    let stripped = try #require(ANSI.strip(ansi), "an escape other than SGR")
    // Same characters; ANSI may keep painted trailing blanks, text never does.
    let trimmed = stripped.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var l = line
      while l.last == " " { l.removeLast() }
      return l
    }.joined(separator: "\n")
    #expect(trimmed == text)
    // Every line that styles anything ends in the plain style: its last sequence is a reset.
    for line in ansi.split(separator: "\n") {
      guard let last = line.range(of: "\u{1B}[", options: .backwards) else { continue }
      #expect(
        line[last.lowerBound...].hasPrefix(SGR.reset), "a line that sets a style must reset it: \(line)")
    }
  }

  @Test(arguments: SnapshotCases.views)
  func htmlIsWellFormedAndSelfContained(_ c: (label: String, view: String)) throws {
    let html = Snapshot.render(.html, page: try SnapshotCases.page(c.view), data: Bundled.data)
    #expect(HTMLCheck.problems(html) == [])
    #expect(
      !html.contains("<script") && !html.contains("src=") && !html.contains("href=") && !html.contains("http")
    )
    #expect(html.contains("@page { size: A4"))
    #expect(html.contains("Noto Sans CJK SC"))
  }

  @Test(arguments: SnapshotCases.views)
  func jsonParsesBack(_ c: (label: String, view: String)) throws {
    let json = Snapshot.render(.json, page: try SnapshotCases.page(c.view), data: Bundled.data)
    let value = try JSONParser.parse(json)
    guard case .object(let o) = value.value else {
      Issue.record("not an object")
      return
    }
    #expect(o["view"]?.value == .string(c.view))
    #expect(o["asOf"]?.value == "2016-09-02")
  }

  /// Every tab's model has tables with rows, and every table has a header on every sink.
  @Test(arguments: ["indicators", "problems", "rankings", "audit"])
  func meetingTabModelsHaveRows(_ view: String) throws {
    let model = Snapshot.model(page: try SnapshotCases.page(view), data: Bundled.data)
    #expect(!model.tables.isEmpty)
    #expect(model.tables.allSatisfy { !$0.rows.isEmpty && $0.columns.allSatisfy { !$0.header.isEmpty } })
  }

  @Test func sameInputsGiveTheSameBytesAndAStampOnlyWhenAsked() {
    for format in SnapshotFormat.allCases {
      let a = Snapshot.render(format, page: .brief, data: Bundled.data)
      let b = Snapshot.render(
        format, page: .brief, data: DashboardData(campaign: Bundled.campaign, asOf: Bundled.data.asOf))
      #expect(a == b)
      #expect(!a.contains("2099-01-02"))
      #expect(
        Snapshot.render(format, page: .brief, data: Bundled.data, stamp: "2099-01-02 03:04:05 +0800")
          .contains("2099-01-02"))
    }
  }
}

@Suite struct BriefTests {
  @Test func previousMeetingIsTheLastOneBeforeTheAsOfDate() throws {
    let info = Bundled.campaign.info
    #expect(Brief.previousMeeting(before: Day("2016-09-02"), in: info) == Day("2016-08-26"))
    #expect(Brief.previousMeeting(before: Day("2016-09-03"), in: info) == Day("2016-09-02"))
    #expect(Brief.previousMeeting(before: info.meetings[0], in: info) == nil)
  }

  @Test func changeIsMeasuredAgainstThePreviousMeeting() throws {
    let brief = Brief(data: Bundled.data)
    let prev = Standing(campaign: Bundled.campaign, asOf: Day("2016-08-26"))
    #expect(brief.totalPrevious == prev.total)
    for line in brief.subCommands {
      #expect(line.previous == prev.subCommand(line.node.id))
      #expect(line.lagging.allSatisfy { $0.subCommand == line.node.id })
      #expect(line.lagging.count == line.now.laggingCount)
    }
    #expect(brief.overdueUnits.allSatisfy { $0.rectification.overdue > 0 })
    // The red and black lists of the as-of meeting, as the rankings tab has them.
    let r = Bundled.data.ranking
    #expect(brief.lists.map(\.isBlack) == [false, true])
    #expect(brief.lists[1].entries.map(\.unit) == r.black.map(\.unit))
    #expect(brief.lists[0].entries.map(\.unit) == r.red.map(\.unit))
    let text = Snapshot.render(.markdown, page: .brief, data: Bundled.data)
    for e in brief.lists[1].entries {
      let name = try #require(r.escalation(e.unit)?.name)
      #expect(text.contains(name))
    }
  }

  @Test func firstMeetingHasNoChange() {
    let c = Bundled.campaign
    let data = DashboardData(campaign: c, asOf: c.info.meetings[0])
    let text = Snapshot.render(.text, page: .brief, data: data)
    #expect(text.contains("此前无调度会"))
    #expect(Brief(data: data).totalPrevious == nil)
  }
}

@Suite struct SnapshotViewNameTests {
  @Test func parsesEveryViewAndExplainsMistakes() throws {
    let c = Bundled.campaign
    #expect(try SnapshotViews.parse("brief", campaign: c).get() == .brief)
    #expect(try SnapshotViews.parse("subcommand:3", campaign: c).get() == .subCommand("sc3"))
    for (text, message) in [
      ("subcommand:9", "keys are 1, 2, 3, 4, 5, 6, 7, 8"), ("unit:nope", "no unit"),
      ("indicator:", "needs an argument"),
      ("brief:1", "takes no argument"),
      (
        "pie",
        "choose overview, subcommand:N, unit:ID, indicator:ID, brief, indicators, problems, rankings, audit"
      ),
    ] {
      guard case .failure(let e) = SnapshotViews.parse(text, campaign: c) else {
        Issue.record("\(text) parsed")
        continue
      }
      #expect(e.description.contains(message), "\(text): \(e.description)")
    }
    for page in [
      Page.overview, .subCommand("sc3"), .unit("u-jtj"), .indicator("c6-2-4"), .brief, .indicators, .problems,
      .rankings, .audit,
    ] {
      #expect(try SnapshotViews.parse(SnapshotViews.name(of: page, campaign: c), campaign: c).get() == page)
    }
  }
}
