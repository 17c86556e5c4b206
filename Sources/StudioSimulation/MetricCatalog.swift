public import StudioScenario

/// The names and positions of a forecast's metrics (DESIGN.md, "The output contract").
///
/// Year metrics are recorded per calendar year; cohort metrics per naming year and age.
/// The order here is the order of the output files.
public struct MetricCatalog: Sendable, Hashable {
    /// Year metric names, in output order.
    public let yearMetrics: [String]
    /// Cohort metric names, in output order.
    public let cohortMetrics: [String]

    /// Studios named in the year.
    public let named = 0
    /// Studios named and not revoked at the year's end.
    public let active = 1
    /// Annual assessments held (Art. 11, 14).
    public let assessed = 2
    /// Yellow cards given: fails that did not revoke (Art. 11).
    public let yellowCards = 3
    /// Namings revoked, for any reason.
    public let revocations = 4
    /// Revocations for consecutive fails in the cycle (Art. 11).
    public let revocationsInCycle = 5
    /// Revocations for fails after the cycle (Art. 14).
    public let revocationsPostCycle = 6
    /// Cycles ended without revocation, fully paid or with tranches forfeited.
    public let cyclesCompleted = 7
    /// Yuan forfeited when a cycle ran out with tranches unearned (RULES.md §2 reading).
    public let forfeited = 8
    /// The first tranche's position; tranche `i` (0-based) is at `firstTranche + i`.
    public let firstTranche = 9
    /// Yuan of grant paid in the year, all tranches.
    public let grantOutflow: Int
    /// Yuan of grant paid from the start year to the year's end.
    public let cumulativeGrantOutflow: Int
    /// Revocations per assessment held; missing in a year with no assessment.
    public let revocationRate: Int
    /// The selection metrics' positions, when the scenario models an applicant pool.
    public let selection: SelectionMetrics?

    /// Positions of the selection metrics (Art. 2, 6, 7).
    public struct SelectionMetrics: Sendable, Hashable {
        /// Candidates in the pool when applications open.
        public let pool: Int
        /// Candidates who applied.
        public let applicants: Int
        /// Applicants recommended by their body after screening against the six conditions.
        public let recommended: Int
        /// Recommended studios at or above the shortlist score.
        public let shortlisted: Int
        /// Quota places left empty.
        public let unfilledQuota: Int
        /// The lowest score named; missing in a year with nobody named.
        public let cutoffScore: Int
        /// The mean score of the studios named; missing in a year with nobody named.
        public let namedMeanScore: Int

        static let names = [
            "pool", "applicants", "recommended", "shortlisted", "unfilled_quota", "cutoff_score", "named_mean_score",
        ]

        init(first: Int) {
            (pool, applicants, recommended, shortlisted) = (first, first + 1, first + 2, first + 3)
            (unfilledQuota, cutoffScore, namedMeanScore) = (first + 4, first + 5, first + 6)
        }
    }

    /// Share of the cohort revoked by the end of the age.
    public let shareRevoked = 0
    /// Share of the cohort with every tranche paid by the end of the age.
    public let shareFullyPaid = 1
    /// Grant paid per studio of the cohort by the end of the age, in yuan.
    public let paidPerStudio = 2

    /// The catalog for a grant paid in `trancheCount` tranches, with the selection metrics when
    /// `applicantPool` is true.
    public init(trancheCount: Int, applicantPool: Bool = false) {
        let tranches = (1...trancheCount).map { "tranche_\($0)" }
        var names =
            [
                "named", "active", "assessed", "yellow_cards", "revocations", "revocations_in_cycle",
                "revocations_post_cycle", "cycles_completed", "forfeited",
            ] + tranches + ["grant_outflow", "cumulative_grant_outflow", "revocation_rate"]
        grantOutflow = firstTranche + trancheCount
        cumulativeGrantOutflow = grantOutflow + 1
        revocationRate = grantOutflow + 2
        selection = applicantPool ? SelectionMetrics(first: names.count) : nil
        if applicantPool { names += SelectionMetrics.names }
        yearMetrics = names
        cohortMetrics = ["share_revoked", "share_fully_paid", "paid_per_studio"]
    }

    /// The catalog a scenario's forecast uses.
    public init(scenario: Scenario) {
        self.init(trancheCount: scenario.grantRules.trancheCount, applicantPool: scenario.applicants != nil)
    }

    /// The position of tranche `index` (0-based).
    @inline(__always)
    public func tranche(_ index: Int) -> Int { firstTranche + index }

    /// The position of the year metric called `name`, if any.
    public func yearMetric(named name: String) -> Int? { yearMetrics.firstIndex(of: name) }
}
