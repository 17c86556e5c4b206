/// Detection of falsified records (Art. 15): a named studio found cheating is revoked, banned for
/// ever and everything paid to it recovered; an applicant found cheating is disqualified for ever.
public struct FraudParameters: Sendable, Hashable {
    /// What is recovered from a named studio found cheating.
    ///
    /// Art. 15 recovers 已拨付的补助资金全部 (all the subsidy funds paid), and Art. 13 calls every
    /// payment of Art. 11 and Art. 12 补助资金, so the measures' reading is ``all``.
    public enum Recovery: String, Sendable, Hashable {
        /// Only the grant tranches paid (Art. 11), a narrower reading kept for comparison.
        case grant
        /// Everything paid (Art. 15): the grant tranches and the Art. 12 subsidies, those paid
        /// before the forecast (as declared for studios named before it) and during it.
        case all
    }

    /// The chance a named, unrevoked studio is found cheating in a year.
    public var detectionProbability: Double
    /// The chance a candidate in the applicant pool is found cheating in a year.
    public var applicantDetectionProbability: Double
    /// What is recovered; by default everything paid (Art. 15).
    public var recover: Recovery

    /// Creates fraud parameters.
    ///
    /// - Parameters:
    ///   - detectionProbability: the chance a named, unrevoked studio is found cheating in a year.
    ///   - applicantDetectionProbability: the chance a candidate in the applicant pool is found cheating in a
    ///     year.
    ///   - recover: what is recovered; by default everything paid (Art. 15).
    public init(detectionProbability: Double = 0, applicantDetectionProbability: Double = 0, recover: Recovery = .all) {
        self.detectionProbability = detectionProbability
        self.applicantDetectionProbability = applicantDetectionProbability
        self.recover = recover
    }
}
