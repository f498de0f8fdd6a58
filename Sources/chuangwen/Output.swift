import DashboardKit
import Foundation

/// Everything a command writes to standard output or standard error goes through here.
///
/// Lines carry data (campaign titles, unit names, file names, argument values) and data is
/// untrusted: an OSC 52 in a unit's name must not reach the user's clipboard because
/// `validate` echoed it in a warning. So every line is passed through the screens' sanitiser
/// (``SafeText``), which turns escapes, C1 controls and bidi overrides into a visible `�`.
/// Writes go straight to the descriptor: with SIGPIPE ignored, a reader that went away
/// (`chuangwen snapshot | head -1`) gives EPIPE, and the command then ends quietly.
enum Output {
  /// Text as lines, each sanitised; the line breaks themselves are kept.
  static func clean(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { SafeText.sanitize($0) }
      .joined(separator: "\n")
  }

  /// Like ``clean(_:)`` but keeps the colour sequences (`ESC [ digits ; … m`) chuangwen itself
  /// wrote, for swatches on a terminal; every other escape is replaced as usual.
  static func cleanKeepingColour(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let esc = rest.firstIndex(of: "\u{1B}") {
      out += clean(String(rest[..<esc]))
      var j = rest.index(after: esc)
      if j < rest.endIndex, rest[j] == "[" {
        j = rest.index(after: j)
        while j < rest.endIndex, rest[j].isASCII, rest[j].isNumber || rest[j] == ";" {
          j = rest.index(after: j)
        }
        if j < rest.endIndex, rest[j] == "m" {
          out += rest[esc...j]
          rest = rest[rest.index(after: j)...]
          continue
        }
      }
      out.append(SafeText.replacement)
      rest = rest[rest.index(after: esc)...]
    }
    return out + clean(String(rest))
  }

  /// Writes all the bytes to `fd`. When standard output's reader went away the process ends
  /// quietly (status 0: the reader had what it wanted); a closed standard error only loses the
  /// message (the exit status still tells); any other failure ends with status 74.
  static func write(_ bytes: some Collection<UInt8>, to fd: Int32) {
    let data = Array(bytes)
    var offset = 0
    while offset < data.count {
      let n = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, data.count - offset) }
      if n < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        if errno == EPIPE {
          if fd == STDOUT_FILENO { exit(0) }
          return
        }
        exit(74)
      }
      offset += n
    }
  }
}

/// One line to standard error, sanitised.
func printError(_ message: String) {
  Output.write((Output.clean(message) + "\n").utf8, to: STDERR_FILENO)
}

/// One line to standard output, sanitised.
func printOut(_ message: String) {
  Output.write((Output.clean(message) + "\n").utf8, to: STDOUT_FILENO)
}

/// One line to standard output, sanitised but keeping chuangwen's own colour sequences.
func printStyled(_ message: String) {
  Output.write((Output.cleanKeepingColour(message) + "\n").utf8, to: STDOUT_FILENO)
}
