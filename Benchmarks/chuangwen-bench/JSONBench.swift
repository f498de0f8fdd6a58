import CampaignKit

/// Parser throughput on a generated ~10 MB file of typical report JSON (objects of short strings
/// and numbers, much of it Chinese), pretty-printed by JSONWriter. Not wired into main.swift; call
/// `JSONBench.run()` from there (or from a scratch harness) in a release build.
enum JSONBench {
  /// A deterministic report-like document of about `megabytes` MB.
  static func sampleDocument(megabytes: Int = 10) -> String {
    let units = ["市城管执法局", "市住建局", "市交通运输局", "市卫健局", "洪江区管委会", "黔城镇", "市文明办"]
    let items = ["更换雨水井盖", "主次干道无乱摆乱放", "公益广告刊播", "农贸市场整治", "背街小巷硬化", "文明劝导"]
    let statuses = ["done", "onTrack", "behind", "atRisk", "overdue"]
    var state: UInt64 = 2016
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var reports: [JSONValue] = []
    var size = 0
    var n = 0
    while size < megabytes * 1_000_000 {
      var entries: [JSONValue] = []
      for k in 0..<8 {
        let target = 50 + next(950)
        let entry: JSONValue = [
          "task": .string("t-\(n)-\(k)"),
          "item": .string(items[next(items.count)]),
          "done": .number(Double(next(target + 1))),
          "target": .number(Double(target)),
          "ratio": .number(Double(next(1000)) / 1000),
          "status": .string(statuses[next(statuses.count)]),
          "note": .string("已完成\(next(100))处，剩余部分本周内完成"),
          "photos": .array(values: (0..<next(4)).map { .string("img/\(n)-\(k)-\($0).jpg") }),
        ]
        entries.append(entry)
      }
      let report: JSONValue = [
        "schema": "chuangwen/1",
        "unit": .string(units[next(units.count)]),
        "date": .string("2016-0\(1 + next(9))-\(10 + next(18))"),
        "reporter": "联络员",
        "entries": .array(values: entries),
      ]
      size += JSONWriter.write(report).utf8.count
      reports.append(report)
      n += 1
    }
    return JSONWriter.write(["schema": "chuangwen/1", "reports": .array(values: reports)])
  }

  /// Prints the time of the first parse and the best of `rounds`, and the throughput. Every
  /// result is kept alive until the end so that no round allocates from a heap fragmented by the
  /// previous round's frees (which would make later rounds slower than a real single load).
  static func run(rounds: Int = 5) {
    let bytes = Array(sampleDocument().utf8)
    let clock = ContinuousClock()
    var times: [Duration] = []
    var roots: [JSONNode] = []
    for _ in 0..<rounds {
      let start = clock.now
      do {
        roots.append(try JSONParser.parse(bytes))
      } catch {
        print("bench: \(error)")
        return
      }
      times.append(clock.now - start)
    }
    func report(_ label: String, _ time: Duration) -> String {
      let c = time.components
      let seconds = Double(c.seconds) + Double(c.attoseconds) / 1e18
      return "\(label) \(Int(seconds * 1000)) ms (\(Int(Double(bytes.count) / 1_000_000 / seconds)) MB/s)"
    }
    print(
      "JSONParser: \(bytes.count) bytes, \(countNodes(roots[0].value)) values; "
        + report("first", times[0]) + ", " + report("best of \(rounds)", times.min()!))
  }

  static func countNodes(_ value: JSONValue) -> Int {
    switch value {
    case .array(let a): 1 + a.reduce(0) { $0 + countNodes($1.value) }
    case .object(let o): 1 + o.members.reduce(0) { $0 + countNodes($1.value.value) }
    default: 1
    }
  }
}
