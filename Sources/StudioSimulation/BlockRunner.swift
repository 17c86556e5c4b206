import Dispatch
import StudioScenario

/// Runs replications in blocks of ``blockSize`` on several threads and folds the blocks' results
/// in block order, so that the result does not depend on the thread count.
enum BlockRunner {
    /// Replications per block, the unit of parallel work.
    static let blockSize = 1024

    /// Runs the replications of `range` into `total`.
    ///
    /// - Parameters:
    ///   - range: the 0-based replications.
    ///   - threads: worker threads; fewer than 1 is taken as 1, and more than the range has
    ///     blocks as one per block, so that any count is safe.
    ///   - total: the result so far; each block's result is folded into it in block order.
    ///   - work: simulates one block's replications (a sub-range of one block) into a new result.
    ///   - fold: folds a later block's result into the total.
    ///   - progress: called on the calling thread with the replications done so far in this call.
    static func run<Result>(
        _ range: Range<Int>, threads: Int, into total: inout Result,
        work: @Sendable (Range<Int>) -> Result, fold: (inout Result, Result) -> Void,
        progress: ((Int) -> Void)? = nil
    ) {
        let blocks = (range.lowerBound / blockSize)..<((range.upperBound + blockSize - 1) / blockSize)
        // At most one worker per block: more would idle, and a wave (2 blocks a worker) then
        // never exceeds the blocks, whatever count is asked for.
        let workers = min(max(1, threads), max(1, blocks.count))
        var done = 0
        var waveStart = blocks.lowerBound
        while waveStart < blocks.upperBound {
            let wave = waveStart..<min(waveStart + workers * 2, blocks.upperBound)
            let results = BlockResults<Result>(count: wave.count)
            DispatchQueue.concurrentPerform(iterations: min(workers, wave.count)) { worker in
                for slot in stride(from: worker, to: wave.count, by: workers) {
                    let block = wave.lowerBound + slot
                    let first = max(block * blockSize, range.lowerBound)
                    let last = min((block + 1) * blockSize, range.upperBound)
                    results.store(work(first..<last), at: slot)
                }
            }
            for slot in 0..<wave.count {
                let block = wave.lowerBound + slot
                done += min((block + 1) * blockSize, range.upperBound) - max(block * blockSize, range.lowerBound)
                // concurrentPerform returns after every slot of the wave is stored.
                if let result = results.take(at: slot) { fold(&total, result) }
            }
            waveStart = wave.upperBound
            progress?(done)
        }
    }

    /// Simulates the replications of `block` of every scenario in lockstep, handing each
    /// replication's ledgers, in scenario order, to `body`: the one path by which runs, shards,
    /// comparisons, sweeps, quota searches and sensitivity analyses simulate a block. One
    /// simulator and one ledger per scenario are made for the block and reused by each replication.
    static func simulate(
        _ block: Range<Int>, of scenarios: [Scenario], generator: RandomGeneratorKind,
        _ body: (_ replication: Int, _ ledgers: [ReplicationLedger]) -> Void
    ) {
        var simulators = scenarios.map { ProgrammeSimulator(scenario: $0, generator: generator) }
        var ledgers = scenarios.map { ReplicationLedger(scenario: $0) }
        for replication in block {
            for index in scenarios.indices {
                simulators[index].simulate(replication: replication, into: &ledgers[index])
            }
            body(replication, ledgers)
        }
    }
}

/// The results of one wave of blocks; each worker writes only its own slots, and the calling
/// thread reads them after every worker has finished.
private final class BlockResults<Result>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ result: Result, at slot: Int) {
        slots[slot] = result
    }

    /// The result stored at `slot`, moved out.
    func take(at slot: Int) -> Result? {
        let result = slots[slot]
        slots[slot] = nil
        return result
    }
}
