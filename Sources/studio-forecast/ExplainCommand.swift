public import ArgumentParser
public import StudioForecast

extension ScenarioExplanation.Language: @retroactive ExpressibleByArgument {}

/// `studio-forecast explain SCENARIO`: the scenario in plain words, each line citing its article.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print the scenario in plain words (Chinese by default), each line citing its article of the measures.")

    @OptionGroup var input: ScenarioInput

    @Option(help: "zh (Chinese) or en (English).")
    var lang: ScenarioExplanation.Language = .zh

    func run() throws {
        let scenario = try input.load()
        for line in ScenarioExplanation(scenario: scenario, language: lang).lines() { print(line) }
    }
}
