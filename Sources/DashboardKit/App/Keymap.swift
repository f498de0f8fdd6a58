/// The one list of keys. The handler (`App.key`), the `?` help, the footer, the command's
/// `--help` text and README's key table are all generated from ``Keymap/bindings``; a test
/// fails when README's table is stale. Add a key here and it appears everywhere.
public enum Keymap {
  /// What a key does; `App.perform` gives each action its meaning.
  public enum Action: Hashable, Sendable {
    case openSubCommand, up, down, pageUp, pageDown, home, end, open, back, nextTab, previousTab
    case palette, filter, sort, ledgerState, ledgerSubCommand, ledgerSource, ledgerGrid
    case enterValue, markFixed, verify, reopen
    case weekBack, weekForward, meetingBack, meetingForward, today
    case nextSubCommand, previousSubCommand, rotate, print, nextTheme, reload, help, quit
  }

  /// Where a binding works.
  public enum Context: Sendable, Equatable {
    case everywhere
    /// Only on the 问题台账 tab.
    case ledger
    /// On the ledger, a problem's page and a grid cell's page (the loop's steps).
    case problems

    func applies(to page: Page) -> Bool {
      switch self {
      case .everywhere: true
      case .ledger: page == .problems
      case .problems:
        switch page {
        case .problems, .problem, .grid: true
        default: false
        }
      }
    }

    /// Where README's key table says the key works.
    var place: String {
      switch self {
      case .everywhere: "everywhere"
      case .ledger: "问题台账 tab"
      case .problems: "问题台账 tab, a problem's or a grid cell's page"
      }
    }
  }

  /// When a binding has a place in the footer.
  public enum FooterWhen: Sendable, Equatable {
    case never, always
    /// Only below a tab's root (Esc has nowhere to go at the root).
    case belowRoot
    /// Everywhere except the ledger, whose own keys take the room.
    case outsideLedger
  }

  public struct Binding: Sendable {
    /// The keys that trigger it (several: `Enter → l`).
    public var keys: [Key]
    /// How the keys are written in help (`Esc ← h ⌫`) and, when it differs, in ASCII.
    public var label: String
    public var asciiLabel: String?
    public var action: Action
    public var context: Context
    /// The help line, zh and en.
    public var help: (zh: String, en: String)
    /// The footer's short form: its key text and word, when it is shown, and its priority
    /// (lowest dropped first when the line is too narrow).
    public var footerKey: String
    public var footer: (zh: String, en: String)
    public var footerWhen: FooterWhen
    public var priority: Int

    func label(ascii: Bool) -> String { ascii ? (asciiLabel ?? label) : label }
    func help(_ language: Language) -> String { language == .zh ? help.zh : help.en }
    func footer(_ language: Language) -> String { language == .zh ? footer.zh : footer.en }
  }

  static func b(
    _ keys: [Key], _ label: String, ascii: String? = nil, _ action: Action, _ context: Context = .everywhere,
    help: (String, String), footer: (String, String)? = nil, key footerKey: String? = nil,
    when: FooterWhen = .always, priority: Int = 0
  ) -> Binding {
    Binding(
      keys: keys, label: label, asciiLabel: ascii, action: action, context: context, help: help,
      footerKey: footerKey ?? label, footer: footer ?? ("", ""), footerWhen: footer == nil ? .never : when,
      priority: priority)
  }

