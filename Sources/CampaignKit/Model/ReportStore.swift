/// Every report entry of a campaign, kept in columns: what each file and entry says, by number.
///
/// Why: a 50× campaign has 69 thousand report files and a quarter of a million entries. Held as
/// a struct per file with an array of entries (each naming its subject by a String), boxed per
/// version for the live reload, and copied again into per-subject series of points with three
/// strings each, they took about 1.5 KB per file, most of the dashboard's memory. In columns an
/// entry is 17 bytes (notes, which few entries have, are kept aside by entry) and a file 20
/// plus its path's bytes.
///
/// Append-only: a live reload adds the new version of a file at the end and the campaign stops
/// pointing at the old one; a full rebuild starts a fresh store. So a file id or an entry id,
/// once given, always means the same thing, and a campaign made earlier can go on reading the
/// store it was made with while the source appends to its own copy.
public struct ReportStore: Sendable {
  /// One file's version: where its path is in `pathBytes`, its unit and the run of entries it
  /// holds. Plain numbers, so copying the table of files (a live reload appends to a store a
  /// campaign still shares) is one copy of memory, not a retain per path.
  struct FileRecord: Sendable {
    var pathStart: Int32
    var pathCount: Int32
    var unit: Int32
    var start: Int32
    var count: Int32
    var entries: Range<Int> { Int(start)..<Int(start + count) }
  }

  /// The subjects and units known before any report is read (those the campaign's other files
  /// define), shared read-only by the stores that decoding on every core fills in parallel: a
  /// name found there costs one lookup and never needs renumbering when the stores are joined.
  final class Names: Sendable {
    let subjects: [ReportSubject]
    let subjectIndex: [ReportSubject: Int32]
    let units: [String]
    let unitIndex: [String: Int32]

    init(subjects: [ReportSubject], units: [String]) {
      self.subjects = subjects
      self.units = units
      subjectIndex = Dictionary(
        subjects.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
      unitIndex = Dictionary(units.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
    }

    static let none = Names(subjects: [], units: [])
  }

  let names: Names
  private(set) var files: [FileRecord] = []
  /// Every file's path (`reports/…`), UTF-8, one after the other.
  private(set) var pathBytes: [UInt8] = []
  // The entry columns, one value per entry.
  private(set) var day: [Int32] = []
  private(set) var value: [Double] = []
  private(set) var subject: [Int32] = []
  /// The value was written `true` or `false` (only a yes/no measure takes that).
  private(set) var boolean: [Bool] = []
  /// The notes of the entries that have one (nearly none do), by entry.
  private(set) var notes: [Int32: String] = [:]
  /// Subjects and units by number: those of `names` first, then any other a report names (one
  /// the campaign does not define: such a file fails its checks, unless the file that would
  /// define it could not be read at all, and then the campaign is not shown anyway).
  private var subjects: Numbering<ReportSubject>
  private var units: Numbering<String>

  init(names: Names = .none) {
    self.names = names
    subjects = Numbering(names.subjects, names.subjectIndex)
    units = Numbering(names.units, names.unitIndex)
  }

  /// A store of columns read back from a cache (``ReportCacheImage``), numbered by `names`
  /// alone: the caller has checked that every number is one of theirs and every run in bounds.
  init(
    names: Names, files: [FileRecord], pathBytes: [UInt8], day: [Int32], value: [Double], subject: [Int32],
    boolean: [Bool], notes: [Int32: String]
  ) {
    self.init(names: names)
    self.files = files
    self.pathBytes = pathBytes
    self.day = day
    self.value = value
    self.subject = subject
    self.boolean = boolean
    self.notes = notes
  }

  var entryCount: Int { day.count }
  var subjectCount: Int { subjects.count }
  var unitCount: Int { units.count }
  func subjectName(_ k: Int32) -> ReportSubject { subjects[k] }
  func unitName(_ k: Int32) -> String { units[k] }
  mutating func subjectNumber(_ s: ReportSubject) -> Int32 { subjects.number(s) }
  mutating func unitNumber(_ u: String) -> Int32 { units.number(u) }

  /// The path of file `id`.
  func path(_ id: Int32) -> String {
    let f = files[Int(id)]
    return pathBytes.withUnsafeBufferPointer { b in
      String(
        decoding: UnsafeBufferPointer(rebasing: b[Int(f.pathStart)..<Int(f.pathStart + f.pathCount)]),
        as: UTF8.self)
    }
  }

  /// The UTF-8 bytes of file `id`'s path, without making a String.
  func withPathBytes<R>(of id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let f = files[Int(id)]
    return pathBytes.withUnsafeBufferPointer { b in
      body(UnsafeBufferPointer(rebasing: b[Int(f.pathStart)..<Int(f.pathStart + f.pathCount)]))
    }
  }

  private mutating func addPath(_ path: String) -> (start: Int32, count: Int32) {
    let start = Int32(pathBytes.count)
    pathBytes.append(contentsOf: path.utf8)
    return (start, Int32(pathBytes.count) - start)
  }

  func noteText(_ e: Int) -> String { notes[Int32(e)] ?? "" }

  /// The file (version) entry `e` belongs to: files hold runs of entries in the order they were
  /// added, so a binary search over where each run starts finds it (a column of it would cost
  /// 4 bytes per entry). An empty file starts where the next one does, and the later one wins.
  func file(ofEntry e: Int) -> Int32 {
    files.withUnsafeBufferPointer { f in
      var lo = 0
      var hi = f.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if Int(f[mid].start) <= e { lo = mid + 1 } else { hi = mid }
      }
      return Int32(lo - 1)
    }
  }

