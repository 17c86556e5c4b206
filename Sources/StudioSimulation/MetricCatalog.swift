package import StudioScenario

/// The names and positions of a forecast's metrics (DESIGN.md, "The output contract").
///
/// Year metrics are recorded per calendar year; cohort metrics per naming year and age. The
/// order here is the order of the output files: the grant, then the selection (with an
/// applicant pool), then the money, then the budget (with a budget).
package struct MetricCatalog: Sendable, Hashable {
    /// Year metrics, in output order.
    package let yearMetrics: [Metric]
    /// Cohort metrics, in output order.
    package let cohortMetrics: [Metric] = Metric.cohortMetrics
    /// Each year metric's position in ``yearMetrics``.
    private let positions: [Metric: Int]

    // MARK: Grant (Art. 11, 14, 15)

    /// Studios named in the year.
    package let named: Int
    /// Studios named and not revoked at the year's end.
    package let active: Int
    /// Annual assessments held (Art. 11, 14).
    package let assessed: Int
    /// Yellow cards given: fails that did not revoke (Art. 11).
    package let yellowCards: Int
    /// Namings revoked, for any reason.
    package let revocations: Int
    /// Revocations for consecutive fails in the cycle (Art. 11).
    package let revocationsInCycle: Int
    /// Revocations for fails after the cycle (Art. 14).
    package let revocationsPostCycle: Int
    /// Revocations for falsified records (Art. 15).
    package let revocationsFraud: Int
    /// Cycles ended without revocation, fully paid or with tranches forfeited.
    package let cyclesCompleted: Int
    /// Yuan forfeited when a cycle ran out with tranches unearned (RULES.md §2 reading).
    package let forfeited: Int
    /// The first tranche's position; tranche `i` (0-based) is at `firstTranche + i`.
    package let firstTranche: Int
    /// Yuan of grant paid in the year, all tranches.
    package let grantOutflow: Int
    /// Yuan of grant paid from the start year to the year's end.
    package let cumulativeGrantOutflow: Int
    /// Yuan of grant paid since the current reporting period began.
    package let periodGrantOutflow: Int
    /// Revocations per assessment held; missing in a year with no assessment.
    package let revocationRate: Int

    /// The selection metrics' positions, when the scenario models an applicant pool.
    package let selection: SelectionMetrics?
    /// The money metrics' positions.
    package let money: MoneyMetrics
    /// The budget metrics' positions, when the scenario sets a budget.
    package let budget: BudgetMetrics?

    // MARK: Cohorts

    /// Share of the cohort revoked by the end of the age.
    package let shareRevoked = 0
    /// Share of the cohort with every tranche paid by the end of the age.
    package let shareFullyPaid = 1
    /// Grant paid per studio of the cohort by the end of the age, in yuan.
    package let paidPerStudio = 2

    /// Positions of the selection metrics (Art. 2, 6, 7, 15).
    package struct SelectionMetrics: Sendable, Hashable {
        /// Candidates in the pool when applications open.
        package let pool: Int
        /// Candidates who applied.
        package let applicants: Int
        /// Applicants recommended by their body after screening against the six conditions.
        package let recommended: Int
        /// Recommended studios at or above the shortlist score.
        package let shortlisted: Int
        /// Quota places left empty.
        package let unfilledQuota: Int
        /// The lowest score named; missing in a year with nobody named.
        package let cutoffScore: Int
        /// The mean score of the studios named; missing in a year with nobody named.
        package let namedMeanScore: Int
        /// Candidates found cheating and disqualified for ever (Art. 15).
        package let disqualifiedApplicants: Int
    }

    /// Positions of the money metrics (Art. 11, 12, 15).
    package struct MoneyMetrics: Sendable, Hashable {
        /// Equipment subsidy paid (Art. 12.1).
        package let equipmentSubsidy: Int
        /// Skill-upgrade subsidy paid (Art. 12.2).
        package let trainingSubsidy: Int
        /// City awards paid (Art. 12.3).
        package let awardSubsidy: Int
        /// Money recovered from studios found cheating (Art. 15).
        package let clawback: Int
        /// Grant plus subsidies paid.
        package let totalOutflow: Int
        /// Total outflow less clawback.
        package let netOutflow: Int
        /// Net outflow from the start year to the year's end.
        package let cumulativeNetOutflow: Int
        /// Net outflow since the current reporting period began.
        package let periodNetOutflow: Int
        /// Net outflow discounted to the start year.
        package let netOutflowPV: Int
        /// Discounted net outflow from the start year to the year's end.
        package let cumulativeNetOutflowPV: Int
    }

    /// Positions of the budget metrics; each is 0 or 1 per replication, so its mean is a probability.
    package struct BudgetMetrics: Sendable, Hashable {
        /// Net outflow above the year's annual budget.
        package let budgetBreach: Int?
        /// An annual breach in some year of the current budget period so far.
        package let anyBudgetBreach: Int?
        /// This year is the replication's first annual breach.
        package let firstBreachYear: Int?
        /// Net outflow since the current period began above the period budget.
        package let cumulativeBudgetBreach: Int?
    }

    /// The catalog of a scenario's forecast.
    package init(scenario: Scenario) {
        self.init(
            trancheCount: scenario.cohortRules.values.map(\.trancheCount).max() ?? 0, hasSelection: scenario.applicants != nil,
            hasAnnualBudget: scenario.budget.annualYuan != nil, hasPeriodBudget: scenario.budget.periodYuan != nil)
    }

    /// The catalog of a forecast with `trancheCount` tranches, the selection metrics when the
    /// scenario models an applicant pool, and the budget metrics of the budgets it sets.
    init(trancheCount: Int, hasSelection: Bool, hasAnnualBudget hasAnnual: Bool, hasPeriodBudget hasPeriod: Bool) {
        var metrics: [Metric] = []
        func add(_ metric: Metric) -> Int {
            metrics.append(metric)
            return metrics.count - 1
        }
        named = add(.named)
        active = add(.active)
        assessed = add(.assessed)
        yellowCards = add(.yellowCards)
        revocations = add(.revocations)
        revocationsInCycle = add(.revocationsInCycle)
        revocationsPostCycle = add(.revocationsPostCycle)
        revocationsFraud = add(.revocationsFraud)
        cyclesCompleted = add(.cyclesCompleted)
        forfeited = add(.forfeited)
        firstTranche = metrics.count
        for tranche in 0..<max(trancheCount, 0) { _ = add(.tranche(tranche + 1)) }
        grantOutflow = add(.grantOutflow)
        cumulativeGrantOutflow = add(.cumulativeGrantOutflow)
        periodGrantOutflow = add(.periodGrantOutflow)
        revocationRate = add(.revocationRate)
        selection =
            hasSelection
            ? SelectionMetrics(
                pool: add(.pool), applicants: add(.applicants), recommended: add(.recommended),
                shortlisted: add(.shortlisted), unfilledQuota: add(.unfilledQuota), cutoffScore: add(.cutoffScore),
                namedMeanScore: add(.namedMeanScore), disqualifiedApplicants: add(.disqualifiedApplicants))
            : nil
        money = MoneyMetrics(
            equipmentSubsidy: add(.equipmentSubsidy), trainingSubsidy: add(.trainingSubsidy),
            awardSubsidy: add(.awardSubsidy), clawback: add(.clawback), totalOutflow: add(.totalOutflow),
            netOutflow: add(.netOutflow), cumulativeNetOutflow: add(.cumulativeNetOutflow),
            periodNetOutflow: add(.periodNetOutflow),
            netOutflowPV: add(.netOutflowPV), cumulativeNetOutflowPV: add(.cumulativeNetOutflowPV))
        budget =
            hasAnnual || hasPeriod
            ? BudgetMetrics(
                budgetBreach: hasAnnual ? add(.budgetBreach) : nil,
                anyBudgetBreach: hasAnnual ? add(.anyBudgetBreach) : nil,
                firstBreachYear: hasAnnual ? add(.firstBreachYear) : nil,
                cumulativeBudgetBreach: hasPeriod ? add(.cumulativeBudgetBreach) : nil)
            : nil
        yearMetrics = metrics
        positions = Dictionary(uniqueKeysWithValues: metrics.enumerated().map { ($1, $0) })
    }

    /// The position of tranche `index` (0-based).
    @inline(__always)
    package func tranche(_ index: Int) -> Int { firstTranche + index }

    /// The position of the year metric `metric`, or `nil` when the scenario's forecast lacks it
    /// (the selection metrics without an applicant pool, the budget metrics without a budget, a
    /// tranche beyond the grant's).
    package func position(of metric: Metric) -> Int? { positions[metric] }

    /// Whether the forecast records the year metric `metric`.
    package func contains(_ metric: Metric) -> Bool { positions[metric] != nil }

    /// The position of the cohort metric `metric` in ``cohortMetrics``, or `nil` for a year metric.
    package func cohortPosition(of metric: Metric) -> Int? { cohortMetrics.firstIndex(of: metric) }
}

