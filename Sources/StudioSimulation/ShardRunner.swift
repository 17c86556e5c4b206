public import StudioScenario

/// Runs one slice of a scenario's replications for a machine of a batch scheduler
/// (`run --shard I/N`), keeping what `merge` needs to give the files a single run would.
///
/// Shards are whole blocks, so each block is simulated exactly as in a single run. A shard keeps
/// each block's moments (count, shifted sums, extremes), from which the merge folds the blocks
/// in block order: means, spreads, MCSEs, extremes and counts are then bit-identical to a single
/// run. Percentiles need the values themselves: with `keepReplications` the shard keeps every
/// replication's values, from which the merge rebuilds each block exactly.
public struct ShardRunner: Sendable {
    /// One block of a shard: its replications and its cells' moments.
    public struct Block: Sendable {
        /// The 0-based replications.
        public var replications: Range<Int>
        /// Every cell's moments, year cells then cohort cells.
        public var moments: [[Double]]

        /// Creates a block.
        public init(replications: Range<Int>, moments: [[Double]]) {
            self.replications = replications
            self.moments = moments
        }
    }

    /// What a shard keeps.
    public struct Result: Sendable {
        /// The shard's own forecast.
        public var forecast: Forecast
        /// Its blocks, in order.
        public var blocks: [Block]
        /// Each replication's values (`ReplicationLedger.allValues`), when kept.
        public var replicationValues: [(replication: Int, values: [Double])]?
    }

    /// The engine run.
    public let engine: MonteCarloEngine

    /// Creates a runner.
    public init(engine: MonteCarloEngine) {
        self.engine = engine
    }

    /// The replications of shard `index` (1-based) of `count`: a contiguous run of whole blocks.
    public static func replications(shard index: Int, of count: Int, total: Int) -> Range<Int> {
        let blocks = (total + MonteCarloEngine.blockSize - 1) / MonteCarloEngine.blockSize
        let first = (index - 1) * blocks / count
        let last = index * blocks / count
        return min(first * MonteCarloEngine.blockSize, total)..<min(last * MonteCarloEngine.blockSize, total)
    }

    /// Runs shard `index` of `count`.
    public func run(shard index: Int, of count: Int, threads: Int, keepReplications: Bool) throws(UnknownGeneratorError)
        -> Result
    {
        let scenario = engine.scenario
        let layout = engine.layout
        let generator = try engine.generatorKind()
        var total = (accumulator: try engine.accumulator(), blocks: [Block](), values: [(Int, [Double])]())
        let range = Self.replications(shard: index, of: count, total: scenario.simulation.replications)
        BlockRunner.run(
            range, threads: threads, into: &total,
            work: { block in
                let result = MonteCarloEngine.simulate(
                    block, of: scenario, layout: layout, generator: generator, keepingValues: keepReplications)
                return (result.accumulator, [Block(replications: block, moments: result.accumulator.moments)], result.values)
            },
            fold: { total, block in
                total.accumulator.merge(block.accumulator)
                total.blocks += block.blocks
                total.values += block.values
            })
        return Result(
            forecast: total.accumulator.forecast(scenarioName: scenario.name, startYear: scenario.startYear),
            blocks: total.blocks, replicationValues: keepReplications ? total.values : nil)
    }

    /// Merges shards' blocks (or their replications' values, when every shard kept them) into
    /// the forecast a single run gives.
    ///
    /// - Parameters:
    ///   - blocks: every shard's blocks, in replication order, covering 0..<replications.
    ///   - values: every replication's values in replication order, when kept; percentiles
    ///     come only from these.
    public static func merge(scenario: Scenario, blocks: [Block], values: [[Double]]?) -> Forecast {
        let catalog = MetricCatalog(scenario: scenario)
        var total = ForecastAccumulator(catalog: catalog, horizon: scenario.horizonYears)
        for block in blocks {
            if let values {
                var accumulator = ForecastAccumulator(catalog: catalog, horizon: scenario.horizonYears)
                for replication in block.replications {
                    accumulator.add(ReplicationLedger(scenario: scenario, allValues: values[replication]))
                }
                total.merge(accumulator)
            } else {
                total.merge(
                    ForecastAccumulator(scenario: scenario, moments: block.moments, replications: block.replications.count))
            }
        }
        return total.forecast(scenarioName: scenario.name, startYear: scenario.startYear)
    }
}
