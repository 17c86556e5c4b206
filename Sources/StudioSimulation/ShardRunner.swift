package import Foundation
import StudioScenario

/// Runs one slice of a scenario's replications for a machine of a batch scheduler
/// (`run --shard I/N`), keeping what `merge` needs to give the files a single run would.
///
/// Shards are whole blocks, so each block is simulated exactly as in a single run. A shard keeps
/// each block's moments (count, shifted sums, extremes), from which ``ShardMerger`` folds the
/// blocks in block order: means, spreads, MCSEs, extremes and counts are then bit-identical to a
/// single run. Percentiles need the values themselves: a shard can hand every replication's
/// values, block by block, to a writer, from which the merge rebuilds each block exactly.
package struct ShardRunner: Sendable {
    /// One block of a shard: its replications and its cells' moments.
    package struct Block: Sendable, Hashable {
        /// The 0-based replications.
        package var replications: Range<Int>
        /// Every cell's moments, year cells then cohort cells.
        package var moments: [CellMoments]

        /// Creates a block.
        package init(replications: Range<Int>, moments: [CellMoments]) {
            self.replications = replications
            self.moments = moments
        }
    }

    /// What a shard keeps in memory: its forecast and its blocks' moments. Kept replications
    /// go to the writer as the blocks finish.
    package struct Result: Sendable {
        /// The shard's own forecast.
        package var forecast: Forecast
        /// Its blocks, in order.
        package var blocks: [Block]
    }

    /// Turns one block's replications (`ReplicationLedger.allValues`, in replication order) into
    /// the bytes that keep them; called on worker threads.
    package typealias RowEncoder = @Sendable (_ rows: [(replication: Int, values: [Double])]) -> Data

    /// The engine run.
    package let engine: MonteCarloEngine

    /// Creates a runner.
    package init(engine: MonteCarloEngine) {
        self.engine = engine
    }

    /// The number of blocks of ``MonteCarloEngine/blockSize`` replications that `total`
    /// replications make: the most shards they can be cut into.
    package static func blockCount(total: Int) -> Int {
        total <= 0 ? 0 : (total - 1) / MonteCarloEngine.blockSize + 1
    }

    /// The replications of shard `index` (1-based) of `count`: a contiguous run of whole blocks,
    /// empty when `index` is not in 1...`count`. When `count` is at most
    /// ``blockCount(total:)``, every shard holds at least one block.
    package static func replications(shard index: Int, of count: Int, total: Int) -> Range<Int> {
        guard count >= 1, (1...count).contains(index), total > 0 else { return 0..<0 }
        let blocks = blockCount(total: total)
        // i·blocks/count ≤ blocks, computed in full width so that no count can overflow.
        func boundary(_ i: Int) -> Int { count.dividingFullWidth(i.multipliedFullWidth(by: blocks)).quotient }
        let first = boundary(index - 1)
        let last = boundary(index)
        return min(first * MonteCarloEngine.blockSize, total)..<min(last * MonteCarloEngine.blockSize, total)
    }

    /// The blocks (replication ranges) of shard `index` of `count`, in order.
    package static func blocks(shard index: Int, of count: Int, total: Int) -> [Range<Int>] {
        let range = replications(shard: index, of: count, total: total)
        return stride(from: range.lowerBound, to: range.upperBound, by: MonteCarloEngine.blockSize).map {
            $0..<min($0 + MonteCarloEngine.blockSize, range.upperBound)
        }
    }

    /// Runs shard `index` of `count`.
    ///
    /// - Parameters:
    ///   - threads: worker threads.
    ///   - rows: when given, encodes each block's replications on the worker that ran it.
    ///   - write: receives each block's encoded replications on the calling thread, in block
    ///     order, as soon as the block is folded; only what a wave of blocks holds is kept.
    /// - Throws: ``UnknownGeneratorError`` for a generator name GSL does not know.
    package func run(
        shard index: Int, of count: Int, threads: Int, rows: RowEncoder? = nil, write: (Data) -> Void = { _ in }
    ) throws(UnknownGeneratorError) -> Result {
        let scenario = engine.scenario
        let generator = try engine.generatorKind()
        var total = (accumulator: try engine.accumulator(), blocks: [Block](), rows: Data?.none)
        let range = Self.replications(shard: index, of: count, total: scenario.simulation.replications)
        BlockRunner.run(
            range, threads: threads, into: &total,
            work: { block in
                let result = MonteCarloEngine.simulate(
                    block, of: scenario, generator: generator, keepingValues: rows != nil)
                return (
                    result.accumulator, [Block(replications: block, moments: result.accumulator.moments)],
                    rows.map { $0(result.values) }
                )
            },
            fold: { total, block in
                total.accumulator.merge(block.accumulator)
                total.blocks += block.blocks
                if let encoded = block.rows { write(encoded) }
            })
        return Result(
            forecast: total.accumulator.forecast(scenarioName: scenario.name, startYear: scenario.startYear),
            blocks: total.blocks)
    }
}
