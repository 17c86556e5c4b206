/// The statistics reported for every metric (DESIGN.md, "The output contract").
public enum Statistic: String, CaseIterable, Sendable, Hashable, Codable, CodingKeyRepresentable {
    case mean, sd, mcse, min, p05, p25, p50, p75, p95, max

    /// For a percentile, q as a whole percent; nil otherwise.
    public var percent: Int? {
        switch self {
        case .p05: return 5
        case .p25: return 25
        case .p50: return 50
        case .p75: return 75
        case .p95: return 95
        default: return nil
        }
    }
}

/// The statistics of one metric in one year (or cohort and age) across replications.
public struct StatisticSummary: Sendable, Hashable, Codable {
    /// Replications with a value (a ratio with a zero denominator has none).
    public var count: Int
    /// The statistics present: all of them for a Monte Carlo run, `mean` alone for the exact evaluator.
    public var values: [Statistic: Double]

    /// Creates a summary.
    package init(count: Int, values: [Statistic: Double]) {
        self.count = count
        self.values = values
    }

    /// The value of `statistic`, if present.
    ///
    /// - Parameter statistic: the statistic.
    /// - Returns: its value, or `nil` when the summary does not carry it.
    public subscript(statistic: Statistic) -> Double? { values[statistic] }
}
