import CampaignKit

/// Every word of the dashboard, in Chinese (the default) and English: one catalogue, so a page
/// never carries a string literal a translator could miss, and one word means one thing on
/// every page and every sink. Pages ask for a word by its name; only this file pairs the two
/// languages.
public struct Strings: Sendable {
  public let language: Language

  public init(_ language: Language) { self.language = language }

  private func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  // MARK: - Status vocabulary (one word per mark; see StatusMark)

  func status(_ m: StatusMark) -> String {
    switch m {
    case .done: t("完成", "done")
    case .onTrack: t("正常", "on track")
    case .behind: t("滞后", "behind")
    case .atRisk: t("危险", "at risk")
    case .overdue: t("逾期", "overdue")
    case .notReported: t("未报送", "no report")
    }
  }

  /// The width of the widest status as glyph and word (`○ 未报送`), so a status column never
  /// cuts one.
  var statusWidth: Int { 2 + (StatusMark.allCases.map { DisplayWidth.of(status($0)) }.max() ?? 4) }

  func status(_ s: Status) -> String { status(StatusMark(s)) }

  /// Behind, at risk, overdue or not reported, counted together (never called 滞后, which is
  /// one status of the five).
  var needsAttention: String { t("需关注", "attention") }

  // MARK: - Chrome

  var overviewTab: String { t("指挥体系", "Command") }
  var asOf: String { t("截至", "as of") }
  var days: String { t("天", "days") }
  func daysLeft(_ n: Int) -> String { t("剩余 \(n) 天", "\(n) days left") }
  var total: String { t("总分", "Score") }
  var pastView: String { t("历史回看", "PAST VIEW") }
  var projected: String { t("推演", "PROJECTED") }
  var live: String { t("实时", "live") }
  var livePolling: String { t("实时(轮询)", "live (polling)") }
  var updated: String { t("更新 ", "updated ") }
  func moreErrors(_ n: Int) -> String { t("（另有 \(n) 处）", " (+\(n) more)") }
  var keptLastGood: String { t(" · 保留上次数据 ", " · kept last good data ") }
  var fileLeftOut: String { t(" · 此文件未计入 ", " · file left out ") }
  var pointsShort: String { t("分", "pt") }
  var filter: String { t("筛选", "Filter") }
  var help: String { t("帮助", "Help") }
  var apply: String { t("确定", "apply") }
  var cancel: String { t("取消", "cancel") }
  var rotating: String { t("轮播中", "rotating") }
  func every(_ seconds: String) -> String { t("每 \(seconds) 秒", "every \(seconds)s") }
  var pressAnyKeyToStop: String { t("按任意键停止", "press any key to stop") }
  var pressAnyKeyToClose: String { t("按任意键关闭", "press any key to close") }
  var circular: String { t("通报", "Circular") }
  var rankHistoryCrumb: String { t("排名", "rank history") }
  func tooSmall(need: String, now: String) -> String {
    t("终端太小：需要至少 \(need)，当前 \(now)", "Terminal too small: needs at least \(need), now \(now)")
  }
  var generated: String { t("生成于 ", "generated ") }

  // MARK: - Keys (footer and help)

