import Foundation
public import StudioReports
public import StudioSimulation

/// `comparison.xlsx`, the workbook of `compare`: the paired difference variant − base of the
/// net outflow by year and by budget period, with its MCSE, percentiles and P(Δ > 0), a column
/// chart of the yearly mean difference, and the run's provenance.
///
/// A period's difference comes from the replications' own paired totals where the comparison
/// keeps them (the cumulative net outflow from the start year: the first period and the
/// horizon); elsewhere only its mean is given, the sum of the yearly mean differences.
public struct ComparisonWorkbook {
    /// The file's name in an output folder.
    package static let fileName = "comparison.xlsx"

    /// The comparison written.
    package let comparison: Comparison
    /// The budget period's length in years (the base scenario's `budget.period_years`).
    package let periodYears: Int
    /// The text of `run.json`, listed on the run sheet.
    package let provenanceJSON: String
    let labels: WorkbookLabels

    /// Creates the workbook of a comparison of two scenarios.
    ///
    /// - Parameters:
    ///   - comparison: the two scenarios' forecasts and their differences.
    ///   - periodYears: the years of a reporting period.
    ///   - provenanceJSON: the text of `run.json`, shown on the last sheet.
    ///   - language: the language of the labels.
    public init(
        comparison: Comparison, periodYears: Int, provenanceJSON: String,
        language: ScenarioExplanation.Language = .zh
    ) {
        self.comparison = comparison
        self.periodYears = periodYears
        self.provenanceJSON = provenanceJSON
        labels = WorkbookLabels(language: language)
    }

    /// Writes the workbook into `folder` through a temporary file there, for
    /// ``OutputDirectory/write(_:placing:force:)``.
    ///
    /// - Parameter folder: the output folder.
    /// - Returns: the file's name and the temporary file holding it.
    /// - Throws: ``OutputError`` when the file cannot be written (it is then removed).
    public func stage(in folder: OutputDirectory) throws(OutputError) -> (name: String, temporaryPath: String)
    {
        let temporary = try folder.temporaryPath(for: Self.fileName)
        do {
            try write(to: temporary)
        } catch {
            _ = unlink(temporary)
            throw error
        }
        return (Self.fileName, temporary)
    }

    /// The statistics of each difference row, in column order, with their number formats.
    private var columns: [(String, (DifferenceForecast.Cell) -> Double?, NumberKind)] {
        [
            (
                labels.say("Δ 均值（万元）", "Δ mean (10,000 yuan)"), { $0.summary[.mean].map { $0 / 10_000 } },
                .tenThousandYuan
            ),
            (
                labels.say("± MCSE（万元）", "± MCSE (10,000 yuan)"), { $0.summary[.mcse].map { $0 / 10_000 } },
                .tenThousandYuan
            ),
            ("P5", { $0.summary[.p05].map { $0 / 10_000 } }, .tenThousandYuan),
            (labels.statistic(.p50), { $0.summary[.p50].map { $0 / 10_000 } }, .tenThousandYuan),
            ("P95", { $0.summary[.p95].map { $0 / 10_000 } }, .tenThousandYuan),
            ("P(Δ > 0)", { $0.probabilityPositive }, .percent),
        ]
    }