  mutating func reserve(files f: Int, entries e: Int) {
    files.reserveCapacity(f)
    day.reserveCapacity(e)
    value.reserveCapacity(e)
    subject.reserveCapacity(e)
    boolean.reserveCapacity(e)
  }

  /// Lets go of the room growing left (up to half of each column, after a load that could not
  /// know its size beforehand): the store is kept for the whole session.
  mutating func trim() {
    func exact<T>(_ a: inout [T]) {
      guard a.capacity > a.count + a.count / 16 else { return }
      let copy = [T](unsafeUninitializedCapacity: a.count) { buffer, n in
        _ = buffer.initialize(fromContentsOf: a)
        n = a.count
      }
      a = copy
    }
    exact(&files)
    exact(&pathBytes)
    exact(&day)
    exact(&value)
    exact(&subject)
    exact(&boolean)
  }

  /// Adds one version of a file; `wasBoolean(i)` tells whether entry `i` was written as a
  /// boolean. Returns the file's id.
  @discardableResult
  mutating func append(_ r: ReportFile, wasBoolean: (Int) -> Bool = { _ in false }) -> Int32 {
    let id = Int32(files.count)
    let p = addPath(r.path)
    files.append(
      FileRecord(
        pathStart: p.start, pathCount: p.count, unit: unitNumber(r.unit), start: Int32(day.count),
        count: Int32(r.entries.count)))
    for (i, e) in r.entries.enumerated() {
      if !e.note.isEmpty { notes[Int32(day.count)] = e.note }
      day.append(Int32(truncatingIfNeeded: e.date.ordinal))
      value.append(e.value)
      subject.append(subjectNumber(e.subject))
      boolean.append(wasBoolean(i))
    }
    return id
  }

  /// Adds every file of `other` (filled with the same `names`), in its order. Returns the id
  /// its first file has here.
  @discardableResult
  mutating func append(contentsOf other: ReportStore) -> Int32 {
    let firstFile = Int32(files.count)
    let firstEntry = Int32(day.count)
    let seeded = Int32(names.subjects.count)
    let seededUnits = Int32(names.units.count)
    // Names `other` added of its own are numbered again here; the shared ones stay as they are.
    var subjectMap: [Int32] = []
    for s in other.subjects.extras { subjectMap.append(subjectNumber(s)) }
    var unitMap: [Int32] = []
    for u in other.units.extras { unitMap.append(unitNumber(u)) }
    let firstPathByte = Int32(pathBytes.count)
    pathBytes += other.pathBytes
    for f in other.files {
      var f = f
      f.start += firstEntry
      f.pathStart += firstPathByte
      if f.unit >= seededUnits { f.unit = unitMap[Int(f.unit - seededUnits)] }
      files.append(f)
    }
    day += other.day
    value += other.value
    boolean += other.boolean
    if subjectMap.isEmpty {
      subject += other.subject
    } else {
      subject += other.subject.map { $0 < seeded ? $0 : subjectMap[Int($0 - seeded)] }
    }
    for (e, text) in other.notes { notes[e + firstEntry] = text }
    return firstFile
  }

  /// Adds file `id` of `other` (a store with any names), renumbering its names. Returns its id here.
  @discardableResult
  mutating func append(file id: Int32, of other: ReportStore) -> Int32 {
    let f = other.files[Int(id)]
    let new = Int32(files.count)
    let p = addPath(other.path(id))
    files.append(
      FileRecord(
        pathStart: p.start, pathCount: p.count, unit: unitNumber(other.unitName(f.unit)),
        start: Int32(day.count),
        count: f.count))
    for e in f.entries {
      if let text = other.notes[Int32(e)] { notes[Int32(day.count)] = text }
      day.append(other.day[e])
      value.append(other.value[e])
      subject.append(subjectNumber(other.subjectName(other.subject[e])))
      boolean.append(other.boolean[e])
    }
    return new
  }

  /// Entry `e` as the decoder gave it.
  func entry(_ e: Int) -> ReportEntry {
    ReportEntry(
      date: Day(ordinal: Int(day[e])), subject: subjectName(subject[e]), value: value[e], note: noteText(e))
  }

  /// File `id` as the decoder gave it.
  func file(_ id: Int32) -> ReportFile {
    let f = files[Int(id)]
    return ReportFile(path: path(id), unit: unitName(f.unit), entries: f.entries.map(entry))
  }
}

/// Names numbered from a shared list first (shared read-only, never copied), then any others in
/// the order they first come.
struct Numbering<Key: Hashable & Sendable>: Sendable {
  private let seed: [Key]
  private let seedIndex: [Key: Int32]
  /// The names not in the shared list, numbered after it.
  private(set) var extras: [Key] = []
  private var extraIndex: [Key: Int32] = [:]

  init(_ seed: [Key], _ seedIndex: [Key: Int32]) {
    self.seed = seed
    self.seedIndex = seedIndex
  }

  var count: Int { seed.count + extras.count }

  subscript(k: Int32) -> Key { Int(k) < seed.count ? seed[Int(k)] : extras[Int(k) - seed.count] }

  mutating func number(_ key: Key) -> Int32 {
    if let k = seedIndex[key] ?? extraIndex[key] { return k }
    let k = Int32(count)
    extras.append(key)
    extraIndex[key] = k
    return k
  }
}
