import ArgumentParser
import Foundation
import StudioForecast

/// `studio-forecast`: forecasts the cost and behaviour of Nanchang's demonstration innovation-studio programme.
@main
struct StudioForecastCommand: ParsableCommand {
    static let version = RunProvenance.currentToolVersion

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
            SolveCommand.self, SolveQuotaCommand.self, SensitivityCommand.self, MergeCommand.self, ExplainCommand.self,
            ExportNotebookCommand.self,
        ],
        defaultSubcommand: nil
    )

    /// Runs the command line; every problem with the arguments is one line on standard error,
    /// `studio-forecast: <what is wrong>`, then exit 64, as every other problem is reported.
    ///
    /// Help and the version are printed in full, as ArgumentParser prints them. Every problem of
    /// the ``StudioForecastError`` family is reported here: one line per problem, then its
    /// category's exit status (1 for a bad file or output folder, 64 for a bad argument).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as any StudioForecastError {
            for line in error.messages { printError(line) }
            Foundation.exit(error.category.exitStatus)
        } catch {
            let status = exitCode(for: error)
            if status == .success || error is ExitCode { exit(withError: error) }
            let message = Self.message(for: error)
                .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " ")
            // A command that refused its arguments itself has printed its line already.
            if !message.isEmpty { printError(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message) }
            Foundation.exit(status.rawValue)
        }
    }
}
