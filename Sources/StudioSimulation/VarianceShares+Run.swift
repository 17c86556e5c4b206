public import StudioScenario

extension VarianceShares {
    /// Runs `scenario`'s replications with every uncertain input sampled and estimates each
    /// input group's share of the variance of `metric` in forecast year `year` (0-based).
    ///
    /// - Parameters:
    ///   - scenario: the scenario, with uncertain inputs.
    ///   - metric: the output metric.
    ///   - year: the forecast year, 0-based.
    ///   - threads: the worker threads; the shares do not depend on them.
    ///   - progress: called with the replications done so far.
    /// - Returns: nil when the scenario has no uncertain inputs or its forecast lacks `metric`.
    /// - Throws: ``UnknownGeneratorError`` for a generator name GSL does not know.
    public static func run(
        _ scenario: Scenario, metric: Metric, year: Int, threads: Int, progress: ((Int) -> Void)? = nil
    ) throws(UnknownGeneratorError) -> VarianceShares? {
        let catalog = MetricCatalog(scenario: scenario)
        guard scenario.hasUncertainInputs, (0..<scenario.horizonYears).contains(year), let position = catalog.position(of: metric)
        else { return nil }
        let cell = year * catalog.yearMetrics.count + position
        let generator = try RandomGeneratorKind(named: scenario.simulation.generator)
        let replications = 0..<scenario.simulation.replications
        var output: [Double] = []
        output.reserveCapacity(replications.count)
        BlockRunner.run(
            replications, threads: threads, into: &output,
            work: { block in
                MonteCarloEngine.simulate(block, of: scenario, generator: generator, keepingValues: true).values.map {
                    $0.1[cell]
                }
            },
            fold: { $0 += $1 }, progress: progress)
        let draws = InputDraws(scenario: scenario, generator: generator)
        return VarianceShares(
            inputs: draws.inputs, values: draws.values(replications: replications), output: output,
            seed: scenario.simulation.seed)
    }
}
