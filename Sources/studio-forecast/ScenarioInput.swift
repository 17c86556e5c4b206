import ArgumentParser
import Foundation
import StudioForecast

/// The scenario file argument shared by the commands, and its loading.
struct ScenarioInput: ParsableArguments {
    /// The shipped baseline, used when no scenario is named.
    static let defaultPath = "scenarios/nanchang-baseline.yaml"

    @Argument(help: "The scenario file (YAML). Default: \(defaultPath).")
    var scenario: String?

    /// The path read.
    var path: String { scenario ?? Self.defaultPath }

    /// Names a scenario file directly, for commands that take several.
    init(scenario: String) {
        self.scenario = scenario
    }

    init() {}

    /// Loads and validates the scenario, printing its warnings on standard error.
    /// - Throws: ``ScenarioErrors`` listing every problem, or ``ScenarioError`` when no scenario
    ///   is named and the baseline is not in the current folder.
    func load() throws -> Scenario {
        if scenario == nil && !FileManager.default.fileExists(atPath: path) {
            throw ScenarioError(
                file: path, keyPath: "", line: nil,
                message: "no scenario given and the baseline is not in the current folder; name a scenario file")
        }
        let scenario = try Scenario(contentsOfFile: path)
        // Printed here, once per scenario named; the variants a command derives from it repeat them.
        for warning in scenario.warnings { printError(warning.description) }
        return scenario
    }
}

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data("studio-forecast: \(line)\n".utf8))
}

/// Refuses a bad command-line argument the way every other problem is reported: one line on
/// standard error (ArgumentParser's own message adds the usage), then exit 64.
///
/// - Returns: the exit to throw, `throw refuseArgument("--step 2 must be between 0 and 1")`.
func refuseArgument(_ message: String) -> ExitCode {
    printError(message)
    return ExitCode.validationFailure
}
