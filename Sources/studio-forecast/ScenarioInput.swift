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

    /// Loads and validates the scenario with `overrides` applied, printing one line per problem
    /// and exiting 1 on failure.
    func load(overrides: [ScenarioOverride]) throws -> Scenario {
        do {
            return try ScenarioLoader(knownGenerators: GSLLibrary.generatorNames).load(path: path, overrides: overrides)
        } catch {
            for problem in error.errors { printError(problem.description) }
            throw ExitCode(1)
        }
    }

    /// Loads and validates the scenario, printing one line per problem and exiting 1 on failure.
    func load() throws -> Scenario {
        if scenario == nil && !FileManager.default.fileExists(atPath: path) {
            printError("\(path): no scenario given and the baseline is not in the current folder; name a scenario file")
            throw ExitCode(1)
        }
        do {
            return try ScenarioLoader(knownGenerators: GSLLibrary.generatorNames).load(path: path)
        } catch {
            for problem in error.errors { printError(problem.description) }
            throw ExitCode(1)
        }
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
