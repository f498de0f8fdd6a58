import ArgumentParser
import CMalloc
import Foundation

/// The command line. `chuangwen` alone opens the dashboard on the bundled campaign.
@main
struct Chuangwen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chuangwen",
    abstract: "创文 — a terminal dashboard for a civilised-city campaign (创建文明城市).",
    discussion: """
      Reads a campaign directory of JSON files (docs/data-format.md) and shows its progress. \
      Without --data it uses the bundled Hongjiang campaign.

      Exit codes: 0 ok · 64 usage error · 65 data error · 66 missing input · 69 no usable terminal \
      · 73 cannot create output

      The dashboard and snapshot keep unchanged reports in $XDG_CACHE_HOME/chuangwen \
      (~/.cache/chuangwen), checked against every file's stamp; CHUANGWEN_NO_CACHE=1 turns it off.
      """,
    version: "chuangwen " + Version.text,
    subcommands: [
      DashboardCommand.self, ValidateCommand.self, SnapshotCommand.self, GenerateCommand.self,
      RecordCommand.self, TemplateCommand.self, ImportCommand.self, MissingCommand.self, ProblemCommand.self,
      ThemesCommand.self,
    ],
    defaultSubcommand: DashboardCommand.self
  )

  /// ArgumentParser's own `main`, except that its messages (which quote the arguments, and an
  /// argument can hold any byte) go through the sanitiser like every other line, a negative
  /// `--value` reaches the value check instead of looking like an option, and a closed pipe is
  /// an EPIPE to handle rather than a SIGPIPE that kills the process.
  static func main() {
    signal(SIGPIPE, SIG_IGN)
    // One malloc arena for every thread: what decoding on both cores frees is reused by the
    // main thread building the campaign, instead of staying resident in the worker threads'
    // own arenas (about 8 MB of peak memory at 50×). Small allocations come from each thread's
    // cache, so the threads rarely wait on the one arena (validate's time did not move).
    _ = cw_single_malloc_arena()
    // Large blocks (column arrays, standings, canvases) always get pages of their own, given
    // back when freed. glibc otherwise raises this threshold to the size of each large block
    // freed, and later blocks of that size come from the heap, where what is freed stays
    // resident: the 50× dashboard's peak went from 76 to 85 or 95 MB in one run out of three,
    // depending on which thread freed what first.
    _ = cw_fixed_mmap_threshold(256 * 1024)
    let arguments = ArgumentRepair.negativeValues(Array(CommandLine.arguments.dropFirst()))
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if !message.isEmpty {
        if code == .success { printOut(message) } else { printError(message) }
      }
      Foundation.exit(code.rawValue)
    }
  }
}

/// Small fixes to the command line before ArgumentParser reads it.
enum ArgumentRepair {
  /// `--value -1` becomes `--value=-1`: ArgumentParser takes `-1` for an option and says the
  /// value is missing, when the honest answer is that a value cannot be negative.
  static func negativeValues(_ args: [String]) -> [String] {
    var out: [String] = []
    var i = 0
    while i < args.count {
      if args[i] == "--" {
        out += args[i...]
        break
      }
      if args[i] == "--value", i + 1 < args.count, looksNegative(args[i + 1]) {
        out.append("--value=" + args[i + 1])
        i += 2
        continue
      }
      out.append(args[i])
      i += 1
    }
    return out
  }

  /// `-1`, `-0.5`, `-.5`, `-1e3`, `-inf`, `-nan`: a minus sign then something numeric.
  static func looksNegative(_ s: String) -> Bool {
    guard s.hasPrefix("-"), !s.hasPrefix("--") else { return false }
    let rest = s.dropFirst().lowercased()
    guard let first = rest.first else { return false }
    return first.isASCII && (first.isNumber || first == ".") || rest.hasPrefix("inf") || rest.hasPrefix("nan")
  }
}
