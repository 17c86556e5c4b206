import StudioReports
import StudioSimulation

/// Every text of the planner's workbooks, in Chinese or English (`--lang`).
///
/// Metric names come from ``ChineseLabels`` in Chinese; the English names live here, in one
/// place, until the typed `Metric` carries its own labels.
struct WorkbookLabels {
    /// The language of the labels.
    let language: ScenarioExplanation.Language

    /// `zh` or `en` by language.
    func say(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// A metric's name for people.
    func metric(_ metric: Metric) -> String {
        switch language {
        case .zh: return ChineseLabels.metric(metric.name)
        case .en:
            if case .tranche(let number) = metric { return "Grant tranche \(number)" }
            return Self.english[metric.name] ?? metric.name
        }
    }

    /// A statistic's name for people.
    func statistic(_ statistic: Statistic) -> String {
        switch language {
        case .zh: return ChineseLabels.statistic(statistic)
        case .en:
            switch statistic {
            case .mean: return "Mean"
            case .sd: return "SD"
            case .mcse: return "MCSE"
            case .min: return "Min"
            case .p50: return "Median"
            case .max: return "Max"
            default: return statistic.rawValue.uppercased().replacingOccurrences(of: "P0", with: "P")
            }
        }
    }

    /// A budget line's name for people: a tranche, `grant_outflow` as the grant's total, and so on.
    func budgetLine(_ metric: Metric) -> String {
        switch metric {
        case .tranche(let number): return say("  其中：第\(number)笔补助", "  of which tranche \(number)")
        case .grantOutflow: return say("创建补助（第十一条）", "Grant (Art. 11)")
        case .equipmentSubsidy: return say("设备补助（第十二条第一款）", "Equipment (Art. 12.1)")
        case .trainingSubsidy: return say("技能提升补助（第十二条第二款）", "Skill upgrades (Art. 12.2)")
        case .awardSubsidy: return say("创新成果等奖励（第十二条第三款）", "City awards (Art. 12.3)")
        case .totalOutflow: return say("支出合计", "Total outflow")
        case .clawback: return say("减：追回资金（第十五条）", "Less recovered (Art. 15)")
        case .netOutflow: return say("净支出", "Net outflow")
        default: return self.metric(metric)
        }
    }

    /// `2026–2030 小计`.
    func periodSubtotal(_ first: Int, _ last: Int) -> String {
        say("\(first)–\(last) 小计", "\(first)–\(last) subtotal")
    }

    /// The horizon total's heading.
    func horizonTotal(_ first: Int, _ last: Int) -> String {
        say("\(first)–\(last) 合计", "\(first)–\(last) total")
    }

    /// `P95`, as planners write a percentile.
    func percentile(_ statistic: Statistic) -> String { "P\(statistic.percent ?? 0)" }

    private static let english: [String: String] = [
        "named": "Named", "active": "Active studios", "assessed": "Assessed", "yellow_cards": "Yellow cards",
        "revocations": "Revocations", "revocations_in_cycle": "Revoked in the cycle (Art. 11)",
        "revocations_post_cycle": "Revoked after the cycle (Art. 14)",
        "revocations_fraud": "Revoked for fraud (Art. 15)",
        "cycles_completed": "Cycles completed", "forfeited": "Forfeited", "grant_outflow": "Grant outflow",
        "cumulative_grant_outflow": "Cumulative grant outflow", "revocation_rate": "Revocation rate",
        "pool": "Pool",
        "applicants": "Applicants", "recommended": "Recommended", "shortlisted": "Shortlisted",
        "unfilled_quota": "Unfilled quota places", "cutoff_score": "Cut-off score",
        "named_mean_score": "Mean score named",
        "disqualified_applicants": "Disqualified applicants", "equipment_subsidy": "Equipment subsidy",
        "training_subsidy": "Skill-upgrade subsidy", "award_subsidy": "City awards", "clawback": "Recovered",
        "total_outflow": "Total outflow", "net_outflow": "Net outflow",
        "cumulative_net_outflow": "Cumulative net outflow",
        "net_outflow_pv": "Net outflow, present value",
        "cumulative_net_outflow_pv": "Cumulative net outflow, present value",
        "budget_breach": "Annual budget breach", "any_budget_breach": "Breach so far in the period",
        "first_breach_year": "First breach this year", "cumulative_budget_breach": "Period budget breached",
        "share_revoked": "Share revoked", "share_fully_paid": "Share fully paid",
        "paid_per_studio": "Paid per studio",
    ]
}
