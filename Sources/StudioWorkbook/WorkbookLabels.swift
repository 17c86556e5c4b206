import StudioReports
import StudioSimulation

/// Every text of the planner's workbooks, in Chinese or English (`--lang`).
///
/// Metric names come from the typed `Metric`, which carries them in both languages.
struct WorkbookLabels {
    /// The language of the labels.
    let language: ScenarioExplanation.Language

    /// `zh` or `en` by language.
    func say(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// A metric's name for people.
    func metric(_ metric: Metric) -> String {
        switch language {
        case .zh: return metric.chineseLabel
        case .en: return metric.englishLabel.prefix(1).uppercased() + metric.englishLabel.dropFirst()
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
}
