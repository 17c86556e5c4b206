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
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            let bounds = parts.count == 2 ? parts[1].split(separator: ":", omittingEmptySubsequences: false) : []
            guard bounds.count == 2, let low = Double(bounds[0]), let high = Double(bounds[1]), low.isFinite,
                high.isFinite, low <= high
            else {
                throw refuseArgument("--range \(text) must be KEY=LOW:HIGH with LOW at most HIGH, such as quota.per_year=3:8")
            }
            ranges[parts[0]] = low...high
        }
        return ranges
    }

    /// The output measured in a forecast of `base`: the default, or as the options choose.
    func measure(for base: Scenario) throws -> OutputMeasure {
        let standard = OutputMeasure.periodNetOutflow(of: base)
        let window = period.flatMap(OutputWindow.init(text:)) ?? year.map(OutputWindow.year) ?? standard.window
        let measure = OutputMeasure(
            metric: output.flatMap(Metric.init(name:)) ?? standard.metric, statistic: Statistic(rawValue: statistic) ?? .mean,
            window: window)
        _ = try measure.reading(for: base)
        return measure
    }

    func run() throws {
        let base = try input.load()
        let measure = try measure(for: base)
        let ranges = try ranges()
        let folder = try ForecastFolder.prepare(out, default: "sensitivity-\(base.name)", force: force)
        let replications = SensitivityAnalysis.replications(asked: simulation.replications, base: base)
        // The file read for the base is the one every moved scenario is parsed from.
        let source = try base.source ?? ScenarioLoader.readSource(path: input.path)
        let analysis = try SensitivityAnalysis(
            source: source, step: step, replications: replications, measure: measure, ranges: ranges,
            settings: simulation.apply)
        let known = Set(analysis.variants.map(\.input.name))
        for key in ranges.keys.sorted() where !known.contains(key) {
            throw refuseArgument("--range \(key): the scenario has no number to move at \(key)")
        }
        let started = Date()
        let bar = ProgressBar(total: replications, quiet: quiet)
        let effects = try analysis.run(threads: simulation.threadCount, progress: bar.update)
        bar.finish()
        // Variance shares (uncertain inputs only) are of the output measured, where it is one cell
        // of the forecast; a breach chance summed over first-breach years falls back to the
        // cumulative net outflow at the end of the first budget period.
        let (shareMetric, shareYear): (Metric, Int) =
            if case .cell(let metric, let year)? = try? measure.reading(for: analysis.base) {
                (metric, year)
            } else {
                (.cumulativeNetOutflow, base.startYear + PrecisionTarget.periodEnd(of: base))
            }
        let shares = try VarianceSharesSection(
            scenario: analysis.base, metric: shareMetric, year: shareYear, threads: simulation.threadCount, quiet: quiet)
        let provenance = RunProvenance(
            scenario: analysis.base, path: input.path, method: .sensitivity, replications: replications,
            threads: simulation.threadCount, started: started)
        try ForecastFolder(
            sensitivity: effects, of: analysis.base, measure: measure, replications: replications,
            shares: shares.shares.map { (shares.output, $0) }, provenance: provenance, language: lang
        ).write(to: folder, force: force)
        let ownRange = ranges.isEmpty ? "" : " (\(ranges.count) with its own range)"
        print("\(base.name): each number ±\(Int(step * 100))%\(ownRange), \(replications) replications each, common random numbers")
        if measure == OutputMeasure.periodNetOutflow(of: base) {
            print("Change in the mean net outflow \(base.startYear)–\(measure.window.last), largest first:")
        } else {
            print("Change in the \(measure.statistic.rawValue) \(measure.metric.name) \(measure.window.label), largest first:")
        }
        var separator = "\n"
        for kind in SensitivityInput.Kind.allCases {
            let rows = effects.filter { $0.input.kind == kind }.prefix(15).map { effect -> [String] in
                [effect.input.name, Self.text(effect.changeLow, measure), Self.text(effect.changeHigh, measure),
                 Self.text(effect.changeMCSE, measure)]
            }
            guard !rows.isEmpty else { continue }
            print(separator + (kind == .lever ? "Levers (the measures' rules and the programme's choices):" : "Assumptions:"))
            separator = ""
            print(TablePrinter.render(header: ["parameter", "moved down", "moved up", "± MCSE"], rows: rows))
        }
        shares.print()
        print(
            "Wrote sensitivity.csv (\(effects.count) inputs)\(shares.shares == nil ? "" : ", " + VarianceSharesFile.name), "
                + "sensitivity.xlsx, report.html and run.json to \(folder.path)/")
    }

    /// A change for the table: a probability to 4 places, anything else grouped.
    static func text(_ value: Double?, _ measure: OutputMeasure) -> String {
        guard let value else { return "–" }
        return measure.metric.unit == .probability ? String(format: "%.4f", value) : PlainNumber.grouped(value)
    }
}
