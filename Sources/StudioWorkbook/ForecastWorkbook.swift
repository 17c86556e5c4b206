import Foundation
public import StudioReports
public import StudioScenario
public import StudioSimulation

/// `forecast.xlsx`, the planner's workbook of a run: the budget request, the breach
/// probabilities, the studios in the programme, the whole distribution, the assumptions and the
/// run's provenance, each sheet with a title row, frozen headings, number formats and an A4
/// landscape print set-up, and native charts (DESIGN.md, "The output contract").
///
/// Money is in 万元 (the forecast's yuan divided by 10,000) except on the distribution sheet,
/// which keeps `forecast.csv`'s values as they are; every cell is a value, never a formula.
public struct ForecastWorkbook {
    /// The file's name in an output folder.
    public static let fileName = "forecast.xlsx"

    /// The forecast written.
    package let forecast: Forecast
    /// Its scenario.
    package let scenario: Scenario
    /// The scenario file's path, for the assumptions' source lines.
    package let scenarioPath: String
    /// The text of `run.json`, listed on the run sheet.
    package let provenanceJSON: String
    /// The language of the labels.
    package let language: ScenarioExplanation.Language

    let labels: WorkbookLabels

    /// Creates the workbook of a forecast.
    ///
    /// - Parameters:
    ///   - forecast: the forecast written.
    ///   - scenario: its scenario.
    ///   - scenarioPath: the scenario file's path, for the assumptions' source lines.
    ///   - provenanceJSON: the text of `run.json`, listed on the run sheet.
    ///   - language: the language of the labels.
    public init(
        forecast: Forecast, scenario: Scenario, scenarioPath: String, provenanceJSON: String,
        language: ScenarioExplanation.Language = .zh
    ) {
        self.forecast = forecast
        self.scenario = scenario
        self.scenarioPath = scenarioPath
        self.provenanceJSON = provenanceJSON
        self.language = language
        labels = WorkbookLabels(language: language)
    }

    /// The prudent level of the budget request (`reporting.planning_percentile`, P95 by default).
    var prudent: Statistic {
        Statistic.allCases.first { $0.percent == scenario.budget.planningPercentile } ?? .p95
    }

    /// Writes the workbook to `path`.
    ///
    /// - Throws: ``OutputError/cannotWrite(_:reason:)`` when libxlsxwriter cannot write it.
    package func write(to path: String) throws(OutputError) {
        let book = try XLSXWorkbook(path: path)
        try writeBudget(try book.addSheet(labels.say("预算表", "Budget request")), book: book)
        try writeBreaches(try book.addSheet(labels.say("超预算概率", "Budget breaches")), book: book)
        writeStudios(try book.addSheet(labels.say("在册与撤销", "Studios")))
        writeDistribution(try book.addSheet(labels.say("分布", "Distribution")))
        writeAssumptions(try book.addSheet(labels.say("假设", "Assumptions")))
        RunSheet(labels: labels, provenanceJSON: provenanceJSON).write(
            try book.addSheet(labels.say("运行信息", "Run")))
        try book.close()
    }

    /// Writes the workbook into `folder` through a temporary file there, and returns the file
    /// to hand to ``OutputDirectory/write(_:placing:force:)`` with the run's other files.
    ///
    /// - Parameters:
    ///   - folder: the output folder.
    ///   - name: the file's name in the folder.
    /// - Returns: the file's name and the temporary file holding it.
    /// - Throws: ``OutputError`` when the file cannot be written (it is then removed).
    public func stage(in folder: OutputDirectory, name: String = ForecastWorkbook.fileName)
        throws(OutputError)
        -> (name: String, temporaryPath: String)
    {
        let temporary = try folder.temporaryPath(for: name)
        do {
            try write(to: temporary)
        } catch {
            _ = unlink(temporary)
            throw error
        }
        return (name, temporary)
    }

    /// The annual budget of the forecast year `index` (0-based), if the scenario sets one.
    func annualBudget(at index: Int) -> Double? {
        guard let annual = scenario.budget.annualYuan, annual.indices.contains(index) else { return nil }
        return annual[index]
    }

