import Foundation

/// Checks that a program gave the terminal back: run it inside a shell that records
/// `stty -a` afterwards, then look at the modes a broken exit leaves wrong.
struct SttyReport {
  var icanon: Bool
  var echo: Bool
  var isig: Bool
  var icrnl: Bool
  /// The exit status of the wrapped program.
  var status: Int32?

  /// Canonical mode, echo, signals and CR→NL all on: what a shell prompt needs.
  var isSane: Bool { icanon && echo && isig && icrnl }

  /// A shell command running `program` (already shell-quoted argv) and then writing its status
  /// and `stty -a` into `file`. The shell traps INT/TERM/HUP so that it survives a Ctrl-C
  /// aimed at the program and still writes the report.
  static func wrap(_ program: [String], reportTo file: String) -> [String] {
    let quoted = program.map(TmuxSession.shellQuote).joined(separator: " ")
    let f = TmuxSession.shellQuote(file)
    return ["sh", "-c", "trap true INT TERM HUP; \(quoted); echo status=$? > \(f); stty -a >> \(f)"]
  }

  /// Reads a report written by ``wrap(_:reportTo:)``; nil until it is complete.
  init?(file: String) {
    guard let text = try? String(contentsOfFile: file, encoding: .utf8), text.contains("icanon")
    else { return nil }
    self.init(parsing: text)
  }

  init(parsing text: String) {
    let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
    icanon = words.contains("icanon")
    echo = words.contains("echo")
    isig = words.contains("isig")
    icrnl = words.contains("icrnl")
    status = text.split(separator: "\n").first { $0.hasPrefix("status=") }
      .flatMap { Int32($0.dropFirst("status=".count)) }
  }

  /// Waits up to `timeout` seconds for the report file.
  static func await(file: String, timeout: Double = 5) -> SttyReport? {
    let end = Date().addingTimeInterval(timeout)
    repeat {
      if let report = SttyReport(file: file) { return report }
      Thread.sleep(forTimeInterval: 0.02)
    } while Date() < end
    return nil
  }
}
