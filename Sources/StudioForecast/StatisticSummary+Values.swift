extension StatisticSummary {
    /// The value of `statistic`, or NaN when the summary does not carry it (the exact
    /// evaluator gives the mean alone; merged shards without their replications no percentiles).
    private func value(_ statistic: Statistic) -> Double { values[statistic] ?? .nan }

    /// The mean across replications, or NaN.
    public var mean: Double { value(.mean) }
    /// The standard deviation across replications, or NaN.
    public var sd: Double { value(.sd) }
    /// The Monte Carlo standard error of the mean, sd / √n, or NaN.
    public var mcse: Double { value(.mcse) }
    /// The smallest value, or NaN.
    public var minimum: Double { value(.min) }
    /// The 5th percentile, or NaN.
    public var p05: Double { value(.p05) }
    /// The 25th percentile, or NaN.
    public var p25: Double { value(.p25) }
    /// The median, or NaN.
    public var p50: Double { value(.p50) }
    /// The 75th percentile, or NaN.
    public var p75: Double { value(.p75) }
    /// The 95th percentile, or NaN.
    public var p95: Double { value(.p95) }
    /// The largest value, or NaN.
    public var maximum: Double { value(.max) }
}
