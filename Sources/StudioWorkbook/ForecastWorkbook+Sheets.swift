import Foundation
import StudioReports
import StudioScenario
import StudioSimulation

extension ForecastWorkbook {
    // MARK: - 超预算概率

    /// The chance of breaching the annual budget by year, of at least one breach in each period
    /// and of breaching each period's budget, with the annual chances as columns.
    func writeBreaches(_ sheet: XLSXSheet, book: XLSXWorkbook) throws(OutputError) {
        sheet.write(
            labels.say("超预算概率：\(scenario.name) \(span) 年", "Budget breaches: \(scenario.name), \(span)"),
            row: 0, column: 0,
            style: .title)
        sheet.write(basis, row: 1, column: 0, style: .note)
        sheet.setWidth(16, columns: 0...0)
        sheet.setWidth(18, columns: 1...4)
        guard forecast.catalog.budget != nil else {
            sheet.write(
                labels.say("情景未设预算。", "The scenario sets no budget."), row: 3, column: 0, style: .note)
            sheet.printAsAttachment(headings: 0...0)
            return
        }
        let headingRow = 3
        let headings = [
            labels.say("年份", "Year"), labels.say("年度预算（万元）", "Annual budget (10,000 yuan)"),
            labels.say("当年超出年度预算", "Annual budget breached"),
            labels.say("本预算期至今曾超年度预算", "A breach so far in the period"),
            labels.say("本预算期累计超出期间预算", "Period budget breached so far"),
        ]
        for (column, text) in headings.enumerated() {
            sheet.write(text, row: headingRow, column: column, style: .heading)
        }
        let metrics: [Metric] = [.budgetBreach, .anyBudgetBreach, .cumulativeBudgetBreach]
        for (offset, year) in forecast.years.enumerated() {
            let row = headingRow + 1 + offset
            sheet.write(Double(year), row: row, column: 0, style: .number(.whole))
            sheet.write(
                annualBudget(at: offset).map { $0 / 10_000 }, row: row, column: 1,
                style: .number(.tenThousandYuan))
            for (index, metric) in metrics.enumerated() {
                sheet.write(
                    forecast.summary(year: year, metric: metric)?[.mean], row: row, column: index + 2,
                    style: .number(.percent))
            }
        }
        var row = headingRow + forecast.years.count + 2
        let periodHeadings = [
            labels.say("预算期", "Budget period"), labels.say("期间预算（万元）", "Period budget (10,000 yuan)"),
            labels.say("期内至少一次超出年度预算", "At least one annual breach"),
            labels.say("期间合计超出期间预算", "Period budget breached"),
        ]
        for (column, text) in periodHeadings.enumerated() {
            sheet.write(text, row: row, column: column, style: .heading)
        }
        row += 1
        let length = max(1, scenario.budget.periodYears)
        var start = 0
        while start < forecast.years.count {
            let end = min(start + length, forecast.years.count)
            let last = forecast.years[end - 1]
            sheet.write("\(forecast.years[start])–\(last)", row: row, column: 0, style: .label)
            sheet.write(
                scenario.budget.periodYuan.map { $0 / 10_000 }, row: row, column: 1,
                style: .number(.tenThousandYuan))
            sheet.write(
                forecast.summary(year: last, metric: Metric.anyBudgetBreach)?[.mean], row: row,
                column: 2, style: .number(.percent))
            sheet.write(
                forecast.summary(year: last, metric: Metric.cumulativeBudgetBreach)?[.mean], row: row,
                column: 3,
                style: .number(.percent))
            row += 1
            start = end
        }
        if forecast.catalog.budget?.budgetBreach != nil {
            let chart = try book.addChart(.column)
            chart.label(
                title: labels.say("当年超出年度预算的概率", "Chance of breaching the annual budget"),
                categoryAxis: labels.say("年份", "Year"), valueAxis: labels.say("概率", "Probability"),
                valueFormat: "0%")
            let rows = (headingRow + 1)...(headingRow + forecast.years.count)
            chart.addColumnSeries(
                labels.say("当年超出年度预算", "Annual budget breached"), sheet: sheet, categoriesColumn: 0,
                valuesColumn: 2,
                rows: rows, colour: 0xCB181D)
            chart.addColumnSeries(
                labels.say("本预算期至今曾超年度预算", "A breach so far in the period"), sheet: sheet,
                categoriesColumn: 0,
                valuesColumn: 3, rows: rows, colour: 0xFC9272)
            sheet.insert(chart, row: row + 1, column: 0, widthScale: 1.8, heightScale: 1.3)
        }
        sheet.freeze(row: headingRow + 1, column: 1)
        sheet.printAsAttachment(headings: headingRow...headingRow)
    }

