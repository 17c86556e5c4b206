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
    /// Yuan of grant paid from the start of the current reporting period (`reporting.period_years`)
    /// to the year's end; a period's last year holds the period's total.
    case periodGrantOutflow
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
    /// Net outflow from the start of the current reporting period (`reporting.period_years`) to
    /// the year's end; a period's last year holds the period's total.
    case periodNetOutflow
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
    package static let fixedMetrics: [Metric] = [
        .named, .active, .assessed, .yellowCards, .revocations, .revocationsInCycle, .revocationsPostCycle,
        .revocationsFraud, .cyclesCompleted, .forfeited, .grantOutflow, .cumulativeGrantOutflow, .periodGrantOutflow,
        .revocationRate, .pool, .applicants, .recommended, .shortlisted, .unfilledQuota, .cutoffScore, .namedMeanScore,
        .disqualifiedApplicants, .equipmentSubsidy, .trainingSubsidy, .awardSubsidy, .clawback, .totalOutflow,
        .netOutflow, .cumulativeNetOutflow, .periodNetOutflow, .netOutflowPV, .cumulativeNetOutflowPV, .budgetBreach, .anyBudgetBreach,
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
        case .periodGrantOutflow: "period_grant_outflow"
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
        case .periodNetOutflow: "period_net_outflow"
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

extension Metric: Codable {
    /// Reads a metric from its name in the output files.
    ///
    /// - Parameter decoder: the decoder holding the name.
    /// - Throws: `DecodingError.dataCorrupted` for a name no metric has.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let metric = Metric(name: name) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "no metric is called \(name)")
        }
        self = metric
    }

    /// Writes the metric as its name in the output files.
    ///
    /// - Parameter encoder: the encoder written to.
    /// - Throws: the encoder's error, if any.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

// MARK: - Metadata: the one place each metric is described

extension Metric {
    /// The cohort metrics, in output order (`cohorts.csv`); every other metric is a year metric.
    package static let cohortMetrics: [Metric] = [.shareRevoked, .shareFullyPaid, .paidPerStudio]

    /// The metrics of `summary.csv`, in column order, each with its ``summaryStatistics``; a
    /// metric a forecast does not have (the selection without a pool, the budget without one)
    /// is left out.
    package static let summaryColumns: [Metric] = [
        .named, .active, .assessed, .yellowCards, .revocations, .revocationsFraud, .revocationRate, .grantOutflow,
        .cumulativeGrantOutflow, .periodGrantOutflow, .applicants, .shortlisted, .unfilledQuota, .cutoffScore, .equipmentSubsidy,
        .trainingSubsidy, .awardSubsidy, .clawback, .totalOutflow, .netOutflow, .cumulativeNetOutflow, .periodNetOutflow,
        .netOutflowPV, .cumulativeNetOutflowPV, .budgetBreach, .anyBudgetBreach, .firstBreachYear, .cumulativeBudgetBreach,
    ]

    /// Whether the metric is recorded per cohort and age rather than per calendar year.
    public var isCohortMetric: Bool { Metric.cohortMetrics.contains(self) }

    /// The metric's name in Chinese, for `summary.csv` with `--labels zh`.
    public var chineseLabel: String {
        switch self {
        case .named: "新命名数"
        case .active: "在册工作室数"
        case .assessed: "年度考评数"
        case .yellowCards: "黄牌警告数"
        case .revocations: "撤销命名数"
        case .revocationsInCycle: "周期内撤销数"
        case .revocationsPostCycle: "周期后撤销数"
        case .revocationsFraud: "弄虚作假撤销数"
        case .cyclesCompleted: "补助周期结束数"
        case .forfeited: "未拨付作废金额"
        case .tranche(let number): "第\(number)笔补助"
        case .grantOutflow: "创建补助支出"
        case .cumulativeGrantOutflow: "累计创建补助支出"
        case .periodGrantOutflow: "本期累计创建补助支出"
        case .revocationRate: "撤销率"
        case .pool: "申报来源数"
        case .applicants: "申报数"
        case .recommended: "推荐数"
        case .shortlisted: "入围数"
        case .unfilledQuota: "未用名额"
        case .cutoffScore: "最低命名分数"
        case .namedMeanScore: "命名平均分"
        case .disqualifiedApplicants: "取消申报资格数"
        case .equipmentSubsidy: "设备补助"
        case .trainingSubsidy: "技能提升补助"
        case .awardSubsidy: "创新成果等奖励"
        case .clawback: "追回资金"
        case .totalOutflow: "总支出"
        case .netOutflow: "净支出"
        case .cumulativeNetOutflow: "累计净支出"
        case .periodNetOutflow: "本期累计净支出"
        case .netOutflowPV: "净支出现值"
        case .cumulativeNetOutflowPV: "累计净支出现值"
        case .budgetBreach: "年度超预算"
        case .anyBudgetBreach: "期内曾超预算"
        case .firstBreachYear: "当年首次超预算"
        case .cumulativeBudgetBreach: "期间累计超预算"
        case .shareRevoked: "撤销比例"
        case .shareFullyPaid: "全额拨付比例"
        case .paidPerStudio: "每个工作室已拨付"
        }
    }

