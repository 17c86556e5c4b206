import ArgumentParser

/// `studio-forecast`: forecasts the cost and behaviour of Nanchang's demonstration innovation-studio programme.
@main
struct StudioForecastCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "studio-forecast",
        abstract: "Forecast what the demonstration innovation-studio programme will cost and how it will behave.",
        discussion: """
            Runs Monte Carlo simulations on GSL random generators (or exact expectations) of the grants \
            paid under the measures' rules: 1,000,000 yuan per named studio in 3:3:4 tranches, yellow \
            cards and revocations after failed annual assessments.
            """,
        version: version,
        subcommands: [
            RunCommand.self, ValidateCommand.self, TraceCommand.self, CompareCommand.self, SweepCommand.self,
            SolveQuotaCommand.self, SensitivityCommand.self, MergeCommand.self, ExplainCommand.self,
            ExportNotebookCommand.self,
        ],
        defaultSubcommand: nil
    )
}
