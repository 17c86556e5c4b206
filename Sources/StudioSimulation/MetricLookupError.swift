public import StudioScenario
/// A metric asked of a forecast or a comparison that it does not hold.
public enum MetricLookupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The scenario's forecast does not record `metric` (the selection metrics need an applicant
    /// pool, the budget metrics a budget, and a tranche must be one of the grant's), or a
    /// comparison kept no paired difference of it.
    case metricMissing(Metric, scenario: String)
    /// `year` is not one of the forecast's calendar years.
    case yearOutOfRange(Int, years: ClosedRange<Int>?, scenario: String)

    /// One line naming the metric or year missing and the scenario.
    public var description: String {
        switch self {
        case .metricMissing(let metric, let scenario):
            return "\(scenario): the forecast has no metric \(metric.name)"
        case .yearOutOfRange(let year, let years, let scenario):
            let span = years.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "no years"
            return "\(scenario): \(year) is outside the forecast's years (\(span))"
        }
    }
}

extension MetricLookupError: StudioForecastError {
    /// The forecast, not a file.
    public var location: ProblemLocation { .none }
}