    /// The metric's name in English words, as a reader would say it.
    public var englishLabel: String {
        switch self {
        case .named: "studios named"
        case .active: "active studios"
        case .assessed: "assessments held"
        case .yellowCards: "yellow cards"
        case .revocations: "revocations"
        case .revocationsInCycle: "revocations in the cycle"
        case .revocationsPostCycle: "revocations after the cycle"
        case .revocationsFraud: "revocations for falsified records"
        case .cyclesCompleted: "cycles completed"
        case .forfeited: "grant forfeited"
        case .tranche(let number): "tranche \(number) paid"
        case .grantOutflow: "grant outflow"
        case .cumulativeGrantOutflow: "cumulative grant outflow"
        case .periodGrantOutflow: "grant outflow so far in the period"
        case .revocationRate: "revocation rate"
        case .pool: "candidates in the pool"
        case .applicants: "applicants"
        case .recommended: "applicants recommended"
        case .shortlisted: "applicants shortlisted"
        case .unfilledQuota: "quota places unfilled"
        case .cutoffScore: "lowest score named"
        case .namedMeanScore: "mean score named"
        case .disqualifiedApplicants: "applicants disqualified"
        case .equipmentSubsidy: "equipment subsidy"
        case .trainingSubsidy: "skill-upgrade subsidy"
        case .awardSubsidy: "city awards"
        case .clawback: "money recovered"
        case .totalOutflow: "total outflow"
        case .netOutflow: "net outflow"
        case .cumulativeNetOutflow: "cumulative net outflow"
        case .periodNetOutflow: "net outflow so far in the period"
        case .netOutflowPV: "net outflow, present value"
        case .cumulativeNetOutflowPV: "cumulative net outflow, present value"
        case .budgetBreach: "annual budget breached"
        case .anyBudgetBreach: "annual budget breached so far in the period"
        case .firstBreachYear: "first annual breach"
        case .cumulativeBudgetBreach: "period budget breached"
        case .shareRevoked: "share of the cohort revoked"
        case .shareFullyPaid: "share of the cohort fully paid"
        case .paidPerStudio: "grant paid per studio"
        }
    }

    /// What the metric's values count or measure.
    public var unit: MetricUnit {
        switch self {
        case .forfeited, .tranche, .grantOutflow, .cumulativeGrantOutflow, .periodGrantOutflow, .equipmentSubsidy,
            .trainingSubsidy, .awardSubsidy, .clawback, .totalOutflow, .netOutflow, .cumulativeNetOutflow,
            .periodNetOutflow, .netOutflowPV, .cumulativeNetOutflowPV, .paidPerStudio:
            .yuan
        case .revocationRate, .budgetBreach, .anyBudgetBreach, .firstBreachYear, .cumulativeBudgetBreach, .shareRevoked,
            .shareFullyPaid:
            .probability
        case .cutoffScore, .namedMeanScore: .score
        case .named, .active, .assessed, .yellowCards, .revocations, .revocationsInCycle, .revocationsPostCycle,
            .revocationsFraud, .cyclesCompleted, .pool, .applicants, .recommended, .shortlisted, .unfilledQuota,
            .disqualifiedApplicants:
            .count
        }
    }

    /// For money paid or recovered, the budget line it is (Art. 11, 12, 15); `nil` for every
    /// other metric, the grant forfeited included (it is never paid).
    public var budgetLine: BudgetLine? {
        switch self {
        case .tranche, .grantOutflow, .cumulativeGrantOutflow, .periodGrantOutflow, .paidPerStudio: .grant
        case .equipmentSubsidy: .equipmentSubsidy
        case .trainingSubsidy: .trainingSubsidy
        case .awardSubsidy: .awardSubsidy
        case .clawback: .clawback
        case .totalOutflow: .total
        case .netOutflow, .cumulativeNetOutflow, .periodNetOutflow, .netOutflowPV, .cumulativeNetOutflowPV: .net
        default: nil
        }
    }

    /// The statistics `summary.csv` gives the metric, in column order; empty when it has no
    /// column there (see ``summaryColumns``).
    public var summaryStatistics: [Statistic] {
        switch self {
        case .named, .assessed, .revocationsFraud, .revocationRate, .applicants, .shortlisted, .unfilledQuota,
            .cutoffScore, .equipmentSubsidy, .trainingSubsidy, .awardSubsidy, .clawback, .netOutflowPV,
            .cumulativeNetOutflowPV, .budgetBreach, .anyBudgetBreach, .firstBreachYear, .cumulativeBudgetBreach:
            [.mean]
        case .active: [.mean, .p05, .p95]
        case .yellowCards, .revocations: [.mean, .p95]
        case .grantOutflow, .netOutflow: [.mean, .sd, .mcse, .p05, .p50, .p95]
        case .cumulativeGrantOutflow, .totalOutflow, .cumulativeNetOutflow, .periodGrantOutflow, .periodNetOutflow:
            [.mean, .p05, .p50, .p95]
        default: []
        }
    }

    /// The statistics `sweep.csv` gives the metric, in column order (the sweep's columns follow
    /// the forecast's metric order); empty when it has no column there.
    public var sweepStatistics: [Statistic] {
        switch self {
        case .named, .active, .revocations, .grantOutflow, .totalOutflow, .budgetBreach, .anyBudgetBreach: [.mean]
        case .netOutflow: [.mean, .p05, .p95]
        case .cumulativeNetOutflow: [.mean, .p95]
        default: []
        }
    }

    /// Whether `report.html` charts or tabulates the metric: the net outflow's fan, the
    /// cumulative net outflow, the period totals, active studios, revocations, the breach chance
    /// and cohort survival.
    public var isInReport: Bool {
        switch self {
        case .netOutflow, .cumulativeNetOutflow, .periodNetOutflow, .active, .revocations, .budgetBreach, .shareRevoked: true
        default: false
        }
    }
}
