import ArgumentParser
import Foundation
import StudioForecast

/// `studio-forecast compare BASE VARIANT`: both scenarios on common random numbers, and their
/// paired differences.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run two scenarios on common random numbers and write their paired differences (variant − base).",
        discussion: """
            Both scenarios run with the base's replications, seed and generator, each studio, candidate \
            and programme-wide purpose drawing from its own GSL stream, so that what the scenarios share \
            draws the same numbers. Writes comparison.csv (year, metric, statistic, value), \
            comparison.xlsx, report.html, the two forecasts under base/ and variant/, and run.json.
            """)

    @Argument(help: "The base scenario file.")
    var base: String

    @Argument(help: "The variant scenario file.")
    var variant: String

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var spreadsheet: SpreadsheetOptions

    @Option(help: "The language of report.html and comparison.xlsx: zh (Chinese) or en (English).")
    var lang: ScenarioExplanation.Language = .zh

    @Option(help: "The output folder. Default: out/compare-<base>-vs-<variant>/.")
    var out: String?

    @Flag(help: "Replace the files of a non-empty output folder.")
    var force = false

    @Flag(help: "Show no progress bar.")
    var quiet = false

    func validate() throws {
        try OutputFolder.validate(out: out)
    }

    func run() throws {
        let baseScenario = simulation.apply(to: try ScenarioInput(scenario: base).load())
        let variantScenario = try ScenarioInput(scenario: variant).load()
        let folder = try ForecastFolder.prepare(
            out, default: "compare-\(baseScenario.name)-vs-\(variantScenario.name)", force: force)
        let started = Date()
        let bar = ProgressBar(total: baseScenario.simulation.replications, quiet: quiet)
        let comparison = try Simulation(baseScenario, threads: simulation.threadCount).compare(
            with: variantScenario, progress: bar.update)
        bar.finish()
        let provenance = RunProvenance(
            scenario: baseScenario, path: base, method: .compare, replications: comparison.base.replications,
            threads: simulation.threadCount, started: started)
        try ForecastFolder(
            comparison: comparison, of: baseScenario, provenance: provenance, language: lang, format: spreadsheet.format
        ).write(to: folder, force: force)
        print(
            "\(variantScenario.name) − \(baseScenario.name): \(comparison.base.replications) paired replications, "
                + "seed \(baseScenario.simulation.seed), \(baseScenario.simulation.generator)\n")
        print(DifferenceTable(difference: comparison.difference).render())
        print("Wrote comparison.csv, comparison.xlsx, report.html, base/, variant/ and run.json to \(folder.path)/")
    }
}
