/// Two scenarios run on common random numbers: each one's forecast and their paired
/// differences, variant − base, replication by replication.
///
/// ```swift
/// let comparison = try Simulation(baseline).compare(with: variant)
/// print(comparison.difference[.cumulativeNetOutflow, 2030].mean)
/// ```
public struct PairedComparison: Sendable {
    /// Both forecasts and the difference, as the engine and the writers (`ComparisonFiles`,
    /// `ComparisonReport`) take them.
    public let comparison: Comparison

    /// The pair in `comparison`, which holds exactly two forecasts and one difference.
    init(_ comparison: Comparison) {
        self.comparison = comparison
    }

    /// The base scenario's forecast.
    public var base: Forecast { comparison.forecasts[0] }
    /// The variant's forecast.
    public var variant: Forecast { comparison.forecasts[1] }
    /// The paired differences, variant − base, per year and metric.
    public var difference: DifferenceForecast { comparison.differences[0] }
}