  public static let bindings: [Binding] = [
    b(
      (1...8).map { .char(Character(String($0))) }, "1 – 8", .openSubCommand,
      help: ("打开第 N 分指挥部", "open sub-command N"), footer: ("分指挥部", "sub-command"), key: "1-8",
      when: .outsideLedger, priority: 6),
    b(
      [.char(":"), .ctrl("k")], ": Ctrl-K", .palette,
      help: ("跳转：输入名称、编号或拼音首字母，Enter 打开", "jump: type a name, an id or pinyin initials, Enter opens"),
      footer: ("跳转", "jump"), key: ":", priority: 5),
    b(
      [.up, .down, .char("k"), .char("j")], "↑ ↓  j k", ascii: "Up Dn j k", .down,
      help: ("上下移动", "move the selection"), footer: ("移动", "move"), key: "↑↓", priority: 3),
    b([.pageUp, .pageDown], "PgUp PgDn", .pageDown, help: ("翻页", "page up / down")),
    b([.home, .end], "Home End", .end, help: ("到首行 / 末行", "first / last row")),
    b(
      [.enter, .right, .char("l")], "Enter → l", ascii: "Enter -> l", .open,
      help: ("进入所选行", "open the selected row"), footer: ("进入", "open"), key: "Enter", priority: 6),
    b(
      [.escape, .left, .char("h"), .backspace], "Esc ← h ⌫", ascii: "Esc <- h BkSp", .back,
      help: ("返回上一级（先清除筛选）", "back (clears a filter first)"), footer: ("返回", "back"), key: "Esc",
      when: .belowRoot, priority: 7),
    b(
      [.tab, .backTab], "Tab ⇧Tab", ascii: "Tab S-Tab", .nextTab,
      help: ("切换标签页：指挥体系 测评体系 问题台账 红黑榜 责任落实", "next / previous tab"),
      footer: ("标签页", "tabs"), key: "Tab", priority: 8),
    b(
      [.char("f")], "f", .ledgerState, .ledger,
      help: (
        "按状态筛选问题（全部 / 未整改 / 逾期 / 已整改 / 待复核）", "problems by state (all / open / overdue / fixed / to verify)"
      ),
      footer: ("状态", "state"), priority: 9),
    b(
      [.char("g")], "g", .ledgerSubCommand, .ledger, help: ("按分指挥部筛选问题", "problems by sub-command"),
      footer: ("分指挥部", "sub-command"), priority: 9),
    b(
      [.char("o")], "o", .ledgerSource, .ledger, help: ("按来源筛选问题", "problems by source"),
      footer: ("来源", "source"), priority: 9),
    b(
      [.char("w")], "w", .ledgerGrid, .ledger, help: ("按网格筛选问题", "problems by grid cell"),
      footer: ("网格", "grid"), priority: 2),
    b(
      [.char("x")], "x", .markFixed, .problems,
      help: ("所选问题已整改：填日期和说明，Enter 写入", "mark the selected problem fixed: date, note, Enter writes"),
      footer: ("整改", "fixed"), priority: 8),
    b(
      [.char("v")], "v", .verify, .problems,
      help: (
        "复核所选问题（销号）：填日期和复核人职务，Enter 写入", "verify the selected problem (closes it): date, by, Enter writes"
      ),
      footer: ("复核", "verify"), priority: 8),
    b(
      [.char("b")], "b", .reopen, .problems,
      help: (
        "退回所选问题重新整改（复查发现反弹）：填日期和原因，Enter 写入",
        "reopen the selected problem (the fix did not hold): date, reason, Enter writes"
      ),
      footer: ("退回", "reopen"), priority: 1),
    b(
      [.char("e")], "e", .enterValue,
      help: (
        "在指标或任务行录入数值：数值、日期（默认截至日期）、说明，Enter 写入，Esc 取消",
        "on an indicator or task row, enter a value: value, date (as-of by default), note; Enter writes, Esc cancels"
      )),
    b(
      [.char("/")], "/", .filter,
      help: (
        "筛选本页（Enter 确定，Esc 清除；无匹配时 Ctrl-K 转到跳转）",
        "filter this page (Enter applies, Esc clears; Ctrl-K jumps when nothing matches)"
      ),
      footer: ("筛选", "filter"), priority: 4),
    b([.char("s")], "s", .sort, help: ("切换排序", "change the sort order"), footer: ("排序", "sort"), priority: 1),
    b(
      [.char("["), .char("]")], "[ ]", .weekForward,
      help: ("截至日期前移 / 后移一周", "as-of date one week back / forward"), footer: ("周", "week"), priority: 7),
    b(
      [.char("{"), .char("}")], "{ }", .meetingForward,
      help: ("上一次 / 下一次调度会", "previous / next meeting date"), footer: ("调度会", "meeting"), priority: 4),
    b([.char("0")], "0", .today, help: ("回到数据截至日期", "back to the campaign's as-of date")),
    b(
      [.char("n"), .char("N")], "n N", .nextSubCommand,
      help: ("下一个 / 上一个分指挥部（在其下任何页面均可）", "next / previous sub-command (from any page below one)"),
      footer: ("下一分指", "next"), key: "n", priority: 2),
    b(
      [.char("a")], "a", .rotate,
      help: (
        "自动轮播：总览、各分指挥部、红黑榜（任意键停止）", "walk-through: overview, each sub-command, rankings (any key stops)"
      ),
      footer: ("轮播", "rotate"), priority: 1),
    b([.char("p")], "p", .print, help: ("打印本页快照（文本与 HTML）", "print this view (text and HTML)")),
    b([.char("t")], "t", .nextTheme, help: ("切换配色主题", "next colour theme")),
    b([.char("r")], "r", .reload, help: ("重新读取数据", "reload the campaign files")),
    b(
      [.char("?"), .function(1)], "? F1", .help, help: ("显示 / 关闭帮助", "show / hide this help"),
      footer: ("帮助", "help"), key: "?", priority: 10),
    b(
      [.char("q"), .function(10)], "q F10", .quit, help: ("退出", "quit"), footer: ("退出", "quit"), key: "q",
      priority: 10),
  ]