extension MetricCatalog: Codable {
    private enum CodingKeys: String, CodingKey {
        case trancheCount = "tranches", hasSelection = "selection", hasAnnualBudget = "annual_budget"
        case hasPeriodBudget = "period_budget"
    }

    /// Reads a catalog from the shape of its scenario: tranches, applicant pool, budgets.
    ///
    /// - Parameter decoder: the decoder holding the shape.
    /// - Throws: `DecodingError` for a missing or mistyped field, or a tranche count outside 1...100.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let trancheCount = try container.decode(Int.self, forKey: .trancheCount)
        guard (1...100).contains(trancheCount) else {
            throw DecodingError.dataCorruptedError(
                forKey: .trancheCount, in: container, debugDescription: "\(trancheCount) tranches is outside 1...100")
        }
        self.init(
            trancheCount: trancheCount, hasSelection: try container.decode(Bool.self, forKey: .hasSelection),
            hasAnnualBudget: try container.decode(Bool.self, forKey: .hasAnnualBudget),
            hasPeriodBudget: try container.decode(Bool.self, forKey: .hasPeriodBudget))
    }

    /// Writes the shape of the catalog's scenario.
    ///
    /// - Parameter encoder: the encoder written to.
    /// - Throws: the encoder's error, if any.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(yearMetrics.count(where: { if case .tranche = $0 { true } else { false } }), forKey: .trancheCount)
        try container.encode(selection != nil, forKey: .hasSelection)
        try container.encode(budget?.budgetBreach != nil, forKey: .hasAnnualBudget)
        try container.encode(budget?.cumulativeBudgetBreach != nil, forKey: .hasPeriodBudget)
    }
}
