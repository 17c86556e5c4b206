public import StudioScenario

/// The names and positions of a forecast's metrics (DESIGN.md, "The output contract").
///
/// Year metrics are recorded per calendar year; cohort metrics per naming year and age. The
/// order here is the order of the output files: the grant, then the selection (with an
/// applicant pool), then the money, then the budget (with a budget).
public struct MetricCatalog: Sendable, Hashable {
    /// Year metric names, in output order.
    public let yearMetrics: [String]
    /// Cohort metric names, in output order.
    public let cohortMetrics = ["share_revoked", "share_fully_paid", "paid_per_studio"]

    // MARK: Grant (Art. 11, 14, 15)

    /// Studios named in the year.
    public let named: Int
    /// Studios named and not revoked at the year's end.
    public let active: Int
    /// Annual assessments held (Art. 11, 14).
    public let assessed: Int
    /// Yellow cards given: fails that did not revoke (Art. 11).
    public let yellowCards: Int
    /// Namings revoked, for any reason.
    public let revocations: Int
    /// Revocations for consecutive fails in the cycle (Art. 11).
    public let revocationsInCycle: Int
    /// Revocations for fails after the cycle (Art. 14).
    public let revocationsPostCycle: Int
    /// Revocations for falsified records (Art. 15).
    public let revocationsFraud: Int
    /// Cycles ended without revocation, fully paid or with tranches forfeited.
    public let cyclesCompleted: Int
    /// Yuan forfeited when a cycle ran out with tranches unearned (RULES.md §2 reading).
    public let forfeited: Int
    /// The first tranche's position; tranche `i` (0-based) is at `firstTranche + i`.
    public let firstTranche: Int
    /// Yuan of grant paid in the year, all tranches.
    public let grantOutflow: Int
    /// Yuan of grant paid from the start year to the year's end.
    public let cumulativeGrantOutflow: Int
    /// Revocations per assessment held; missing in a year with no assessment.
    public let revocationRate: Int

    /// The selection metrics' positions, when the scenario models an applicant pool.
    public let selection: SelectionMetrics?
    /// The money metrics' positions.
    public let money: MoneyMetrics
    /// The budget metrics' positions, when the scenario sets a budget.
    public let budget: BudgetMetrics?

    // MARK: Cohorts

    /// Share of the cohort revoked by the end of the age.
    public let shareRevoked = 0
    /// Share of the cohort with every tranche paid by the end of the age.
    public let shareFullyPaid = 1
    /// Grant paid per studio of the cohort by the end of the age, in yuan.
    public let paidPerStudio = 2

    /// Positions of the selection metrics (Art. 2, 6, 7, 15).
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
        /// Candidates found cheating and disqualified for ever (Art. 15).
        public let disqualifiedApplicants: Int
    }

    /// Positions of the money metrics (Art. 11, 12, 15).
    public struct MoneyMetrics: Sendable, Hashable {
        /// Equipment subsidy paid (Art. 12.1).
        public let equipmentSubsidy: Int
        /// Skill-upgrade subsidy paid (Art. 12.2).
        public let trainingSubsidy: Int
        /// City awards paid (Art. 12.3).
        public let awardSubsidy: Int
        /// Money recovered from studios found cheating (Art. 15).
        public let clawback: Int
        /// Grant plus subsidies paid.
        public let totalOutflow: Int
        /// Total outflow less clawback.
        public let netOutflow: Int
        /// Net outflow from the start year to the year's end.
        public let cumulativeNetOutflow: Int
        /// Net outflow discounted to the start year.
        public let netOutflowPV: Int
        /// Discounted net outflow from the start year to the year's end.
        public let cumulativeNetOutflowPV: Int
    }

    /// Positions of the budget metrics; each is 0 or 1 per replication, so its mean is a probability.
    public struct BudgetMetrics: Sendable, Hashable {
        /// Net outflow above the year's annual budget.
        public let budgetBreach: Int?
        /// An annual breach in some year of the current budget period so far.
        public let anyBudgetBreach: Int?
        /// This year is the replication's first annual breach.
        public let firstBreachYear: Int?
        /// Net outflow since the current period began above the period budget.
        public let cumulativeBudgetBreach: Int?
    }

    /// The catalog of a scenario's forecast.
    public init(scenario: Scenario) {
        var names: [String] = []
        func add(_ name: String) -> Int {
            names.append(name)
            return names.count - 1
        }
        named = add("named")
        active = add("active")
        assessed = add("assessed")
        yellowCards = add("yellow_cards")
        revocations = add("revocations")
        revocationsInCycle = add("revocations_in_cycle")
        revocationsPostCycle = add("revocations_post_cycle")
        revocationsFraud = add("revocations_fraud")
        cyclesCompleted = add("cycles_completed")
        forfeited = add("forfeited")
        firstTranche = names.count
        for tranche in 1...scenario.grantRules.trancheCount { _ = add("tranche_\(tranche)") }
        grantOutflow = add("grant_outflow")
        cumulativeGrantOutflow = add("cumulative_grant_outflow")
        revocationRate = add("revocation_rate")
        selection =
            scenario.applicants == nil
            ? nil
            : SelectionMetrics(
                pool: add("pool"), applicants: add("applicants"), recommended: add("recommended"),
                shortlisted: add("shortlisted"), unfilledQuota: add("unfilled_quota"), cutoffScore: add("cutoff_score"),
                namedMeanScore: add("named_mean_score"), disqualifiedApplicants: add("disqualified_applicants"))
        money = MoneyMetrics(
            equipmentSubsidy: add("equipment_subsidy"), trainingSubsidy: add("training_subsidy"),
            awardSubsidy: add("award_subsidy"), clawback: add("clawback"), totalOutflow: add("total_outflow"),
            netOutflow: add("net_outflow"), cumulativeNetOutflow: add("cumulative_net_outflow"),
            netOutflowPV: add("net_outflow_pv"), cumulativeNetOutflowPV: add("cumulative_net_outflow_pv"))
        let hasAnnual = scenario.budget.annualYuan != nil
        let hasPeriod = scenario.budget.periodYuan != nil
        budget =
            hasAnnual || hasPeriod
            ? BudgetMetrics(
                budgetBreach: hasAnnual ? add("budget_breach") : nil,
                anyBudgetBreach: hasAnnual ? add("any_budget_breach") : nil,
                firstBreachYear: hasAnnual ? add("first_breach_year") : nil,
                cumulativeBudgetBreach: hasPeriod ? add("cumulative_budget_breach") : nil)
            : nil
        yearMetrics = names
    }

    /// The position of tranche `index` (0-based).
    @inline(__always)
    public func tranche(_ index: Int) -> Int { firstTranche + index }

    /// The position of the year metric called `name`, if any.
    public func yearMetric(named name: String) -> Int? { yearMetrics.firstIndex(of: name) }
}
