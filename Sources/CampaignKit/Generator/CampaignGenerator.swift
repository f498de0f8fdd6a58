import Foundation

/// A deterministic synthetic campaign of any size, for tests and benchmarks at scale.
///
/// The shapes follow docs/data-format.md exactly, so a generated directory loads without
/// errors; only the sizes (and the seed) change. Names are plausible Chinese so that width
/// handling is exercised as with real data.
public enum CampaignGenerator {
  public struct Options: Sendable, Equatable {
    public var seed: UInt64 = 1
    public var subCommands = 8
    public var unitsPerSubCommand = 5
    public var indicators = 133
    public var weeks = 35
    public var problems = 150
    public var tasks = 20

    public init() {}

    /// Sizes scaled from the bundled campaign's (8 × 5 units, 133 indicators, 150 problems).
    public static func scaled(_ factor: Int, seed: UInt64 = 1) -> Options {
      var o = Options()
      o.seed = seed
      o.unitsPerSubCommand = 5 * max(1, factor)
      o.indicators = 133 * max(1, factor)
      o.problems = 150 * max(1, factor)
      o.tasks = 20 * max(1, factor)
      return o
    }
  }

  public struct File: Sendable {
    public var path: String
    public var contents: String
  }

  static let start = Day(year: 2016, month: 1, day: 1)!
  static let end = Day(year: 2016, month: 12, day: 31)!
  static let firstFriday = Day(year: 2016, month: 1, day: 8)!

  static let categoryNames = [
    "廉洁高效的政务环境", "公正公平的法治环境", "规范守信的市场环境", "健康向上的人文环境",
    "有利于青少年健康成长的社会文化环境", "舒心便利的生活环境", "安全稳定的社会环境", "可持续发展的生态环境", "扎实有效的创建活动",
  ]
  static let unitStems = [
    "城管", "住建", "交警", "交通", "商务", "教育", "民政", "公安", "司法", "环保", "林业", "水利", "卫计", "文广", "团委", "妇联",
  ]
  static let indicatorStems = ["覆盖率", "达标率", "满意度", "知晓率", "完成率", "整改率", "亮灯率", "处置率"]
  static let problemKinds = ["乱摆乱放", "占道经营", "卫生死角", "牛皮癣小广告", "乱停乱放", "井盖破损", "路灯不亮", "噪音扰民"]

