import Foundation
import Testing

@testable import DashboardKit

/// The README shows a real text snapshot of the overview; this fails when it is stale.
/// Fix by running `tools/readme-snapshot.sh`.
@Suite struct ReadmeSnapshotTests {
  @Test func readmeOverviewIsCurrent() throws {
    let readme = try String(
      contentsOfFile: Golden.repo.appendingPathComponent("README.md").path, encoding: .utf8)
    let begin = try #require(
      readme.range(of: "<!-- snapshot:overview -->\n```\n"), "README.md lost its snapshot markers")
    let end = try #require(
      readme.range(of: "```\n<!-- /snapshot:overview -->"), "README.md lost its snapshot markers")
    let block = String(readme[begin.upperBound..<end.lowerBound])
    let current = Snapshot.render(.text, page: .overview, data: Bundled.data, width: 100)
    #expect(block == current, "README.md shows a stale overview; run tools/readme-snapshot.sh")
  }
}
