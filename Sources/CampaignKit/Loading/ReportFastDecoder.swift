/// Decodes a report file that is exactly as chuangwen writes it (`schema`, `unit`, `entries` of
/// `date`, `indicator` or `task`, `value`, `note`) straight from its bytes into a
/// ``ReportFile``, without a JSON tree, an ``ObjectReader`` or a site per field.
///
/// Why: a campaign holds tens of thousands of report files of a few entries each; building and
/// walking a general tree for each, and keeping five heap strings of JSON path and position
/// per entry for the cross-file checks, was most of the time and memory of loading.
///
/// It decides nothing itself: anything it does not recognise as plainly fine (an escape, a
/// `null`, an unknown or repeated key, a wrong type, a missing field, a negative, exponent or
/// very long number, a value beyond the limits, a date that is not a date, anything that is
/// not strict JSON) makes it answer nil, and the general decoder reads the file and says what
/// is wrong, exactly as before. So a file it accepts is one the general decoder reads without
/// a single finding, into the same entries, and the positions it records are the ones the
/// general parser gives (line, and column in Unicode scalars).
enum ReportFastDecoder {
  static func decode(path: String, bytes: UnsafeBufferPointer<UInt8>) -> (ReportFile, ReportSites)? {
    var s = Scanner(bytes)
    return s.report(path: path)
  }
}

/// The positions of a report's fields, one record per entry (the entries are the file's, in
/// order, each one written): what the cross-file checks need to point at a reference, date or
/// value, kept as 28 bytes per entry instead of three sites with strings.
struct ReportSites: Sendable {
  var unit: PackedPosition
  var entries: [EntrySites]
}

struct EntrySites: Sendable {
  var subject: PackedPosition
  var date: PackedPosition
  var value: PackedPosition
  /// The value was written `true`/`false`.
  var wasBoolean: Bool
}

/// A ``SourcePosition`` in 8 bytes (a file is at most 64 MiB, so neither part overflows).
struct PackedPosition: Sendable {
  var line: UInt32
  var column: UInt32
  var position: SourcePosition { SourcePosition(line: Int(line), column: Int(column)) }
}

extension ReportSites {
  /// Each site the general decoder would have recorded, made one at a time for the checks
  /// and in its order (the unit, then each entry's subject; each entry's date; each value).
  func eachReference(of r: ReportFile, _ body: (ReferenceSite) -> Void) {
    body(ReferenceSite(target: .unit, id: r.unit, position: unit.position, jsonPath: SitePath(.top, "unit")))
    for (i, s) in zip(r.entries.indices, entries) {
      let e = r.entries[i]
      switch e.subject {
      case .indicator(let id):
        body(
          ReferenceSite(
            target: .indicator, id: id, position: s.subject.position,
            jsonPath: SitePath(entry: i, "indicator")))
      case .task(let id):
        body(
          ReferenceSite(
            target: .task, id: id, position: s.subject.position, jsonPath: SitePath(entry: i, "task")))
      }
    }
  }

  func eachDate(of r: ReportFile, _ body: (DateSite) -> Void) {
    for (i, s) in zip(r.entries.indices, entries) {
      body(DateSite(day: r.entries[i].date, position: s.date.position, jsonPath: SitePath(entry: i, "date")))
    }
  }

  func eachValue(of r: ReportFile, _ body: (ValueSite) -> Void) {
    for (i, s) in zip(r.entries.indices, entries) {
      let e = r.entries[i]
      body(
        ValueSite(
          subject: e.subject, value: e.value, position: s.value.position,
          jsonPath: SitePath(entry: i, "value"),
          wasBoolean: s.wasBoolean))
    }
  }
}

/// The byte scanner; every `nil` means "not plainly fine: let the general decoder say why".
private struct Scanner {
  let b: UnsafeBufferPointer<UInt8>
  let end: Int
  var i = 0
  var line: UInt32 = 1
  var lineStart = 0
  /// UTF-8 continuation bytes before `i` and before `lineStart`: the column counts scalars.
  var continuation = 0
  var continuationAtLineStart = 0

