public import StudioScenario
public import StudioSimulation

/// `report.html`: one self-contained page (inline SVG and CSS, no script, nothing fetched) with
/// the charts budget planners read first: a fan chart of the annual net outflow against the
/// annual budget, the cumulative net outflow against the period budget, active studios and
/// revocations, cohort survival, the chance of breaching the budget, and the key table.
/// Labels are Chinese by default; money axes are in 万元 or 亿元.
public struct HTMLReport: Sendable {
    /// The forecast shown.
    package let forecast: Forecast
    /// The scenario, for its budgets.
    package let scenario: Scenario
    /// The language of the labels.
    package let language: ScenarioExplanation.Language

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - forecast: the forecast shown.
    ///   - scenario: the scenario, for its budgets.
    ///   - language: the language of the labels.
    public init(forecast: Forecast, scenario: Scenario, language: ScenarioExplanation.Language = .zh) {
        self.forecast = forecast
        self.scenario = scenario
        self.language = language
    }

    private var chinese: Bool { language == .zh }

    private func text(_ zh: String, _ en: String) -> String { chinese ? zh : en }

    private func series(_ metric: Metric, _ statistic: Statistic) -> [Double] {
        forecast.years.map { forecast.summary(year: $0, metric: metric)?[statistic] ?? .nan }
    }

    /// The page.
    ///
    /// - Returns: the HTML text of `report.html`.
    public func render() -> String {
        let years = forecast.years.map(String.init)
        var charts: [String] = []
        let net = (
            p05: series(.netOutflow, .p05), p25: series(.netOutflow, .p25), p50: series(.netOutflow, .p50),
            p75: series(.netOutflow, .p75), p95: series(.netOutflow, .p95), mean: series(.netOutflow, .mean)
        )
        let annual = scenario.budget.annualYuan
        let netMax = (net.p95 + (annual ?? [])).filter(\.isFinite).max() ?? 1
        var fan = SVGChart(
            title: text("年度净支出（扇形图）", "Annual net outflow (fan chart)"), xLabels: years,
            unit: .yuan(maximum: netMax, chinese: chinese))
        fan.bands = [
            .init(lower: net.p05, upper: net.p95, colour: "#c6dbef", label: "P5–P95"),
            .init(lower: net.p25, upper: net.p75, colour: "#6baed6", label: "P25–P75"),
        ]
        fan.series = [
            .init(values: net.p50, colour: "#08306b", label: text("中位数", "median")),
            .init(values: net.mean, colour: "#e6550d", label: text("均值", "mean"), dashed: true),
        ]
        if let annual { fan.series.append(.init(values: annual, colour: "#cb181d", label: text("年度预算", "annual budget"))) }
        charts.append(fan.render())

        let cumulative = (mean: series(.cumulativeNetOutflow, .mean), p05: series(.cumulativeNetOutflow, .p05),
            p95: series(.cumulativeNetOutflow, .p95))
        var periodBudget: [Double]?
        if let period = scenario.budget.periodYuan {
            // The period budget, as the cumulative net outflow within each period may reach it.
            var line: [Double] = []
            var spentBefore = 0.0
            for (index, _) in forecast.years.enumerated() {
                let start = scenario.budget.periodStart(of: index)
                if start == index && index > 0 { spentBefore = cumulative.mean[index - 1] }
                // A scheduled period budget is the one in force in the period's first year.
                let budget = scenario.calendarSchedules.isEmpty
                    ? period : scenario.inForce(in: scenario.startYear + start).budget.periodYuan ?? period
                line.append(spentBefore + budget)
            }
            periodBudget = line
        }
        var cumulativeChart = SVGChart(
            title: text("累计净支出与期间预算", "Cumulative net outflow against the period budget"), xLabels: years,
            unit: .yuan(maximum: ((cumulative.p95 + (periodBudget ?? [])).filter(\.isFinite).max() ?? 1), chinese: chinese))
        cumulativeChart.bands = [.init(lower: cumulative.p05, upper: cumulative.p95, colour: "#c7e9c0", label: "P5–P95")]
        cumulativeChart.series = [.init(values: cumulative.mean, colour: "#006d2c", label: text("均值", "mean"))]
        if let periodBudget {
            cumulativeChart.series.append(
                .init(
                    values: periodBudget, colour: "#cb181d", label: text("期间预算（自期初累计）", "period budget (from the period's start)"),
                    dashed: true, stepped: true))
        }
        charts.append(cumulativeChart.render())

        var studios = SVGChart(
            title: text("在册工作室与撤销命名", "Active studios and revocations"), xLabels: years,
            unit: .count(text("个", "studios")))
        studios.series = [
            .init(values: series(.revocations, .mean), colour: "#fc9272", label: text("撤销（均值）", "revocations (mean)"), bars: true),
            .init(values: series(.active, .mean), colour: "#3182bd", label: text("在册（均值）", "active (mean)")),
        ]
        charts.append(studios.render())

        let catalog = forecast.catalog
        let revokedIndex = catalog.shareRevoked
        let cohortYears = Array(Set(forecast.cohorts.map(\.cohortYear))).sorted()
        let maxAge = forecast.years.count
        var survival = SVGChart(
            title: text("各批次未撤销比例（按命名后年数）", "Cohort survival: share not revoked, by age"),
            xLabels: (1...max(maxAge, 1)).map { text("第\($0)年", "age \($0)") }, unit: .share(text("%", "%")))
        survival.floor = 0
        let palette = ["#08519c", "#3182bd", "#6baed6", "#31a354", "#74c476", "#e6550d", "#fd8d3c", "#756bb1", "#9e9ac8", "#636363"]
        for (index, cohort) in cohortYears.prefix(10).enumerated() {
            var values = Array(repeating: Double.nan, count: maxAge)
            for cell in forecast.cohorts where cell.cohortYear == cohort && cell.metric == revokedIndex {
                if let mean = cell.summary[.mean] { values[cell.age - 1] = 1 - mean }
            }
            survival.series.append(.init(values: values, colour: palette[index % palette.count], label: String(cohort)))
        }
        charts.append(survival.render())

        if forecast.catalog.contains(.budgetBreach) {
            var breach = SVGChart(
                title: text("年度超预算概率", "Chance of breaching the annual budget"), xLabels: years,
                unit: .share(text("%", "%")))
            breach.floor = 0
            breach.series = [.init(values: series(.budgetBreach, .mean), colour: "#cb181d", label: text("超预算概率", "P(breach)"), bars: true)]
            charts.append(breach.render())
        }
        return page(charts: charts, table: table())
    }