    /// Writes the workbook to `path`.
    ///
    /// - Throws: ``OutputError/cannotWrite(_:reason:)`` when libxlsxwriter cannot write it.
    package func write(to path: String) throws(OutputError) {
        let book = try XLSXWorkbook(path: path)
        guard let difference = comparison.differences.first, comparison.forecasts.count > 1 else {
            throw OutputError.cannotWrite(path, reason: "a comparison needs two forecasts")
        }
        let sheet = try book.addSheet(labels.say("差异", "Difference"))
        let base = comparison.forecasts[0].scenarioName
        let variant = comparison.forecasts[1].scenarioName
        sheet.write(
            labels.say(
                "净支出的配对差异：\(variant) − \(base)（单位：万元）",
                "Paired difference of the net outflow: \(variant) − \(base) (10,000 yuan)"),
            row: 0, column: 0, style: .title)
        sheet.write(
            labels.say(
                "\(comparison.forecasts[0].replications) 次共同随机数配对模拟；MCSE 为均值的蒙特卡罗标准误；P(Δ > 0) 为差异为正的模拟占比。",
                "\(comparison.forecasts[0].replications) paired replications on common random numbers; MCSE is the mean's Monte Carlo standard error; P(Δ > 0) the share of replications with a positive difference."
            ),
            row: 1, column: 0, style: .note)
        let headingRow = 3
        sheet.write(labels.say("年份", "Year"), row: headingRow, column: 0, style: .heading)
        for (index, column) in columns.enumerated() {
            sheet.write(column.0, row: headingRow, column: index + 1, style: .heading)
        }
        var row = headingRow + 1
        for year in difference.years {
            sheet.write(Double(year), row: row, column: 0, style: .number(.whole))
            let cell = difference.cell(year: year, metric: Metric.netOutflow)
            for (index, column) in columns.enumerated() {
                sheet.write(cell.flatMap(column.1), row: row, column: index + 1, style: .number(column.2))
            }
            row += 1
        }
        let yearRows = (headingRow + 1)...(row - 1)
        row += 1
        sheet.write(labels.say("预算期", "Budget period"), row: row, column: 0, style: .heading)
        for (index, column) in columns.enumerated() {
            sheet.write(column.0, row: row, column: index + 1, style: .heading)
        }
        row += 1
        var spans: [(Int, Int)] = []
        var start = 0
        while start < difference.years.count {
            let end = min(start + max(1, periodYears), difference.years.count)
            spans.append((difference.years[start], difference.years[end - 1]))
            start = end
        }
        if let first = difference.years.first, let last = difference.years.last, spans.count > 1 {
            spans.append((first, last))
        }
        var lacking = false
        for (first, last) in spans {
            sheet.write("\(first)–\(last)", row: row, column: 0, style: .strongLabel)
            let cumulative =
                first == difference.years.first
                ? difference.cell(year: last, metric: Metric.cumulativeNetOutflow) : nil
            for (index, column) in columns.enumerated() {
                var value = cumulative.flatMap(column.1)
                if cumulative == nil {
                    lacking = true
                    if index == 0 {
                        value =
                            (first...last).reduce(0.0) { total, year in
                                total
                                    + (difference.cell(year: year, metric: Metric.netOutflow)?.summary[
                                        .mean] ?? .nan)
                            } / 10_000
                    }
                }
                sheet.write(value, row: row, column: index + 1, style: .number(column.2, strong: true))
            }
            row += 1
        }
        row += 1
        sheet.write(
            labels.say(
                "期间差异取各次模拟的期间合计之差；其均值为各年差异均值之和，从不把各年百分位相加。",
                "A period's difference is that of each replication's own period totals; its mean is the sum of the yearly mean differences, never a sum of percentiles."
            ),
            row: row, column: 0, style: .note)
        row += 1
        if lacking {
            sheet.write(
                labels.say(
                    "空白：比较只记录了自首年起的累计净支出的配对差异，后续预算期只列均值。",
                    "Blank: the comparison keeps paired totals only from the first year, so later periods show the mean alone."
                ),
                row: row, column: 0, style: .note)
            row += 1
        }
        let chart = try book.addChart(.column)
        chart.label(
            title: labels.say("净支出差异均值（万元）", "Mean difference of the net outflow (10,000 yuan)"),
            categoryAxis: labels.say("年份", "Year"), valueAxis: labels.say("万元", "10,000 yuan"),
            valueFormat: "#,##0")
        chart.addColumnSeries(
            labels.say("Δ 均值", "Δ mean"), sheet: sheet, categoriesColumn: 0, valuesColumn: 1, rows: yearRows,
            colour: 0x3182BD)
        sheet.insert(chart, row: row + 1, column: 0, widthScale: 1.8, heightScale: 1.3)
        sheet.setWidth(14, columns: 0...0)
        sheet.setWidth(16, columns: 1...columns.count)
        sheet.freeze(row: headingRow + 1, column: 1)
        sheet.printAsAttachment(headings: headingRow...headingRow)
        let run = try book.addSheet(labels.say("运行信息", "Run"))
        RunSheet(labels: labels, provenanceJSON: provenanceJSON).write(run)
        try book.close()
    }
}
