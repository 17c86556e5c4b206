import StudioScenario

/// The forecasts of several scenarios run on common random numbers, and their paired differences.
public struct Comparison: Sendable {
    /// One forecast per scenario, in the order given.
    public var forecasts: [Forecast]
    /// `differences[i]` is scenario i + 1 less scenario 0, replication by replication.
    public var differences: [DifferenceForecast]
}

/// The paired differences of one scenario against a reference, per year and shared metric.
public struct DifferenceForecast: Sendable {
    /// The statistics of a paired difference: the usual ones, and the share of replications in
    /// which it is above zero.
    public struct Cell: Sendable, Hashable {
        /// mean, sd, mcse, min, percentiles and max of the difference.
        public var summary: StatisticSummary
        /// The share of replications with a positive difference.
        public var probabilityPositive: Double?
    }

    /// The calendar years.
    public var years: [Int]
    /// The metrics both scenarios have and the engine was asked to difference, in the reference's order.
    public var metrics: [Metric]
    /// The reference scenario's name, for the messages of failed lookups.
    public var scenarioName = ""
    /// `cells[yearIndex][metricIndex]`.
    package var cells: [[Cell]]

    /// The difference of `metric` in `year`, or `nil` when it was not kept (a metric one of the
    /// scenarios lacks, or one the ``DifferenceSelection`` left out) or the year is not forecast.
    ///
    /// - Parameters:
    ///   - year: the calendar year.
    ///   - metric: the metric.
    /// - Returns: the paired difference's statistics, or `nil`.
    public func cell(year: Int, metric: Metric) -> Cell? {
        guard let yearIndex = years.firstIndex(of: year), let metricIndex = metrics.firstIndex(of: metric) else {
            return nil
        }
        return cells[yearIndex][metricIndex]
    }

    /// The statistics of the paired difference of `metric` in calendar year `year`, as
    /// `difference[.cumulativeNetOutflow, 2030]`.
    ///
    /// - Parameters:
    ///   - metric: the metric.
    ///   - year: a calendar year of the forecast.
    /// - Returns: the difference's statistics; empty (count 0, every statistic NaN) when there
    ///   is no such year or metric. ``cell(year:metric:)`` also gives the share of positive
    ///   differences, and ``statistics(of:year:)`` throws instead.
    public subscript(metric: Metric, year: Int) -> StatisticSummary {
        cell(year: year, metric: metric)?.summary ?? StatisticSummary(count: 0, values: [:])
    }

    /// The difference of `metric` in `year`.
    ///
    /// - Parameters:
    ///   - metric: the metric.
    ///   - year: the calendar year.
    /// - Returns: the paired difference's statistics and the probability that it is positive.
    /// - Throws: ``MetricLookupError/metricMissing(_:scenario:)`` when no difference of the metric
    ///   was kept, ``MetricLookupError/yearOutOfRange(_:years:scenario:)`` for a year not forecast.
    public func statistics(of metric: Metric, year: Int) throws(MetricLookupError) -> Cell {
        guard let metricIndex = metrics.firstIndex(of: metric) else { throw .metricMissing(metric, scenario: scenarioName) }
        guard let yearIndex = years.firstIndex(of: year) else {
            throw .yearOutOfRange(year, years: years.first.flatMap { first in years.last.map { first...$0 } }, scenario: scenarioName)
        }
        return cells[yearIndex][metricIndex]
    }
}

/// Accumulates the forecasts of several scenarios and their differences against the first, for
/// the metrics a ``DifferenceSelection`` keeps.
struct ComparisonAccumulator: Sendable {
    private var forecasts: [ForecastAccumulator]
    private var differences: [[MetricStatistics]]
    private var positives: [[Int]]
    /// For each later scenario, each kept shared metric's position in the reference and in it.
    private let shared: [[(reference: Int, other: Int)]]
    private let horizon: Int

    init(scenarios: [Scenario], differences selection: DifferenceSelection = .allMetrics) {
        let catalogs = scenarios.map(MetricCatalog.init(scenario:))
        horizon = scenarios[0].horizonYears
        forecasts = zip(catalogs, scenarios).map { ForecastAccumulator(catalog: $0, horizon: $1.horizonYears) }
        shared = catalogs.dropFirst().map { catalog in
            catalogs[0].yearMetrics.enumerated().compactMap { reference, metric in
                guard selection.includes(metric) else { return nil }
                return catalog.position(of: metric).map { (reference, $0) }
            }
        }
        differences = shared.map { Array(repeating: MetricStatistics(), count: $0.count * scenarios[0].horizonYears) }
        positives = shared.map { Array(repeating: 0, count: $0.count * scenarios[0].horizonYears) }
    }

    /// Adds one replication of every scenario, in scenario order.
    mutating func add(_ ledgers: [ReplicationLedger]) {
        for (index, ledger) in ledgers.enumerated() { forecasts[index].add(ledger) }
        for (pair, metrics) in shared.enumerated() {
            let reference = ledgers[0]
            let other = ledgers[pair + 1]
            for year in 0..<horizon {
                for (slot, positions) in metrics.enumerated() {
                    let difference =
                        other[year: year, metric: positions.other] - reference[year: year, metric: positions.reference]
                    let cell = year * metrics.count + slot
                    differences[pair][cell].add(difference)
                    if difference > 0 { positives[pair][cell] += 1 }
                }
            }
        }
    }

    /// Folds every forecast's buffered replications into its cells.
    mutating func flush() {
        for index in forecasts.indices { forecasts[index].flush() }
    }

    /// Adds every replication of `other`, which must come after this one's.
    mutating func merge(_ other: ComparisonAccumulator) {
        for index in forecasts.indices { forecasts[index].merge(other.forecasts[index]) }
        for pair in differences.indices {
            for cell in differences[pair].indices {
                differences[pair][cell].merge(other.differences[pair][cell])
                positives[pair][cell] += other.positives[pair][cell]
            }
        }
    }

    func comparison(scenarios: [Scenario]) -> Comparison {
        let forecasts = zip(self.forecasts, scenarios).map { $0.forecast(scenarioName: $1.name, startYear: $1.startYear) }
        let reference = forecasts[0]
        let differences = shared.enumerated().map { pair, metrics in
            DifferenceForecast(
                years: reference.years, metrics: metrics.map { reference.catalog.yearMetrics[$0.reference] },
                scenarioName: reference.scenarioName,
                cells: (0..<horizon).map { year in
                    metrics.indices.map { slot in
                        let cell = year * metrics.count + slot
                        let statistics = self.differences[pair][cell]
                        return DifferenceForecast.Cell(
                            summary: statistics.summary(),
                            probabilityPositive: statistics.count > 0
                                ? Double(positives[pair][cell]) / Double(statistics.count) : nil)
                    }
                })
        }
        return Comparison(forecasts: forecasts, differences: differences)
    }
}