    /// `2026–2035`.
    var span: String {
        guard let first = forecast.years.first, let last = forecast.years.last else { return "" }
        return "\(first)–\(last)"
    }

    /// What the figures rest on: replications, or exact expectations.
    var basis: String {
        forecast.method == .exact
            ? labels.say("精确期望值（无抽样，无百分位）", "exact expectations (no sampling, no percentiles)")
            : labels.say(
                "\(forecast.replications) 次蒙特卡罗重复模拟", "\(forecast.replications) Monte Carlo replications")
    }

    // MARK: - 预算表

    private func writeBudget(_ sheet: XLSXSheet, book: XLSXWorkbook) throws(OutputError) {
        let table = BudgetTable(
            forecast: forecast, periodYears: scenario.budget.periodYears,
            reportingPeriodYears: scenario.budget.reportingPeriodYears)
        let level = labels.percentile(prudent)
        sheet.write(
            labels.say(
                "预算表：\(scenario.name) \(span) 年（单位：万元）",
                "Budget request: \(scenario.name), \(span) (10,000 yuan)"),
            row: 0, column: 0, style: .title)
        sheet.write(
            labels.say("均值与 \(level)（审慎水平）；\(basis)", "Mean and \(level) (prudent level); \(basis)"), row: 1,
            column: 0,
            style: .note)
        let headingRow = 3
        sheet.write(labels.say("预算项目", "Budget line"), row: headingRow, column: 0, style: .heading)
        for (index, column) in table.columns.enumerated() {
            let text: String
            switch column {
            case .year(let year): text = String(year)
            case .period(let first, let last): text = labels.periodSubtotal(first, last)
            case .horizon(let first, let last): text = labels.horizonTotal(first, last)
            }
            sheet.write(text, row: headingRow, column: index + 1, style: .heading)
        }
        var row = headingRow + 1
        var lacking = false
        let blocks: [(Statistic, String)] = [
            (.mean, labels.say("均值", "Mean")),
            (prudent, labels.say("\(level)（审慎水平）", "\(level) (prudent level)")),
        ]
        for (statistic, title) in blocks {
            sheet.write(title, row: row, column: 0, style: .strongLabel)
            row += 1
            for line in table.lines {
                let strong = line == .totalOutflow || line == .netOutflow
                sheet.write(
                    labels.budgetLine(line), row: row, column: 0, style: strong ? .strongLabel : .label)
                for (index, column) in table.columns.enumerated() {
                    let value = table.value(line, column, statistic).map { $0 / 10_000 }
                    if statistic != .mean, value == nil, table.lacksPeriodTotals(line, column) {
                        lacking = true
                    }
                    let subtotal: Bool = if case .year = column { false } else { true }
                    sheet.write(
                        value, row: row, column: index + 1,
                        style: .number(.tenThousandYuan, strong: strong || subtotal))
                }
                row += 1
            }
            row += 1
        }
        var notes = [
            labels.say(
                "期间小计与合计的均值为各年均值之和。", "A subtotal's or total's mean is the sum of the yearly means."),
            labels.say(
                "\(level) 各年数值为当年的 \(level)；小计与合计取各次模拟期间合计的 \(level)，从不把各年百分位相加。",
                "A year's \(level) is that year's; a subtotal's or total's \(level) is the \(level) of each replication's own total, never a sum of percentiles."
            ),
        ]
        if lacking {
            notes.append(
                labels.say(
                    "空白：本预测只记录了创建补助与净支出自首年起及各报告期（reporting.period_years）内的逐次模拟合计，其他项目及与报告期不一致的预算期没有期间合计，故不列 \(level)。",
                    "Blank: the forecast keeps per-replication totals only for the grant and the net outflow, from the first year and over each reporting period (reporting.period_years), so other lines and budget periods that are not reporting periods have no \(level) of their total."
                ))
        }
        if forecast.method == .exact {
            notes.append(labels.say("精确方法只给出均值。", "The exact method gives means only."))
        }
        for note in notes {
            sheet.write(note, row: row, column: 0, style: .note)
            row += 1
        }
        row += 1
        sheet.pageBreak(before: row)
        try writeFan(sheet, book: book, row: row)
        sheet.setWidth(30, columns: 0...0)
        sheet.setWidth(11, columns: 1...max(1, table.columns.count))
        sheet.freeze(row: headingRow + 1, column: 1)
        sheet.printAsAttachment(headings: headingRow...headingRow)
    }

