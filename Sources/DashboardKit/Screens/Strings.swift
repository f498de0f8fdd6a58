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

  var mouse: String { t("鼠标", "mouse") }
  var keyOpenWord: String { t("打开", "open") }
  var paletteJump: String { t("跳转", "jump") }
  var paletteChoose: String { t("选择", "choose") }
  var paletteTitle: String { t("跳转", "Jump to") }
  var paletteTheme: String { t("配色主题", "colour theme") }
  var paletteAsOf: String { t("查看该日的数据", "look at that date") }
  var paletteMeeting: String { t("调度会", "meeting") }
  func paletteCount(_ shown: Int, _ total: Int) -> String {
    t("\(total) 项匹配", shown < total ? "\(total) matches" : "\(total) match" + (total == 1 ? "" : "es"))
  }
  var paletteNone: String { t("没有匹配项", "nothing matches") }
  var paletteHint: String { t("输入名称、编号或拼音首字母", "type a name, an id or pinyin initials") }
  func filterNothing(_ text: String) -> String {
    t("本页没有匹配“\(text)”的行 · 按 Ctrl-K 在全部数据中查找", "no row here matches “\(text)” · Ctrl-K searches everything")
  }
  func kind(_ k: JumpEntry.Kind) -> String {
    switch k {
    case .subCommand: t("分指挥部", "sub-command")
    case .unit: t("单位", "unit")
    case .grid: t("网格", "grid cell")
    case .indicator: t("指标", "indicator")
    case .task: t("任务", "task")
    case .problem: t("问题", "problem")
    case .tab: t("标签页", "tab")
    case .command: t("命令", "command")
    }
  }
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
  var noProblemsInGrid: String { t("本网格尚无问题", "no problem in this grid cell yet") }
  var notYetFound: String { t("截至当日尚未发现", "not yet found on the as-of date") }
  var unitsWithOverdue: String { t("有逾期问题的单位", "Units with overdue problems") }
  func problemCount(_ n: Int) -> String { t("\(n) 条", "\(n) problems") }

  func ledgerState(_ s: LedgerFilter.State) -> String {
    switch s {
    case .all: all
    case .open: open
    case .overdue: overdue
    case .fixed: fixed
    case .awaitingVerification: stage(.awaitingVerification)
    }
  }

  /// The loop's stage, one word each (CampaignKit's ``ProblemStage/label`` in Chinese).
  func stage(_ st: ProblemStage) -> String {
    switch st {
    case .found: t(st.label, "to assign")
    case .assigned: t(st.label, "assigned")
    case .reopened: t(st.label, "reopened")
    case .awaitingVerification: t(st.label, "to verify")
    case .closed: t(st.label, "closed")
    }
  }
  var stageHeader: String { t("环节", "Stage") }
  /// The widest stage word, so the ledger's stage column never cuts one.
  var stageWidth: Int { ProblemStage.allCases.map { DisplayWidth.of(stage($0)) }.max() ?? 6 }
  /// The widest word of the ledger's state column (超期整改, fixed late).
  var problemStateWidth: Int { [fixed, fixedLate, overdue, open].map(DisplayWidth.of).max() ?? 4 }
  var gridHeader: String { t("网格", "Grid") }
  var grids: String { t("网格化管理", "Grid cells") }
  var gridLeaders: String { t("网格长 / 网格员", "Grid leaders") }
  var gridNote: String { t("问题台账 w 按网格筛选", "w on the ledger filters by grid") }
  var loopHistory: String { t("闭环记录", "The loop") }
  var assignedOn: String { t("交办", "assigned") }
  var fixedStep: String { t("整改", "fixed") }
  var verifiedStep: String { t("复核销号", "verified, closed") }
  var reopenedStep: String { t("退回重新交办", "reopened") }
  var foundStep: String { t("发现", "found") }
  var byHeader: String { t("复核人", "By") }

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

  // MARK: - 催报 (units that have not reported this week)

  /// The list's name (a unit that owes a week's report and has none), not the status of an
  /// indicator without a first report (``status(_:)``'s 未报送).
  var missingReports: String { t("本周未报送", "Not reported this week") }
  func missingCount(_ n: Int, of all: Int) -> String { t("\(n)/\(all) 个单位", "\(n) of \(all) units") }
  func reportingWeek(_ w: ReportingWeek) -> String {
    t(
      "\(w.label) \(Format.shortDate(w.start))–\(Format.shortDate(w.end))",
      "week \(w.number), \(Format.shortDate(w.start))–\(Format.shortDate(w.end))")
  }
  var weeksInARowHeader: String { t("连续未报", "Weeks") }
  func weeksInARow(_ n: Int) -> String { t("\(n) 周", n == 1 ? "1 week" : "\(n) weeks") }
  var lastReportedHeader: String { t("最近报送", "Last report") }
  var neverReported: String { t("从未报送", "never") }
  var everyoneReported: String { t("本周各单位均已报送", "every unit has reported this week") }
  var unassigned: String { t("未归属分指挥部", "no sub-command") }

  // MARK: - The entry form (e, x, v)

  var enterValueTitle: String { t("录入数值", "Enter a value") }
  var markFixedTitle: String { t("整改", "Mark fixed") }
  var verifyTitle: String { t("复核销号", "Verify and close") }
  var reopenTitle: String { t("退回重新整改", "Reopen") }
  var formTarget: String { t("目标", "target") }
  var formKeys: String { t("Enter 写入 · Tab 下一项 · Esc 取消", "Enter writes · Tab next field · Esc cancels") }
  func fieldLabel(_ f: EntryForm.FieldName) -> String {
    switch f {
    case .value: t("数值", "Value")
    case .date: t("日期", "Date")
    case .note: t("说明", "Note")
    case .by: t("复核人（职务）", "By (title)")
    }
  }

  // MARK: - Meetings, rankings, circular

  func meeting(_ n: Int, _ date: String) -> String { t("第\(n)次调度会 \(date)", "Meeting \(n), \(date)") }
  func noMeetingOn(_ date: String) -> String { t("\(date)（非调度会日）", "\(date) (no meeting)") }
  var meetingHeader: String { t("调度会", "Meeting") }
  var previousMeeting: String { t("上次调度会", "previous meeting") }
  var noEarlierMeeting: String { t("此前无调度会", "no earlier meeting") }
  var circularTitle: String { t("创建工作通报", "Campaign circular") }

  // MARK: - The circular as a document (通报)

  /// The series when campaign.json names none.
  var circularSeries: String { t("创文工作通报", "Campaign circular") }
  /// `第35期`: the issue number, which is the meeting's.
  func issue(_ n: Int) -> String { t("第\(n)期", "No. \(n)") }
  /// `第35次调度会`.
  func meetingNumber(_ n: Int) -> String { t("第\(n)次调度会", "Meeting \(n)") }
  /// `2016年9月2日`, `2 September 2016`.
  func longDate(_ d: Day) -> String {
    let c = d.components
    let months = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December",
    ]
    return t("\(c.year)年\(c.month)月\(c.day)日", "\(c.day) \(months[c.month - 1]) \(c.year)")
  }
  /// Section numbers of a Chinese official document: 一、二、… (1. 2. … in English).
  func section(_ n: Int, _ title: String) -> String {
    let han = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    return t("\(n <= 10 ? han[n - 1] : String(n))、\(title)", "\(n). \(title)")
  }
  var overallSection: String { t("总体情况", "Overall") }
  var subCommandSection: String { t("各分指挥部推进情况", "Sub-commands") }
  var notReportedSection: String { t("未报送单位（催报）", "Units that have not reported (chase)") }
  var overdueSection: String { t("逾期未整改问题", "Overdue problems") }
  var listsSection: String { t("红黑榜", "Red and black lists") }
  var nextStepsSection: String { t("下步工作要求", "Next steps") }
  var submitTo: String { t("报送", "To") }
  var copyTo: String { t("抄送", "Copy") }
  var liaisonLeader: String { t("联系领导", "liaison leader") }
  var subCommandNumberHeader: String { t("序号", "No.") }
  var liaisonLeaderHeader: String { t("联系领导", "Liaison leader") }
  var countHeader: String { t("家数", "Units") }
  var leadUnitHeader: String { t("牵头单位", "Lead unit") }
  var deadlineHeader: String { t("完成时限", "Deadline") }
  var unitsNotReportedHeader: String { t("未报送单位", "Units not reported") }
  var longestRunHeader: String { t("最长连续未报", "Longest run") }
  func weeks(_ n: Int) -> String { t("\(n)周", n == 1 ? "1 week" : "\(n) weeks") }
  /// A unit's name with how many weeks in a row it has not reported (brackets of the language).
  func nameWithWeeks(_ name: String, _ n: Int) -> String {
    t("\(name)（\(weeks(n))）", "\(name) (\(weeks(n)))")
  }
  /// A label and its value on one line of running text (报送：…, To: …).
  func labelled(_ label: String, _ value: String) -> String { t("\(label)：\(value)", "\(label): \(value)") }
  /// Where the seal goes on paper, the same mark in every format.
  func sealMark(_ seal: String) -> String { t("［\(seal)］", "[\(seal)]") }
  var allReported: String { t("本周各责任单位均已报送。", "Every responsible unit has reported this week.") }
  /// The week a 催报 list is about: `2016-08-29 至 2016-09-04`.
  func reportingWeek(_ from: Day, _ to: Day) -> String { t("报送周 \(from) 至 \(to)", "week \(from) to \(to)") }
  var noOverdueProblems: String { t("截至本期无逾期未整改问题。", "No problem is overdue.") }
  var dueHeader: String { t("整改时限", "Due") }
  var stepHeader: String { t("升级措施", "Step") }
  var stepMeaningHeader: String { t("措施内容", "What it means") }
  var fixByHeader: String { t("整改期限", "Fix by") }
  var noLists: String { t("本期未排出红黑榜（尚无到期问题）。", "No lists this time (no problem due yet).") }
  var blackListRule: String {
    t(
      "连续上黑榜逐级升级，须在整改期限内完成整改。",
      "Each further meeting on the black list raises the step; fix by the date given.")
  }
  /// The 总体情况 paragraph.
  func overall(
    asOf: String, earned: String, points: String, percent: String, change: (meeting: String, words: String)?
  ) -> String {
    var out = t(
      "截至\(asOf)，全市创建工作得分\(earned)分（满分\(points)分），完成\(percent)",
      "As of \(asOf) the city has \(earned) of \(points) points, \(percent) done")
    if let c = change {
      out += t("，较\(c.meeting)\(c.words)", "; since \(c.meeting): \(c.words)")
    } else {
      out += t("（\(noEarlierMeeting)）", " (\(noEarlierMeeting))")
    }
    return out + t("。", ".")
  }
  /// `133项指标中：✓完成 15项、…；需关注 31项。`
  func indicatorCounts(_ total: Int, _ parts: [String], attention: Int) -> String {
    t(
      "\(total)项指标中：\(parts.joined(separator: "、"))；需关注\(attention)项。",
      "Of \(total) indicators: \(parts.joined(separator: ", ")); \(attention) need attention.")
  }
  /// A change in prose: `提高3.4分、2.5个百分点`, `下降0.2分、0.1个百分点`, `持平`.
  func change(_ d: Double, points: String, percentPoints: String) -> String {
    guard points != "0.0" && points != "0.00" else { return t("持平", "unchanged") }
    return d > 0
      ? t("提高\(points)分、\(percentPoints)个百分点", "up \(points) pts, \(percentPoints) pp")
      : t("下降\(points)分、\(percentPoints)个百分点", "down \(points) pts, \(percentPoints) pp")
  }
  func countOf(_ word: String, _ n: Int) -> String { t("\(word)\(n)项", "\(n) \(word)") }
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
