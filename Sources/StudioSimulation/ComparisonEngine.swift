package import StudioScenario

/// Runs several scenarios on common random numbers (keyed streams, ``ReplicationStreams``) and
/// accumulates, besides each scenario's forecast, the per-replication differences against the
/// first scenario of every metric the scenarios share, or of those a ``DifferenceSelection`` names.
///
/// Every scenario runs with the first scenario's replications, seed and generator, so that
/// replication k of each draws the same numbers wherever their worlds coincide: the paired
/// difference then carries only the noise of what changed.
package struct ComparisonEngine: Sendable {
    /// The scenarios; differences are taken against the first.
    package let scenarios: [Scenario]
    /// The metrics whose paired differences are kept; the forecasts keep every metric.
    package let differences: DifferenceSelection

    /// Creates an engine; every scenario takes the first's `simulation` settings.
    ///
    /// - Parameter differences: the metrics whose paired differences to keep; all by default.
    /// - Throws: ``ComparisonError`` when the scenarios cover different years.
    package init(scenarios: [Scenario], differences: DifferenceSelection = .allMetrics) throws(ComparisonError) {
        guard let reference = scenarios.first else { throw ComparisonError.noScenarios }
        for scenario in scenarios.dropFirst() where scenario.years != reference.years {
            throw ComparisonError.differentYears(reference.name, scenario.name)
        }
        self.init(variantsOf: reference, variants: Array(scenarios.dropFirst()), differences: differences)
    }

    /// Creates an engine for `base` and `variants`, which the caller has made to cover the
    /// base's years (as the sensitivity analysis does); each takes the base's `simulation` settings.
    init(variantsOf base: Scenario, variants: [Scenario], differences: DifferenceSelection = .allMetrics) {
        scenarios = [base] + variants.map { $0.with { $0.simulation = base.simulation } }
        self.differences = differences
    }

    /// Runs every replication of every scenario in lockstep.
    ///
    /// - Parameters:
    ///   - threads: the worker threads; the result does not depend on them.
    ///   - progress: called with the replications done so far.
    /// - Returns: every scenario's forecast and the paired differences against the first.
    /// - Throws: ``UnknownGeneratorError`` for a generator name GSL does not know.
    package func run(threads: Int, progress: ((Int) -> Void)? = nil) throws(UnknownGeneratorError) -> Comparison {
        let generator = try RandomGeneratorKind(named: scenarios[0].simulation.generator)
        var total = ComparisonAccumulator(scenarios: scenarios, differences: differences)
        let scenarios = self.scenarios
        let differences = self.differences
        BlockRunner.run(
            0..<scenarios[0].simulation.replications, threads: threads, into: &total,
            work: { block in
                var accumulator = ComparisonAccumulator(scenarios: scenarios, differences: differences)
                BlockRunner.simulate(block, of: scenarios, generator: generator) { _, ledgers in accumulator.add(ledgers) }
                accumulator.flush()
                return accumulator
            },
            fold: { $0.merge($1) }, progress: progress)
        return total.comparison(scenarios: scenarios)
    }
}

/// The scenarios cannot be compared.
public enum ComparisonError: Error, Sendable, CustomStringConvertible {
    /// No scenario was given.
    case noScenarios
    /// Two scenarios forecast different years.
    case differentYears(String, String)

    /// One line saying what to change.
    public var description: String {
        switch self {
        case .noScenarios: return "nothing to compare"
        case .differentYears(let a, let b):
            return "\(a) and \(b) forecast different years; give them the same start_year and horizon_years"
        }
    }
}
