package import StudioSimulation

/// Chinese names of the metrics and statistics, for spreadsheets read in Chinese (`--labels zh`).
/// The tidy files keep the English names, which are the stable interface.
package enum ChineseLabels {
    /// The heading of the scenario's column.
    package static let scenario = "情景"
    /// The heading of the year's column.
    package static let year = "年份"

    /// The Chinese name of a metric (``Metric/chineseLabel``).
    package static func metric(_ metric: Metric) -> String { metric.chineseLabel }

    /// The Chinese name of a statistic.
    package static func statistic(_ statistic: Statistic) -> String {
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
}