    // MARK: - 在册与撤销

    /// Named, active, assessed, yellow cards, revocations by kind and unfilled quota places by
    /// year: the mean and P5–P95.
    func writeStudios(_ sheet: XLSXSheet) {
        sheet.write(
            labels.say("在册与撤销：\(scenario.name) \(span) 年（个）", "Studios: \(scenario.name), \(span)"), row: 0,
            column: 0,
            style: .title)
        sheet.write(basis, row: 1, column: 0, style: .note)
        let headingRow = 3
        sheet.write(labels.say("指标", "Metric"), row: headingRow, column: 0, style: .heading)
        sheet.write(labels.say("统计量", "Statistic"), row: headingRow, column: 1, style: .heading)
        for (index, year) in forecast.years.enumerated() {
            sheet.write(String(year), row: headingRow, column: index + 2, style: .heading)
        }
        var metrics: [Metric] = [
            .named, .active, .assessed, .yellowCards, .revocations, .revocationsInCycle,
            .revocationsPostCycle,
            .revocationsFraud,
        ]
        if forecast.catalog.selection != nil { metrics.append(.unfilledQuota) }
        var row = headingRow + 1
        for metric in metrics {
            for statistic in [Statistic.mean, .p05, .p95] {
                sheet.write(
                    labels.metric(metric), row: row, column: 0,
                    style: statistic == .mean ? .strongLabel : .label)
                sheet.write(labels.statistic(statistic), row: row, column: 1, style: .label)
                for (index, year) in forecast.years.enumerated() {
                    sheet.write(
                        forecast.summary(year: year, metric: metric)?[statistic], row: row,
                        column: index + 2,
                        style: .number(.count, strong: statistic == .mean))
                }
                row += 1
            }
        }
        sheet.setWidth(28, columns: 0...0)
        sheet.setWidth(8, columns: 1...1)
        sheet.setWidth(9, columns: 2...max(2, forecast.years.count + 1))
        sheet.freeze(row: headingRow + 1, column: 2)
        sheet.printAsAttachment(headings: headingRow...headingRow)
    }

    // MARK: - 分布

    /// Every metric and statistic of `forecast.csv`, one row per year and metric, with an autofilter.
    func writeDistribution(_ sheet: XLSXSheet) {
        sheet.write(
            labels.say(
                "分布：\(scenario.name) 各年各指标的全部统计量（金额单位：元，同 forecast.csv）",
                "Distribution: every statistic of every metric by year, \(scenario.name) (yuan, as forecast.csv)"
            ),
            row: 0, column: 0, style: .title)
        sheet.write(basis, row: 1, column: 0, style: .note)
        let headingRow = 3
        let headings =
            [labels.say("年份", "Year"), labels.say("指标", "Metric"), labels.say("名称", "Name")]
            + Statistic.allCases.map(labels.statistic)
        for (column, text) in headings.enumerated() {
            sheet.write(text, row: headingRow, column: column, style: .heading)
        }
        var row = headingRow + 1
        for (yearIndex, year) in forecast.years.enumerated() {
            for (metricIndex, metric) in forecast.catalog.yearMetrics.enumerated() {
                let summary = forecast.yearly[yearIndex][metricIndex]
                sheet.write(Double(year), row: row, column: 0, style: .number(.whole))
                sheet.write(metric.name, row: row, column: 1, style: .label)
                sheet.write(labels.metric(metric), row: row, column: 2, style: .label)
                for (index, statistic) in Statistic.allCases.enumerated() {
                    sheet.write(summary[statistic], row: row, column: 3 + index, style: .number(.plain))
                }
                row += 1
            }
        }
        let lastColumn = 2 + Statistic.allCases.count
        sheet.autofilter(rows: headingRow...max(headingRow, row - 1), columns: 0...lastColumn)
        sheet.setWidth(7, columns: 0...0)
        sheet.setWidth(26, columns: 1...2)
        sheet.setWidth(15, columns: 3...lastColumn)
        sheet.freeze(row: headingRow + 1, column: 3)
        sheet.printAsAttachment(headings: headingRow...headingRow)
    }