  /// Every file of the campaign, in a fixed order.
  public static func files(_ o: Options) -> [File] {
    var rng = SeededRandom(seed: o.seed)
    let subCount = min(8, max(1, o.subCommands))
    let weeks = max(1, o.weeks)
    let asOf = firstFriday + 7 * (weeks - 1)
    var files: [File] = []

    let meetings = (0..<52).map { firstFriday + 7 * $0 }.filter { $0 <= end }
    files.append(
      File(
        path: "campaign.json",
        contents: JSONText.file(
          [
            ("id", JSONText.quote("synthetic-\(o.seed)")), ("title", JSONText.quote("合成市创建文明城市（生成数据）")),
            ("city", JSONText.quote("合成市")),
            (
              "period",
              JSONText.object([("start", JSONText.quote("\(start)")), ("end", JSONText.quote("\(end)"))])
            ),
            ("asOf", JSONText.quote("\(min(asOf, end))")),
            ("totalPoints", JSONText.number(Double(o.indicators))),
            ("locale", JSONText.quote("zh")),
          ], listKey: "meetings", list: meetings.map { JSONText.quote("\($0)") })))

    // Organisation.
    var nodes: [String] = [
      JSONText.object([
        ("id", q("lg")), ("kind", q("leadingGroup")), ("name", q("创建文明城市工作领导小组")),
        ("leaders", JSONText.array([leader("组长", "市委书记"), leader("第一副组长", "市长")])),
      ]),
      JSONText.object([
        ("id", q("hq")), ("kind", q("headquarters")), ("parent", q("lg")), ("name", q("创文总指挥部")),
        ("leaders", JSONText.array([leader("政委", "政协主席"), leader("指挥长", "市委常委、宣传部长")])),
      ]),
      JSONText.object([("id", q("office")), ("kind", q("office")), ("parent", q("hq")), ("name", q("市创建办"))]),
    ]
    var units: [String] = []
    var unitsOfSub: [[String]] = []
    for s in 1...subCount {
      nodes.append(
        JSONText.object([
          ("id", q("sc\(s)")), ("kind", q("subCommand")), ("parent", q("hq")), ("key", "\(s)"),
          ("name", q("第\(s)分指挥部")), ("leaders", JSONText.array([leader("联系领导", "副市长")])),
        ]))
      var mine: [String] = []
      for u in 0..<max(1, o.unitsPerSubCommand) {
        let id = "u\(s)-\(u + 1)"
        let stem = unitStems[(s * 7 + u) % unitStems.count]
        nodes.append(
          JSONText.object([
            ("id", q(id)), ("kind", q(u % 5 == 4 ? "township" : "unit")), ("parent", q("sc\(s)")),
            ("name", q("\(stem)局第\(u + 1)责任单位")), ("short", q("\(stem)\(u + 1)")),
          ]))
        mine.append(id)
        units.append(id)
      }
      unitsOfSub.append(mine)
    }
    files.append(File(path: "organization.json", contents: JSONText.file([], listKey: "nodes", list: nodes)))

    // Indicators: spread over 9 categories, items of up to 5.
    struct Ind {
      var id: String
      var lead: String
      var baseline: Double
      var target: Double
      var kind: String
      var deadline: Day
      var pace: Double
    }
    var inds: [Ind] = []
    var categories: [String] = []
    let perCategory = (o.indicators + 8) / 9
    var made = 0
    for c in 0..<9 where made < o.indicators {
      var items: [String] = []
      var itemNo = 0
      while made < o.indicators && made < (c + 1) * perCategory {
        itemNo += 1
        var list: [String] = []
        for _ in 0..<5 where made < o.indicators && made < (c + 1) * perCategory {
          made += 1
          let sub = (made - 1) % subCount
          let mine = unitsOfSub[sub]
          let lead = mine[Int(rng.next() % UInt64(mine.count))]
          let isPercent = rng.unit() < 0.6
          let baseline = isPercent ? Double(40 + Int(rng.next() % 40)) : 0
          let target =
            isPercent
            ? min(100, baseline + Double(10 + Int(rng.next() % 30))) : Double(10 + Int(rng.next() % 500))
          let deadline = min(end, Day(year: 2016, month: 6 + Int(rng.next() % 7), day: 28)!)
          let id = "i\(c + 1)-\(itemNo)-\(list.count + 1)"
          inds.append(
            Ind(
              id: id, lead: lead, baseline: baseline, target: target, kind: isPercent ? "percent" : "count",
              deadline: deadline, pace: 0.5 + rng.unit() * 0.8))
          list.append(
            JSONText.object([
              ("id", q(id)),
              (
                "name",
                q("\(categoryNames[c].prefix(2))指标\(made)\(indicatorStems[made % indicatorStems.count])")
              ),
              ("points", "1"),
              (
                "measure",
                JSONText.object([
                  ("kind", q(isPercent ? "percent" : "count")), ("unit", q(isPercent ? "%" : "项")),
                  ("baseline", JSONText.number(baseline)), ("target", JSONText.number(target)),
                ])
              ),
              ("method", q(["site", "survey", "document", "data"][made % 4])), ("deadline", q("\(deadline)")),
              ("subCommand", q("sc\(sub + 1)")), ("lead", q(lead)),
              ("support", JSONText.array([q(mine[(mine.firstIndex(of: lead)! + 1) % mine.count])])),
            ]))
        }
        items.append(
          JSONText.object([
            ("id", q("i\(c + 1)-\(itemNo)")), ("name", q("测评项目\(c + 1)-\(itemNo)")),
            ("indicators", JSONText.array(list, multiline: true)),
          ]))
      }
      categories.append(
        JSONText.object([
          ("id", q("cat\(c + 1)")), ("name", q(categoryNames[c])),
          ("items", JSONText.array(items, multiline: true)),
        ]))
    }
    files.append(
      File(path: "indicators.json", contents: JSONText.file([], listKey: "categories", list: categories)))

    // Tasks.
    var taskRecords: [String] = []
    var taskPlan: [(id: String, lead: String, target: Double, pace: Double)] = []
    for t in 0..<o.tasks {
      let lead = units[Int(rng.next() % UInt64(units.count))]
      let target = Double(100 + Int(rng.next() % 2000))
      let id = "task-\(t + 1)"
      taskPlan.append((id, lead, target, 0.6 + rng.unit() * 0.6))
      taskRecords.append(
        JSONText.object([
          ("id", q(id)), ("name", q("专项整治任务\(t + 1)")),
          (
            "measure",
            JSONText.object([
              ("kind", q("count")), ("unit", q("处")), ("baseline", "0"), ("target", JSONText.number(target)),
            ])
          ),
          ("lead", q(lead)), ("deadline", q("2016-11-30")),
        ]))
    }
    files.append(File(path: "tasks.json", contents: JSONText.file([], listKey: "tasks", list: taskRecords)))

    // Problems.
    var problems: [String] = []
    let span = max(1, asOf - start)
    for p in 0..<o.problems {
      let found = start + Int(rng.next() % UInt64(span))
      let deadline = min(end, found + [1, 3, 7, 15][Int(rng.next() % 4)])
      let unit = units[Int(rng.next() % UInt64(units.count))]
      let roll = rng.unit()
      var pairs: [(String, String)] = [
        ("id", q(String(format6(p + 1)))), ("found", q("\(found)")), ("place", q("第\(p % 40 + 1)网格主干道")),
        ("kind", q(problemKinds[p % problemKinds.count])),
        ("severity", q(["minor", "major", "critical"][p % 3])),
        ("source", q(["inspection", "citizen", "mock", "media"][p % 4])), ("unit", q(unit)),
        ("deadline", q("\(deadline)")),
      ]
      var fixed: Day?
      if roll < 0.8 {
        fixed = min(end, found + Int(rng.next() % UInt64(deadline - found + 1)))
      } else if roll < 0.9 {
        fixed = min(end, deadline + 1 + Int(rng.next() % 5))
      }
      if let fixed {
        pairs.append(("fixed", q("\(fixed)")))
        // Most fixes are checked the next day; every tenth waits for verification (待复核).
        if p % 10 != 9 {
          pairs.append(
            ("verified", JSONText.object([("date", q("\(min(end, fixed + 1))")), ("by", q("创建办督查组"))])))
        }
      }
      problems.append(JSONText.object(pairs))
    }
    files.append(
      File(path: "problems.json", contents: JSONText.file([], listKey: "problems", list: problems)))

    // Reports: one file per unit and week.
    var byUnit: [String: [Int]] = [:]
    for (i, ind) in inds.enumerated() { byUnit[ind.lead, default: []].append(i) }
    var tasksByUnit: [String: [Int]] = [:]
    for (i, t) in taskPlan.enumerated() { tasksByUnit[t.lead, default: []].append(i) }
    for unit in units {
      let mineI = byUnit[unit] ?? []
      let mineT = tasksByUnit[unit] ?? []
      if mineI.isEmpty && mineT.isEmpty { continue }
      for w in 0..<weeks {
        let date = firstFriday + 7 * w
        guard date <= end else { break }
        var entries: [String] = []
        for i in mineI {
          let ind = inds[i]
          let e = ProgressMath.expected(on: date, start: start, deadline: ind.deadline)
          let f = min(1, e * ind.pace)
          var v = ind.baseline + (ind.target - ind.baseline) * f
          v = ind.kind == "percent" ? (v * 10).rounded() / 10 : v.rounded()
          entries.append(
            JSONText.object([("date", q("\(date)")), ("indicator", q(ind.id)), ("value", JSONText.number(v))])
          )
        }
        for t in mineT {
          let plan = taskPlan[t]
          let e = ProgressMath.expected(
            on: date, start: start, deadline: Day(year: 2016, month: 11, day: 30)!)
          let v = (plan.target * min(1, e * plan.pace)).rounded()
          entries.append(
            JSONText.object([("date", q("\(date)")), ("task", q(plan.id)), ("value", JSONText.number(v))]))
        }
        files.append(
          File(
            path: "reports/\(unit)-\(date).json",
            contents: JSONText.file([("unit", q(unit))], listKey: "entries", list: entries)))
      }
    }
    return files
  }

  private static func q(_ s: String) -> String { JSONText.quote(s) }
  private static func leader(_ role: String, _ title: String) -> String {
    JSONText.object([("role", q(role)), ("title", q(title))])
  }
  private static func format6(_ n: Int) -> String {
    let s = String(n)
    return "p-" + String(repeating: "0", count: max(0, 6 - s.count)) + s
  }
}

extension CampaignGenerator {
  /// Writes a generated campaign into `directory`, which must not exist or be empty: a
  /// generator never overwrites anything a user wrote.
  public static func write(_ o: Options, to directory: String) throws {
    let fm = FileManager.default
    if fm.fileExists(atPath: directory) {
      let contents = (try? fm.contentsOfDirectory(atPath: directory)) ?? ["?"]
      if !contents.isEmpty {
        throw AtomicFile.WriteError(
          description: "\(directory) is not empty; choose a new directory (nothing was written)")
      }
    }
    try fm.createDirectory(atPath: directory + "/reports", withIntermediateDirectories: true)
    for f in files(o) { try AtomicFile.write(f.contents, to: directory + "/" + f.path, overwrite: false) }
  }
}
