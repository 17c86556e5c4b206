public import StudioScenario

/// Folds the shards of a run, block by block in block order, into the forecast a single run
/// gives (`studio-forecast merge`).
///
/// Blocks come either as moments (means, spreads, MCSEs, extremes and counts bit-identical to a
/// single run, no percentiles) or as every replication's values, one at a time in replication
/// order (the files identical to a single run's). Memory holds one block and the total, however
/// many replications are merged.
public struct ShardMerger: Sendable {
    /// A block or replication that does not follow the ones merged so far.
    public struct OrderError: Error, Sendable, CustomStringConvertible {
        /// What is wrong.
        public var description: String
    }

    private let scenario: Scenario
    private var total: ForecastAccumulator
    /// The block being rebuilt from values, and its first replication.
    private var current: ForecastAccumulator
    /// The replication expected next.
    public private(set) var nextReplication = 0
    /// The number of statistic cells each block's moments and each replication's values hold.
    public let cellCount: Int

    /// Starts a merge of `scenario`'s replications.
    public init(scenario: Scenario) {
        self.scenario = scenario
        let catalog = MetricCatalog(scenario: scenario)
        total = ForecastAccumulator(catalog: catalog, horizon: scenario.horizonYears)
        current = total
        cellCount = total.cellCount
    }

    /// Adds a block's moments; the block must start at ``nextReplication``.
    ///
    /// - Throws: ``OrderError`` when it does not, or its moments have the wrong number of cells.
    public mutating func add(_ block: Block) throws(OrderError) {
        guard current.replications == 0 else { throw OrderError(description: "moments follow values inside a block") }
        guard block.replications.lowerBound == nextReplication else {
            throw OrderError(
                description: "block \(block.replications) where one starting at \(nextReplication) was expected")
        }
        guard block.moments.count == cellCount else {
            throw OrderError(description: "\(block.moments.count) cells where \(cellCount) were expected")
        }
        total.merge(
            ForecastAccumulator(scenario: scenario, moments: block.moments, replications: block.replications.count))
        nextReplication = block.replications.upperBound
    }

    /// Adds one replication's values (`ReplicationLedger.allValues`); it must be
    /// ``nextReplication``. A replication at a multiple of the block size starts a new block.
    ///
    /// - Throws: ``OrderError`` when it is another replication or has the wrong number of values.
    public mutating func add(replication: Int, values: [Double]) throws(OrderError) {
        guard replication == nextReplication else {
            throw OrderError(description: "replication \(replication) where \(nextReplication) was expected")
        }
        guard values.count == cellCount else {
            throw OrderError(description: "\(values.count) values where \(cellCount) were expected")
        }
        if replication % MonteCarloEngine.blockSize == 0 { flush() }
        current.add(ReplicationLedger(scenario: scenario, allValues: values))
        nextReplication += 1
    }

    /// The forecast of everything added.
    public func forecast() -> Forecast {
        var merger = self
        merger.flush()
        return merger.total.forecast(scenarioName: scenario.name, startYear: scenario.startYear)
    }

    /// Folds the block being rebuilt into the total.
    private mutating func flush() {
        guard current.replications > 0 else { return }
        total.merge(current)
        current = ForecastAccumulator(catalog: MetricCatalog(scenario: scenario), horizon: scenario.horizonYears)
    }

    /// A shard's block.
    public typealias Block = ShardRunner.Block
}