    // MARK: - 假设

    /// Every effective scenario value: its key path, meaning, value in words, source line and
    /// whether the measures fix it (with the article) or it is an assumption.
    func writeAssumptions(_ sheet: XLSXSheet) {
        sheet.write(
            labels.say(
                "假设：\(scenario.name) 的全部有效取值", "Assumptions: every effective value of \(scenario.name)"),
            row: 0,
            column: 0, style: .title)
        sheet.write(
            labels.say(
                "来源为情景文件的行号；未写出的键取默认值。",
                "The source is the scenario file's line; a key not written takes its default."),
            row: 1, column: 0, style: .note)
        let headingRow = 3
        let headings = [
            labels.say("键路径", "Key path"), labels.say("含义", "Meaning"), labels.say("取值", "Value"),
            labels.say("来源", "Source"), labels.say("依据", "Basis"),
        ]
        for (column, text) in headings.enumerated() {
            sheet.write(text, row: headingRow, column: column, style: .heading)
        }
        let text = (try? String(contentsOfFile: scenarioPath, encoding: .utf8)) ?? ""
        let lines = ScenarioKeyLines(yaml: text)
        var row = headingRow + 1
        for entry in ScenarioKeyCatalog.entries {
            guard let value = entry.value(in: scenario, language: language) else { continue }
            sheet.write(entry.keyPath, row: row, column: 0, style: .label)
            sheet.write(language == .zh ? entry.zh : entry.en, row: row, column: 1)
            sheet.write(value, row: row, column: 2)
            // A run setting given on the command line (--replications, --seed, --generator)
            // differs from the file's text.
            let overridden =
                entry.keyPath.hasPrefix("simulation.")
                && lines.scalars[entry.keyPath].map { $0 != value } == true
            let source =
                overridden
                ? labels.say("命令行", "command line")
                : lines.line(of: entry.keyPath).map { "\(scenarioPath):\($0)" }
                    ?? labels.say("默认值", "default")
            sheet.write(source, row: row, column: 3, style: .label)
            sheet.write(basisText(entry.basis), row: row, column: 4)
            row += 1
        }
        sheet.setWidth(34, columns: 0...0)
        sheet.setWidth(34, columns: 1...1)
        sheet.setWidth(46, columns: 2...2)
        sheet.setWidth(30, columns: 3...3)
        sheet.setWidth(22, columns: 4...4)
        sheet.freeze(row: headingRow + 1, column: 1)
        sheet.printAsAttachment(headings: headingRow...headingRow)
    }

    private func basisText(_ basis: ScenarioKeyCatalog.Basis) -> String {
        switch basis {
        case .measures(let zh, let en): labels.say("办法规定（\(zh)）", "fixed by the measures (\(en))")
        case .assumption(let zh, let en):
            labels.say("假设" + (zh.map { "（\($0)）" } ?? ""), "assumption" + (en.map { " (\($0))" } ?? ""))
        case .setting: labels.say("运行设置", "run setting")
        }
    }
}
