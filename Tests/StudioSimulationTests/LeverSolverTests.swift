import StudioScenario
import Testing
@testable import StudioSimulation
import _TestSupport

@Suite("solve: any lever under typed constraints, on common random numbers")
struct LeverSolverTests {
    static func baseline(replications: Int, seed: UInt64 = 11) throws -> Scenario {
        try Fixtures.shippedScenario("nanchang-baseline").with {
            $0.simulation = SimulationSettings(replications: replications, seed: seed, generator: "taus2")
        }
    }

    @Test(
        "The quota found equals a brute-force scan of every quota at the full replications, on the same seed",
        arguments: ["any_budget_breach mean <= 0.05", "any_budget_breach mean 2031-2035 <= 0.02", "cumulative_net_outflow p95 2030 <= 30000000"])
    func answerEqualsScan(constraint: String) throws {
        let scenario = try Self.baseline(replications: 400)
        let solver = try LeverSolver(
            scenario: scenario, lever: .quotaPerYear, objective: .maximize,
            constraints: [SolveConstraint(parsing: constraint)], range: 0...16)
        let answer = try solver.solve(threads: 2)
        let found = try #require(answer.value)
        let scan = try (0...16).map { try solver.evaluate(position: $0, replications: 400, threads: 2) }
        let largest = try #require(scan.last { $0.holdsAll })
        #expect(found == largest.value)
        #expect(scan.prefix { $0.holdsAll }.count == Int(found) + 1, "the constraint holds up to the answer only")
        #expect(answer.atAnswer?.measures == scan[Int(found)].measures)
        #expect(answer.beyond?.value == found + 1)
        #expect(answer.beyond?.holdsAll == false)
        #expect(answer.monotonicity.isEmpty)
    }

    @Test("solve with solve-quota's constraint gives solve-quota's answer and chances")
    func shorthandAgrees() throws {
        let scenario = try Fixtures.shippedScenario("tight-budget").with {
            $0.simulation = SimulationSettings(replications: 300, seed: 7, generator: "taus2")
        }
        let quota = try QuotaSolver(scenario: scenario, limit: 0.05, maxQuota: 200).solve(threads: 2)
        let year = scenario.startYear + PrecisionTarget.periodEnd(of: scenario)
        let general = try LeverSolver(
            scenario: scenario, lever: .quotaPerYear, objective: .maximize,
            constraints: [SolveConstraint(parsing: "any_budget_breach mean \(year) <= 0.05")]
        ).solve(threads: 2)
        #expect(general.value == quota.quota.map(Double.init))
        #expect(general.atAnswer?.measures.first?.value == quota.atQuota?.probability)
        #expect(general.beyond?.measures.first?.value == quota.nextUp?.probability)
        #expect(general.evaluations.count == quota.evaluations.count)
    }

    @Test("Minimising the annual budget finds the smallest budget whose breach chance is within the limit")
    func smallestBudget() throws {
        let scenario = try Self.baseline(replications: 200)
        let solver = try LeverSolver(
            scenario: scenario, lever: .annualBudgetYuan, objective: .minimize,
            constraints: [SolveConstraint(parsing: "any_budget_breach <= 0.05")], range: 0...20_000_000, step: 500_000)
        let answer = try solver.solve(threads: 2)
        let budget = try #require(answer.value)
        let below = try #require(answer.beyond)
        #expect(below.value == budget - 500_000)
        #expect(try #require(answer.atAnswer).holdsAll)
        #expect(!below.holdsAll)
    }