  var keyMove: String { t("移动", "move") }
  var keyOpen: String { t("进入", "open") }
  var keyBack: String { t("返回", "back") }
  var keyTabs: String { t("标签页", "tabs") }
  var keyWeek: String { t("周", "week") }
  var keyMeeting: String { t("调度会", "meeting") }
  var keyNext: String { t("下一分指", "next") }
  var keyRotate: String { t("轮播", "rotate") }
  var keySort: String { t("排序", "sort") }
  var keyQuit: String { t("退出", "quit") }
  var mouse: String { t("鼠标", "mouse") }
  var helpOpenSubCommand: String { t("打开第 N 分指挥部", "open sub-command N") }
  var helpMove: String { t("上下移动", "move the selection") }
  var helpPage: String { t("翻页", "page up / down") }
  var helpEnds: String { t("到首行 / 末行", "first / last row") }
  var helpOpen: String { t("进入所选行", "open the selected row") }
  var helpBack: String { t("返回上一级", "back") }
  var helpTabs: String { t("切换标签页：指挥体系 测评体系 问题台账 红黑榜 责任落实", "next / previous tab") }
  var helpWeek: String { t("截至日期前移 / 后移一周", "as-of date one week back / forward") }
  var helpMeeting: String { t("上一次 / 下一次调度会", "previous / next meeting date") }
  var helpToday: String { t("回到数据截至日期", "back to the campaign's as-of date") }
  var helpNext: String { t("下一个 / 上一个分指挥部（会议逐一过）", "next / previous sub-command") }
  var helpRotate: String {
    t("自动轮播：总览 → 各分指挥部 → 红黑榜；任意键停止", "rotate overview → sub-commands → lists; any key stops")
  }
  var helpLedger: String { t("问题台账：按状态 / 分指挥部 / 来源筛选", "ledger: filter by state / sub-command / source") }
  var helpFilter: String { t("筛选（Enter 确定，Esc 清除）", "filter rows (Enter applies, Esc clears)") }
  var helpSort: String { t("切换排序", "change the sort order") }
  var helpPrint: String { t("打印本页快照（文本与 HTML）", "print this view (text and HTML)") }
  var helpTheme: String { t("切换配色主题", "next colour theme") }
  var helpReload: String { t("重新读取数据", "reload the campaign files") }
  var helpHelp: String { t("显示 / 关闭帮助", "show / hide this help") }
  var helpMouse: String { t("单击选中，双击进入，滚轮滚动", "click selects, double-click opens, wheel scrolls") }

  // MARK: - Organisation

  var leadingGroup: String { t("领导小组", "Leading group") }
  var headquarters: String { t("总指挥部", "Headquarters") }
  var office: String { t("创建办", "Office") }
  var liaison: String { t("联系领导", "Liaison") }
  var subCommand: String { t("分指挥部", "Sub-command") }
  var units: String { t("责任单位", "Units") }
  var unitHeader: String { t("单位", "Unit") }
  var responsibility: String { t("目标责任书", "Responsibility book") }
  var signed: String { t("签订", "signed") }
  var lead: String { t("牵头", "lead") }
  var support: String { t("配合", "support") }
  var owners: String { t("责任", "Owners") }
  var led: String { t("牵头指标", "Leads") }
  var supported: String { t("配合指标", "Supports") }
  var leadsNone: String { t("（无牵头指标）", "(leads none)") }
  var responsibleHeader: String { t("责任", "Owner") }
  func keyLabel(_ key: Int) -> String { t("第\(key)分指挥部", "Sub-command \(key)") }

  // MARK: - Indicators and tasks

  var indicators: String { t("测评指标", "Indicators") }
  var indicatorHeader: String { t("指标", "Indicator") }
  func indicatorCount(_ n: Int) -> String { t("\(n) 项指标", "\(n) indicators") }
  func categoryCount(_ n: Int) -> String { t("\(n) 类", "\(n) categories") }
  func itemCount(_ n: Int) -> String { t("\(n) 个测评项目", "\(n) items") }
  var tasks: String { t("工作任务", "Tasks") }
  var taskHeader: String { t("任务", "Task") }
  var definition: String { t("指标定义", "Definition") }
  var measure: String { t("计量", "Measure") }
  var method: String { t("测评方法", "Method") }
  var yesNo: String { t("是/否", "yes/no") }
  var higherIsBetter: String { t("越高越好", "higher is better") }
  var lowerIsBetter: String { t("越低越好", "lower is better") }
  var history: String { t("近8周", "Last 8 weeks") }
  var lastWeeks: String { t("近8周", "8 weeks") }
  var notes: String { t("最新报送", "Latest reports") }
  var noLeadUnit: String { t("无牵头单位", "no lead unit") }
  var noDeadline: String { t("无期限", "no deadline") }
  var deadline: String { t("期限", "Deadline") }
  var progress: String { t("进度", "Progress") }
  var ledProgress: String { t("牵头进度", "Led progress") }
  var percentSign: String { "%" }
  var statusHeader: String { t("状态", "Status") }
  var pointsHeader: String { t("分值", "Points") }
  var pointsUnit: String { t("分", " pts") }
  /// Percentage points: the change of a share (+2.5 百分点), never written as a percent.
  var percentPoints: String { t("百分点", " pp") }
  var earnedHeader: String { t("得分", "Earned") }
  var ledEarned: String { t("牵头得分", "Earned") }
  var expectedHeader: String { t("应达", "Expected") }
  var quantityHeader: String { t("数量", "Quantity") }
  var valueHeader: String { t("数值", "Value") }
  var dateHeader: String { t("日期", "Date") }
  var noteHeader: String { t("说明", "Note") }
  var keyHeader: String { t("键", "Key") }
  var actionHeader: String { t("作用", "Action") }
  var sinceLast: String { t("较上次", "Change") }
  func gainSince(_ date: String) -> String { t("上升 较\(date)", "Gain since \(date)") }
  var lossHeader: String { t("下降", "Loss") }
  func noChangeSince(_ date: String) -> String { t("较 \(date) 无变化", "no change since \(date)") }
  var none: String { t("无", "none") }
  var notFound: String { t("没有这一页", "no such page") }
  var all: String { t("全部", "all") }
  var listSeparator: String { t("；", "; ") }
  var enumerationComma: String { t("、", ", ") }

