import StudioScenario
public import StudioSimulation

/// The `report.html` of `studio-forecast sensitivity`: a tornado chart of the levers and one of
/// the assumptions, each input's bars showing the output's change when it is moved down and up,
/// and the table of every input. One self-contained page, like the forecast's report.
public struct SensitivityReport: Sendable {
    /// The effects, largest first.
    package let effects: [SensitivityAnalysis.Effect]
    /// The output measured.
    package let measure: OutputMeasure
    /// The scenario's name.
    package let scenarioName: String
    /// The replications each scenario ran.
    package let replications: Int
    /// The language of the labels.
    package let language: ScenarioExplanation.Language

    /// The most inputs a tornado shows.
    package static let chartRows = 15

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - effects: the effects, largest first.
    ///   - measure: the output measured.
    ///   - scenarioName: the scenario's name.
    ///   - replications: the replications each scenario ran.
    ///   - language: the language of the labels.
    public init(
        effects: [SensitivityAnalysis.Effect], measure: OutputMeasure, scenarioName: String, replications: Int,
        language: ScenarioExplanation.Language = .zh
    ) {
        self.effects = effects
        self.measure = measure
        self.scenarioName = scenarioName
        self.replications = replications
        self.language = language
    }

    private var chinese: Bool { language == .zh }

    private func text(_ zh: String, _ en: String) -> String { chinese ? zh : en }

    /// The axis unit of the measure's changes.
    private var unit: ValueUnit {
        let extent = effects.map(\.size).filter(\.isFinite).max() ?? 1
        switch measure.metric.unit {
        case .yuan: return .yuan(maximum: extent, chinese: chinese)
        case .probability: return .share(text("百分点", "percentage points"))
        case .count, .score: return ValueUnit(name: measure.metric.name, divisor: 1, digits: extent < 10 ? 2 : 0)
        }
    }

    /// The page.
    ///
    /// - Returns: the HTML text of the report.
    public func render() -> String {
        let output = "\(measure.statistic.rawValue) \(measure.metric.name) \(measure.window.label)"
        var charts: [String] = []
        for kind in SensitivityInput.Kind.allCases {
            let rows = effects.filter { $0.input.kind == kind }.prefix(Self.chartRows).map { effect in
                TornadoChart.Row(label: effect.input.name, low: effect.changeLow, high: effect.changeHigh)
            }
            guard !rows.isEmpty else { continue }
            let title = kind == .lever
                ? text("政策杠杆：\(output) 的变化", "Levers: change in the \(output)")
                : text("假设：\(output) 的变化", "Assumptions: change in the \(output)")
            charts.append(
                TornadoChart(
                    title: title, rows: Array(rows), unit: unit, lowLabel: text("调低", "moved down"),
                    highLabel: text("调高", "moved up")
                ).render())
        }
        let header = [
            text("输入", "input"), text("类别", "kind"), text("基准值", "base"), text("调低至", "low"), text("调高至", "high"),
            text("调低的变化", "change down"), text("调高的变化", "change up"), "± MCSE",
        ]
        func number(_ value: Double?) -> String {
            guard let value else { return "–" }
            return abs(value) >= 1000 ? PlainNumber.grouped(value) : String(format: "%.4g", value)
        }
        func change(_ value: Double?) -> String {
            guard let value else { return "–" }
            return measure.metric.unit == .probability ? String(format: "%.4f", value) : PlainNumber.grouped(value)
        }
        var rows = ""
        for effect in effects {
            let cells = [
                effect.input.name, effect.input.kind.rawValue, number(effect.input.value), number(effect.low),
                number(effect.high), change(effect.changeLow), change(effect.changeHigh), change(effect.changeMCSE),
            ]
            rows += "<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        let table = HTMLReport.table(caption: text("每个输入", "Every input"), header: header, rows: rows)
        let title = text("敏感性分析：\(scenarioName)", "Sensitivity: \(scenarioName)")
        let subtitle = text(
            "每个输入单独调低、调高，其余不变；\(replications) 次模拟，共同随机数。",
            "Each input moved down and up on its own, the rest unchanged; \(replications) replications each, on common random numbers.")
        return HTMLReport.page(title: title, subtitle: subtitle, charts: charts, table: table, chinese: chinese)
    }
}
