package import StudioScenario

/// Folds the shards of a run, block by block in block order, into the forecast a single run
/// gives (`studio-forecast merge`).
///
/// Blocks come either as moments (means, spreads, MCSEs, extremes and counts bit-identical to a
/// single run, no percentiles) or as every replication's values, one at a time in replication
/// order (the files identical to a single run's). Memory holds one block and the total, however
/// many replications are merged.
package struct ShardMerger: Sendable {
    /// A block or replication that does not follow the ones merged so far.
    package struct OrderError: Error, Sendable, CustomStringConvertible {
        /// What is wrong.
        package var description: String
        /// The cell (year cells, then cohort cells) whose moments differ, when that is what is wrong.
        package var cell: Int?

        init(description: String, cell: Int? = nil) {
            self.description = description
            self.cell = cell
        }
    }

    private let scenario: Scenario
    private var total: ForecastAccumulator
    /// The block being rebuilt from values, and its first replication.
    private var current: ForecastAccumulator
    /// The moments the blocks being rebuilt from values must give, and the next one's index.
    private var expected: [Block] = []
    private var nextExpected = 0
    /// The replication expected next.
    package private(set) var nextReplication = 0
    /// The number of statistic cells each block's moments and each replication's values hold.
    package let cellCount: Int

    /// Starts a merge of `scenario`'s replications.
    package init(scenario: Scenario) {
        self.scenario = scenario
        let catalog = MetricCatalog(scenario: scenario)
        total = ForecastAccumulator(catalog: catalog, horizon: scenario.horizonYears)
        current = total
        cellCount = total.cellCount
    }

    /// Adds a block's moments; the block must start at ``nextReplication``.
    ///
    /// - Throws: ``OrderError`` when it does not, or its moments have the wrong number of cells.
    package mutating func add(_ block: Block) throws(OrderError) {
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

    /// Sets the blocks whose values come next: as each is rebuilt from its values, its moments
    /// must equal these, the moments its shard kept, so that a changed value cannot pass.
    package mutating func expect(_ blocks: [Block]) {
        expected = blocks
        nextExpected = 0
    }

    /// Adds one replication's values (`ReplicationLedger.allValues`); it must be
    /// ``nextReplication``. A replication at a multiple of the block size starts a new block.
    ///
    /// - Throws: ``OrderError`` when it is another replication or has the wrong number of
    ///   values, or when it ends an ``expect(_:)`` block whose values do not give its moments.
    package mutating func add(replication: Int, values: [Double]) throws(OrderError) {
        guard replication == nextReplication else {
            throw OrderError(description: "replication \(replication) where \(nextReplication) was expected")
        }
        guard values.count == cellCount else {
            throw OrderError(description: "\(values.count) values where \(cellCount) were expected")
        }
        if replication % MonteCarloEngine.blockSize == 0 { flush() }
        current.add(ReplicationLedger(scenario: scenario, allValues: values))
        nextReplication += 1
        guard nextExpected < expected.count, expected[nextExpected].replications.upperBound == nextReplication else {
            return
        }
        let block = expected[nextExpected]
        nextExpected += 1
        current.flush()
        let rebuilt = current.moments
        guard current.replications == block.replications.count, rebuilt.count == block.moments.count else {
            throw OrderError(description: "the values of replications \(block.replications) do not form that block")
        }
        if let cell = rebuilt.indices.first(where: { rebuilt[$0] != block.moments[$0] }) {
            throw OrderError(
                description: "the values of replications \(block.replications) do not give the moments their shard "
                    + "kept (cell \(cell) differs)", cell: cell)
        }
    }

    /// The forecast of everything added.
    package func forecast() -> Forecast {
        var merger = self
        merger.flush()
        return merger.total.forecast(scenarioName: scenario.name, startYear: scenario.startYear)
    }

    /// Folds the block being rebuilt into the total.
    private mutating func flush() {
        guard current.replications > 0 else { return }
        current.flush()
        total.merge(current)
        current = ForecastAccumulator(catalog: MetricCatalog(scenario: scenario), horizon: scenario.horizonYears)
    }

    /// A shard's block.
    package typealias Block = ShardRunner.Block
}