  init(_ b: UnsafeBufferPointer<UInt8>) {
    self.b = b
    end = b.count
  }

  var position: PackedPosition {
    PackedPosition(line: line, column: UInt32(i - lineStart - (continuation - continuationAtLineStart) + 1))
  }

  mutating func skipSpace() {
    while i < end {
      switch b[i] {
      case 0x20, 0x09, 0x0D: i += 1
      case 0x0A:
        i += 1
        line += 1
        lineStart = i
        continuationAtLineStart = continuation
      default: return
      }
    }
  }

  /// Skips whitespace and the byte `c`.
  mutating func expect(_ c: UInt8) -> Bool {
    skipSpace()
    guard i < end, b[i] == c else { return false }
    i += 1
    return true
  }

  /// A string without escapes or control characters, valid UTF-8; returns its byte range.
  mutating func stringRange() -> Range<Int>? {
    skipSpace()
    guard i < end, b[i] == 0x22 else { return nil }
    let start = i + 1
    var j = start
    var wide = false
    while j < end {
      let c = b[j]
      if c == 0x22 {
        if wide {
          // Validated the way the parser does (RFC 3629); counted for the columns after it.
          guard String(validating: UnsafeBufferPointer(rebasing: b[start..<j]), as: UTF8.self) != nil
          else { return nil }
          for k in start..<j where b[k] & 0xC0 == 0x80 { continuation += 1 }
        }
        i = j + 1
        return start..<j
      }
      if c == 0x5C || c < 0x20 { return nil }
      if c >= 0x80 { wide = true }
      j += 1
    }
    return nil
  }

  func text(_ r: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
  }

  func equals(_ r: Range<Int>, _ word: StaticString) -> Bool {
    guard r.count == word.utf8CodeUnitCount else { return false }
    let w = word.utf8Start
    var k = 0
    for x in r {
      if b[x] != w[k] { return false }
      k += 1
    }
    return true
  }

  /// `YYYY-MM-DD` read from the bytes as ``Day/init(_:)`` reads the string (without making one).
  func day(_ r: Range<Int>) -> Day? { Day(iso: UnsafeBufferPointer(rebasing: b[r])) }

  /// An id as the decoders accept it: not blank (some ASCII character other than a space;
  /// anything subtler is left to the general decoder).
  func plainID(_ r: Range<Int>) -> String? {
    for x in r where b[x] > 0x20 && b[x] < 0x7F { return text(r) }
    return nil
  }

  /// A number ≥ 0 the parser's exact fast path reads (digits, an optional fraction, at most 15
  /// significant digits, no exponent), within the data limits.
  mutating func number() -> Double? {
    var k = i
    var mantissa: UInt64 = 0
    var significant = 0
    var exponent = 0
    guard k < end, b[k] &- 0x30 < 10 else { return nil }
    if b[k] == 0x30 {
      k += 1
      if k < end && b[k] &- 0x30 < 10 { return nil }
    } else {
      while k < end, b[k] &- 0x30 < 10 {
        mantissa = mantissa &* 10 &+ UInt64(b[k] &- 0x30)
        significant += 1
        k += 1
      }
    }
    if k < end && b[k] == 0x2E {
      k += 1
      guard k < end, b[k] &- 0x30 < 10 else { return nil }
      while k < end, b[k] &- 0x30 < 10 {
        let d = b[k] &- 0x30
        if mantissa == 0 && d == 0 {
          exponent -= 1
        } else {
          mantissa = mantissa &* 10 &+ UInt64(d)
          significant += 1
          exponent -= 1
        }
        k += 1
      }
    }
    if k < end && (b[k] | 0x20) == 0x65 { return nil }
    guard significant <= 15, exponent >= -22 else { return nil }
    var value = Double(mantissa)
    if exponent < 0 { value /= exactPowersOfTen[-exponent] }
    guard value <= DataLimits.maximumValue else { return nil }
    i = k
    return value
  }

