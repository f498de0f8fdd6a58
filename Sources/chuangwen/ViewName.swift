import ArgumentParser
import CampaignKit
import DashboardKit

/// `--view` text → a page, through the one table in `SnapshotViews`, with usage errors (exit 64).
enum ViewName {
  static func parse(_ text: String, campaign: Campaign) throws -> Page {
    switch SnapshotViews.parse(text, campaign: campaign) {
    case .success(let page): return page
    case .failure(let e): throw ValidationError(e.description)
    }
  }
}