    /// The net outflow's distribution by year in 万元 (the fan chart's data) and the fan chart.
    private func writeFan(_ sheet: XLSXSheet, book: XLSXWorkbook, row start: Int) throws(OutputError) {
        let net = Metric.netOutflow
        sheet.write(
            labels.say("净支出分布（万元，年度）", "Annual net outflow (10,000 yuan)"), row: start, column: 0,
            style: .strongLabel)
        for (index, year) in forecast.years.enumerated() {
            sheet.write(String(year), row: start, column: index + 1, style: .heading)
        }
        let rows: [(String, Statistic?)] = [
            (labels.statistic(.p95), .p95), (labels.statistic(.p75), .p75), (labels.statistic(.p25), .p25),
            (labels.statistic(.p05), .p05), (labels.statistic(.p50), .p50), (labels.statistic(.mean), .mean),
            (labels.say("年度预算", "Annual budget"), nil),
        ]
        for (offset, (title, statistic)) in rows.enumerated() {
            let row = start + 1 + offset
            sheet.write(title, row: row, column: 0, style: .label)
            for (index, year) in forecast.years.enumerated() {
                let value =
                    statistic.flatMap { forecast.summary(year: year, metric: net)?[$0] }
                    ?? (statistic == nil ? annualBudget(at: index) : nil)
                sheet.write(
                    value.map { $0 / 10_000 }, row: row, column: index + 1, style: .number(.tenThousandYuan))
            }
        }
        let columns = 1...max(1, forecast.years.count)
        // libxlsxwriter 1.1.4 cannot combine an area chart with a line chart, and Excel and
        // LibreOffice stack overlapping areas in opposite orders, so the fan is drawn as lines:
        // the P5–P95 and P25–P75 bands' edges, the median, the mean and the annual budget.
        let chart = try book.addChart(.line)
        chart.label(
            title: labels.say("年度净支出（万元）", "Annual net outflow (10,000 yuan)"),
            categoryAxis: labels.say("年份", "Year"),
            valueAxis: labels.say("万元", "10,000 yuan"), valueFormat: "#,##0")
        let outer = XLSXChart.Look(fill: nil, line: 0x9ECAE1, width: 1.25)
        let inner = XLSXChart.Look(fill: nil, line: 0x4292C6, width: 1.75)
        if forecast.method == .montecarlo {
            let series: [(String, Int, XLSXChart.Look, Bool)] = [
                ("P95", 1, outer, true), ("P75", 2, inner, true), ("P25", 3, inner, true),
                ("P5", 4, outer, true),
                (labels.statistic(.p50), 5, XLSXChart.Look(fill: nil, line: 0x08306B, width: 2.25), true),
            ]
            for (name, offset, look, inLegend) in series {
                chart.addSeries(
                    name, sheet: sheet, categoriesRow: start, valuesRow: start + offset, columns: columns,
                    look: look,
                    inLegend: inLegend)
            }
        }
        chart.addSeries(
            labels.statistic(.mean), sheet: sheet, categoriesRow: start, valuesRow: start + 6,
            columns: columns,
            look: XLSXChart.Look(fill: nil, line: 0xE6550D, width: 2, dashed: true))
        if scenario.budget.annualYuan != nil {
            chart.addSeries(
                labels.say("年度预算", "Annual budget"), sheet: sheet, categoriesRow: start, valuesRow: start + 7,
                columns: columns, look: XLSXChart.Look(fill: nil, line: 0xCB181D, width: 2))
        }
        sheet.insert(chart, row: start + rows.count + 2, column: 0)
    }
}
