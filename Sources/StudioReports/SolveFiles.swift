import Foundation
package import StudioSimulation

/// `solve.csv`: every value of the lever evaluated by `studio-forecast solve`, one row per value
/// and constraint, in the order the search made them.
package enum SolveFiles {
    /// What an evaluation was to the search.
    enum Role: String {
        /// The answer, at the scenario's replications.
        case answer
        /// One step beyond the answer, at the scenario's replications.
        case beyond
        /// Any other value at the scenario's replications.
        case confirming
        /// A value of the bracketing pass, on the first replications only.
        case bracketing
    }

    /// `lever,lever_value,replications,role,constraint,measure,mcse,holds`: `role` is `answer`,
    /// `beyond` (one step past it), `confirming` or `bracketing`; `mcse` is empty for a percentile.
    ///
    /// - Parameters:
    ///   - answer: the solver's answer.
    ///   - solver: the solver, for its lever and constraints.
    /// - Returns: the text of `solve.csv`.
    package static func solveCSV(_ answer: LeverSolver.Answer, solver: LeverSolver) -> String {
        var lines = ["lever,lever_value,replications,role,constraint,measure,mcse,holds"]
        let full = solver.scenario.simulation.replications
        for evaluation in answer.evaluations {
            let role: Role
            if evaluation.replications != full {
                role = .bracketing
            } else if evaluation.position == answer.atAnswer?.position {
                role = .answer
            } else if evaluation.position == answer.beyond?.position {
                role = .beyond
            } else {
                role = .confirming
            }
            for (index, constraint) in solver.constraints.enumerated() where evaluation.measures.indices.contains(index) {
                let measured = evaluation.measures[index]
                let text = "\(solver.measures[index]) \(constraint.comparison.rawValue) \(PlainNumber.format(constraint.bound))"
                lines.append(
                    [
                        solver.lever.keyPath, PlainNumber.format(evaluation.value), String(evaluation.replications),
                        role.rawValue, text, PlainNumber.format(measured.value),
                        measured.mcse.map(PlainNumber.format) ?? "", evaluation.holds[index] ? "true" : "false",
                    ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A measured value for a reader: a probability to 4 places, anything else grouped, with
    /// `± MCSE` when known.
    ///
    /// - Parameters:
    ///   - measured: the value and its MCSE.
    ///   - metric: the metric measured, for its unit.
    /// - Returns: the text.
    package static func format(_ measured: MeasuredValue, metric: Metric) -> String {
        func text(_ value: Double) -> String {
            metric.unit == .probability ? String(format: "%.4f", value) : PlainNumber.grouped(value)
        }
        guard let mcse = measured.mcse else { return text(measured.value) }
        return "\(text(measured.value)) ± \(text(mcse))"
    }
}
