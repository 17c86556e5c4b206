import Foundation

/// A quota search's answer as `studio-forecast solve-quota` prints it: the chance searched, the
/// largest constant annual quota (Art. 7) within the limit and the chance one quota beyond, and
/// how many quotas were evaluated in how long.
///
/// ```swift
/// let answer = try solver.solve(threads: 4)
/// print(QuotaSolveReport(answer: answer, solver: solver, seconds: 3.2).render())
/// ```
public struct QuotaSolveReport: Sendable {
    /// The search's answer.
    public var answer: QuotaSolver.Answer
    /// The search.
    public var solver: QuotaSolver
    /// How long the search took, in seconds.
    public var seconds: Double

    /// The report of `answer`.
    ///
    /// - Parameters:
    ///   - answer: what `QuotaSolver/solve(threads:progress:)` gave.
    ///   - solver: the search.
    ///   - seconds: how long the search took.
    public init(answer: QuotaSolver.Answer, solver: QuotaSolver, seconds: Double) {
        self.answer = answer
        self.solver = solver
        self.seconds = seconds
    }

    /// The line `solve-quota` writes on standard error for each quota tried: the quota, its
    /// chance of a breach with the MCSE, and whether it was only bracketed on the first replications.
    ///
    /// - Parameters:
    ///   - evaluation: one quota tried (`QuotaSolver/solve(threads:progress:)`'s progress).
    ///   - solver: the search.
    /// - Returns: the line, without a line break.
    public static func line(for evaluation: QuotaSolver.Evaluation, of solver: QuotaSolver) -> String {
        let pass =
            evaluation.replications == solver.scenario.simulation.replications
            ? "" : " (bracketing on the first \(evaluation.replications) replications)"
        return "  quota \(evaluation.quota): P(breach) \(format(evaluation))\(pass)"
    }

    /// The report, as printed.
    ///
    /// - Returns: the text, without a final line break.
    public func render() -> String {
        let scenario = solver.scenario
        let limit = solver.limit
        let maxQuota = solver.maxQuota
        let period = PrecisionTarget.periodEnd(of: scenario) + 1
        var lines = [
            "\(scenario.name): chance of at least one budget breach in \(scenario.startYear)–\(scenario.startYear + period - 1), "
                + "\(scenario.simulation.replications) replications a quota on common random numbers\n"
        ]
        if answer.reachedMaximum, let at = answer.atQuota {
            lines.append(
                "Every quota up to --max-quota \(maxQuota) keeps the chance within \(limit) "
                    + "(at \(maxQuota) a year: P(breach) \(Self.format(at))); the largest quota within it was not found: raise --max-quota")
        } else if let quota = answer.quota, let at = answer.atQuota {
            lines.append("Largest quota within \(limit): \(quota) a year (P(breach) \(Self.format(at)))")
        } else {
            lines.append(
                "No quota keeps the chance within \(limit): even 0 a year gives \(answer.nextUp.map(Self.format) ?? "–")")
        }
        if let next = answer.nextUp { lines.append("At \(next.quota) a year: P(breach) \(Self.format(next))") }
        let full = answer.evaluations.count { $0.replications == scenario.simulation.replications }
        let bracketing = answer.evaluations.count - full
        let time = String(format: "%.1f", seconds)
        if bracketing == 0 {
            lines.append("\(full) quotas evaluated in \(time) s")
        } else {
            lines.append(
                "\(bracketing) quotas bracketed on the first \(solver.bracketingReplications) replications, "
                    + "then \(full) evaluated at \(scenario.simulation.replications), in \(time) s")
        }
        return lines.joined(separator: "\n")
    }

    /// `0.0412 ± 0.0031 (MCSE)`.
    private static func format(_ evaluation: QuotaSolver.Evaluation) -> String {
        String(format: "%.4f ± %.4f (MCSE)", evaluation.probability, evaluation.mcse)
    }
}
