import ArgumentParser
import Foundation
import StudioForecast

/// `studio-forecast sensitivity SCENARIO`: each input moved down and up, one at a time (a tornado).
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Move each input of a scenario down and up and write sensitivity.csv, sensitivity.xlsx and report.html, largest effect first.",
        discussion: """
            The output is the period's net outflow (the mean cumulative net outflow at the end of the \
            first budget period) unless --output, --year or --period and --statistic choose another. Each \
            change is on common random numbers, with the MCSE of the paired change of a mean. Levers \
            (the measures' rules and the programme's choices: quota, shortlist score, grant and its split, \
            cycle, strikes, budget) and assumptions are listed apart; the Art. 2 conditions and \
            applicants.apply_probability act only through their product and move as one group. \
            Probabilities stay within [0, 1]; whole numbers move by at least 1; --range KEY=LOW:HIGH gives \
            a key its own range. Without --replications, at most 2,000 replications are run per scenario.
            """)

    @OptionGroup var input: ScenarioInput
    @OptionGroup var simulation: SimulationOptions

    @Option(help: "The relative step, such as 0.1 for ±10%.")
    var step: Double = 0.1

    @Option(help: "The metric measured, such as cumulative_net_outflow or any_budget_breach. Default: cumulative_net_outflow.")
    var output: String?

    @Option(help: "The year of the output. Default: the end of the first budget period.")
    var year: Int?

    @Option(help: "A period FIRST-LAST instead of a year, such as 2031-2035, where the forecast gives it exactly.")
    var period: String?

    @Option(help: "The statistic of the output: mean, min, p05, p25, p50, p75, p95 or max.")
    var statistic = Statistic.mean.rawValue

    @Option(help: "A key's own low and high values, KEY=LOW:HIGH, instead of ±step; repeat for several.")
    var range: [String] = []

    @Option(help: "The output folder. Default: out/sensitivity-<scenario name>/.")
    var out: String?

    @Option(help: "The language of report.html and sensitivity.xlsx: zh (Chinese) or en (English).")
    var lang: ScenarioExplanation.Language = .zh

    @Flag(help: "Replace the files of a non-empty output folder.")
    var force = false

    @Flag(help: "Show no progress bar.")
    var quiet = false

    func validate() throws {
        try OutputFolder.validate(out: out)
        guard step > 0 && step < 1 else { throw ValidationError("--step \(step) must be between 0 and 1") }
        if let output, Metric(name: output) == nil {
            throw refuseArgument("--output \(output): no metric is called \(output)")
        }
        guard let statistic = Statistic(rawValue: statistic) else {
            throw refuseArgument("--statistic \(self.statistic) must be one of mean, min, p05, p25, p50, p75, p95 or max")
        }
        if statistic == .sd || statistic == .mcse { throw refuseArgument(OutputMeasureError.statisticNotAMeasure(statistic).description) }
        if year != nil && period != nil { throw refuseArgument("give --year or --period, not both") }
        if let period, OutputWindow(text: period) == nil {
            throw refuseArgument("--period \(period) must be FIRST-LAST, such as 2031-2035")
        }
        _ = try ranges()
    }

    /// `--range` as low and high values by key.
    func ranges() throws -> [String: ClosedRange<Double>] {
        var ranges: [String: ClosedRange<Double>] = [:]
        for text in range {
            guard let (key, bounds) = SensitivityAnalysis.range(parsing: text) else {
                throw refuseArgument("--range \(text) must be KEY=LOW:HIGH with LOW at most HIGH, such as quota.per_year=3:8")
            }
            ranges[key] = bounds
        }
        return ranges
    }

    func run() throws {
        let base = try input.load()
        let measure = try OutputMeasure(
            metric: output.flatMap(Metric.init(name:)), statistic: Statistic(rawValue: statistic) ?? .mean,
            window: period.flatMap(OutputWindow.init(text:)) ?? year.map(OutputWindow.year), for: base)
        let ranges = try ranges()
        let folder = try ForecastFolder.prepare(out, default: "sensitivity-\(base.name)", force: force)
        let replications = SensitivityAnalysis.replications(asked: simulation.replications, base: base)
        // The bytes read for the base are those every moved scenario is parsed from.
        let analysis = try SensitivityAnalysis(
            scenario: base, step: step, replications: replications, measure: measure, ranges: ranges,
            settings: simulation.apply)
        for key in analysis.keysWithoutInput(in: ranges) {
            throw refuseArgument("--range \(key): the scenario has no number to move at \(key)")
        }
        let started = Date()
        let bar = ProgressBar(total: replications, quiet: quiet)
        let effects = try analysis.run(threads: simulation.threadCount, progress: bar.update)
        bar.finish()
        // Variance shares, for a scenario with uncertain inputs.
        var shares: VarianceSharesReport?
        if analysis.base.hasUncertainInputs {
            let bar = ProgressBar(total: analysis.base.simulation.replications, quiet: quiet)
            shares = try analysis.varianceShares(threads: simulation.threadCount, progress: bar.update)
            bar.finish()
        }
        let provenance = RunProvenance(
            scenario: analysis.base, path: input.path, method: .sensitivity, replications: replications,
            threads: simulation.threadCount, started: started)
        try ForecastFolder(
            sensitivity: effects, of: analysis.base, measure: measure, replications: replications,
            shares: shares, provenance: provenance, language: lang
        ).write(to: folder, force: force)
        let ownRange = ranges.isEmpty ? "" : " (\(ranges.count) with its own range)"
        print("\(base.name): each number ±\(Int(step * 100))%\(ownRange), \(replications) replications each, common random numbers")
        print(SensitivityTable(effects: effects, measure: measure, scenario: base).render())
        if let shares { print(shares.render()) }
        print(
            "Wrote sensitivity.csv (\(effects.count) inputs)\(shares == nil ? "" : ", " + VarianceSharesReport.fileName), "
                + "sensitivity.xlsx, report.html and run.json to \(folder.path)/")
    }
}
