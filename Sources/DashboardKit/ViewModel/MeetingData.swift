import CampaignKit

/// The figures of the meeting tabs as values, shared by the tab pages (which draw them) and the
/// snapshot documents and JSON (which print them), so the screen and the paper cannot differ.
enum MeetingData {
  /// The ledger tab's per-unit rectification rates (`LedgerModel`): units with problems,
  /// worst rate first, then most overdue, then by id; no rate sorts last.
  static func ledgerUnits(_ ctx: PageContext) -> [OrgNode] {
    let c = ctx.campaign
    let scID = ctx.app.ledger.subCommandKey.flatMap { ctx.app.subCommandKeys[$0] }
    return c.units.filter { u in
      ctx.standing.unit(u.id).rectification.found > 0 && (scID == nil || c.subCommandOfUnit[u.id] == scID)
    }.sorted { a, b in
      let ra = ctx.standing.unit(a.id).rectification
      let rb = ctx.standing.unit(b.id).rectification
      if (ra.rate ?? 2) != (rb.rate ?? 2) { return (ra.rate ?? 2) < (rb.rate ?? 2) }
      if ra.overdue != rb.overdue { return ra.overdue > rb.overdue }
      return a.id < b.id
    }
  }

  /// The ledger's summary line: problems listed, open, overdue, and the rate over those due.
  struct LedgerSummary {
    var count, open, overdue, due, fixedOnTime: Int
    var rate: Double? { due == 0 ? nil : Double(fixedOnTime) / Double(due) }

    init(_ list: [Problem], on day: Day) {
      count = list.count
      open = list.filter { $0.isOpen(on: day) }.count
      overdue = list.filter { $0.isOverdue(on: day) }.count
      let dueList = list.filter { $0.deadline <= day }
      due = dueList.count
      // Closed (verified) with the fix made by the deadline: the rate rule of CampaignKit.
      fixedOnTime = dueList.filter { $0.isClosedOnTime(by: day) }.count
    }
  }

  /// The audit tab's matrix (`AuditModel.matrix`): points owned by each sub-command in each
  /// category, the points nobody leads, and the totals.
  struct AuditMatrix {
    var categories: [CampaignKit.Category]
    /// One row per sub-command, in the campaign's order: points per category, and the total.
    var owned: [[Double]]
    var totals: [Double]
    var noLead: [Double]
    var categoryTotals: [Double]
    var mean: Double

    init(_ ctx: PageContext) {
      let c = ctx.campaign
      categories = c.categories
      var byID: [String: [String: Double]] = [:]
      var blind: [String: Double] = [:]
      for i in c.indicators {
        byID[i.subCommand, default: [:]][i.categoryID, default: 0] += i.points
        if i.lead == nil { blind[i.categoryID, default: 0] += i.points }
      }
      let cats = c.categories
      owned = c.subCommands.map { sc in cats.map { byID[sc.id]?[$0.id] ?? 0 } }
      totals = c.subCommands.map { sc in byID[sc.id]?.values.reduce(0, +) ?? 0 }
      mean = totals.isEmpty ? 0 : totals.reduce(0, +) / Double(totals.count)
      noLead = cats.map { blind[$0.id] ?? 0 }
      categoryTotals = cats.map { ctx.standing.category($0.id).points }
    }

    /// "gap" when the sub-command owns nothing, "heavy" above 1.5× the mean, else nil.
    func note(_ k: Int) -> String? {
      totals[k] == 0 ? "gap" : mean > 0 && totals[k] > mean * 1.5 ? "heavy" : nil
    }
  }

  /// The heading of the rankings tab: the meeting and its number.
  static func meetingTitle(_ ctx: PageContext) -> String {
    let s = ctx.s
    let r = ctx.data.ranking
    return ctx.campaign.info.meetings.contains(r.meeting)
      ? s.meeting(r.meetingNumber, r.meeting.description) : s.noMeetingOn(r.meeting.description)
  }
}
