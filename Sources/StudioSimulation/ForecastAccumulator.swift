package import StudioScenario

/// Accumulates replication ledgers into per-metric statistics, in replication order.
///
/// Ledgers are copied row by row into a small buffer and folded into the cells
/// ``pendingCapacity`` replications at a time, cell by cell, so that each cell's value table
/// stays in cache while it takes its values; every cell still takes its values in replication
/// order, so the statistics are the same bits as adding each ledger at once.
///
/// Memory is bounded by the output's size (years × metrics and cohorts × ages × metrics, each
/// with at most ``ValueDistribution/distinctLimit`` entries), not by the replications.
package struct ForecastAccumulator: Sendable {
    /// Replications buffered before they are folded into the cells.
    static let pendingCapacity = 64

    private let catalog: MetricCatalog
    private let horizon: Int
    private var yearCells: [MetricStatistics]
    private var cohortCells: [MetricStatistics]
    /// Replications added but not yet folded: each a row of its year values, then its cohort values.
    private var pending: [Double] = []
    private var pendingCount = 0
    /// Replications accumulated.
    package private(set) var replications = 0

    init(catalog: MetricCatalog, horizon: Int) {
        self.catalog = catalog
        self.horizon = horizon
        yearCells = Array(repeating: MetricStatistics(), count: horizon * catalog.yearMetrics.count)
        cohortCells = Array(repeating: MetricStatistics(), count: horizon * horizon * catalog.cohortMetrics.count)
    }

    /// Every cell's moments, year cells then cohort cells.
    package var moments: [CellMoments] {
        let folded = self.folded
        return (folded.yearCells + folded.cohortCells).map(\.moments)
    }

    /// An accumulator restored from ``moments`` of `replications` replications: means, spreads
    /// and extremes, but no percentiles. `moments` holds ``cellCount`` cells; a cell it lacks
    /// is left empty.
    package init(scenario: Scenario, moments: [CellMoments], replications: Int) {
        self.init(catalog: MetricCatalog(scenario: scenario), horizon: scenario.horizonYears)
        for index in yearCells.indices where index < moments.count {
            yearCells[index] = MetricStatistics(moments: moments[index])
        }
        for index in cohortCells.indices where yearCells.count + index < moments.count {
            cohortCells[index] = MetricStatistics(moments: moments[yearCells.count + index])
        }
        self.replications = replications
    }

    /// The number of cells, year cells then cohort cells.
    package var cellCount: Int { yearCells.count + cohortCells.count }

    /// Adds one finished replication.
    mutating func add(_ ledger: ReplicationLedger) {
        replications += 1
        if pending.isEmpty { pending.reserveCapacity(Self.pendingCapacity * cellCount) }
        pending.append(contentsOf: ledger.values)
        pending.append(contentsOf: ledger.cohortValues)
        pendingCount += 1
        if pendingCount == Self.pendingCapacity { fold(keepingCapacity: true) }
    }

    /// Folds the buffered replications into the cells and lets the buffer go, so that a
    /// finished block waiting to be merged holds only its statistics.
    mutating func flush() {
        fold(keepingCapacity: false)
    }

    /// Folds the buffered replications into the cells, cell by cell in replication order.
    private mutating func fold(keepingCapacity: Bool) {
        guard pendingCount > 0 else {
            if !keepingCapacity { pending = [] }
            return
        }
        let rowLength = cellCount
        let rows = pendingCount
        let yearCount = yearCells.count
        let cohortMetricCount = catalog.cohortMetrics.count
        pending.withUnsafeBufferPointer { buffer in
            for index in 0..<yearCount {
                yearCells[index].add(buffer, first: index, stride: rowLength, count: rows)
            }
            for cohort in 0..<horizon {
                // Only ages the horizon reaches: the rest of each cohort's rows never has a value.
                let first = cohort * horizon * cohortMetricCount
                for index in first..<(first + (horizon - cohort) * cohortMetricCount) {
                    cohortCells[index].add(buffer, first: yearCount + index, stride: rowLength, count: rows)
                }
            }
        }
        pending.removeAll(keepingCapacity: keepingCapacity)
        pendingCount = 0
    }

    /// This accumulator with nothing buffered.
    private var folded: ForecastAccumulator {
        guard pendingCount > 0 else { return self }
        var copy = self
        copy.flush()
        return copy
    }

    /// Adds every replication of `other`, which must come after this one's in replication order.
    mutating func merge(_ other: ForecastAccumulator) {
        flush()
        let other = other.folded
        replications += other.replications
        for index in yearCells.indices { yearCells[index].merge(other.yearCells[index]) }
        for index in cohortCells.indices { cohortCells[index].merge(other.cohortCells[index]) }
    }

    /// The statistics so far of year metric `metric` in forecast year `year` (0-based).
    package func summary(year: Int, metric: Int) -> StatisticSummary {
        folded.yearCells[year * catalog.yearMetrics.count + metric].summary()
    }

    /// The forecast these replications make.
    package func forecast(scenarioName: String, startYear: Int) -> Forecast {
        let folded = self.folded
        let yearCells = folded.yearCells
        let cohortCells = folded.cohortCells
        let metricCount = catalog.yearMetrics.count
        let cohortMetricCount = catalog.cohortMetrics.count
        let horizon = self.horizon
        return Forecast(
            scenarioName: scenarioName, method: .montecarlo, replications: replications, startYear: startYear,
            horizon: horizon, catalog: catalog,
            yearCell: { year, metric in yearCells[year * metricCount + metric].summary() },
            cohortCell: { cohort, age, metric in
                let cell = cohortCells[(cohort * horizon + age - 1) * cohortMetricCount + metric]
                return cell.count > 0 ? cell.summary() : nil
            })
    }
}
