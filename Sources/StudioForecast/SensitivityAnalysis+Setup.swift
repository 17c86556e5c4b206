extension SensitivityAnalysis {
    /// Prepares the analysis of `scenario`, read from a file, accepting only generator names GSL
    /// knows, each scenario run with `replications`: the base and every moved scenario are parsed
    /// from the bytes `scenario` was read from, and no file is read again.
    ///
    /// ```swift
    /// let analysis = try SensitivityAnalysis(scenario: baseline, step: 0.1, replications: 2_000)
    /// let effects = try analysis.run(threads: 4)
    /// ```
    ///
    /// - Parameters:
    ///   - scenario: the unchanged scenario, read from a file (`Scenario(contentsOfFile:overrides:)`).
    ///   - step: the relative step, such as 0.1 for ±10%.
    ///   - replications: the replications each scenario runs
    ///     (``replications(asked:base:)`` gives the command's default).
    ///   - measure: the output; by default `OutputMeasure.periodNetOutflow(of:)`.
    ///   - ranges: an input's own low and high values by its name, instead of ±`step`
    ///     (``keysWithoutInput(in:)`` names those the scenario has no number for).
    ///   - settings: applies the caller's seed and generator to every scenario.
    /// - Throws: `ScenarioErrors` listing every problem of the file, for a scenario not read
    ///   from a file, at `simulation.replications` for `replications` outside
    ///   1...`SimulationSettings/maximumReplications`, or at the key path of a value that
    ///   `settings` sets outside a scenario file's bounds (see `Scenario.validate()`).
    public init(
        scenario: Scenario, step: Double, replications: Int, measure: OutputMeasure? = nil,
        ranges: [String: ClosedRange<Double>] = [:], settings: (Scenario) -> Scenario = { $0 }
    ) throws(ScenarioErrors) {
        guard let source = scenario.source else {
            throw ScenarioErrors([
                ScenarioError(
                    file: scenario.name, keyPath: "", line: nil,
                    message: "the scenario was not read from a file, so its numbers cannot be moved one at a time")
            ])
        }
        // Every scenario runs `replications`, so a count below 1 would make no range of them.
        guard (1...SimulationSettings.maximumReplications).contains(replications) else {
            throw ScenarioErrors([
                ScenarioError(
                    file: source.path, keyPath: "simulation.replications", line: nil,
                    message:
                        "replications \(replications) is out of range 1...\(SimulationSettings.maximumReplications)")
            ])
        }
        try self.init(
            source: source, step: step, replications: replications, measure: measure, ranges: ranges,
            settings: settings)
    }

    /// Reads `KEY=LOW:HIGH`, a key's own low and high values (`sensitivity --range`).
    ///
    /// - Parameter text: such as `quota.per_year=3:8`.
    /// - Returns: the key and its range; nil unless both bounds are finite numbers, LOW at most HIGH.
    public static func range(parsing text: String) -> (key: String, range: ClosedRange<Double>)? {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let range = ValueRange.parse(parts[1]) else { return nil }
        return (parts[0], range)
    }

    /// The keys of `ranges` that name no number of the scenario this analysis moves, sorted.
    ///
    /// - Parameter ranges: an input's own low and high values by its name.
    /// - Returns: the keys the analysis has no input for; empty when every range applies.
    public func keysWithoutInput(in ranges: [String: ClosedRange<Double>]) -> [String] {
        let known = Set(variants.map(\.input.name))
        return ranges.keys.sorted().filter { !known.contains($0) }
    }

    /// The output the variance shares are of: the measure, where it is one cell of the forecast;
    /// otherwise (a breach chance summed over first-breach years) the cumulative net outflow at
    /// the end of the first budget period.
    public var varianceSharesOutput: (metric: Metric, year: Int) {
        if case .cell(let metric, let year)? = try? measure.reading(for: base) { return (metric, year) }
        return (.cumulativeNetOutflow, base.startYear + PrecisionTarget.periodEnd(of: base))
    }

    /// Runs the base with every uncertain input sampled and estimates each input group's share
    /// of the variance of ``varianceSharesOutput`` (`variance-shares.csv`).
    ///
    /// - Parameters:
    ///   - threads: the worker threads; the shares do not depend on them.
    ///   - progress: called with the replications done so far.
    /// - Returns: the shares; nil when the scenario has no uncertain inputs.
    /// - Throws: ``SimulationError`` when the generator is unknown.
    public func varianceShares(threads: Int, progress: ((Int) -> Void)? = nil) throws(SimulationError)
        -> VarianceSharesReport?
    {
        guard base.hasUncertainInputs else { return nil }
        let (metric, year) = varianceSharesOutput
        let shares: VarianceShares?
        do {
            shares = try VarianceShares.run(
                base, metric: metric, year: year - base.startYear, threads: threads, progress: progress)
        } catch {
            throw .unknownGenerator(error)
        }
        return shares.map { VarianceSharesReport(metric: metric, year: year, shares: $0) }
    }
}
