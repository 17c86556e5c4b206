extension OutputMeasure {
    /// The measure chosen from plain values, each defaulting to `periodNetOutflow(of:)`'s (the
    /// mean cumulative net outflow at the end of the first budget period), checked to be one a
    /// forecast of `scenario` gives exactly (`sensitivity --output --statistic --year --period`).
    ///
    /// - Parameters:
    ///   - metric: the metric; the cumulative net outflow by default.
    ///   - statistic: the statistic across replications.
    ///   - window: the year or period; the end of the first budget period by default.
    ///   - scenario: the scenario forecast.
    /// - Throws: `OutputMeasureError` for a year outside the horizon, a metric the scenario's
    ///   forecast does not record, a statistic that is not a measure, or a period the
    ///   per-replication values do not give exactly.
    public init(
        metric: Metric? = nil, statistic: Statistic = .mean, window: OutputWindow? = nil, for scenario: Scenario
    ) throws(OutputMeasureError) {
        let standard = OutputMeasure.periodNetOutflow(of: scenario)
        self.init(metric: metric ?? standard.metric, statistic: statistic, window: window ?? standard.window)
        _ = try reading(for: scenario)
    }
}
