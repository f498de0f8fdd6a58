import Foundation

/// The bytes of a ``ReportCache`` file: a fixed header of counts, then the columns of a
/// ``ReportStore`` one after the other, each read straight into its array (no second copy of a
/// 50× campaign's megabytes).
///
/// Header (eleven 64-bit words): magic, format, checksum of everything after the header, and
/// the counts: campaign path bytes, files, path bytes, entries, notes, note bytes, and the
/// campaign's subjects and units (its `ReportStore.Names`). Then: the program's stamp, the five
/// required files' stamps, the campaign's path, per file its stamp, unit, entry count and path
/// length, the path bytes (files sorted by them), the entry columns (day, value, subject,
/// boolean), and the notes (entry, length, bytes). Native byte order: a cache never leaves the
/// machine (and build) that wrote it.
enum ReportCacheImage {
  static let magic: UInt64 = 0x3145_4843_4143_5743  // "CWCACHE1"
  /// Bumped whenever the layout or the meaning of a column changes.
  static let format: UInt64 = 1
  static let headerWords = 11

  /// What a cache must match to be used.
  struct Context {
    var campaign: String
    var program: FileStamp
    var required: [FileStamp]
    var names: ReportStore.Names
  }

  // MARK: - Reading

  /// The cached reports at `path`, nil when there is no file or it does not match `context`,
  /// is short, corrupt or out of bounds.
  static func read(_ path: String, context: Context) -> CachedReports? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var reader = Reader(fd: fd)
    guard let header: [UInt64] = reader.array(headerWords), header[0] == magic, header[1] == format else {
      return nil
    }
    reader.sum = Checksum()
    let counts = header[3...].map { Int(truncatingIfNeeded: $0) }
    let (campaignBytes, fileCount, pathByteCount, entryCount, noteCount, noteByteCount) = (
      counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]
    )
    let (subjects, units) = (counts[6], counts[7])
    guard counts.allSatisfy({ $0 >= 0 && $0 < 1 << 40 }), subjects == context.names.subjects.count,
      units == context.names.units.count
    else { return nil }
    let stampSize = MemoryLayout<FileStamp>.stride
    let total =
      headerWords * 8 + stampSize * (1 + context.required.count) + campaignBytes + fileCount
      * (stampSize + 12)
      + pathByteCount + entryCount * (4 + 8 + 4 + 1) + noteCount * 8 + noteByteCount
    var st = stat()
    // Only a file this user wrote and nobody else can change (a cache folder set to a shared
    // place must not let another user put figures on the screen).
    guard fstat(fd, &st) == 0, Int(st.st_size) == total, st.st_uid == geteuid(), st.st_mode & 0o022 == 0
    else {
      return nil
    }

    guard let program: [FileStamp] = reader.array(1), program[0] == context.program,
      let required: [FileStamp] = reader.array(context.required.count), required == context.required,
      let campaign: [UInt8] = reader.array(campaignBytes), campaign.elementsEqual(context.campaign.utf8),
      let stamps: [FileStamp] = reader.array(fileCount),
      let fileUnits: [Int32] = reader.array(fileCount),
      let entryCounts: [Int32] = reader.array(fileCount),
      let pathCounts: [Int32] = reader.array(fileCount),
      let pathBytes: [UInt8] = reader.array(pathByteCount),
      let day: [Int32] = reader.array(entryCount),
      let value: [Double] = reader.array(entryCount),
      let subject: [Int32] = reader.array(entryCount),
      let boolean: [UInt8] = reader.array(entryCount),
      let noteEntries: [Int32] = reader.array(noteCount),
      let noteLengths: [Int32] = reader.array(noteCount),
      let noteBytes: [UInt8] = reader.array(noteByteCount),
      reader.sum.value == header[2]
    else { return nil }

    // In bounds, numbered by the campaign's names, and in path order: what the store and the
    // lookups take for granted.
    var files: [ReportStore.FileRecord] = []
    files.reserveCapacity(fileCount)
    var pathStart = 0
    var start = 0
    for i in 0..<fileCount {
      let u = Int(fileUnits[i])
      let n = Int(entryCounts[i])
      let p = Int(pathCounts[i])
      guard u >= 0 && u < units, n >= 0, p > 0 else { return nil }
      files.append(
        ReportStore.FileRecord(
          pathStart: Int32(pathStart), pathCount: Int32(p), unit: Int32(u), start: Int32(start),
          count: Int32(n)))
      pathStart += p
      start += n
    }
    guard pathStart == pathByteCount, start == entryCount,
      subject.allSatisfy({ $0 >= 0 && Int($0) < subjects }), boolean.allSatisfy({ $0 <= 1 })
    else { return nil }
    var notes: [Int32: String] = [:]
    var at = 0
    for k in 0..<noteCount {
      let e = Int(noteEntries[k])
      let n = Int(noteLengths[k])
      guard e >= 0 && e < entryCount, n > 0, at + n <= noteByteCount else { return nil }
      notes[Int32(e)] = String(decoding: noteBytes[at..<at + n], as: UTF8.self)
      at += n
    }
    guard at == noteByteCount else { return nil }
    let store = ReportStore(
      names: context.names, files: files, pathBytes: pathBytes, day: day, value: value, subject: subject,
      boolean: boolean.map { $0 != 0 }, notes: notes)
    for i in 1..<max(1, fileCount) {
      let ordered = store.withPathBytes(of: Int32(i - 1)) { a in
        store.withPathBytes(of: Int32(i)) { b in a.lexicographicallyPrecedes(b) }
      }
      guard ordered else { return nil }
    }
    return CachedReports(store: store, stamps: stamps)
  }

  /// Reads whole arrays from a file, summing their bytes.
  private struct Reader {
    let fd: Int32
    var sum = Checksum()

    mutating func array<T: BitwiseCopyable>(_ count: Int) -> [T]? {
      var ok = true
      let out = [T](unsafeUninitializedCapacity: count) { buffer, n in
        let raw = UnsafeMutableRawBufferPointer(buffer)
        var done = 0
        while done < raw.count {
          let r = Foundation.read(fd, raw.baseAddress! + done, raw.count - done)
          if r < 0 && errno == EINTR { continue }
          guard r > 0 else { break }
          done += r
        }
        ok = done == raw.count
        if ok {
          sum.add(UnsafeRawBufferPointer(raw))
        } else {
          raw.initializeMemory(as: UInt8.self, repeating: 0)
        }
        n = count
      }
      return ok ? out : nil
    }
  }

  // MARK: - Writing

  /// One file to cache: its path, its stamp and its id in the store.
  typealias Entry = (path: String, stamp: FileStamp, id: Int32)

  /// Writes `count` files (`entry(i)` for `i` in order, which must be the order of the paths'
  /// UTF-8 bytes) from `store` to `path`, atomically: to a temporary file beside it, readable by
  /// its owner only, then renamed over it. Streamed column by column through a small buffer: a
  /// 50× campaign's ten megabytes are never assembled in memory. Not flushed to disk: a file
  /// torn by a crash fails its size or checksum and is written again, which is all a cache
  /// needs. Throws when it cannot write.
  static func write(
    _ path: String, context: Context, count: Int, entry: (Int) -> Entry, from store: ReportStore
  ) throws {
    let temp = path + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw AtomicFile.WriteError(description: "cannot create \(temp)") }
    var out = Sink(fd: fd)
    // The header's place, filled in last (it holds the checksum of what follows).
    out.put([UInt64](repeating: 0, count: headerWords), summed: false)
    out.put([context.program])
    out.put(context.required)
    out.put(Array(context.campaign.utf8))
    let files = (0..<count).map { store.files[Int(entry($0).id)] }
    out.put((0..<count).map { entry($0).stamp })
    out.put(files.map(\.unit))
    out.put(files.map(\.count))
    out.put(files.map(\.pathCount))
    let pathBytes = files.reduce(0) { $0 + Int($1.pathCount) }
    for i in 0..<count { store.withPathBytes(of: entry(i).id) { out.put(UnsafeRawBufferPointer($0)) } }
    for f in files { store.day[f.entries].withUnsafeBytes { out.put($0) } }
    for f in files { store.value[f.entries].withUnsafeBytes { out.put($0) } }
    for f in files { store.subject[f.entries].withUnsafeBytes { out.put($0) } }
    for f in files { out.put(store.boolean[f.entries].map { $0 ? UInt8(1) : 0 }) }
    var noteEntries: [Int32] = []
    var noteLengths: [Int32] = []
    var noteBytes: [UInt8] = []
    var e = Int32(0)
    for f in files {
      for old in f.entries {
        if let text = store.notes[Int32(old)], !text.isEmpty {
          noteEntries.append(e)
          noteLengths.append(Int32(text.utf8.count))
          noteBytes += text.utf8
        }
        e += 1
      }
    }
    out.put(noteEntries)
    out.put(noteLengths)
    out.put(noteBytes)
    out.flush()
    let header: [UInt64] = [
      magic, format, out.sum.value, UInt64(context.campaign.utf8.count), UInt64(count), UInt64(pathBytes),
      UInt64(e), UInt64(noteEntries.count), UInt64(noteBytes.count), UInt64(context.names.subjects.count),
      UInt64(context.names.units.count),
    ]
    let wroteHeader = header.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) == $0.count }
    close(fd)
    guard out.ok, wroteHeader, rename(temp, path) == 0 else {
      unlink(temp)
      throw AtomicFile.WriteError(description: "cannot write \(path)")
    }
  }

  /// Bytes on their way to a file, through a buffer, summed as they go.
  private struct Sink {
    let fd: Int32
    var buffer: [UInt8] = []
    var sum = Checksum()
    var ok = true

    init(fd: Int32) {
      self.fd = fd
      buffer.reserveCapacity(1 << 16)
    }

    mutating func put<T: BitwiseCopyable>(_ values: [T], summed: Bool = true) {
      values.withUnsafeBytes { put($0, summed: summed) }
    }

    mutating func put(_ raw: UnsafeRawBufferPointer, summed: Bool = true) {
      if summed { sum.add(raw) }
      if buffer.count + raw.count > 1 << 16 { flush() }
      if raw.count > 1 << 16 {
        write(raw)
      } else {
        buffer += raw
      }
    }

    mutating func flush() {
      buffer.withUnsafeBytes { write($0) }
      buffer.removeAll(keepingCapacity: true)
    }

    private mutating func write(_ raw: UnsafeRawBufferPointer) {
      var done = 0
      while ok && done < raw.count {
        let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { ok = false } else { done += n }
      }
    }
  }
}

