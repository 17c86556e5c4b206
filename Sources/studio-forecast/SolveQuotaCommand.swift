import ArgumentParser
import Foundation
import StudioForecast

/// `studio-forecast solve-quota SCENARIO --budget-breach-max P`: the largest constant annual quota
/// whose chance of breaching the budget over the budget period stays within P; a shorthand for
/// ``SolveCommand`` with the quota as the lever and that one constraint.
struct SolveQuotaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve-quota",
        abstract: "Find the largest constant annual quota whose chance of a budget breach over the budget period stays within a limit.",
        discussion: """
            A shorthand for `solve --lever quota.per_year --maximize --constraint 'any_budget_breach mean Y <= P'` \
            (cumulative_budget_breach without an annual budget), Y being the last year of the first budget \
            period; it gives the same answer. Use solve for another period, lever or constraint.
            """)

    @OptionGroup var input: ScenarioInput
    @OptionGroup var simulation: SimulationOptions

    @Option(help: "The largest chance of at least one breach in the budget period, such as 0.05.")
    var budgetBreachMax: Double

    @Option(help: "An annual budget in yuan replacing the scenario's.")
    var annualBudget: Double?

    @Option(help: "The largest quota tried (at most \(ScenarioLimits.quotaPerYear), the bound of quota.per_year).")
    var maxQuota: Int = 200

    @Flag(help: "Print no line per quota tried on standard error.")
    var quiet = false

    func validate() throws {
        guard budgetBreachMax >= 0 && budgetBreachMax < 1 else {
            throw ValidationError("--budget-breach-max \(budgetBreachMax) must be in [0, 1)")
        }
        if let annualBudget, !(annualBudget > 0 && annualBudget <= ScenarioLimits.annualBudgetYuan) {
            throw refuseArgument(
                "--annual-budget \(PlainNumber.format(annualBudget)) must be above 0 and at most \(PlainNumber.format(ScenarioLimits.annualBudgetYuan)) yuan, the bound of budget.annual_yuan")
        }
        guard (1...ScenarioLimits.quotaPerYear).contains(maxQuota) else {
            throw refuseArgument(
                "--max-quota \(maxQuota) is out of range 1...\(ScenarioLimits.quotaPerYear), the bound of quota.per_year")
        }
    }

    func run() throws {
        let scenario = simulation.apply(to: try input.load())
        let solver: QuotaSolver
        do {
            solver = try QuotaSolver(
                scenario: scenario, annualBudget: annualBudget, limit: budgetBreachMax, maxQuota: maxQuota)
        } catch {
            throw ScenarioRunError(file: input.path, problem: error)
        }
        let started = Date()
        let answer = try solver.solve(threads: simulation.threadCount) { evaluation in
            guard !quiet else { return }
            let pass =
                evaluation.replications == scenario.simulation.replications
                ? "" : " (bracketing on the first \(evaluation.replications) replications)"
            let line = "  quota \(evaluation.quota): P(breach) \(Self.format(evaluation))\(pass)\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        let seconds = Date().timeIntervalSince(started)
        let period = PrecisionTarget.periodEnd(of: scenario) + 1
        print(
            "\(scenario.name): chance of at least one budget breach in \(scenario.startYear)–\(scenario.startYear + period - 1), "
                + "\(scenario.simulation.replications) replications a quota on common random numbers\n")
        if answer.reachedMaximum, let at = answer.atQuota {
            print(
                "Every quota up to --max-quota \(maxQuota) keeps the chance within \(budgetBreachMax) "
                    + "(at \(maxQuota) a year: P(breach) \(Self.format(at))); the largest quota within it was not found: raise --max-quota")
        } else if let quota = answer.quota, let at = answer.atQuota {
            print("Largest quota within \(budgetBreachMax): \(quota) a year (P(breach) \(Self.format(at)))")
        } else {
            print("No quota keeps the chance within \(budgetBreachMax): even 0 a year gives \(answer.nextUp.map(Self.format) ?? "–")")
        }
        if let next = answer.nextUp { print("At \(next.quota) a year: P(breach) \(Self.format(next))") }
        let full = answer.evaluations.count { $0.replications == scenario.simulation.replications }
        let bracketing = answer.evaluations.count - full
        let time = String(format: "%.1f", seconds)
        if bracketing == 0 {
            print("\(full) quotas evaluated in \(time) s")
        } else {
            print(
                "\(bracketing) quotas bracketed on the first \(solver.bracketingReplications) replications, "
                    + "then \(full) evaluated at \(scenario.simulation.replications), in \(time) s")
        }
    }

    static func format(_ evaluation: QuotaSolver.Evaluation) -> String {
        String(format: "%.4f ± %.4f (MCSE)", evaluation.probability, evaluation.mcse)
    }
}
