import ArgumentParser
import StudioForecast

/// `studio-forecast validate SCENARIO`: checks a scenario file without running it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a scenario file and report every problem with its key path and line.")

    @OptionGroup var input: ScenarioInput

    @Flag(
        name: .customLong("print"),
        help: "Print the effective scenario (with everything it extends) as YAML, each value's file:line as a comment.")
    var printsEffective = false

    func run() throws {
        let scenario = try input.load()
        if printsEffective {
            // The bytes validated are the bytes printed; no file is read again.
            if let text = try scenario.effectiveText() { print(text, terminator: "") }
            return
        }
        let studios = scenario.quotaPerYear.reduce(0, +)
        print(
            "\(input.path): valid. \(scenario.name): \(scenario.startYear)–\(scenario.startYear + scenario.horizonYears - 1), "
                + "\(studios) studios to name, \(scenario.existingStudios.reduce(0) { $0 + $1.count }) already named.")
    }
}
