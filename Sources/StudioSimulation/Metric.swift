/// A metric of the forecast: one name of the output contract (DESIGN.md, "The output contract").
///
/// Year metrics are recorded per calendar year, cohort metrics per naming year and age. Which
/// year metrics a forecast carries depends on its scenario (`MetricCatalog`): the selection
/// metrics need an applicant pool, the budget metrics a budget, and there is one tranche metric
/// per tranche of the grant (Art. 11).
public enum Metric: Hashable, Sendable {
    // MARK: Grant (Art. 11, 14, 15)

    /// Studios named in the year (Art. 7).
    case named
    /// Studios named and not revoked at the year's end.
    case active
    /// Annual assessments held (Art. 11, 14).
    case assessed
    /// Yellow cards given: fails that did not revoke (Art. 11).
    case yellowCards
    /// Namings revoked, for any reason.
    case revocations
    /// Revocations for consecutive fails in the cycle (Art. 11).
    case revocationsInCycle
    /// Revocations for fails after the cycle (Art. 14).
    case revocationsPostCycle
    /// Revocations for falsified records (Art. 15).
    case revocationsFraud
    /// Cycles ended without revocation, fully paid or with tranches forfeited.
    case cyclesCompleted
    /// Yuan forfeited when a cycle ran out with tranches unearned.
    case forfeited
    /// Yuan of tranche `n` (1-based) paid in the year (Art. 11).
    case tranche(Int)
    /// Yuan of grant paid in the year, all tranches (Art. 11).
    case grantOutflow
    /// Yuan of grant paid from the start year to the year's end.
    case cumulativeGrantOutflow
    /// Revocations per assessment held; missing in a year with no assessment.
    case revocationRate

    // MARK: Selection (Art. 2, 6, 7, 15)

    /// Candidates in the pool when applications open.
    case pool
    /// Candidates who applied (Art. 6).
    case applicants
    /// Applicants recommended by their body after screening against the six conditions (Art. 2, 6).
    case recommended
    /// Recommended studios at or above the shortlist score (Art. 7).
    case shortlisted
    /// Quota places left empty (Art. 7).
    case unfilledQuota
    /// The lowest score named; missing in a year with nobody named (Art. 7).
    case cutoffScore
    /// The mean score of the studios named; missing in a year with nobody named (Art. 7).
    case namedMeanScore
    /// Candidates found cheating and disqualified for ever (Art. 15).
    case disqualifiedApplicants

    // MARK: Money (Art. 11, 12, 15)

    /// Equipment subsidy paid (Art. 12.1).
    case equipmentSubsidy
    /// Skill-upgrade subsidy paid (Art. 12.2).
    case trainingSubsidy
    /// City awards paid (Art. 12.3).
    case awardSubsidy
    /// Money recovered from studios found cheating (Art. 15).
    case clawback
    /// Grant plus subsidies paid.
    case totalOutflow
    /// Total outflow less clawback.
    case netOutflow
    /// Net outflow from the start year to the year's end.
    case cumulativeNetOutflow
    /// Net outflow discounted to the start year.
    case netOutflowPV
    /// Discounted net outflow from the start year to the year's end.
    case cumulativeNetOutflowPV

    // MARK: Budget (0 or 1 per replication, so the mean is a probability)

    /// Net outflow above the year's annual budget.
    case budgetBreach
    /// An annual breach in some year of the current budget period so far.
    case anyBudgetBreach
    /// This year is the replication's first annual breach.
    case firstBreachYear
    /// Net outflow since the current period began above the period budget.
    case cumulativeBudgetBreach

    // MARK: Cohorts

    /// Share of the cohort revoked by the end of the age.
    case shareRevoked
    /// Share of the cohort with every tranche paid by the end of the age.
    case shareFullyPaid
    /// Grant paid per studio of the cohort by the end of the age, in yuan.
    case paidPerStudio

    /// Every metric with a fixed name, in output order; tranche metrics, one per tranche of a
    /// scenario's grant, come between `forfeited` and `grantOutflow` (see `MetricCatalog`).
    public static let fixedMetrics: [Metric] = [
        .named, .active, .assessed, .yellowCards, .revocations, .revocationsInCycle, .revocationsPostCycle,
        .revocationsFraud, .cyclesCompleted, .forfeited, .grantOutflow, .cumulativeGrantOutflow, .revocationRate,
        .pool, .applicants, .recommended, .shortlisted, .unfilledQuota, .cutoffScore, .namedMeanScore,
        .disqualifiedApplicants, .equipmentSubsidy, .trainingSubsidy, .awardSubsidy, .clawback, .totalOutflow,
        .netOutflow, .cumulativeNetOutflow, .netOutflowPV, .cumulativeNetOutflowPV, .budgetBreach, .anyBudgetBreach,
        .firstBreachYear, .cumulativeBudgetBreach, .shareRevoked, .shareFullyPaid, .paidPerStudio,
    ]

    /// The metric's name in the output files, as `cumulative_net_outflow` or `tranche_2`.
    public var name: String {
        switch self {
        case .named: "named"
        case .active: "active"
        case .assessed: "assessed"
        case .yellowCards: "yellow_cards"
        case .revocations: "revocations"
        case .revocationsInCycle: "revocations_in_cycle"
        case .revocationsPostCycle: "revocations_post_cycle"
        case .revocationsFraud: "revocations_fraud"
        case .cyclesCompleted: "cycles_completed"
        case .forfeited: "forfeited"
        case .tranche(let number): "tranche_\(number)"
        case .grantOutflow: "grant_outflow"
        case .cumulativeGrantOutflow: "cumulative_grant_outflow"
        case .revocationRate: "revocation_rate"
        case .pool: "pool"
        case .applicants: "applicants"
        case .recommended: "recommended"
        case .shortlisted: "shortlisted"
        case .unfilledQuota: "unfilled_quota"
        case .cutoffScore: "cutoff_score"
        case .namedMeanScore: "named_mean_score"
        case .disqualifiedApplicants: "disqualified_applicants"
        case .equipmentSubsidy: "equipment_subsidy"
        case .trainingSubsidy: "training_subsidy"
        case .awardSubsidy: "award_subsidy"
        case .clawback: "clawback"
        case .totalOutflow: "total_outflow"
        case .netOutflow: "net_outflow"
        case .cumulativeNetOutflow: "cumulative_net_outflow"
        case .netOutflowPV: "net_outflow_pv"
        case .cumulativeNetOutflowPV: "cumulative_net_outflow_pv"
        case .budgetBreach: "budget_breach"
        case .anyBudgetBreach: "any_budget_breach"
        case .firstBreachYear: "first_breach_year"
        case .cumulativeBudgetBreach: "cumulative_budget_breach"
        case .shareRevoked: "share_revoked"
        case .shareFullyPaid: "share_fully_paid"
        case .paidPerStudio: "paid_per_studio"
        }
    }

    /// The metric called `name` in the output files, or `nil` when no metric has that name.
    /// - Parameter name: a name as written in the files, such as `grant_outflow` or `tranche_3`.
    public init?(name: String) {
        if name.hasPrefix("tranche_") {
            let digits = name.dropFirst("tranche_".count)
            guard let number = Int(digits), number >= 1, String(number) == digits else { return nil }
            self = .tranche(number)
            return
        }
        guard let metric = Metric.fixedMetrics.first(where: { $0.name == name }) else { return nil }
        self = metric
    }
}

extension Metric: CustomStringConvertible {
    /// The metric's name in the output files.
    public var description: String { name }
}
