import Foundation

/// Lists `reports/` byte for byte, and says what is wrong with it instead of quietly reading
/// nothing: a `reports` that is a plain file, a dangling link or a link loop, a folder that
/// cannot be read, and report names that are not valid UTF-8 are each a finding naming the
/// path. (No `reports/` at all is fine: no unit has reported yet.)
public enum ReportsFolder {
  public enum State: Equatable, Sendable {
    /// There is no `reports` at all.
    case absent
    /// A folder that could be listed.
    case readable
    /// Something is there but cannot be listed as a folder (the finding says why).
    case broken
  }

  public struct Listing: Sendable {
    public var state: State
    /// `reports/NAME.json` for every report file, sorted.
    public var names: [String]
    public var findings: [Finding]
  }

  /// The finding's file for problems with the folder itself; it sorts and filters with the
  /// report files (a broken `reports/` does not stop the live dashboard, as a broken report
  /// does not).
  public static let file = "reports/"

  /// Only whether the folder is there and a folder (one `stat`, for every live reload).
  public static func state(directory: String) -> Listing {
    let path = directory + "/reports"
    var st = stat()
    if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR, access(path, R_OK | X_OK) == 0 {
      return Listing(state: .readable, names: [], findings: [])
    }
    var listing = list(directory: directory)
    listing.names = []
    return listing
  }

  public static func list(directory: String) -> Listing {
    let path = directory + "/reports"
    var st = stat()
    guard stat(path, &st) == 0 else {
      let code = errno
      if code == ENOENT {
        var ls = stat()
        guard lstat(path, &ls) == 0 else { return Listing(state: .absent, names: [], findings: []) }
        return broken("reports is \(SafeFileReader.openFailure(path, errno: code))")
      }
      return broken("reports cannot be read: \(SafeFileReader.openFailure(path, errno: code))")
    }
    guard (st.st_mode & S_IFMT) == S_IFDIR else {
      return broken(
        "reports is \(SafeFileReader.kindName(st.st_mode)), not a folder; report files go in a folder named reports"
      )
    }
    guard let dir = opendir(path) else {
      return broken("the folder reports cannot be read: \(String(cString: strerror(errno)))")
    }
    defer { closedir(dir) }
    var names: [String] = []
    var allASCII = true
    var findings: [Finding] = []
    while let entry = readdir(dir) {
      // Up to the NUL only, through a pointer: a directory entry is only as long as its name
      // (d_reclen), so copying the struct's full 256-byte d_name could read past the end of
      // the kernel's buffer, and crashed when that end was the end of a mapped page.
      let name = UnsafeRawPointer(entry).advanced(by: MemoryLayout<dirent>.offset(of: \dirent.d_name)!)
        .assumingMemoryBound(to: CChar.self)
      let bytes = Array(UnsafeRawBufferPointer(start: UnsafeRawPointer(name), count: strlen(name)))
      guard bytes.count > 5, bytes.first != UInt8(ascii: "."), bytes.suffix(5).elementsEqual(".json".utf8)
      else { continue }
      guard let name = String(validating: bytes, as: UTF8.self) else {
        findings.append(
          Finding(
            .error, file: "reports/" + escaped(bytes),
            message:
              "the file name is not valid UTF-8 (shown with \\x escapes), so the report is not read; rename it, e.g. convmv -f GBK -t UTF-8 --notest"
          ))
        continue
      }
      names.append("reports/" + name)
      allASCII = allASCII && bytes.allSatisfy { $0 < 0x80 }
    }
    // String order (what the report table keeps). When every name is ASCII that is byte order,
    // compared with memcmp instead of Unicode's rules: sorting 69 thousand names with `<` was
    // 4% of `validate`'s time at 50×.
    if allASCII {
      names.sort(by: bytesBefore)
    } else {
      names.sort()
    }
    return Listing(state: .readable, names: names, findings: findings)
  }

  /// Whether `a`'s UTF-8 bytes sort before `b`'s (memcmp: the generic comparison of two UTF-8
  /// views goes byte by byte through iterators).
  static func bytesBefore(_ a: String, _ b: String) -> Bool {
    let fast = a.utf8.withContiguousStorageIfAvailable { pa in
      b.utf8.withContiguousStorageIfAvailable { pb in
        let n = min(pa.count, pb.count)
        let c = n == 0 ? 0 : memcmp(pa.baseAddress!, pb.baseAddress!, n)
        return c != 0 ? c < 0 : pa.count < pb.count
      }
    }
    return fast.flatMap { $0 } ?? a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  static func broken(_ message: String) -> Listing {
    Listing(state: .broken, names: [], findings: [Finding(.error, file: file, message: message)])
  }

  /// The name with every byte outside printable ASCII written as `\xNN`.
  static func escaped(_ bytes: [UInt8]) -> String {
    bytes.map { b in b >= 0x20 && b < 0x7F && b != 0x5C ? String(UnicodeScalar(b)) : "\\x" + hex(b) }.joined()
  }

  static func hex(_ b: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
  }
}
