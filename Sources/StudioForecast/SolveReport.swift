import Foundation

/// A solve's answer as `studio-forecast solve` prints it: what was searched, the answer, each
/// constraint at the answer and one step beyond, any constraint that does not move one way along
/// the values evaluated, and how many values were evaluated in how long.
///
/// ```swift
/// let answer = try solver.solve(threads: 4)
/// print(SolveReport(answer: answer, solver: solver, seconds: 12.5).render())
/// ```
public struct SolveReport: Sendable {
    /// The search's answer.
    public var answer: LeverSolver.Answer
    /// The search.
    public var solver: LeverSolver
    /// The calendar year from which a per-year lever changed, as given to the solver; nil for every year.
    public var fromYear: Int?
    /// How long the search took, in seconds.
    public var seconds: Double

    /// The report of `answer`.
    ///
    /// - Parameters:
    ///   - answer: what `LeverSolver/solve(threads:progress:)` gave.
    ///   - solver: the search.
    ///   - fromYear: the `fromYear` the solver was made with.
    ///   - seconds: how long the search took.
    public init(answer: LeverSolver.Answer, solver: LeverSolver, fromYear: Int? = nil, seconds: Double) {
        self.answer = answer
        self.solver = solver
        self.fromYear = fromYear
        self.seconds = seconds
    }

    /// The line `solve` writes on standard error for each value tried: the lever's value, each
    /// constraint's metric measured, whether a constraint fails, and whether the value was
    /// only bracketed on the first replications.
    ///
    /// - Parameters:
    ///   - evaluation: one value tried (`LeverSolver/solve(threads:progress:)`'s progress).
    ///   - solver: the search.
    /// - Returns: the line, without a line break.
    public static func line(for evaluation: LeverSolver.Evaluation, of solver: LeverSolver) -> String {
        let pass =
            evaluation.replications == solver.scenario.simulation.replications
            ? "" : " (bracketing on the first \(evaluation.replications) replications)"
        let measures = zip(solver.constraints, evaluation.measures).map { constraint, measured in
            "\(constraint.metric.name) \(SolveFiles.format(measured, metric: constraint.metric))"
        }
        return "  \(solver.lever.keyPath) \(NumericParameter.text(evaluation.value)): \(measures.joined(separator: "; "))"
            + "\(evaluation.holdsAll ? "" : " (fails)")\(pass)"
    }

    /// The report, as printed.
    ///
    /// - Returns: the text, without a final line break.
    public func render() -> String {
        let scenario = solver.scenario
        let lever = solver.lever.keyPath
        let word = solver.objective == .maximize ? "largest" : "smallest"
        let from = fromYear.map { " from \($0)" } ?? ""
        var lines: [String] = []
        lines.append(
            "\(scenario.name): the \(word) \(lever)\(from) in \(text(solver.range.lowerBound))–"
                + "\(text(solver.range.upperBound)) (steps of \(text(solver.step))) meeting every constraint, "
                + "\(scenario.simulation.replications) replications a value on common random numbers\n")
        if answer.reachedEnd, let value = answer.value {
            lines.append(
                "Every value from \(text(solver.value(at: 0))) to \(text(value)) meets the constraints; "
                    + "the boundary lies beyond the range searched: widen --range")
        } else if let value = answer.value {
            lines.append("Answer: \(lever) = \(text(value))\(from)")
        } else {
            lines.append("No value meets every constraint: even \(text(solver.value(at: 0))) fails")
        }
        var header = ["constraint"]
        if let at = answer.atAnswer { header.append("at \(text(at.value))") }
        if let beyond = answer.beyond { header.append("at \(text(beyond.value))") }
        let rows = solver.constraints.enumerated().map { index, constraint -> [String] in
            var row = ["\(solver.measures[index].label) \(constraint.comparison.rawValue) \(text(constraint.bound))"]
            for evaluation in [answer.atAnswer, answer.beyond].compactMap({ $0 })
            where evaluation.measures.indices.contains(index) {
                row.append(
                    SolveFiles.format(evaluation.measures[index], metric: constraint.metric)
                        + (evaluation.holds[index] ? "" : " (fails)"))
            }
            return row
        }
        lines.append("")
        lines.append(TablePrinter.render(header: header, rows: rows))
        for problem in answer.monotonicity {
            let points = problem.points.map { point -> String in
                guard let index = problem.constraint else { return text(point.value) }
                return "\(SolveFiles.format(point.measures[index], metric: solver.constraints[index].metric)) at \(text(point.value))"
            }
            if let index = problem.constraint {
                lines.append(
                    "Warning: \(solver.measures[index].label) is not monotone along the search path "
                        + "(\(problem.replications) replications): \(points.joined(separator: ", ")); the answer assumes it is")
            } else {
                lines.append(
                    "Warning: the constraints fail at \(points.first ?? "") but hold again at \(points.dropFirst().first ?? "") "
                        + "(\(problem.replications) replications); the answer is the first boundary from the starting end, not necessarily the \(word) value")
            }
        }
        let full = answer.evaluations.count { $0.replications == scenario.simulation.replications }
        let bracketing = answer.evaluations.count - full
        let time = String(format: "%.1f", seconds)
        if bracketing == 0 {
            lines.append("\(full) values evaluated in \(time) s")
        } else {
            lines.append(
                "\(bracketing) values bracketed on the first \(solver.bracketingReplications) replications, "
                    + "then \(full) evaluated at \(scenario.simulation.replications), in \(time) s")
        }
        return lines.joined(separator: "\n")
    }

    /// A lever's value or bound as the scenario file writes it.
    private func text(_ value: Double) -> String { NumericParameter.text(value) }
}
