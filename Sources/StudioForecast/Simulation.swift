import Foundation

/// Forecasts a scenario, or compares it with a variant, by Monte Carlo replications on GSL
/// random streams: the library's front door.
///
/// ```swift
/// let forecast = try Simulation(baseline).run(replications: 20_000)
/// let comparison = try Simulation(baseline).compare(with: variant)
/// ```
///
/// Replication k of a run draws from the streams keyed by the seed, the replication and the
/// studio, candidate or purpose (`ReplicationStreams`), so the same scenario, seed and
/// generator give the same bits on any number of threads, and a variant run beside its base
/// draws the same numbers wherever the two coincide (common random numbers).
public struct Simulation: Sendable {
    /// The scenario, whose `simulation` settings give the default replications, seed and generator.
    public var scenario: Scenario
    /// Worker threads, at least 1 and at most ``maximumThreads``.
    public var threads: Int

    /// The most worker threads a simulation uses; more are taken as this many.
    public static let maximumThreads = MonteCarloEngine.maximumThreads

    /// A simulation of `scenario`.
    ///
    /// - Parameters:
    ///   - scenario: the scenario to forecast.
    ///   - threads: worker threads; every core by default. Taken into 1...``maximumThreads``.
    public init(_ scenario: Scenario, threads: Int? = nil) {
        self.scenario = scenario
        let wanted = threads ?? ProcessInfo.processInfo.activeProcessorCount
        self.threads = Swift.min(Swift.max(wanted, 1), MonteCarloEngine.maximumThreads)
    }

    /// Runs the scenario's replications into a forecast: every metric's mean, sd, MCSE,
    /// extremes and percentiles per calendar year, and per cohort and age.
    ///
    /// - Parameters:
    ///   - replications: the replications to run; the scenario's `simulation.replications` by default.
    ///   - seed: the seed of every replication's streams; the scenario's by default.
    ///   - progress: called on the calling thread with the replications done so far.
    /// - Returns: the forecast.
    /// - Throws: ``SimulationError`` when `replications` is out of range, a value of the scenario
    ///   is one no scenario file allows (``SimulationError/invalidScenario(_:)``, see
    ///   `Scenario.validate()`) or the generator is unknown.
    public func run(
        replications: Int? = nil, seed: UInt64? = nil, progress: ((Int) -> Void)? = nil
    ) throws(SimulationError) -> Forecast {
        let settled = try settings(replications: replications, seed: seed)
        do {
            return try MonteCarloEngine(scenario: settled).run(threads: threads, progress: progress)
        } catch {
            throw .unknownGenerator(error)
        }
    }

    /// Runs replications in batches until the mean net outflow of the first budget period (the
    /// cumulative net outflow in its last year) is known to `relativeMCSE`, or `maxReplications`
    /// are run: the same bits as a run of the final number of replications.
    ///
    /// - Parameters:
    ///   - relativeMCSE: the largest relative Monte Carlo standard error accepted, mcse / |mean|,
    ///     such as 0.001; between 0 and 1.
    ///   - maxReplications: the most replications to run.
    ///   - progress: called on the calling thread with the replications done so far.
    /// - Returns: the forecast.
    /// - Throws: ``SimulationError`` when `relativeMCSE` is outside (0, 1), `maxReplications` is
    ///   out of range, a value of the scenario is one no scenario file allows
    ///   (``SimulationError/invalidScenario(_:)``), or the generator is unknown.
    public func run(
        toRelativeMCSE relativeMCSE: Double, maxReplications: Int = 1_000_000,
        progress: ((Int) -> Void)? = nil
    ) throws(SimulationError) -> Forecast {
        guard relativeMCSE > 0 && relativeMCSE < 1 else { throw .precisionOutOfRange(relativeMCSE) }
        guard (1...SimulationSettings.maximumReplications).contains(maxReplications) else {
            throw .replicationsOutOfRange(maxReplications)
        }
        // The scenario's own replications give way to `maxReplications`.
        try Self.validate(scenario.with { $0.simulation.replications = maxReplications })
        do {
            return try PrecisionTarget(
                engine: MonteCarloEngine(scenario: scenario), relativeMCSE: relativeMCSE,
                maxReplications: maxReplications
            ).run(threads: threads, progress: progress)
        } catch {
            throw .unknownGenerator(error)
        }
    }

    /// The exact expectations of every metric, with no sampling: each cohort's distribution
    /// over lifecycle states is carried forward one assessment a year (`--method exact`). The
    /// forecast holds means alone.
    ///
    /// - Returns: the forecast, with `replications` 0.
    /// - Throws: `ExactEvaluatorError` for a scenario the exact evaluator does not cover, such as
    ///   one with heterogeneity or a common shock, or with a value no scenario file allows
    ///   (`ExactEvaluatorError.invalidScenario`, see `Scenario.validate()`).
    public func expectations() throws(ExactEvaluatorError) -> Forecast {
        do {
            try scenario.validate()
        } catch {
            throw .invalidScenario(error)
        }
        return try ExactEvaluator(scenario: scenario).evaluate()
    }

    /// Runs the scenario and `variant` on common random numbers, replication by replication,
    /// and their paired differences (variant − base).
    ///
    /// The variant runs with the base's replications, seed and generator, so its difference
    /// carries only the noise of what changed: its MCSE is far below that of either forecast.
    ///
    /// - Parameters:
    ///   - variant: the scenario to compare with this one; it must forecast the same years.
    ///   - replications: the replications to run; the base's `simulation.replications` by default.
    ///   - seed: the seed; the base's by default.
    ///   - progress: called on the calling thread with the replications done so far.
    /// - Returns: both forecasts and their paired differences.
    /// - Throws: ``SimulationError`` when `replications` is out of range, a value of either
    ///   scenario is one no scenario file allows (``SimulationError/invalidScenario(_:)``), the
    ///   generator is unknown, or the two scenarios forecast different years.
    public func compare(
        with variant: Scenario, replications: Int? = nil, seed: UInt64? = nil,
        progress: ((Int) -> Void)? = nil
    ) throws(SimulationError) -> PairedComparison {
        let base = try settings(replications: replications, seed: seed)
        // The variant runs with the base's simulation settings.
        try Self.validate(variant.with { $0.simulation = base.simulation })
        let engine: ComparisonEngine
        do {
            engine = try ComparisonEngine(scenarios: [base, variant])
        } catch {
            throw .incomparable(error)
        }
        do {
            return PairedComparison(try engine.run(threads: threads, progress: progress))
        } catch {
            throw .unknownGenerator(error)
        }
    }

    /// `scenario`'s values checked against the bounds of a scenario file (`Scenario.validate()`).
    static func validate(_ scenario: Scenario) throws(SimulationError) {
        do {
            try scenario.validate()
        } catch {
            throw .invalidScenario(error)
        }
    }

    /// The scenario with `replications` and `seed` applied, checked.
    private func settings(replications: Int?, seed: UInt64?) throws(SimulationError) -> Scenario {
        var settled = scenario
        if let replications { settled.simulation.replications = replications }
        if let seed { settled.simulation.seed = seed }
        let count = settled.simulation.replications
        guard (1...SimulationSettings.maximumReplications).contains(count) else {
            throw .replicationsOutOfRange(count)
        }
        try Self.validate(settled)
        return settled
    }
}
