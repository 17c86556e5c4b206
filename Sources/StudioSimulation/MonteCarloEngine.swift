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
    /// How the quota places are filled.
    public let selection: SelectionModel

    /// Creates an engine for a scenario.
    public init(scenario: Scenario, selection: SelectionModel = .fillQuota) {
        self.scenario = scenario
        self.selection = selection
    }

    /// Runs every replication of the scenario.
    ///
    /// - Parameters:
    ///   - threads: worker threads (at least 1).
    ///   - progress: called on the calling thread with the replications done so far.
    /// - Throws: ``UnknownGeneratorError`` for a generator name GSL does not know.
    public func run(threads: Int, progress: ((Int) -> Void)? = nil) throws(UnknownGeneratorError) -> Forecast {
        _ = try RandomStream(generatorName: scenario.simulation.generator)
        let replications = scenario.simulation.replications
        let blockCount = (replications + Self.blockSize - 1) / Self.blockSize
        let catalog = MetricCatalog(trancheCount: scenario.grantRules.trancheCount)
        var total = ForecastAccumulator(catalog: catalog, horizon: scenario.horizonYears)
        let waveSize = max(1, threads) * 2
        var firstBlock = 0
        while firstBlock < blockCount {
            let blocks = firstBlock..<min(firstBlock + waveSize, blockCount)
            let results = BlockResults(count: blocks.count)
            let scenario = self.scenario
            let selection = self.selection
            DispatchQueue.concurrentPerform(iterations: min(max(1, threads), blocks.count)) { worker in
                var simulator = try! ProgrammeSimulator(scenario: scenario, selection: selection)
                var ledger = ReplicationLedger(catalog: catalog, horizon: scenario.horizonYears, rules: scenario.grantRules)
                var slot = worker
                while slot < blocks.count {
                    let block = blocks.lowerBound + slot
                    var accumulator = ForecastAccumulator(catalog: catalog, horizon: scenario.horizonYears)
                    let start = block * Self.blockSize
                    for replication in start..<min(start + Self.blockSize, replications) {
                        simulator.simulate(replication: replication, into: &ledger)
                        accumulator.add(ledger)
                    }
                    results.store(accumulator, at: slot)
                    slot += max(1, threads)
                }
            }
            for slot in 0..<blocks.count { total.merge(results.take(at: slot)) }
            firstBlock = blocks.upperBound
            progress?(total.replications)
        }
        return total.forecast(scenarioName: scenario.name, startYear: scenario.startYear)
    }

    /// Replays replication `replication` (0-based) alone, with its events.
    ///
    /// - Returns: the replication's ledger and its event log; the ledger equals the one the same
    ///   replication gives inside a full run.
    public func replay(replication: Int) throws(UnknownGeneratorError) -> (ledger: ReplicationLedger, trace: TraceLog) {
        var simulator = try ProgrammeSimulator(scenario: scenario, selection: selection)
        let catalog = MetricCatalog(trancheCount: scenario.grantRules.trancheCount)
        var ledger = ReplicationLedger(catalog: catalog, horizon: scenario.horizonYears, rules: scenario.grantRules)
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