  /// The action of `key` on `page`; a page's own bindings win over the general ones.
  public static func action(for key: Key, on page: Page) -> Action? {
    if let k = lookup[key] {
      for (i, action) in k where bindings[i].context.applies(to: page) { return action }
    }
    return nil
  }

  /// The few keys whose action depends on which of a binding's keys was pressed.
  static func refine(_ action: Action, key: Key) -> Action {
    switch (action, key) {
    case (.down, .up), (.down, .char("k")): .up
    case (.pageDown, .pageUp): .pageUp
    case (.end, .home): .home
    case (.nextTab, .backTab): .previousTab
    case (.weekForward, .char("[")): .weekBack
    case (.meetingForward, .char("{")): .meetingBack
    case (.nextSubCommand, .char("N")): .previousSubCommand
    default: action
    }
  }

  /// Key → (binding index, action), page-specific bindings first.
  static let lookup: [Key: [(Int, Action)]] = {
    var out: [Key: [(Int, Action)]] = [:]
    for (i, b) in bindings.enumerated() {
      for k in b.keys {
        let entry = (i, refine(b.action, key: k))
        if b.context == .everywhere {
          out[k, default: []].append(entry)
        } else {
          out[k, default: []].insert(entry, at: 0)
        }
      }
    }
    return out
  }()

  /// The bindings for the help of `page`: that page's own keys first, then the general ones.
  /// The printed help (`.help`) lists every key, the other pages' own keys last.
  static func helpOrder(on page: Page) -> [Binding] {
    let own = bindings.filter { $0.context != .everywhere && $0.context.applies(to: page) }
    let others = page == .help ? bindings.filter { !$0.context.applies(to: page) } : []
    return own + bindings.filter { $0.context == .everywhere } + others
  }

  /// The footer's hints for the state on screen, this page's own keys first, then in table
  /// order, with their priorities.
  static func footer(_ app: App, language: Language) -> [(key: String, label: String, priority: Int)] {
    helpOrder(on: app.page).compactMap { b in
      let shown: Bool
      switch b.footerWhen {
      case .never: shown = false
      case .always: shown = true
      case .belowRoot: shown = app.stack.count > 1
      case .outsideLedger: shown = app.page != .problems
      }
      guard shown, b.context.applies(to: app.page) else { return nil }
      return (b.footerKey, b.footer(language), b.priority)
    }
  }

  /// README's key table (English, Markdown), generated; `KeymapTests` compares it with README.
  public static func markdownTable() -> String {
    var out = "| key | does | where |\n| --- | --- | --- |\n"
    for b in bindings {
      let keys = b.label.split(separator: " ").filter { !$0.isEmpty }.map { "`\($0)`" }.joined(separator: " ")
      let place = b.context.place
      out += "| \(keys) | \(b.help.en) | \(place) |\n"
    }
    out +=
      "| mouse | click selects, double-click opens, wheel scrolls; a click on a tab or a breadcrumb goes there | everywhere |\n"
    return out
  }

  /// The help text of the binding for `action`.
  static func help(_ action: Action, _ language: Language) -> String {
    bindings.first { $0.action == action }?.help(language) ?? ""
  }

  /// One line for `chuangwen dashboard --help`.
  public static func summary() -> String {
    bindings.filter { $0.footerWhen != .never || $0.context == .everywhere }.map {
      "\($0.label(ascii: false)) \($0.footer.en.isEmpty ? $0.help.en : $0.footer.en)"
    }.joined(separator: " · ")
  }
}
