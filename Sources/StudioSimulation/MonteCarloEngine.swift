import Dispatch
public import StudioScenario

/// Runs a scenario's replications on GSL streams, in parallel, into a ``Forecast``.
///
/// Replications are cut into blocks of ``blockSize``, whatever the thread count. Each block is
/// simulated and accumulated by one worker, and the blocks are merged in block order, so the
/// same scenario, seed and generator give the same bits on 1 thread or many.
public struct MonteCarloEngine: Sendable {
    /// Replications per block, the unit of parallel work.
    public static let blockSize = 1024

    /// The scenario, whose `simulation` settings give the replications, seed and generator.
    public let scenario: Scenario

    /// Creates an engine for a scenario.
    public init(scenario: Scenario) {
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
    public func run(
        replications: Range<Int>? = nil, threads: Int, progress: ((Int) -> Void)? = nil
    ) throws(UnknownGeneratorError) -> Forecast {
        _ = try RandomStream(generatorName: scenario.simulation.generator)
        let range = replications ?? 0..<scenario.simulation.replications
        let size = Self.blockSize
        let blocks = (range.lowerBound / size)..<((range.upperBound + size - 1) / size)
        let catalog = MetricCatalog(scenario: scenario)
        let workers = max(1, threads)
        var total = ForecastAccumulator(catalog: catalog, horizon: scenario.horizonYears)
        var waveStart = blocks.lowerBound
        while waveStart < blocks.upperBound {
            let wave = waveStart..<min(waveStart + workers * 2, blocks.upperBound)
            let results = BlockResults(count: wave.count)
            let scenario = self.scenario
            DispatchQueue.concurrentPerform(iterations: min(workers, wave.count)) { worker in
                var simulator = try! ProgrammeSimulator(scenario: scenario)
                var ledger = ReplicationLedger(scenario: scenario)
                for slot in stride(from: worker, to: wave.count, by: workers) {
                    let block = wave.lowerBound + slot
                    let first = max(block * size, range.lowerBound)
                    let last = min((block + 1) * size, range.upperBound)
                    var accumulator = ForecastAccumulator(catalog: catalog, horizon: scenario.horizonYears)
                    for replication in first..<last {
                        simulator.simulate(replication: replication, into: &ledger)
                        accumulator.add(ledger)
                    }
                    results.store(accumulator, at: slot)
                }
            }
            for slot in 0..<wave.count { total.merge(results.take(at: slot)) }
            waveStart = wave.upperBound
            progress?(total.replications)
        }
        return total.forecast(scenarioName: scenario.name, startYear: scenario.startYear)
    }

    /// Replays replication `replication` (0-based) alone, with its events.
    ///
    /// - Returns: the replication's ledger and its event log; the ledger equals the one the same
    ///   replication gives inside a full run.
    public func replay(replication: Int) throws(UnknownGeneratorError) -> (ledger: ReplicationLedger, trace: TraceLog) {
        var simulator = try ProgrammeSimulator(scenario: scenario)
        var ledger = ReplicationLedger(scenario: scenario)
        let trace = TraceLog()
        simulator.simulate(replication: replication, into: &ledger, trace: trace)
        return (ledger, trace)
    }
}

/// The accumulators of one wave of blocks; each worker writes only its own slots, and the
/// calling thread reads them after every worker has finished.
private final class BlockResults: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<ForecastAccumulator?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ accumulator: ForecastAccumulator, at slot: Int) {
        slots[slot] = accumulator
    }

    func take(at slot: Int) -> ForecastAccumulator {
        guard let accumulator = slots[slot] else { preconditionFailure("block \(slot) was not simulated") }
        slots[slot] = nil
        return accumulator
    }
}
