import Foundation

/// chuangwen-bench: the committed benchmarks. Run in release mode:
///
///     swift run -c release chuangwen-bench load      # foundation issue: load+validate+standing vs jq
///     swift run -c release chuangwen-bench snapshot  # snapshots issue: chuangwen snapshot --view brief vs jq
///     swift run -c release chuangwen-bench scale     # issue 12: 1×, 10×, 50× campaigns vs jq and Python
///     swift run -c release chuangwen-bench load-scale  # issue 12, loading: validate and brief vs jq, CPU and RSS
///     swift run -c release chuangwen-bench compute-scale  # issue 12: DashboardData, time travel, live rebuild, brief in process
///     swift run -c release chuangwen-bench layout-scale   # issue 12: the circular's layout and writers, 10k-row re-layout
///     swift run -c release chuangwen-bench hostile   # hardening issue: deep trees, 100k units/indicators, 200k problems
///     swift run -c release chuangwen-bench all
///
/// Each prints a small Markdown table; docs/benchmarks.md records the figures.
let args = Array(CommandLine.arguments.dropFirst())
let which = args.first ?? "all"
let known: [String: () throws -> Void] = [
  "load": LoadBenchmark.run,
  "render": RenderBenchmark.run,
  "terminal": TerminalBenchmark.run,
  "snapshot": SnapshotBenchmark.run,
  "live": LiveBenchmark.run,
  "palette": PaletteBenchmark.run,
  "scale": ScaleBenchmark.run,
  "load-scale": LoadScaleBenchmark.run,
  "compute-scale": ComputeScaleBenchmark.run,
  "layout-scale": LayoutScaleBenchmark.run,
  "hostile": HostileScaleBenchmark.run,
]
if which == "all" {
  for name in known.keys.sorted() { try known[name]!() }
} else if let b = known[which] {
  try b()
} else {
  print("unknown benchmark \(which); choose one of: all, \(known.keys.sorted().joined(separator: ", "))")
  exit(64)
}
