import Foundation

/// The effects of a sensitivity analysis as `studio-forecast sensitivity` prints them: the
/// output measured, then the levers (the measures' rules and the programme's choices) and the
/// assumptions apart, each the 15 largest effects first, moved down and up with the MCSE.
public struct SensitivityTable: Sendable {
    /// Each input's effect, largest first.
    public var effects: [SensitivityAnalysis.Effect]
    /// The output measured.
    public var measure: OutputMeasure
    /// The unchanged scenario.
    public var scenario: Scenario

    /// The most rows a kind of input shows.
    public static let rowsPerKind = 15

    /// A table of `effects` on `measure` in a forecast of `scenario`.
    ///
    /// - Parameters:
    ///   - effects: each input's effect, largest first (`SensitivityAnalysis/run(threads:progress:)`).
    ///   - measure: the output measured.
    ///   - scenario: the unchanged scenario.
    public init(effects: [SensitivityAnalysis.Effect], measure: OutputMeasure, scenario: Scenario) {
        self.effects = effects
        self.measure = measure
        self.scenario = scenario
    }

    /// The heading naming the output, then a blank line and each kind's heading and table.
    ///
    /// - Returns: the text, without a final line break.
    public func render() -> String {
        var lines: [String] = []
        if measure == OutputMeasure.periodNetOutflow(of: scenario) {
            lines.append("Change in the mean net outflow \(scenario.startYear)–\(measure.window.last), largest first:")
        } else {
            lines.append(
                "Change in the \(measure.statistic.rawValue) \(measure.metric.name) \(measure.window.label), largest first:")
        }
        var separator = "\n"
        for kind in SensitivityInput.Kind.allCases {
            let rows = effects.filter { $0.input.kind == kind }.prefix(Self.rowsPerKind).map { effect -> [String] in
                [effect.input.name, text(effect.changeLow), text(effect.changeHigh), text(effect.changeMCSE)]
            }
            guard !rows.isEmpty else { continue }
            lines.append(
                separator + (kind == .lever ? "Levers (the measures' rules and the programme's choices):" : "Assumptions:"))
            separator = ""
            lines.append(TablePrinter.render(header: ["parameter", "moved down", "moved up", "± MCSE"], rows: rows))
        }
        return lines.joined(separator: "\n")
    }

    /// A change for the table: a probability to 4 places, anything else grouped.
    private func text(_ value: Double?) -> String {
        guard let value else { return "–" }
        return measure.metric.unit == .probability ? String(format: "%.4f", value) : PlainNumber.grouped(value)
    }
}
