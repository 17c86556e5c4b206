/// Which metrics' paired differences a ``ComparisonEngine`` keeps.
///
/// Each kept metric costs, per later scenario and year, a full distribution of its differences
/// (for the percentiles); an analysis that reports only a few of them asks for those alone.
package enum DifferenceSelection: Sendable, Hashable {
    /// Every metric the scenarios share, as `compare` writes them to `comparison.csv`.
    case allMetrics
    /// Only these metrics among those the scenarios share; a metric they lack is passed over.
    case only(Set<Metric>)

    /// Whether the differences of `metric` are kept.
    func includes(_ metric: Metric) -> Bool {
        switch self {
        case .allMetrics: return true
        case .only(let metrics): return metrics.contains(metric)
        }
    }
}
