import ArgumentParser

/// The command line. `chuangwen` alone opens the dashboard on the bundled campaign.
@main
struct Chuangwen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chuangwen",
    abstract: "创文 — a terminal dashboard for a civilised-city campaign (创建文明城市).",
    discussion: """
      Reads a campaign directory of JSON files (docs/data-format.md) and shows its progress.
      Without --data it uses the bundled Hongjiang campaign.

      Exit codes: 0 ok · 64 usage error · 65 data error · 66 missing input · 69 no usable terminal
      · 73 cannot create output
      """,
    version: "chuangwen " + Version.text,
    subcommands: [
      DashboardCommand.self, ValidateCommand.self, SnapshotCommand.self, GenerateCommand.self,
      RecordCommand.self, TemplateCommand.self, ImportCommand.self, MissingCommand.self, ProblemCommand.self,
      ThemesCommand.self,
    ],
    defaultSubcommand: DashboardCommand.self
  )
}
