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
  /// (``ReportsFolder`` also says what is wrong when the folder cannot be listed.)
  public static func reportFileNames(directory: String) -> [String] {
    ReportsFolder.list(directory: directory).names
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

  /// Through ``SafeFileReader``: regular files only, never blocking, at most 64 MiB.
  public static func read(_ path: String) throws -> [UInt8] {
    do {
      return try SafeFileReader.read(path)
    } catch {
      throw ReadError(description: error.description)
    }
  }
}
