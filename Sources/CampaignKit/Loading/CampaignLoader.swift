import Foundation

/// Reads a campaign directory from disk: the five required files and every `reports/*.json`.
/// (``CampaignSource`` does the work; it also keeps the files for a live reload.)
public enum CampaignLoader {
  /// Loads and checks a whole directory. Never throws: every problem, including missing files,
  /// is a finding, so the caller can show them all at once.
  public static func load(directory: String) -> LoadResult {
    CampaignSource(directory: directory).result
  }

  /// Reads and decodes one file with the stamp of the version read (from `fstat` on the open
  /// file, so the stamp and the bytes always belong together); a file that is not there
  /// is (nil, nil), one that cannot be read is a finding with the stamp of what is there.
  static func decodeStamped(at path: String, relative: String, kind: FileKind, buffer: ReadBuffer) -> (
    file: DecodedFile?, stamp: FileStamp?
  ) {
    decodeStamped(relative: relative, in: AT_FDCWD, path: path, kind: kind, buffer: buffer)
  }

  /// The same for `relative` inside the open directory `folder` (`path` is its full path, for
  /// messages and for stamping a file that cannot be opened).
  static func decodeStamped(
    relative: String, in folder: Int32, path: @autoclosure () -> String, kind: FileKind, buffer: ReadBuffer
  ) -> (file: DecodedFile?, stamp: FileStamp?) {
    var stamp: FileStamp?
    defer { buffer.shrink() }
    let opened = folder == AT_FDCWD ? path() : relative
    do {
      try SafeFileReader.read(opened, in: folder, fullPath: path(), into: buffer) { stamp = FileStamp($0) }
      return (FileDecoder.decode(path: relative, kind: kind, buffer: buffer.bytes), stamp)
    } catch {
      guard let now = stamp ?? FileStamp.of(path()) else { return (nil, nil) }
      return (unreadable(relative, kind, error), now)
    }
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
      return unreadable(relative, kind, error)
    }
  }

  static func unreadable(_ relative: String, _ kind: FileKind, _ error: any Error) -> DecodedFile {
    DecodedFile(
      path: relative, kind: kind, content: .unusable,
      findings: [Finding(.error, file: relative, message: "cannot read the file: \(error)")],
      definitions: [], references: [], dates: [], values: [])
  }
}

/// Whole-file reads straight into a byte array (no Data, no String on the way).
public enum FileBytes {
  public struct ReadError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Through ``SafeFileReader``: regular files only, never blocking, at most 64 MiB.
  public static func read(_ path: String) throws -> [UInt8] {
    var stamp: FileStamp?
    return try read(path, stamp: &stamp)
  }

  /// As ``read(_:)``, also giving the stamp of the file opened (set as soon as it is known,
  /// even when reading then fails), so a rescan compares against exactly what was read.
  static func read(_ path: String, stamp: inout FileStamp?) throws -> [UInt8] {
    do {
      return try SafeFileReader.read(path) { stamp = FileStamp($0) }
    } catch {
      throw ReadError(description: error.description)
    }
  }
}
