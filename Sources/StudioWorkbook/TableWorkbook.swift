import Foundation
public import StudioReports
public import StudioSimulation

/// The workbook of an analysis whose result is one table (`sweep.xlsx`, `sensitivity.xlsx`,
/// `solve.xlsx`):
/// the rows of its CSV file as typed cells, money in 万元 and probabilities as percentages,
/// headings in people's words with the file's column names beneath them, an autofilter, and the
/// run's provenance on a second sheet.
public struct TableWorkbook {
    /// The analyses with a table workbook.
    public enum Analysis: Sendable {
        /// `sweep`: one row per grid point and year.
        case sweep
        /// `sensitivity`: one row per input, largest effect first.
        case sensitivity
        /// `solve`: one row per value of the lever evaluated and constraint, in the search's order.
        case solve

        /// The workbook's file name.
        package var fileName: String {
            switch self {
            case .sweep: "sweep.xlsx"
            case .sensitivity: "sensitivity.xlsx"
            case .solve: "solve.xlsx"
            }
        }
    }

    /// The analysis tabled.
    package let analysis: Analysis
    /// The scenario's name, for the title.
    package let scenarioName: String
    /// The text of the analysis's CSV file, header first.
    package let csv: String
    /// The text of `run.json`.
    package let provenanceJSON: String
    /// The output a sensitivity table measures: its changes are shown in its metric's unit and
    /// the title names it. Nil: the mean period net outflow, in 万元.
    package let measure: OutputMeasure?
    let labels: WorkbookLabels

    /// Creates the workbook of an analysis from the CSV file it writes.
    ///
    /// - Parameter measure: for `sensitivity`, the output measured (``measure``).
    public init(
        analysis: Analysis, scenarioName: String, csv: String, provenanceJSON: String,
        language: ScenarioExplanation.Language = .zh, measure: OutputMeasure? = nil
    ) {
        self.analysis = analysis
        self.scenarioName = scenarioName
        self.csv = csv
        self.provenanceJSON = provenanceJSON
        self.measure = measure
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
        let temporary = try folder.temporaryPath(for: analysis.fileName)
        do {
            try write(to: temporary)
        } catch {
            _ = unlink(temporary)
            throw error
        }
        return (analysis.fileName, temporary)
    }

    /// Writes the workbook to `path`.
    ///
    /// - Throws: ``OutputError/cannotWrite(_:reason:)`` when libxlsxwriter cannot write it.
    package func write(to path: String) throws(OutputError) {
        let book = try XLSXWorkbook(path: path)
        let sheet: XLSXSheet
        let title: String
        switch analysis {
        case .sweep:
            sheet = try book.addSheet(labels.say("参数扫描", "Sweep"))
            title = labels.say(
                "参数扫描：\(scenarioName) 各取值点逐年关键指标（金额单位：万元）",
                "Sweep of \(scenarioName): key metrics by point and year (10,000 yuan)")
        case .sensitivity:
            sheet = try book.addSheet(labels.say("敏感性", "Sensitivity"))
            if let measure {
                let output = "\(labels.metric(measure.metric)) \(labels.statistic(measure.statistic)) \(measure.window.label)"
                let yuan = measure.metric.unit == .yuan
                title = labels.say(
                    "敏感性：\(scenarioName) 各输入上下变动对 \(output) 的影响（\(yuan ? "万元，" : "")影响最大者在前）",
                    "Sensitivity of \(scenarioName): change in \(output), largest first\(yuan ? " (10,000 yuan)" : "")")
            } else {
                title = labels.say(
                    "敏感性：\(scenarioName) 各参数上下变动对首个预算期平均净支出的影响（万元，影响最大者在前）",
                    "Sensitivity of \(scenarioName): change in the first period's mean net outflow, largest first (10,000 yuan)"
                )
            }
        case .solve:
            sheet = try book.addSheet(labels.say("求解", "Solve"))
            title = labels.say(
                "求解：\(scenarioName) 逐个取值检验各约束（按搜索顺序，测得值为各约束指标的原单位）",
                "Solve for \(scenarioName): each value of the lever tried against each constraint, in the search's order (measures in their metric's own unit)"
            )
        }
        sheet.write(title, row: 0, column: 0, style: .title)
        let rows = csv.split(separator: "\n", omittingEmptySubsequences: true).map(Self.fields)
        guard let header = rows.first else {
            throw OutputError.cannotWrite(path, reason: "the table is empty")
        }
        let kinds = header.map(columnKind)
        for (column, name) in header.enumerated() {
            sheet.write(label(name), row: 2, column: column, style: .heading)
            sheet.write(name, row: 3, column: column, style: .note)
        }
        for (offset, fields) in rows.dropFirst().enumerated() {
            for (column, field) in fields.enumerated() {
                let kind = kinds.indices.contains(column) ? kinds[column] : nil
                if let kind, let number = Double(field) {
                    sheet.write(
                        kind == .tenThousandYuan ? number / 10_000 : number, row: 4 + offset, column: column,
                        style: .number(kind))
                } else if field.isEmpty {
                    sheet.write(nil, row: 4 + offset, column: column, style: .number(.plain))
                } else {
                    sheet.write(field, row: 4 + offset, column: column, style: .label)
                }
            }
        }
        sheet.autofilter(rows: 3...max(3, rows.count + 2), columns: 0...max(0, header.count - 1))
        sheet.setWidth(14, columns: 0...max(0, header.count - 1))
        if analysis == .sensitivity { sheet.setWidth(36, columns: 0...0) }
        if analysis == .solve, let column = header.firstIndex(of: "constraint") {
            sheet.setWidth(44, columns: column...column)
        }
        sheet.freeze(row: 4, column: 1)
        sheet.printAsAttachment(headings: 2...3)
        RunSheet(labels: labels, provenanceJSON: provenanceJSON).write(
            try book.addSheet(labels.say("运行信息", "Run")))
        try book.close()
    }

