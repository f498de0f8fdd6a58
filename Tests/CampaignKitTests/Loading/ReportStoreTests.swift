import Testing

@testable import CampaignKit

/// The columns give back exactly the files put in, however they were put in: one at a time,
/// joined from stores filled apart (as decoding on every core does), or copied from a store
/// numbered by other names (as a re-check into a fresh store does).
@Suite struct ReportStoreTests {
  /// Files of a few entries each over a pool of subjects and units, some of them outside
  /// `names`; some files empty, some entries with a note.
  static func randomFiles(_ count: Int, seed: UInt64) -> [ReportFile] {
    var rng = SeededRandom(seed: seed)
    let subjects: [ReportSubject] =
      (0..<12).map { .indicator("i\($0)") } + (0..<4).map { .task("t\($0)") } + [.indicator("stray")]
    let units = ["u-a", "u-b", "u-c", "u-stray"]
    return (0..<count).map { n in
      let entries = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
        ReportEntry(
          date: Day(ordinal: 16_800 + Int.random(in: 0...300, using: &rng)),
          subject: subjects.randomElement(using: &rng)!,
          value: Double(Int.random(in: 0...1000, using: &rng)) / 10,
          note: Int.random(in: 0..<5, using: &rng) == 0 ? "说明 \(n)" : "")
      }
      return ReportFile(
        path: "reports/f-\(n)-甲.json", unit: units.randomElement(using: &rng)!, entries: entries)
    }
  }

  static let names = ReportStore.Names(
    subjects: (0..<12).map { .indicator("i\($0)") } + (0..<4).map { .task("t\($0)") },
    units: ["u-a", "u-b", "u-c"])

  @Test func filesComeBackAsTheyWentIn() {
    let files = Self.randomFiles(200, seed: 7)
    var store = ReportStore(names: Self.names)
    for f in files { store.append(f) }
    #expect((0..<Int32(files.count)).map { store.file($0) } == files)
    #expect(store.entryCount == files.reduce(0) { $0 + $1.entries.count })
    store.trim()
    #expect((0..<Int32(files.count)).map { store.file($0) } == files)
  }

  @Test func storesFilledApartJoinIntoOne() {
    let files = Self.randomFiles(300, seed: 11)
    var parts = [ReportStore](repeating: ReportStore(names: Self.names), count: 3)
    for (i, f) in files.enumerated() { parts[i * 3 / files.count].append(f) }
    var whole = ReportStore(names: Self.names)
    var firsts: [Int32] = []
    for p in parts { firsts.append(whole.append(contentsOf: p)) }
    #expect(firsts == [0, Int32(parts[0].files.count), Int32(parts[0].files.count + parts[1].files.count)])
    #expect((0..<Int32(files.count)).map { whole.file($0) } == files)
    // Every entry finds its file, empty files in between notwithstanding.
    for id in 0..<Int32(files.count) {
      for e in whole.files[Int(id)].entries { #expect(whole.file(ofEntry: e) == id) }
    }
    // A name outside `names` is numbered once, whichever part brought it.
    let strays = (0..<Int32(whole.subjectCount)).filter { whole.subjectName($0) == .indicator("stray") }
    #expect(strays.count == 1)
  }

  @Test func aFileCopiedIntoAStoreOfOtherNamesKeepsItsContent() {
    let files = Self.randomFiles(80, seed: 3)
    var from = ReportStore(names: Self.names)
    for f in files { from.append(f) }
    var to = ReportStore(names: ReportStore.Names(subjects: [.task("t3"), .indicator("i5")], units: ["u-c"]))
    for id in stride(from: Int32(files.count - 1), through: 0, by: -1) { to.append(file: id, of: from) }
    #expect((0..<Int32(files.count)).map { to.file($0) } == files.reversed())
    #expect(to.path(0) == files.last!.path)
  }
}
