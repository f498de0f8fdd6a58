import Foundation

/// Reads a campaign directory from disk: the five required files and every `reports/*.json`.
/// (``CampaignSource`` does the work; it also keeps the files for a live reload.)
public enum CampaignLoader {
  /// Loads and checks a whole directory. Never throws: every problem, including missing files,
  /// is a finding, so the caller can show them all at once.
  public static func load(directory: String) -> LoadResult {
    CampaignSource(directory: directory).result
  }

  /// Reads and decodes files on every core: each file is independent until the assembler,
  /// and a campaign is thousands of small files.
  static func decodeAll(_ jobs: [(path: String, relative: String, kind: FileKind)]) -> [DecodedFile] {
    var results = [DecodedFile?](repeating: nil, count: jobs.count)
    let lanes = max(1, min(jobs.count, ProcessInfo.processInfo.activeProcessorCount * 4))
    results.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
      DispatchQueue.concurrentPerform(iterations: lanes) { lane in
        // Each lane owns the indices lane, lane + lanes, …: no two lanes touch one slot.
        for i in stride(from: lane, to: jobs.count, by: lanes) {
          let j = jobs[i]
          out[i] = decodeFile(at: j.path, relative: j.relative, kind: j.kind)
        }
      }
    }
    return results.map { $0! }
  }

  /// `reports/*.json`, sorted by name; no `reports/` folder simply means no reports yet.
  public static func reportFileNames(directory: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/reports")) ?? []
    return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { "reports/" + $0 }
  }

  /// Reads and decodes one file; unreadable files become a finding.
  public static func decodeFile(at path: String, relative: String, kind: FileKind) -> DecodedFile {
    do {
      let bytes = try FileBytes.read(path)
      return FileDecoder.decode(path: relative, kind: kind, bytes: bytes)
    } catch {
      return DecodedFile(
        path: relative, kind: kind, content: .unusable,
        findings: [Finding(.error, file: relative, message: "cannot read the file: \(error)")],
        definitions: [], references: [], dates: [], values: [])
    }
  }
}

/// Whole-file reads straight into a byte array (no Data, no String on the way).
public enum FileBytes {
  public struct ReadError: Error, CustomStringConvertible {
    public var description: String
  }

  public static func read(_ path: String) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw ReadError(description: String(cString: strerror(errno))) }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw ReadError(description: String(cString: strerror(errno))) }
    if (st.st_mode & S_IFMT) == S_IFDIR { throw ReadError(description: "it is a directory") }
    var out: [UInt8] = []
    out.reserveCapacity(Int(st.st_size) + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw ReadError(description: String(cString: strerror(errno)))
      }
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<n])
    }
    return out
  }
}
