import Foundation

/// Runs a program to completion without holding a thread while it runs (a release build takes
/// minutes; the test pool has as many threads as cores). Output goes to files, not pipes, so a
/// chatty program never blocks on a full pipe.
enum ProgramRun {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// `environment` is added to this process's own, without `CHUANGWEN_DATA` and
  /// `CHUANGWEN_THEME`; `log`, when given, receives standard error instead of ``Result/stderr``.
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:],
    in directory: URL? = nil,
    log: URL? = nil
  ) async throws -> Result {
    let fm = FileManager.default
    let scratch = fm.temporaryDirectory.appendingPathComponent("chuangwen-run-\(UUID().uuidString)")
    try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: scratch) }
    let outFile = scratch.appendingPathComponent("stdout")
    let errFile = log ?? scratch.appendingPathComponent("stderr")
    for file in [outFile, errFile] where !fm.createFile(atPath: file.path, contents: nil) {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
    }
    let out = try FileHandle(forWritingTo: outFile)
    let err = try FileHandle(forWritingTo: errFile)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "CHUANGWEN_DATA")
    env.removeValue(forKey: "CHUANGWEN_THEME")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    let status: Int32 = try await withCheckedThrowingContinuation { continuation in
      process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
      do { try process.run() } catch {
        process.terminationHandler = nil
        continuation.resume(throwing: error)
      }
    }
    try out.close()
    try err.close()
    return Result(
      status: status, stdout: try String(contentsOf: outFile, encoding: .utf8),
      stderr: log == nil ? try String(contentsOf: errFile, encoding: .utf8) : "")
  }
}
