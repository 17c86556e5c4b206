import ArgumentParser
import Foundation
import StudioForecast

/// `studio-forecast sensitivity SCENARIO`: each number moved down and up by a step (a tornado).
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Move each number of a scenario down and up by a step and write sensitivity.csv, largest effect first.",
        discussion: """
            The effect is on the period's net outflow (the cumulative net outflow at the end of the first \
            budget period): the paired change of its mean, on common random numbers, and the change of \
            its P95. Probabilities stay within [0, 1]; whole numbers move by at least 1. Without \
            --replications, at most 2,000 replications are run per scenario.
            """)

    @OptionGroup var input: ScenarioInput
    @OptionGroup var simulation: SimulationOptions

    @Option(help: "The relative step, such as 0.1 for ±10%.")
    var step: Double = 0.1

    @Option(help: "The output folder. Default: out/sensitivity-<scenario name>/.")
    var out: String?

    @Option(help: "The language of sensitivity.xlsx: zh (Chinese) or en (English).")
    var lang: ScenarioExplanation.Language = .zh

    @Flag(help: "Replace the files of a non-empty output folder.")
    var force = false

    @Flag(help: "Show no progress bar.")
    var quiet = false

    func validate() throws {
        try OutputFolder.validate(out: out)
        guard step > 0 && step < 1 else { throw ValidationError("--step \(step) must be between 0 and 1") }
    }

    func run() throws {
        let base = try input.load()
        let folder = try OutputFolder.prepare(out, default: "sensitivity-\(base.name)", force: force)
        let replications = SensitivityAnalysis.replications(asked: simulation.replications, base: base)
        // The file read for the base is the one every moved scenario is parsed from.
        let source = try base.source ?? ScenarioLoader.readSource(path: input.path)
        let analysis: SensitivityAnalysis
        do {
            analysis = try SensitivityAnalysis(
                source: source, step: step, replications: replications, settings: simulation.apply)
        } catch {
            for problem in error.errors { printError(problem.description) }
            throw ExitCode(1)
        }
        let started = Date()
        let bar = ProgressBar(total: replications, quiet: quiet)
        let effects = try analysis.run(threads: simulation.threadCount, progress: bar.update)
        bar.finish()
        let year = base.startYear + PrecisionTarget.periodEnd(of: base)
        let shares = try VarianceSharesSection(scenario: analysis.base, year: year, threads: simulation.threadCount, quiet: quiet)
        let csv = ComparisonFiles.sensitivityCSV(effects)
        var files = ForecastFolder(files: shares.files + [("sensitivity.csv", csv)])
        let provenance = RunProvenance(
            scenario: analysis.base, path: input.path, method: "sensitivity", replications: replications,
            threads: simulation.threadCount, started: started)
        try files.add(provenance)
        let workbook = try TableWorkbook(
            analysis: .sensitivity, scenarioName: base.name, csv: csv,
            provenanceJSON: String(decoding: try provenance.encoded(), as: UTF8.self), language: lang
        ).stage(in: folder)
        try OutputFolder.write(files, to: folder, placing: [workbook], force: force)
        print("\(base.name): each number ±\(Int(step * 100))%, \(replications) replications each, common random numbers")
        print("Change in the mean net outflow \(base.startYear)–\(year), largest first:\n")
        let rows = effects.prefix(15).map { effect -> [String] in
            [effect.parameter.keyPath, effect.meanChangeLow.map(PlainNumber.grouped) ?? "–",
             effect.meanChangeHigh.map(PlainNumber.grouped) ?? "–", effect.mcse.map(PlainNumber.grouped) ?? "–"]
        }
        print(TablePrinter.render(header: ["parameter", "moved down", "moved up", "± MCSE"], rows: rows))
        shares.print()
        print(
            "Wrote sensitivity.csv (\(effects.count) parameters)\(shares.files.map { ", " + $0.name }.joined()), "
                + "sensitivity.xlsx and run.json to \(folder.path)/")
    }
}
