/// A finished forecast: every metric's statistics per calendar year and per cohort and age.
public struct Forecast: Sendable, Hashable, Codable {
    /// How the expectations were obtained.
    public enum Method: String, Sendable, Hashable, CaseIterable, Codable {
        /// Monte Carlo replications on GSL streams.
        case montecarlo
        /// Exact expectations from the lifecycle's state distribution by age, no sampling.
        case exact
    }

    /// One cohort metric's statistics at one age.
    package struct CohortCell: Sendable, Hashable, Codable {
        /// The calendar year the cohort was named.
        package var cohortYear: Int
        /// The age, the naming year being 1.
        package var age: Int
        /// The cohort metric's position in ``MetricCatalog/cohortMetrics``.
        package var metric: Int
        /// Its statistics.
        package var summary: StatisticSummary
    }

    /// The scenario's name.
    public var scenarioName: String
    /// How the values were obtained.
    public var method: Method
    /// Replications run (0 for the exact evaluator).
    public var replications: Int
    /// The calendar years, in order.
    public var years: [Int]
    /// The metric names and positions.
    package var catalog: MetricCatalog
    /// Statistics per year and metric: `yearly[yearIndex][metric]`.
    package var yearly: [[StatisticSummary]]
    /// Statistics per cohort, age and cohort metric, by cohort, then age, then metric.
    package var cohorts: [CohortCell]

    /// The statistics of `metric` in calendar year `year`, or `nil` when the forecast does not
    /// record that metric or has no such year.
    ///
    /// - Parameters:
    ///   - year: the calendar year.
    ///   - metric: the metric.
    /// - Returns: the metric's statistics that year, or `nil`.
    public func summary(year: Int, metric: Metric) -> StatisticSummary? {
        guard let yearIndex = years.firstIndex(of: year), let index = catalog.position(of: metric) else { return nil }
        return yearly[yearIndex][index]
    }

    /// The statistics of `metric` in calendar year `year`.
    ///
    /// ```swift
    /// let spend = forecast[.cumulativeNetOutflow, 2030]
    /// print(spend.mean, spend.p05, spend.p95)
    /// ```
    ///
    /// - Parameters:
    ///   - metric: the metric.
    ///   - year: a calendar year of the forecast.
    /// - Returns: the statistics; empty (count 0, every statistic NaN) when the forecast has no
    ///   such year or its scenario does not carry the metric (a budget metric without a budget).
    ///   ``statistics(of:year:)`` throws instead.
    public subscript(metric: Metric, year: Int) -> StatisticSummary {
        summary(year: year, metric: metric) ?? StatisticSummary(count: 0, values: [:])
    }

    /// The statistics of `metric` in calendar year `year`.
    ///
    /// - Parameters:
    ///   - metric: the metric.
    ///   - year: the calendar year.
    /// - Returns: the metric's statistics that year.
    /// - Throws: ``MetricLookupError/metricMissing(_:scenario:)`` when the scenario's forecast does
    ///   not record the metric, ``MetricLookupError/yearOutOfRange(_:years:scenario:)`` for a year
    ///   outside the forecast.
    public func statistics(of metric: Metric, year: Int) throws(MetricLookupError) -> StatisticSummary {
        guard let index = catalog.position(of: metric) else { throw .metricMissing(metric, scenario: scenarioName) }
        guard let yearIndex = years.firstIndex(of: year) else {
            throw .yearOutOfRange(year, years: years.first.flatMap { first in years.last.map { first...$0 } }, scenario: scenarioName)
        }
        return yearly[yearIndex][index]
    }
}