  // MARK: - Ledger

  var problems: String { t("问题台账", "Problems") }
  var fixRate: String { t("整改率", "Fix rate") }
  var overdue: String { t("逾期", "overdue") }
  var open: String { t("未整改", "open") }
  var fixed: String { t("已整改", "fixed") }
  var fixedLate: String { t("超期整改", "fixed late") }
  var fixedOn: String { t("整改于", "fixed on") }
  var overdueProblems: String { t("逾期问题", "Overdue") }
  var daysOverdueHeader: String { t("逾期天", "Days late") }
  var foundHeader: String { t("发现", "Found") }
  var kindHeader: String { t("类别", "Kind") }
  var placeHeader: String { t("地点", "Place") }
  var sourceHeader: String { t("来源", "Source") }
  var stateHeader: String { t("状态", "State") }
  var descriptionLabel: String { t("描述", "Description") }
  var fixRateByUnit: String { t("各单位整改率", "Fix rate by unit") }
  var fixedOnTimeOfDue: String { t("按期/到期", "On time/due") }
  var noProblemMatches: String { t("没有符合条件的问题", "no problem matches") }
  var notYetFound: String { t("截至当日尚未发现", "not yet found on the as-of date") }
  var unitsWithOverdue: String { t("有逾期问题的单位", "Units with overdue problems") }
  func problemCount(_ n: Int) -> String { t("\(n) 条", "\(n) problems") }

  func ledgerState(_ s: LedgerFilter.State) -> String {
    switch s {
    case .all: all
    case .open: open
    case .overdue: overdue
    case .fixed: fixed
    }
  }

  func source(_ x: Problem.Source) -> String {
    switch x {
    case .inspection: t("督查", "inspection")
    case .citizen: t("群众反映", "citizen")
    case .mock: t("模拟测评", "mock test")
    case .media: t("媒体曝光", "media")
    }
  }

  func severity(_ x: Problem.Severity) -> String {
    switch x {
    case .minor: t("一般", "minor")
    case .major: t("较重", "major")
    case .critical: t("严重", "critical")
    }
  }

  // MARK: - Meetings, rankings, circular

