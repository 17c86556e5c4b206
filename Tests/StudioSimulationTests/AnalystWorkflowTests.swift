import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

@Suite("Analyst workflows: quota search, sensitivity and precision targets")
struct AnalystWorkflowTests {
    static func baseline(replications: Int) throws -> Scenario {
        try Fixtures.shippedScenario("nanchang-baseline").with {
            $0.simulation = SimulationSettings(replications: replications, seed: 5, generator: "taus2")
        }
    }

    @Test("solve-quota's answer is the largest quota within the limit, and the breach chance rises with the quota")
    func quotaSearch() throws {
        let scenario = try Self.baseline(replications: 600)
        let solver = try QuotaSolver(scenario: scenario, limit: 0.05, maxQuota: 12)
        let answer = try solver.solve(threads: 2)
        let quota = try #require(answer.quota)
        #expect(try #require(answer.atQuota).probability <= 0.05)
        #expect(try #require(answer.nextUp).probability > 0.05)
        #expect(answer.nextUp?.quota == quota + 1)
        // On common random numbers the chance never falls as the quota rises.
        let probabilities = try (0...(quota + 2)).map { try solver.evaluate(quota: $0, threads: 2).probability }
        #expect(zip(probabilities, probabilities.dropFirst()).allSatisfy { $0 <= $1 }, "\(probabilities)")
        #expect(throws: QuotaSolverError.self) {
            try QuotaSolver(scenario: scenario.with { $0.budget = BudgetParameters() }, limit: 0.05)
        }
    }

    @Test("A precision target stops once reached, and equals a fixed run of the same size")
    func precisionTarget() throws {
        // The grant alone, so that the debug build runs two batches quickly.
        let scenario = try Self.baseline(replications: 1).with {
            $0.applicants = nil
            $0.subsidies = SubsidyParameters()
            $0.fraud = FraudParameters()
        }
        let engine = MonteCarloEngine(scenario: scenario)
        let year = scenario.startYear + PrecisionTarget.periodEnd(of: scenario)
        func relativeMCSE(_ forecast: Forecast) throws -> Double {
            let summary = try #require(forecast.summary(year: year, metric: .cumulativeNetOutflow))
            return summary[.mcse]! / summary[.mean]!
        }
        // A target just out of one batch's reach takes two (the MCSE falls as 1/√n).
        let oneBatch = try relativeMCSE(engine.run(replications: 0..<PrecisionTarget.batchSize, threads: 2))
        let targeted = try PrecisionTarget(engine: engine, relativeMCSE: 0.8 * oneBatch, maxReplications: 100_000)
            .run(threads: 2)
        #expect(targeted.replications == 2 * PrecisionTarget.batchSize)
        #expect(try relativeMCSE(targeted) <= 0.8 * oneBatch)
        let fixed = try engine.run(replications: 0..<targeted.replications, threads: 1)
        #expect(fixed.yearly == targeted.yearly)
        #expect(fixed.cohorts == targeted.cohorts)
        let capped = try PrecisionTarget(engine: engine, relativeMCSE: 1e-9, maxReplications: 3000).run(threads: 2)
        #expect(capped.replications == 3000)
    }

    @Test("Sensitivity moves each number, sorts by effect, and a bigger grant costs more")
    func sensitivity() throws {
        let path = Fixtures.scenarioPath("nanchang-baseline")
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        let analysis = try SensitivityAnalysis(
            path: path, step: 0.1, loader: ScenarioLoader(),
            prepare: { $0.with { $0.simulation = SimulationSettings(replications: 100, seed: 5, generator: "taus2") } })
        let effects = try analysis.run(threads: 2)
        // Every number, the seven of the Art. 2 product as one group, and the grant's split.
        #expect(effects.count == NumericParameter.all(inYAML: yaml).count - 7 + 1 + 1)
        #expect(zip(effects, effects.dropFirst()).allSatisfy { $0.size >= $1.size })
        let grant = try #require(effects.first { $0.input.name == "programme.grant_yuan" })
        #expect(try #require(grant.meanChangeHigh) > 0 && (try #require(grant.meanChangeLow)) < 0)
        // A budget changes no spending: its effect is exactly zero on common random numbers.
        let budget = try #require(effects.first { $0.input.name == "budget.annual_yuan" })
        #expect(budget.meanChangeLow == 0 && budget.meanChangeHigh == 0)
    }
}

@Suite("Sensitivity keeps only the difference it reports")
struct SensitivityDifferenceTests {
    @Test("The analysis keeps one paired difference, and its effects match a comparison keeping every metric")
    func keepsOneDifference() throws {
        #expect(SensitivityAnalysis.differences == .only([.cumulativeNetOutflow]))
        let path = Fixtures.scenarioPath("nanchang-baseline")
        let analysis = try SensitivityAnalysis(
            path: path, step: 0.1, loader: ScenarioLoader(),
            prepare: { $0.with { $0.simulation = SimulationSettings(replications: 60, seed: 9, generator: "taus2") } })
        #expect(analysis.keptDifferences == SensitivityAnalysis.differences)
        let effects = try analysis.run(threads: 2)
        // The same changes from a comparison keeping every metric's differences.
        let moved = analysis.variants.compactMap(\.high)
        let full = try ComparisonEngine(scenarios: [analysis.base] + moved).run(threads: 2)
        let year = analysis.base.startYear + PrecisionTarget.periodEnd(of: analysis.base)
        var checked = 0
        for (index, variant) in analysis.variants.filter({ $0.high != nil }).enumerated() {
            let effect = try #require(effects.first { $0.input.name == variant.input.name })
            let cell = full.differences[index].cell(year: year, metric: .cumulativeNetOutflow)
            #expect(effect.meanChangeHigh == cell?.summary[.mean])
            checked += 1
        }
        #expect(checked > 10)
    }

    @Test("Another output keeps its own metric's differences and the one it is read from")
    func keepsTheMeasuresDifferences() throws {
        let path = Fixtures.scenarioPath("nanchang-baseline")
        let base = try ScenarioLoader().load(path: path)
        let last = base.startYear + PrecisionTarget.periodEnd(of: base)
        let analysis = try SensitivityAnalysis(
            path: path, step: 0.1, loader: ScenarioLoader(),
            measure: OutputMeasure(metric: .budgetBreach, window: .period(first: base.startYear, last: last)),
            prepare: { $0 })
        #expect(analysis.keptDifferences == .only([.budgetBreach, .anyBudgetBreach]))
    }
}
