public import StudioSimulation

/// Chinese names of the metrics and statistics, for spreadsheets read in Chinese (`--labels zh`).
/// The tidy files keep the English names, which are the stable interface.
public enum ChineseLabels {
    /// The Chinese name of a year metric, or the metric's own name when it has none.
    public static func metric(_ name: String) -> String {
        if name.hasPrefix("tranche_") { return "第\(name.dropFirst("tranche_".count))笔补助" }
        return metrics[name] ?? name
    }

    /// The Chinese name of a statistic.
    public static func statistic(_ statistic: Statistic) -> String {
        switch statistic {
        case .mean: return "均值"
        case .sd: return "标准差"
        case .mcse: return "蒙特卡罗标准误"
        case .min: return "最小值"
        case .p05: return "P5"
        case .p25: return "P25"
        case .p50: return "中位数"
        case .p75: return "P75"
        case .p95: return "P95"
        case .max: return "最大值"
        }
    }

    private static let metrics: [String: String] = [
        "scenario": "情景", "year": "年份", "named": "新命名数", "active": "在册工作室数", "assessed": "年度考评数",
        "yellow_cards": "黄牌警告数", "revocations": "撤销命名数", "revocations_in_cycle": "周期内撤销数",
        "revocations_post_cycle": "周期后撤销数", "revocations_fraud": "弄虚作假撤销数", "cycles_completed": "补助周期结束数",
        "forfeited": "未拨付作废金额", "grant_outflow": "创建补助支出", "cumulative_grant_outflow": "累计创建补助支出",
        "revocation_rate": "撤销率", "pool": "申报来源数", "applicants": "申报数", "recommended": "推荐数",
        "shortlisted": "入围数", "unfilled_quota": "未用名额", "cutoff_score": "最低命名分数", "named_mean_score": "命名平均分",
        "disqualified_applicants": "取消申报资格数", "equipment_subsidy": "设备补助", "training_subsidy": "技能提升补助",
        "award_subsidy": "创新成果等奖励", "clawback": "追回资金", "total_outflow": "总支出", "net_outflow": "净支出",
        "cumulative_net_outflow": "累计净支出", "net_outflow_pv": "净支出现值", "cumulative_net_outflow_pv": "累计净支出现值",
        "budget_breach": "年度超预算", "any_budget_breach": "期内曾超预算", "first_breach_year": "当年首次超预算",
        "cumulative_budget_breach": "期间累计超预算",
    ]
}
