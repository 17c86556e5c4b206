package import StudioScenario

/// Runs replications in batches until the period's total mean net outflow is known to a
/// relative precision (`run --precision`).
///
/// The period is the first budget period (`budget.period_years`, or the horizon if shorter);
/// its total is `cumulative_net_outflow` in its last year. Batches are whole blocks and are
/// accumulated in replication order, so the result is the same bits as a run of the final
/// number of replications.
package struct PrecisionTarget: Sendable {
    /// Replications per batch: a whole number of blocks.
    package static let batchSize = 8 * MonteCarloEngine.blockSize

    /// The engine whose scenario is run.
    package let engine: MonteCarloEngine
    /// The largest relative Monte Carlo standard error accepted, mcse / |mean|.
    package let relativeMCSE: Double
    /// The most replications to run.
    package let maxReplications: Int

    /// Creates a precision target.
    package init(engine: MonteCarloEngine, relativeMCSE: Double, maxReplications: Int) {
        self.engine = engine
        self.relativeMCSE = relativeMCSE
        self.maxReplications = maxReplications
    }

    /// The forecast year (0-based) whose cumulative net outflow is the period's total.
    ///
    /// - Parameter scenario: the scenario forecast.
    /// - Returns: the last forecast year of the first budget period, or of the horizon.
    package static func periodEnd(of scenario: Scenario) -> Int {
        min(scenario.budget.periodYears, scenario.horizonYears) - 1
    }

    /// Runs batches until the target or the maximum is reached.
    ///
    /// - Throws: ``UnknownGeneratorError`` for a generator name GSL does not know.
    package func run(threads: Int, progress: ((Int) -> Void)? = nil) throws(UnknownGeneratorError) -> Forecast {
        let scenario = engine.scenario
        var total = try engine.accumulator()
        let metric = MetricCatalog(scenario: scenario).money.cumulativeNetOutflow
        let year = Self.periodEnd(of: scenario)
        while total.replications < maxReplications {
            let next = min(total.replications + Self.batchSize, maxReplications)
            try engine.extend(&total, replications: total.replications..<next, threads: threads)
            progress?(total.replications)
            let summary = total.summary(year: year, metric: metric)
            if let mean = summary[.mean], let mcse = summary[.mcse], mean != 0, mcse / abs(mean) <= relativeMCSE {
                break
            }
        }
        return total.forecast(scenarioName: scenario.name, startYear: scenario.startYear)
    }
}