  mutating func word(_ w: StaticString) -> Bool {
    let n = w.utf8CodeUnitCount
    guard i + n <= end else { return false }
    for k in 0..<n where b[i + k] != w.utf8Start[k] { return false }
    // "truex" is not "true": the next byte must end the word.
    if i + n < end {
      let c = b[i + n]
      if (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10 || c == 0x5F || c == 0x24 { return false }
    }
    i += n
    return true
  }

  /// `{ member, … }` with a callback per key (positioned at the value); false stops.
  mutating func object(_ member: (inout Scanner, Range<Int>) -> Bool) -> Bool {
    guard expect(0x7B) else { return false }
    skipSpace()
    if i < end && b[i] == 0x7D {
      i += 1
      return true
    }
    while true {
      guard let key = stringRange(), expect(0x3A) else { return false }
      skipSpace()
      guard i < end, member(&self, key) else { return false }
      skipSpace()
      guard i < end else { return false }
      if b[i] == 0x2C {
        i += 1
        continue
      }
      if b[i] == 0x7D {
        i += 1
        return true
      }
      return false
    }
  }

  mutating func report(path: String) -> (ReportFile, ReportSites)? {
    var schema = false
    var unit: String?
    var unitAt = PackedPosition(line: 0, column: 0)
    var entries: [ReportEntry]?
    var sites: [EntrySites] = []
    let ok = object { s, key in
      if s.equals(key, "schema") {
        guard !schema, let r = s.stringRange(), s.equals(r, "chuangwen/1") else { return false }
        schema = true
        return true
      }
      if s.equals(key, "unit") {
        guard unit == nil else { return false }
        unitAt = s.position
        guard let r = s.stringRange(), let id = s.plainID(r) else { return false }
        unit = id
        return true
      }
      if s.equals(key, "entries") {
        guard entries == nil else { return false }
        var list: [ReportEntry] = []
        guard s.entries(into: &list, sites: &sites) else { return false }
        entries = list
        return true
      }
      return false
    }
    guard ok, schema, let unit, let entries else { return nil }
    skipSpace()
    guard i == end else { return nil }
    return (ReportFile(path: path, unit: unit, entries: entries), ReportSites(unit: unitAt, entries: sites))
  }

  mutating func entries(into list: inout [ReportEntry], sites: inout [EntrySites]) -> Bool {
    guard expect(0x5B) else { return false }
    skipSpace()
    if i < end && b[i] == 0x5D {
      i += 1
      return true
    }
    while true {
      guard entry(into: &list, sites: &sites) else { return false }
      skipSpace()
      guard i < end else { return false }
      if b[i] == 0x2C {
        i += 1
        continue
      }
      if b[i] == 0x5D {
        i += 1
        return true
      }
      return false
    }
  }

  mutating func entry(into list: inout [ReportEntry], sites: inout [EntrySites]) -> Bool {
    let none = PackedPosition(line: 0, column: 0)
    var date: Day?
    var subject: ReportSubject?
    var value: Double?
    var note: String?
    var site = EntrySites(subject: none, date: none, value: none, wasBoolean: false)
    let ok = object { s, key in
      if s.equals(key, "date") {
        guard date == nil else { return false }
        site.date = s.position
        guard let r = s.stringRange(), let d = s.day(r) else { return false }
        date = d
        return true
      }
      let isIndicator = s.equals(key, "indicator")
      if isIndicator || s.equals(key, "task") {
        guard subject == nil else { return false }
        site.subject = s.position
        guard let r = s.stringRange(), let id = s.plainID(r) else { return false }
        subject = isIndicator ? .indicator(id) : .task(id)
        return true
      }
      if s.equals(key, "value") {
        guard value == nil else { return false }
        site.value = s.position
        if s.word("true") {
          value = 1
          site.wasBoolean = true
        } else if s.word("false") {
          value = 0
          site.wasBoolean = true
        } else {
          guard let v = s.number() else { return false }
          value = v
        }
        return true
      }
      if s.equals(key, "note") {
        guard note == nil, let r = s.stringRange() else { return false }
        note = s.text(r)
        return true
      }
      return false
    }
    guard ok, let date, let subject, let value else { return false }
    list.append(ReportEntry(date: date, subject: subject, value: value, note: note ?? ""))
    sites.append(site)
    return true
  }
}
