import ArgumentParser
import Foundation
import StudioForecast

/// `studio-forecast solve SCENARIO --lever KEY --maximize|--minimize --constraint '...'`: the
/// largest or smallest value of a lever at which every constraint holds.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Find the largest or smallest value of a lever at which every constraint holds, and write solve.csv and solve.xlsx.",
        discussion: """
            A constraint is METRIC [STATISTIC] [YEAR | FIRST-LAST] OPERATOR VALUE, such as \
            'any_budget_breach mean 2031-2035 <= 0.05'; the statistic is the mean when left out and the \
            window the whole horizon. Levers: \(Lever.keyPaths). Every value runs on common random \
            numbers; the search brackets the answer on the first 1/\(QuotaSolver.bracketingShare) of the \
            replications, then confirms it at all of them, and reports any constraint that does not move \
            one way along the values it evaluated.
            """)

    @OptionGroup var input: ScenarioInput
    @OptionGroup var simulation: SimulationOptions

    @Option(help: "The lever searched: \(Lever.keyPaths).")
    var lever: String

    @Option(help: "For quota.per_year or budget.annual_yuan: change the lever only from this year on.")
    var from: Int?

    @Flag(help: "Find the largest value meeting every constraint.")
    var maximize = false

    @Flag(help: "Find the smallest value meeting every constraint.")
    var minimize = false

    /// The end of the lever's range wanted.
    var objective: LeverSolver.Objective { minimize ? .minimize : .maximize }

    @Option(help: "A constraint, such as 'any_budget_breach mean 2035 <= 0.05'; repeat for several.")
    var constraint: [String] = []

    @Option(help: "The values searched, LOW:HIGH. Default: the lever's own range (quota 0:200, score 0:100, ...).")
    var range: String?

    @Option(help: "The spacing of the values searched. Default: 1 studio, 0.5 points, 10000 yuan of grant, 100000 of budget.")
    var step: Double?

    @Option(help: "The output folder. Default: out/solve-<scenario name>/.")
    var out: String?

    @Option(help: "The language of solve.xlsx: zh (Chinese) or en (English).")
    var lang: ScenarioExplanation.Language = .zh

    @Flag(help: "Replace the files of a non-empty output folder.")
    var force = false

    @Flag(help: "Print no line per value tried on standard error.")
    var quiet = false

    func validate() throws {
        try OutputFolder.validate(out: out)
        guard Lever(keyPath: lever) != nil else {
            throw refuseArgument("--lever \(lever) is not a lever; choose one of \(Lever.keyPaths)")
        }
        guard maximize != minimize else { throw refuseArgument("give exactly one of --maximize and --minimize") }
        guard !constraint.isEmpty else {
            throw refuseArgument("give at least one --constraint, such as --constraint 'any_budget_breach mean <= 0.05'")
        }
        for text in constraint {
            do {
                _ = try SolveConstraint(parsing: text)
            } catch {
                throw refuseArgument(error.description)
            }
        }
        if let range, LeverSolver.range(parsing: range) == nil {
            throw refuseArgument("--range \(range) must be LOW:HIGH with LOW at most HIGH, such as 0:50")
        }
    }

    func run() throws {
        let scenario = simulation.apply(to: try input.load())
        guard let lever = Lever(keyPath: lever) else { throw refuseArgument("--lever \(self.lever) is not a lever") }
        var constraints: [SolveConstraint] = []
        for text in constraint { constraints.append(try SolveConstraint(parsing: text)) }
        let solver = try LeverSolver(
            scenario: scenario, lever: lever, objective: objective, constraints: constraints, fromYear: from,
            range: range.flatMap(LeverSolver.range(parsing:)), step: step)
        let folder = try ForecastFolder.prepare(out, default: "solve-\(scenario.name)", force: force)
        let started = Date()
        let answer = try solver.solve(threads: simulation.threadCount) { evaluation in
            guard !quiet else { return }
            FileHandle.standardError.write(Data((SolveReport.line(for: evaluation, of: solver) + "\n").utf8))
        }
        let seconds = Date().timeIntervalSince(started)
        let provenance = RunProvenance(
            scenario: scenario, path: input.path, method: .solve, replications: scenario.simulation.replications,
            threads: simulation.threadCount, started: started)
        try ForecastFolder(solve: answer, solver: solver, provenance: provenance, language: lang)
            .write(to: folder, force: force)
        print(SolveReport(answer: answer, solver: solver, fromYear: from, seconds: seconds).render())
        print("Wrote solve.csv, solve.xlsx and run.json to \(folder.path)/")
    }
}