    @Test("--from changes a per-year lever only from that year")
    func fromYear() throws {
        let scenario = try Self.baseline(replications: 10)
        let solver = try LeverSolver(
            scenario: scenario, lever: .quotaPerYear, objective: .maximize,
            constraints: [SolveConstraint(parsing: "named mean 2035 <= 100")], fromYear: 2028)
        let changed = solver.lever.applying(9, from: solver.fromYearIndex, to: scenario)
        #expect(changed.quotaPerYear == [5, 5, 9, 9, 9, 9, 9, 9, 9, 9])
        #expect(throws: LeverSolverError.self) {
            try LeverSolver(
                scenario: scenario, lever: .grantYuan, objective: .maximize,
                constraints: [SolveConstraint(parsing: "named <= 1")], fromYear: 2028)
        }
    }

    @Test("A constraint that rises then falls along the search is reported, and so is one that holds again")
    func nonMonotoneIsReported() throws {
        // A made-up measure: rises to position 4, then falls; the constraint fails from 3 to 5 and
        // holds again from 6.
        let shape: (Int) -> Double = { position in position <= 4 ? Double(position) : Double(8 - position) }
        let answer = LeverSolver.solve(
            lastPosition: 10, replications: 100, coarse: 0, constraintCount: 1, progress: nil
        ) { position, replications in
            let value = shape(position)
            return LeverSolver.Evaluation(
                position: position, value: Double(position), measures: [MeasuredValue(value: value, mcse: nil)],
                holds: [value < 2.5], replications: replications)
        }
        #expect(answer.value == 2)
        // The doubling search sees 0, 1, 2, 4, then bisects to 3: rising only, no report yet.
        #expect(answer.monotonicity.isEmpty)
        let path = [0, 2, 4, 6, 8].map { position in
            LeverSolver.Evaluation(
                position: position, value: Double(position), measures: [MeasuredValue(value: shape(position), mcse: nil)],
                holds: [shape(position) < 2.5], replications: 100)
        }
        let problems = LeverSolver.monotonicityProblems(along: path, constraintCount: 1, replications: 100)
        #expect(problems.count == 2)
        #expect(problems.first?.constraint == 0)
        #expect(problems.first?.points.map(\.position) == [0, 4, 6])
        #expect(problems.last?.constraint == nil)
        #expect(problems.last?.points.map(\.position) == [4, 6])
    }

    @Test("A real constraint that turns along the search is reported by the solver")
    func realNonMonotone() throws {
        // The chance that the first breach falls in 2027 is 0 with no grant and 0 with a grant so
        // large that every world breaches in 2026; between the two it rises, then falls.
        let scenario = try Fixtures.shippedScenario("tight-budget").with { $0.simulation.replications = 200 }
        let solver = try LeverSolver(
            scenario: scenario, lever: .grantYuan, objective: .maximize,
            constraints: [SolveConstraint(parsing: "first_breach_year mean 2027 <= 0.9")], range: 0...10_000_000,
            step: 100_000)
        let answer = try solver.solve(threads: 2)
        let problem = try #require(answer.monotonicity.first { $0.constraint == 0 })
        let values = problem.points.map { $0.measures[0].value }
        #expect(values.count == 3)
        #expect(values[1] > values[0] && values[1] > values[2], "\(values)")
        #expect(problem.points.map(\.position) == problem.points.map(\.position).sorted())
    }

    @Test(
        "Constraints parse into typed metrics, statistics and windows",
        arguments: [
            ("any_budget_breach mean 2035 <= 0.05", Metric.anyBudgetBreach, Statistic.mean, OutputWindow?.some(.year(2035)), SolveConstraint.Comparison.atMost, 0.05),
            ("cumulative_net_outflow p95 2026-2030<40000000", .cumulativeNetOutflow, .p95, .period(first: 2026, last: 2030), .below, 40_000_000),
            ("named>=3", .named, .mean, nil, .atLeast, 3),
            ("tranche_2 max 2030 > 0", .tranche(2), .max, .year(2030), .above, 0),
        ])
    func parses(
        text: String, metric: Metric, statistic: Statistic, window: OutputWindow?, comparison: SolveConstraint.Comparison,
        bound: Double
    ) throws {
        let constraint = try SolveConstraint(parsing: text)
        #expect(constraint.metric == metric)
        #expect(constraint.statistic == statistic)
        #expect(constraint.window == window)
        #expect(constraint.comparison == comparison)
        #expect(constraint.bound == bound)
    }

    @Test(
        "A malformed constraint is refused in one line naming it",
        arguments: [
            "any_budget_breach mean 2035", "nothing <= 1", "any_budget_breach mean 2035 <= x", "<= 0.05",
            "any_budget_breach mean 2035 2030 <= 1", "any_budget_breach 2035-2031 <= 1", "any_budget_breach <= 1 <= 2",
        ])
    func refusesMalformed(text: String) {
        do {
            _ = try SolveConstraint(parsing: text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.hasPrefix("--constraint '\(text)': "))
            #expect(!error.description.contains("\n"))
            #expect(error.category == .badArgument)
        }
    }

    @Test("A period is read only where the forecast gives it exactly")
    func periodsAreExactOrRefused() throws {
        let scenario = try Self.baseline(replications: 300)
        func reading(_ text: String) throws -> OutputMeasure.Reading {
            try SolveConstraint(parsing: text).measure(for: scenario).reading(for: scenario)
        }
        #expect(try reading("any_budget_breach 2031-2035 <= 1") == .cell(.anyBudgetBreach, year: 2035))
        #expect(try reading("budget_breach 2026-2028 <= 1") == .cell(.anyBudgetBreach, year: 2028))
        #expect(try reading("cumulative_net_outflow p95 2026-2033 <= 1") == .cell(.cumulativeNetOutflow, year: 2033))
        #expect(try reading("any_budget_breach <= 1") == .firstBreachSum(first: 2026, last: 2035))
        #expect(try reading("cumulative_budget_breach 2031-2035 <= 1") == .cell(.cumulativeBudgetBreach, year: 2035))
        #expect(throws: OutputMeasureError.self) { try reading("cumulative_budget_breach 2031-2034 <= 1") }
        #expect(throws: OutputMeasureError.self) { try reading("any_budget_breach 2028-2032 <= 1") }
        // A flow's total over a whole reporting period is read from the period's running total.
        #expect(try reading("net_outflow 2031-2035 <= 1") == .cell(.periodNetOutflow, year: 2035))
        #expect(try reading("grant_outflow p95 2026-2030 <= 1") == .cell(.periodGrantOutflow, year: 2030))
        #expect(throws: OutputMeasureError.self) { try reading("net_outflow 2031-2034 <= 1") }
        #expect(throws: OutputMeasureError.self) { try reading("net_outflow 2029-2033 <= 1") }
        #expect(throws: OutputMeasureError.self) { try reading("any_budget_breach p95 <= 1") }
        // The chance of a breach in some year of the horizon, from the first breach's year, is
        // the share of replications with any annual breach: check it against the replications.
        let forecast = try MonteCarloEngine(scenario: scenario).run(threads: 2)
        let measured = try SolveConstraint(parsing: "any_budget_breach <= 1").measure(for: scenario)
            .value(in: forecast, of: scenario)
        let firstPeriod = try #require(forecast[.anyBudgetBreach, 2030][.mean])
        let secondPeriod = try #require(forecast[.anyBudgetBreach, 2035][.mean])
        #expect(measured.value >= max(firstPeriod, secondPeriod) - 1e-12)
        #expect(measured.value <= firstPeriod + secondPeriod + 1e-12)
        let mcse = try #require(measured.mcse)
        #expect(abs(mcse - (measured.value * (1 - measured.value) / 299).squareRoot()) < 1e-12)
    }

    @Test("solve's and the measures' errors are one line each, arguments exit 64, the generator 1")
    func errorFamily() throws {
        let measure = OutputMeasure(metric: .netOutflow, window: .period(first: 2031, last: 2035))
        let members: [(error: any StudioForecastError, status: Int32)] = [
            (SolveConstraintError("x", "no comparison"), 64),
            (OutputMeasureError.periodNotExact(measure, startYear: 2026, budgetPeriodYears: 5), 64),
            (OutputMeasureError.yearOutOfRange(2040, first: 2026, last: 2035), 64),
            (LeverSolverError.noConstraint, 64),
            (LeverSolverError.rangeOutOfBounds(.shortlistScore, 0...120), 64),
            (LeverSolverError.fromYearForSingleValue(.grantYuan), 64),
            (LeverSolverError.generator(try #require(Self.unknownGenerator())), 1),
        ]
        for (error, status) in members {
            #expect(error.category.exitStatus == status, "\(error)")
            #expect(error.messages == [error.description])
            #expect(!error.description.contains("\n"))
        }
    }

    /// The error of an unknown generator name.
    static func unknownGenerator() -> UnknownGeneratorError? {
        do {
            _ = try RandomGeneratorKind(named: "no-such-generator")
            return nil
        } catch {
            return error
        }
    }
}
