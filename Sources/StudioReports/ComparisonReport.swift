package import StudioSimulation

/// `report.html` of `studio-forecast compare`: the paired difference (variant − base) of the
/// annual and cumulative net outflow with its P5–P95 band, the chance the difference is above
/// zero, and the key table; in Chinese by default, money in 万元 or 亿元.
package struct ComparisonReport: Sendable {
    /// The comparison shown: its first two forecasts and their difference.
    package let comparison: Comparison
    /// The language of the labels.
    package let language: ScenarioExplanation.Language

    /// Creates a report.
    package init(comparison: Comparison, language: ScenarioExplanation.Language = .zh) {
        self.comparison = comparison
        self.language = language
    }

    private var chinese: Bool { language == .zh }

    private func text(_ zh: String, _ en: String) -> String { chinese ? zh : en }

    /// The page.
    package func render() -> String {
        let difference = comparison.differences[0]
        let years = difference.years.map(String.init)
        func series(_ metric: Metric, _ statistic: Statistic) -> [Double] {
            difference.years.map { difference.cell(year: $0, metric: metric)?.summary[statistic] ?? .nan }
        }
        var charts: [String] = []
        for (metric, zh, en) in [
            (Metric.netOutflow, "年度净支出之差（方案 − 基准）", "Annual net outflow, variant − base"),
            (.cumulativeNetOutflow, "累计净支出之差（方案 − 基准）", "Cumulative net outflow, variant − base"),
        ] {
            let low = series(metric, .p05)
            let high = series(metric, .p95)
            let largest = (low + high).filter(\.isFinite).map(abs).max() ?? 1
            var chart = SVGChart(title: text(zh, en), xLabels: years, unit: .yuan(maximum: largest, chinese: chinese))
            chart.bands = [.init(lower: low, upper: high, colour: "#fdd0a2", label: "P5–P95")]
            chart.series = [
                .init(values: series(metric, .mean), colour: "#d94801", label: text("均值", "mean")),
                .init(values: difference.years.map { _ in 0 }, colour: "#636363", label: "0", dashed: true),
            ]
            charts.append(chart.render())
        }
        var positive = SVGChart(
            title: text("净支出增加的概率", "Chance the net outflow is higher in the variant"), xLabels: years,
            unit: .share("%"))
        positive.floor = 0
        positive.series = [
            .init(
                values: difference.years.map { difference.cell(year: $0, metric: .netOutflow)?.probabilityPositive ?? .nan },
                colour: "#6baed6", label: "P(Δ > 0)", bars: true)
        ]
        charts.append(positive.render())
        let unit = ValueUnit.yuan(
            maximum: series(.cumulativeNetOutflow, .mean).filter(\.isFinite).map(abs).max() ?? 1, chinese: chinese)
        var rows = ""
        for year in difference.years {
            let net = difference.cell(year: year, metric: .netOutflow)
            let cumulative = difference.cell(year: year, metric: .cumulativeNetOutflow)
            var cells = [String(year)]
            for statistic in [Statistic.mean, .mcse, .p05, .p95] {
                cells.append(net?.summary[statistic].map(unit.label) ?? "–")
            }
            cells.append(net?.probabilityPositive.map { PlainNumber.format(($0 * 1000).rounded() / 10) + "%" } ?? "–")
            cells.append(cumulative?.summary[.mean].map(unit.label) ?? "–")
            rows += "<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        let header = [
            text("年份", "year"), text("净支出之差均值", "Δ net outflow mean"), "MCSE", "P5", "P95", "P(Δ > 0)",
            text("累计之差", "Δ cumulative"),
        ]
        let table = HTMLReport.table(
            caption: text("配对差异（金额单位：\(unit.name)）", "Paired differences (money in \(unit.name))"), header: header,
            rows: rows)
        let base = comparison.forecasts[0]
        let variant = comparison.forecasts[1]
        let title = text("方案比较：\(variant.scenarioName) − \(base.scenarioName)", "Comparison: \(variant.scenarioName) − \(base.scenarioName)")
        let subtitle = text(
            "\(base.replications) 次配对模拟，共同随机数。", "\(base.replications) paired replications on common random numbers.")
        return HTMLReport.page(title: title, subtitle: subtitle, charts: charts, table: table, chinese: chinese)
    }
}
