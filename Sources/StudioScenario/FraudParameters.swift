/// Detection of falsified records (Art. 15): a named studio found cheating is revoked, banned for
/// ever and everything paid to it recovered; an applicant found cheating is disqualified for ever.
public struct FraudParameters: Sendable, Hashable {
    /// What is recovered from a named studio found cheating.
    public enum Recovery: String, Sendable, Hashable {
        /// The grant tranches paid (RULES.md §5 reading).
        case grant
        /// The grant tranches and the Art. 12 subsidies paid during the forecast.
        case all
    }

    /// The chance a named, unrevoked studio is found cheating in a year.
    public var detectionProbability: Double
    /// The chance a candidate in the applicant pool is found cheating in a year.
    public var applicantDetectionProbability: Double
    /// What is recovered.
    public var recover: Recovery

    /// Creates fraud parameters.
    public init(detectionProbability: Double = 0, applicantDetectionProbability: Double = 0, recover: Recovery = .grant) {
        self.detectionProbability = detectionProbability
        self.applicantDetectionProbability = applicantDetectionProbability
        self.recover = recover
    }
}
