import CampaignKit

/// The words of the screens, in Chinese (the default) and English. One table, so a screen
/// never carries a string literal a translator could miss.
public struct Strings: Sendable {
  public let language: Language

  public init(_ language: Language) { self.language = language }

  func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  var overviewTab: String { t("指挥体系", "Command") }
  var asOf: String { t("截至", "as of") }
  var days: String { t("天", "days") }
  func daysLeft(_ n: Int) -> String { t("剩余 \(n) 天", "\(n) days left") }
  var total: String { t("总分", "Score") }
  var leadingGroup: String { t("领导小组", "Leading group") }
  var headquarters: String { t("总指挥部", "Headquarters") }
  var office: String { t("创建办", "Office") }
  var liaison: String { t("联系领导", "Liaison") }
  var units: String { t("责任单位", "Units") }
  var indicators: String { t("测评指标", "Indicators") }
  var tasks: String { t("工作任务", "Tasks") }
  var problems: String { t("问题台账", "Problems") }
  var led: String { t("牵头指标", "Leads") }
  var supported: String { t("配合指标", "Supports") }
  var responsibility: String { t("目标责任书", "Responsibility book") }
  var signed: String { t("签订", "signed") }
  var rectification: String { t("整改率", "Fix rate") }
  var overdue: String { t("逾期", "overdue") }
  var open: String { t("未整改", "open") }
  var lagging: String { t("滞后", "lagging") }
  var points: String { t("分", "pts") }
  var deadline: String { t("期限", "deadline") }
  var definition: String { t("指标定义", "Definition") }
  var measure: String { t("计量", "Measure") }
  var method: String { t("测评方法", "Method") }
  var owners: String { t("责任", "Owners") }
  var lead: String { t("牵头", "lead") }
  var support: String { t("配合", "support") }
  var history: String { t("近8周", "Last 8 weeks") }
  var notes: String { t("最新报送", "Latest reports") }
  var noReport: String { t("尚未报送", "no report yet") }
  var none: String { t("无", "none") }
  var subCommand: String { t("分指挥部", "Sub-command") }
  var filter: String { t("筛选", "Filter") }
  var help: String { t("帮助", "Help") }
  var noBlindSpot: String { t("无牵头单位", "no lead unit") }
  var tooSmall: String { t("终端太小", "Terminal too small") }

  func status(_ s: Status) -> String {
    switch s {
    case .done: t("完成", "done")
    case .onTrack: t("正常", "on track")
    case .behind: t("滞后", "behind")
    case .atRisk: t("危险", "at risk")
    case .overdue: t("逾期", "overdue")
    }
  }

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
    case .lagging: t("滞后优先", "lagging first")
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

  /// The heading of the delta column.
  func sinceMeeting(wide: Bool) -> String { wide ? t("较上次调度会", "since meeting") : t("较上次", "Δ") }

  func keyLabel(_ key: Int) -> String { t("第\(key)分指挥部", "Sub-command \(key)") }
}