    /// The columns of `sensitivity.csv` holding a change of the measured metric.
    static let changeColumns: Set<String> = [
        "mean_change_low", "mean_change_high", "mean_change_mcse", "p95_change_low", "p95_change_high", "change_low",
        "change_high", "change_mcse",
    ]

    /// A column's number format: a sensitivity table's changes in the unit of the metric
    /// measured, any other column as ``kind(_:)`` says.
    func columnKind(_ name: String) -> NumberKind? {
        guard analysis == .sensitivity, let measure, Self.changeColumns.contains(name) else { return Self.kind(name) }
        switch measure.metric.unit {
        case .yuan: return .tenThousandYuan
        case .probability: return .percent
        case .count: return .count
        case .score: return .plain
        }
    }

    /// A column's number format from its name in the CSV file; nil for a text column.
    static func kind(_ name: String) -> NumberKind? {
        if name == "year" { return .whole }
        if name == "parameter" { return nil }
        if name.hasSuffix("_value") { return .plain }
        // `<metric>_<statistic>`: the longest metric name the column starts with gives its unit.
        let metric = Metric.fixedMetrics.filter { name.hasPrefix($0.name + "_") }.max { $0.name.count < $1.name.count }
        switch metric?.unit {
        case .probability: return .percent
        case .count: return .count
        case .yuan: return .tenThousandYuan
        case .score: return .plain
        case nil: return name.contains("_change_") ? .tenThousandYuan : .plain
        }
    }

    /// A column's heading for people: `净支出_均值` from `net_outflow_mean`.
    func label(_ name: String) -> String {
        let special: [String: (String, String)] = [
            "year": ("年份", "Year"), "parameter": ("参数", "Parameter"), "base_value": ("原值", "Value"),
            "low_value": ("下调值", "Moved down to"), "high_value": ("上调值", "Moved up to"),
            "mean_change_low": ("下调时均值变化", "Mean change, down"),
            "mean_change_high": ("上调时均值变化", "Mean change, up"),
            "mean_change_mcse": ("± MCSE", "± MCSE"), "p95_change_low": ("下调时 P95 变化", "P95 change, down"),
            "p95_change_high": ("上调时 P95 变化", "P95 change, up"),
            "cumulative_net_outflow_diff_mean": ("累计净支出较首点差异均值", "Δ cumulative net outflow vs first point"),
            "cumulative_net_outflow_diff_mcse": ("± MCSE", "± MCSE"),
            "kind": ("类别", "Kind"), "output": ("输出", "Output"), "statistic": ("统计量", "Statistic"),
            "change_low": ("下调时变化", "Change, down"), "change_high": ("上调时变化", "Change, up"),
            "change_mcse": ("± MCSE", "± MCSE"), "lever": ("杠杆", "Lever"), "lever_value": ("取值", "Value"),
            "replications": ("重复次数", "Replications"), "role": ("作用", "Role"), "constraint": ("约束", "Constraint"),
            "measure": ("测得值", "Measured"), "mcse": ("± MCSE", "± MCSE"), "holds": ("是否满足", "Holds"),
        ]
        if let pair = special[name] { return labels.say(pair.0, pair.1) }
        for statistic in Statistic.allCases where name.hasSuffix("_" + statistic.rawValue) {
            let metricName = String(name.dropLast(statistic.rawValue.count + 1))
            if let metric = Metric(name: metricName) {
                return "\(labels.metric(metric))_\(labels.statistic(statistic))"
            }
        }
        return name
    }

    /// The fields of one CSV line (RFC 4180 quoting).
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var previousQuote = false
        for character in line {
            if quoted {
                if character == "\"" {
                    quoted = false
                    previousQuote = true
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                if previousQuote { current.append("\"") }
                quoted = true
            case ",":
                fields.append(current)
                current = ""
            default:
                current.append(character)
            }
            previousQuote = false
        }
        fields.append(current)
        return fields
    }
}
