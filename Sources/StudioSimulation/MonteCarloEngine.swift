package import StudioScenario

/// Runs a scenario's replications on GSL streams, in parallel, into a ``Forecast``.
///
/// Replications are cut into blocks of ``blockSize``, whatever the thread count. Each block is
/// simulated and accumulated by one worker, and the blocks are merged in block order, so the
/// same scenario, seed and generator give the same bits on 1 thread or many.
package struct MonteCarloEngine: Sendable {
    /// Replications per block, the unit of parallel work.
    package static let blockSize = BlockRunner.blockSize

    /// The most worker threads a run uses; a larger count asks for more than any machine
    /// runs at once, and is taken as this.
    package static let maximumThreads = 1024

    /// The scenario, whose `simulation` settings give the replications, seed and generator.
    package let scenario: Scenario

    /// Creates an engine for a scenario.
    ///
    /// - Parameter scenario: the scenario, whose `simulation` settings give the replications, seed and
    ///   generator.
    package init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// Runs the scenario's replications, or the slice `replications` of them.
    ///
    /// - Parameters:
    ///   - replications: the 0-based replications to run; all of the scenario's by default. A
    ///     slice gives each replication the same stream it has in a full run.
    ///   - threads: worker threads (at least 1).
    ///   - progress: called on the calling thread with the replications done so far.
    /// - Throws: ``UnknownGeneratorError`` for a generator name GSL does not know.
    package func run(
        replications: Range<Int>? = nil, threads: Int, progress: ((Int) -> Void)? = nil
    ) throws(UnknownGeneratorError) -> Forecast {
        var total = try accumulator()
        try extend(&total, replications: replications ?? 0..<scenario.simulation.replications, threads: threads,
            progress: progress)
        return total.forecast(scenarioName: scenario.name, startYear: scenario.startYear)
    }

    /// An empty accumulator of this scenario's forecast.
    ///
    /// - Throws: ``UnknownGeneratorError`` for a generator name GSL does not know.
    package func accumulator() throws(UnknownGeneratorError) -> ForecastAccumulator {
        _ = try generatorKind()
        return ForecastAccumulator(catalog: MetricCatalog(scenario: scenario), horizon: scenario.horizonYears)
    }

    /// Adds `replications`, which must follow those already in `total`, to it: running 0..<n
    /// and then n..<m gives the same bits as running 0..<m when n is a multiple of ``blockSize``.
    package func extend(
        _ total: inout ForecastAccumulator, replications: Range<Int>, threads: Int, progress: ((Int) -> Void)? = nil
    ) throws(UnknownGeneratorError) {
        let generator = try generatorKind()
        let scenario = self.scenario
        BlockRunner.run(
            replications, threads: threads, into: &total,
            work: { block in
                Self.simulate(block, of: scenario, generator: generator, keepingValues: false).accumulator
            },
            fold: { $0.merge($1) }, progress: progress)
    }

    /// Simulates one block's replications into a new accumulator, keeping each replication's
    /// values (`ReplicationLedger.allValues`) when asked.
    static func simulate(
        _ block: Range<Int>, of scenario: Scenario, generator: RandomGeneratorKind,
        keepingValues: Bool
    ) -> (accumulator: ForecastAccumulator, values: [(Int, [Double])]) {
        var accumulator = ForecastAccumulator(catalog: MetricCatalog(scenario: scenario), horizon: scenario.horizonYears)
        var values: [(Int, [Double])] = []
        BlockRunner.simulate(block, of: [scenario], generator: generator) { replication, ledgers in
            accumulator.add(ledgers[0])
            if keepingValues { values.append((replication, ledgers[0].allValues)) }
        }
        accumulator.flush()
        return (accumulator, values)
    }

    /// The scenario's generator, checked against GSL's list once before any block runs.
    ///
    /// - Throws: ``UnknownGeneratorError`` for a generator name GSL does not know.
    package func generatorKind() throws(UnknownGeneratorError) -> RandomGeneratorKind {
        try RandomGeneratorKind(named: scenario.simulation.generator)
    }

    /// The number of statistic cells of the scenario's forecast: year cells, then cohort cells.
    package var cellCount: Int {
        ForecastAccumulator(catalog: MetricCatalog(scenario: scenario), horizon: scenario.horizonYears).cellCount
    }

    /// Replays replication `replication` (0-based) alone, with its events.
    ///
    /// - Parameter replication: the replication, 0-based.
    /// - Returns: the replication's ledger and its event log; the ledger equals the one the same
    ///   replication gives inside a full run.
    /// - Throws: ``UnknownGeneratorError`` for a generator name GSL does not know.
    package func replay(replication: Int) throws(UnknownGeneratorError) -> (ledger: ReplicationLedger, trace: TraceLog) {
        var simulator = ProgrammeSimulator(scenario: scenario, generator: try generatorKind())
        var ledger = ReplicationLedger(scenario: scenario)
        let trace = TraceLog()
        simulator.simulate(replication: replication, into: &ledger, trace: trace)
        return (ledger, trace)
    }
}
