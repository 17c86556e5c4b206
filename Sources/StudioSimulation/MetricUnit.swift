/// What a metric's values count or measure.
public enum MetricUnit: String, Sendable, Hashable, CaseIterable, Codable {
    /// Yuan paid, forfeited or recovered (Art. 11, 12, 15).
    case yuan
    /// Studios, candidates, assessments or places.
    case count
    /// 0 or 1 per replication, so the mean is a probability, or a share of a cohort.
    case probability
    /// An assessment score (Art. 7).
    case score
}