/// A 64-bit checksum of a stream of bytes, however it is cut into blocks (the writer streams
/// through a buffer, the reader reads whole columns). Not cryptographic: it tells a torn or
/// damaged file.
struct Checksum {
  private var state: UInt64 = 0x9e37_79b9_7f4a_7c15
  private var length: UInt64 = 0
  /// Bytes waiting for a whole 8-byte word, in the low bytes first.
  private var pending: UInt64 = 0
  private var pendingCount = 0

  var value: UInt64 {
    var h = state ^ pending ^ (length << 3)
    h = (h ^ (h >> 33)) &* 0xff51_afd7_ed55_8ccd
    return h ^ (h >> 33)
  }

  mutating func add(_ raw: UnsafeRawBufferPointer) {
    length &+= UInt64(raw.count)
    var i = 0
    while pendingCount > 0 && pendingCount < 8 && i < raw.count {
      pending |= UInt64(raw[i]) << (8 * UInt64(pendingCount))
      pendingCount += 1
      i += 1
    }
    if pendingCount == 8 {
      mix(pending)
      pending = 0
      pendingCount = 0
    }
    while i + 8 <= raw.count {
      mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      i += 8
    }
    while i < raw.count {
      pending |= UInt64(raw[i]) << (8 * UInt64(pendingCount))
      pendingCount += 1
      i += 1
    }
  }

  private mutating func mix(_ word: UInt64) {
    state = (state ^ word) &* 0xff51_afd7_ed55_8ccd
    state ^= state >> 29
  }
}
