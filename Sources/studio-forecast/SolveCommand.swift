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
        if let range, parsedRange(range) == nil {
            throw refuseArgument("--range \(range) must be LOW:HIGH with LOW at most HIGH, such as 0:50")
        }
    }

    /// `LOW:HIGH` as a range, or nil.
    func parsedRange(_ text: String) -> ClosedRange<Double>? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let low = Double(parts[0]), let high = Double(parts[1]), low.isFinite, high.isFinite,
            low <= high
        else { return nil }
        return low...high
    }

    func run() throws {
        let scenario = simulation.apply(to: try input.load())
        guard let lever = Lever(keyPath: lever) else { throw refuseArgument("--lever \(self.lever) is not a lever") }
        var constraints: [SolveConstraint] = []
        for text in constraint { constraints.append(try SolveConstraint(parsing: text)) }
        let solver = try LeverSolver(
            scenario: scenario, lever: lever, objective: objective, constraints: constraints, fromYear: from,
            range: range.flatMap(parsedRange), step: step)
        let folder = try ForecastFolder.prepare(out, default: "solve-\(scenario.name)", force: force)
        let started = Date()
        let full = scenario.simulation.replications
        let answer = try solver.solve(threads: simulation.threadCount) { evaluation in
            guard !quiet else { return }
            let pass = evaluation.replications == full ? "" : " (bracketing on the first \(evaluation.replications) replications)"
            let measures = zip(solver.constraints, evaluation.measures).map { constraint, measured in
                "\(constraint.metric.name) \(SolveFiles.format(measured, metric: constraint.metric))"
            }
            let line = "  \(lever.keyPath) \(NumericParameter.text(evaluation.value)): \(measures.joined(separator: "; "))"
                + "\(evaluation.holdsAll ? "" : " (fails)")\(pass)\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        let seconds = Date().timeIntervalSince(started)
        let provenance = RunProvenance(
            scenario: scenario, path: input.path, method: .solve, replications: full,
            threads: simulation.threadCount, started: started)
        try ForecastFolder(solve: answer, solver: solver, provenance: provenance, language: lang)
            .write(to: folder, force: force)
        report(answer, solver: solver, seconds: seconds)
        print("Wrote solve.csv, solve.xlsx and run.json to \(folder.path)/")
    }

    /// Prints the answer, each constraint at it and one step beyond, and any monotonicity problem.
    func report(_ answer: LeverSolver.Answer, solver: LeverSolver, seconds: Double) {
        let scenario = solver.scenario
        let lever = solver.lever.keyPath
        let word = solver.objective == .maximize ? "largest" : "smallest"
        let from = self.from.map { " from \($0)" } ?? ""
        print(
            "\(scenario.name): the \(word) \(lever)\(from) in \(NumericParameter.text(solver.range.lowerBound))–"
                + "\(NumericParameter.text(solver.range.upperBound)) (steps of \(NumericParameter.text(solver.step))) meeting every constraint, "
                + "\(scenario.simulation.replications) replications a value on common random numbers\n")
        if answer.reachedEnd, let value = answer.value {
            print(
                "Every value from \(NumericParameter.text(solver.value(at: 0))) to \(NumericParameter.text(value)) meets the constraints; "
                    + "the boundary lies beyond the range searched: widen --range")
        } else if let value = answer.value {
            print("Answer: \(lever) = \(NumericParameter.text(value))\(from)")
        } else {
            print("No value meets every constraint: even \(NumericParameter.text(solver.value(at: 0))) fails")
        }
        var header = ["constraint"]
        if let at = answer.atAnswer { header.append("at \(NumericParameter.text(at.value))") }
        if let beyond = answer.beyond { header.append("at \(NumericParameter.text(beyond.value))") }
        let rows = solver.constraints.enumerated().map { index, constraint -> [String] in
            var row = ["\(solver.measures[index].label) \(constraint.comparison.rawValue) \(NumericParameter.text(constraint.bound))"]
            for evaluation in [answer.atAnswer, answer.beyond].compactMap({ $0 }) where evaluation.measures.indices.contains(index) {
                row.append(
                    SolveFiles.format(evaluation.measures[index], metric: constraint.metric)
                        + (evaluation.holds[index] ? "" : " (fails)"))
            }
            return row
        }
        print("")
        print(TablePrinter.render(header: header, rows: rows))
        for problem in answer.monotonicity {
            let points = problem.points.map { point -> String in
                guard let index = problem.constraint else { return NumericParameter.text(point.value) }
                return "\(SolveFiles.format(point.measures[index], metric: solver.constraints[index].metric)) at \(NumericParameter.text(point.value))"
            }
            if let index = problem.constraint {
                print(
                    "Warning: \(solver.measures[index].label) is not monotone along the search path "
                        + "(\(problem.replications) replications): \(points.joined(separator: ", ")); the answer assumes it is")
            } else {
                print(
                    "Warning: the constraints fail at \(points[0]) but hold again at \(points[1]) "
                        + "(\(problem.replications) replications); the answer is the first boundary from the starting end, not necessarily the \(word) value")
            }
        }
        let fullCount = answer.evaluations.count { $0.replications == scenario.simulation.replications }
        let bracketing = answer.evaluations.count - fullCount
        let time = String(format: "%.1f", seconds)
        if bracketing == 0 {
            print("\(fullCount) values evaluated in \(time) s")
        } else {
            print(
                "\(bracketing) values bracketed on the first \(solver.bracketingReplications) replications, "
                    + "then \(fullCount) evaluated at \(scenario.simulation.replications), in \(time) s")
        }
    }
}
