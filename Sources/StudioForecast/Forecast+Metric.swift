// Typed lookups of a forecast's and a difference's statistics: a `Metric` and a calendar year,
// never a metric name as a string.

extension Forecast {
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
    ///   such year or its scenario does not carry the metric (a budget metric without a
    ///   budget). ``summary(of:in:)`` throws instead.
    public subscript(metric: Metric, year: Int) -> StatisticSummary {
        summary(year: year, metric: metric.name) ?? StatisticSummary(count: 0, values: [:])
    }

    /// The statistics of `metric` in calendar year `year`.
    ///
    /// - Parameters:
    ///   - metric: the metric.
    ///   - year: a calendar year of the forecast.
    /// - Returns: the statistics.
    /// - Throws: ``ForecastLookupError`` when the forecast has no such year or does not carry the metric.
    public func summary(of metric: Metric, in year: Int) throws(ForecastLookupError) -> StatisticSummary {
        guard years.contains(year) else { throw .yearOutOfRange(year, years) }
        guard let summary = summary(year: year, metric: metric.name) else { throw .metricNotCarried(metric) }
        return summary
    }
}

extension DifferenceForecast {
    /// The statistics of the paired difference of `metric` in calendar year `year`.
    ///
    /// - Parameters:
    ///   - metric: the metric.
    ///   - year: a calendar year of the forecast.
    /// - Returns: the difference's statistics; empty (count 0, every statistic NaN) when there
    ///   is no such year or metric. `cell(year:metric:)` also gives the share of positive differences.
    public subscript(metric: Metric, year: Int) -> StatisticSummary {
        cell(year: year, metric: metric.name)?.summary ?? StatisticSummary(count: 0, values: [:])
    }
}

/// A statistic asked of a forecast that does not carry it.
public enum ForecastLookupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The year is not one of the forecast's calendar years.
    case yearOutOfRange(Int, [Int])
    /// The forecast's scenario does not carry the metric (a selection metric without an
    /// applicant pool, a budget metric without a budget, a tranche beyond the grant's).
    case metricNotCarried(Metric)

    /// One line saying what was asked.
    public var description: String {
        switch self {
        case .yearOutOfRange(let year, let years):
            let span = years.first.map { first in "\(first)–\(years.last ?? first)" } ?? "no years"
            return "\(year) is not a year of the forecast (\(span))"
        case .metricNotCarried(let metric):
            return "the forecast does not carry \(metric.name)"
        }
    }
}
