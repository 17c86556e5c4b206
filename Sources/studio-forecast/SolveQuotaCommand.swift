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

    @Option(help: "The largest quota tried (at most \(QuotaSolver.maximumQuota), the bound of quota.per_year).")
    var maxQuota: Int = 200

    @Flag(help: "Print no line per quota tried on standard error.")
    var quiet = false

    func validate() throws {
        guard budgetBreachMax >= 0 && budgetBreachMax < 1 else {
            throw ValidationError("--budget-breach-max \(budgetBreachMax) must be in [0, 1)")
        }
        if let annualBudget, !(annualBudget > 0 && annualBudget <= QuotaSolver.maximumAnnualBudget) {
            throw refuseArgument(
                "--annual-budget \(PlainNumber.format(annualBudget)) must be above 0 and at most \(PlainNumber.format(QuotaSolver.maximumAnnualBudget)) yuan, the bound of budget.annual_yuan")
        }
        guard (1...QuotaSolver.maximumQuota).contains(maxQuota) else {
            throw refuseArgument(
                "--max-quota \(maxQuota) is out of range 1...\(QuotaSolver.maximumQuota), the bound of quota.per_year")
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
            FileHandle.standardError.write(Data((QuotaSolveReport.line(for: evaluation, of: solver) + "\n").utf8))
        }
        let seconds = Date().timeIntervalSince(started)
        print(QuotaSolveReport(answer: answer, solver: solver, seconds: seconds).render())
    }
}
