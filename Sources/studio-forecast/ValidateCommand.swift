import ArgumentParser

/// `studio-forecast validate SCENARIO`: checks a scenario file without running it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a scenario file and report every problem with its key path and line.")

    @OptionGroup var input: ScenarioInput

    func run() throws {
        let scenario = try input.load()
        let studios = scenario.quotaPerYear.reduce(0, +)
        print(
            "\(input.path): valid. \(scenario.name): \(scenario.startYear)–\(scenario.startYear + scenario.horizonYears - 1), "
                + "\(studios) studios to name, \(scenario.existingStudios.reduce(0) { $0 + $1.count }) already named.")
    }
}