  func meeting(_ n: Int, _ date: String) -> String { t("第\(n)次调度会 \(date)", "Meeting \(n), \(date)") }
  func noMeetingOn(_ date: String) -> String { t("\(date)（非调度会日）", "\(date) (no meeting)") }
  var meetingHeader: String { t("调度会", "Meeting") }
  var previousMeeting: String { t("上次调度会", "previous meeting") }
  var noEarlierMeeting: String { t("此前无调度会", "no earlier meeting") }
  var circularTitle: String { t("创建工作通报", "Campaign circular") }
  var rankingRule: String { t("按整改率排名，并列按牵头指标进度", "by fix rate; ties by led progress") }
  func unitsRanked(_ n: Int) -> String { t("\(n) 个单位参与排名", "\(n) units ranked") }
  func unitsNothingDue(_ n: Int) -> String { t("\(n) 个尚无到期问题", "\(n) with nothing due") }
  func rankChangeSince(_ d: String) -> String { t("名次变化较 \(d)", "rank change since \(d)") }
  var redList: String { t("红榜", "Red list") }
  var blackList: String { t("黑榜", "Black list") }
  /// A unit's list in a table column: short, so the column stays narrow.
  var redMark: String { t("红榜", "red") }
  var blackMark: String { t("黑榜", "black") }
  var ledShort: String { t("牵头", "Leads") }
  var allRanked: String { t("全部排名", "All ranked") }
  var inARow: String { t("连续上榜：", "in a row: ") }
  var rankHeader: String { t("名次", "Rank") }
  var rankedOfHeader: String { t("参排", "Of") }
  var listHeader: String { t("榜", "List") }
  var rankChangeHeader: String { t("名次变化", "Moved") }
  var escalationHeader: String { t("问责", "Escalation") }
  var notRanked: String { t("未排名", "not ranked") }
  var listed: String { t("上榜", "listed") }
  var rankAtEveryMeeting: String { t("历次调度会排名", "rank at every meeting") }
  var openPage: String { t("单位页", "Unit page") }
  /// `约谈 首次`, `问责 连续4次`.
  func escalation(_ name: String, times: Int) -> String {
    times == 1 ? t("\(name) 首次", "\(name), 1st time") : t("\(name) 连续\(times)次", "\(name), \(times) in a row")
  }
  /// An escalation step of `campaign.json` in this language: the usual steps are translated, any
  /// other is shown as written.
  func escalationName(_ name: String) -> String {
    guard language == .en else { return name }
    switch name {
    case "约谈": return "talk"
    case "组织部约谈": return "talk at the organisation dept."
    case "问责": return "accountability"
    default: return name
    }
  }

  // MARK: - Audit

  var blindSpots: String { t("盲区", "Blind spots") }
  var auditMotto: String {
    t("层层有人管，项项有人抓，事事有人干，限时必达标", "every level managed, every item owned, every task done, every deadline met")
  }
  var noBlindSpots: String {
    t("无盲区：每项指标都有牵头单位，每个单位都有责任", "none: every indicator has a lead unit, every unit a duty")
  }
  var gapHeader: String { t("盲区", "Gap") }
  var subjectHeader: String { t("对象", "Subject") }
  var detailHeader: String { t("说明", "Detail") }
  var noShare: String { t("无责任分工", "no duty") }
  var leadsOrSupportsNothing: String { t("不牵头、不配合任何指标或任务", "leads or supports nothing") }
  var pointsMismatch: String { t("分值合计与总分不符", "points do not add up") }
  var matrixTitle: String { t("分指挥部 × 测评类别", "Sub-commands × categories") }
  var matrixNote: String { t("所负责指标的分值", "points of the indicators each answers for") }
  var totalHeader: String { t("合计", "Total") }
  var ofWhichNoLead: String { t("其中无牵头", "without lead") }
  var gap: String { t("空缺", "gap") }
  var heavy: String { t("过载", "heavy") }

  // MARK: - Choices

  func method(_ m: AssessmentMethod) -> String {
    switch m {
    case .site: t("实地考察", "site inspection")
    case .survey: t("问卷调查", "survey")
    case .document: t("材料审核", "document review")
    case .data: t("数据核查", "data check")
    }
  }

  func sort(_ s: SortOrder) -> String {
    switch s {
    case .lagging: t("需关注优先", "attention first")
    case .progress: t("按进度", "by progress")
    case .name: t("按名称", "by name")
    case .points: t("按分值", "by points")
    }
  }

  func tab(_ tab: Tab) -> String {
    switch tab {
    case .command: overviewTab
    case .indicators: t("测评体系", "Indicators")
    case .problems: t("问题台账", "Problems")
    case .rankings: t("红黑榜", "Red/black")
    case .audit: t("责任落实", "Audit")
    }
  }
}