    private func table() -> String {
        let unit = ValueUnit.yuan(maximum: series(.cumulativeNetOutflow, .mean).filter(\.isFinite).max() ?? 1, chinese: chinese)
        let header = [
            text("年份", "year"), text("净支出均值", "net outflow mean"), "P5", "P95", text("累计净支出", "cumulative net"),
            text("在册", Metric.active.name), text("撤销", Metric.revocations.name), text("超预算概率", "P(breach)"),
        ]
        var rows = ""
        for year in forecast.years {
            func value(_ metric: Metric, _ statistic: Statistic) -> Double? { forecast.summary(year: year, metric: metric)?[statistic] }
            func money(_ metric: Metric, _ statistic: Statistic) -> String {
                value(metric, statistic).map(unit.label) ?? "–"
            }
            func rounded(_ metric: Metric, _ scale: Double, suffix: String = "") -> String {
                guard let number = value(metric, .mean) else { return "–" }
                return PlainNumber.format((number * scale).rounded() / (suffix.isEmpty ? scale : scale / 100)) + suffix
            }
            var cells: [String] = [String(year)]
            cells.append(money(.netOutflow, .mean))
            cells.append(money(.netOutflow, .p05))
            cells.append(money(.netOutflow, .p95))
            cells.append(money(.cumulativeNetOutflow, .mean))
            cells.append(rounded(.active, 10))
            cells.append(rounded(.revocations, 100))
            cells.append(rounded(.budgetBreach, 1000, suffix: "%"))
            rows += "<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        let caption = text("主要指标（金额单位：\(unit.name)）", "Key figures (money in \(unit.name))")
        return Self.table(caption: caption, header: header, rows: rows) + periodTable(unit: unit)
    }

    /// The totals of each reporting period (`reporting.period_years`): net and grant outflow
    /// with P5 and P95, read in the period's last year, and the chance of an annual breach in it.
    private func periodTable(unit: ValueUnit) -> String {
        let budget = scenario.budget
        let showsBreach = forecast.catalog.contains(.anyBudgetBreach) && budget.periodYears == budget.reportingPeriodYears
        var header = [
            text("期间", "period"), text("期间净支出均值", "period net outflow mean"), "P5", "P95",
            text("期间创建补助均值", "period grant outflow mean"), "P5", "P95",
        ]
        if showsBreach { header.append(text("期内超预算概率", "P(breach in the period)")) }
        var rows = ""
        for period in budget.reportingPeriods(horizon: forecast.years.count) {
            guard let first = period.first, let last = period.last else { continue }
            let startYear = forecast.years[first]
            let endYear = forecast.years[last]
            func money(_ metric: Metric, _ statistic: Statistic) -> String {
                forecast.summary(year: endYear, metric: metric)?[statistic].map(unit.label) ?? "–"
            }
            var cells = [startYear == endYear ? String(startYear) : "\(startYear)–\(endYear)"]
            for metric in [Metric.periodNetOutflow, .periodGrantOutflow] {
                cells += [money(metric, .mean), money(metric, .p05), money(metric, .p95)]
            }
            if showsBreach {
                let chance = forecast.summary(year: endYear, metric: .anyBudgetBreach)?[.mean]
                cells.append(chance.map { PlainNumber.format(($0 * 1000).rounded() / 10) + "%" } ?? "–")
            }
            rows += "<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        let caption = text("各期间合计（金额单位：\(unit.name)）", "Totals per period (money in \(unit.name))")
        return Self.table(caption: caption, header: header, rows: rows)
    }

    /// A table of pre-rendered `<tr>` rows under a caption and a header.
    static func table(caption: String, header: [String], rows: String) -> String {
        "<table><caption>\(escape(caption))</caption><thead><tr>"
            + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n\(rows)</tbody></table>"
    }

    private func page(charts: [String], table: String) -> String {
        let title = text("南昌市示范性劳模创新工作室补助预测：\(forecast.scenarioName)", "Studio grant forecast: \(forecast.scenarioName)")
        let method = forecast.method == .exact
            ? text("精确期望值", "exact expectations")
            : text("\(forecast.replications) 次蒙特卡罗模拟", "\(forecast.replications) Monte Carlo replications")
        let subtitle = text(
            "预测 \(forecast.years.first ?? 0)–\(forecast.years.last ?? 0) 年，\(method)。",
            "Forecast \(forecast.years.first ?? 0)–\(forecast.years.last ?? 0), \(method).")
        return Self.page(title: title, subtitle: subtitle, charts: charts, table: table, chinese: chinese)
    }

    /// A whole page: title, subtitle, charts and table, with the report's style sheet.
    static func page(title: String, subtitle: String, charts: [String], table: String, chinese: Bool) -> String {
        return """
            <!DOCTYPE html>
            <html lang="\(chinese ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #222; max-width: 800px; }
            h1 { font-size: 22px; }
            svg { width: 100%; height: auto; margin: 12px 0 24px; background: #fff; }
            .title { font-size: 15px; font-weight: bold; }
            .tick, .legend { font-size: 11px; fill: #444; }
            .axis { font-size: 12px; fill: #444; }
            .grid { stroke: #e5e5e5; stroke-width: 1; }
            table { border-collapse: collapse; font-size: 13px; margin-top: 12px; }
            th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: right; }
            caption { text-align: left; font-weight: bold; padding-bottom: 6px; }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            <p>\(escape(subtitle))</p>
            \(charts.joined(separator: "\n"))
            \(table)
            </body>
            </html>

            """
    }
}
