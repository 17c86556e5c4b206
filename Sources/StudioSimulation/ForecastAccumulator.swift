public import StudioScenario

/// Accumulates replication ledgers into per-metric statistics, in replication order.
///
/// Memory is bounded by the output's size (years × metrics and cohorts × ages × metrics, each
/// with at most ``ValueDistribution/distinctLimit`` entries), not by the replications.
public struct ForecastAccumulator: Sendable {
    private let catalog: MetricCatalog
    private let horizon: Int
    private var yearCells: [MetricStatistics]
    private var cohortCells: [MetricStatistics]
    /// Replications accumulated.
    public private(set) var replications = 0

    init(catalog: MetricCatalog, horizon: Int) {
        self.catalog = catalog
        self.horizon = horizon
        yearCells = Array(repeating: MetricStatistics(), count: horizon * catalog.yearMetrics.count)
        cohortCells = Array(repeating: MetricStatistics(), count: horizon * horizon * catalog.cohortMetrics.count)
    }

    /// Every cell's moments, year cells then cohort cells.
    public var moments: [CellMoments] { (yearCells + cohortCells).map(\.moments) }

    /// An accumulator restored from ``moments`` of `replications` replications: means, spreads
    /// and extremes, but no percentiles. `moments` holds ``cellCount`` cells; a cell it lacks
    /// is left empty.
    public init(scenario: Scenario, moments: [CellMoments], replications: Int) {
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
    public var cellCount: Int { yearCells.count + cohortCells.count }

    /// Adds one finished replication.
    mutating func add(_ ledger: ReplicationLedger) {
        replications += 1
        for (index, value) in ledger.values.enumerated() { yearCells[index].add(value) }
        let cohortMetricCount = catalog.cohortMetrics.count
        for cohort in 0..<horizon {
            let first = cohort * horizon * cohortMetricCount
            for index in first..<(first + (horizon - cohort) * cohortMetricCount) {
                cohortCells[index].add(ledger.cohortValues[index])
            }
        }
    }

    /// Adds every replication of `other`, which must come after this one's in replication order.
    mutating func merge(_ other: ForecastAccumulator) {
        replications += other.replications
        for index in yearCells.indices { yearCells[index].merge(other.yearCells[index]) }
        for index in cohortCells.indices { cohortCells[index].merge(other.cohortCells[index]) }
    }

    /// The statistics so far of year metric `metric` in forecast year `year` (0-based).
    public func summary(year: Int, metric: Int) -> StatisticSummary {
        yearCells[year * catalog.yearMetrics.count + metric].summary()
    }

    /// The forecast these replications make.
    public func forecast(scenarioName: String, startYear: Int) -> Forecast {
        let metricCount = catalog.yearMetrics.count
        let yearly = (0..<horizon).map { year in
            (0..<metricCount).map { yearCells[year * metricCount + $0].summary() }
        }
        var cohorts: [Forecast.CohortCell] = []
        let cohortMetricCount = catalog.cohortMetrics.count
        for cohort in 0..<horizon {
            for age in 1...(horizon - cohort) {
                for metric in 0..<cohortMetricCount {
                    let cell = cohortCells[(cohort * horizon + age - 1) * cohortMetricCount + metric]
                    guard cell.count > 0 else { continue }
                    cohorts.append(
                        Forecast.CohortCell(
                            cohortYear: startYear + cohort, age: age, metric: metric, summary: cell.summary()))
                }
            }
        }
        return Forecast(
            scenarioName: scenarioName, method: .montecarlo, replications: replications,
            years: Array(startYear..<(startYear + horizon)), catalog: catalog, yearly: yearly, cohorts: cohorts)
    }
}
