import Foundation
import StudioForecast
import Testing
import _TestSupport

/// The library's front door as a user of the `StudioForecast` product sees it.
@Suite("Library facade")
struct LibraryFacadeTests {
    static let baselineURL = URL(fileURLWithPath: Fixtures.scenarioPath("nanchang-baseline"))

    @Test("Simulation gives the engine's forecast, bit for bit")
    func simulationMatchesEngine() throws {
        let baseline = try Scenario(contentsOf: Self.baselineURL)
        let forecast = try Simulation(baseline, threads: 2).run(replications: 300, seed: 7)
        let engine = try MonteCarloEngine(
            scenario: baseline.with {
                $0.simulation.replications = 300
                $0.simulation.seed = 7
            }
        ).run(threads: 1)
        #expect(forecast.replications == 300)
        #expect(forecast.yearly == engine.yearly)
        #expect(forecast.cohorts == engine.cohorts)
    }

    @Test("A typed lookup gives the statistics the files hold, by calendar year")
    func typedLookup() throws {
        let forecast = try Simulation(try Scenario(contentsOf: Self.baselineURL)).run(replications: 200)
        let metric = Metric.cumulativeNetOutflow
        let year = try #require(forecast.years.last)
        let spend = forecast[metric, year]
        let stored = try #require(forecast.summary(year: year, metric: metric))
        #expect(spend == stored)
        #expect(spend.mean == stored[.mean])
        #expect(spend.p05 == stored[.p05])
        #expect(spend.p95 == stored[.p95])
        #expect(spend.mean > 0)
        #expect(try forecast.statistics(of: metric, year: year) == stored)
    }

    @Test("A year the forecast lacks gives NaN from the subscript and an error from statistics(of:year:)")
    func missingYear() throws {
        let forecast = try Simulation(try Scenario(contentsOf: Self.baselineURL)).run(replications: 100)
        let before = try #require(forecast.years.first) - 1
        #expect(forecast[.netOutflow, before].mean.isNaN)
        #expect(forecast[.netOutflow, before].count == 0)
        #expect(throws: MetricLookupError.self) {
            try forecast.statistics(of: .netOutflow, year: before)
        }
    }

    @Test("A tranche the grant does not have is reported, not read as zero")
    func metricNotCarried() throws {
        let forecast = try Simulation(try Scenario(contentsOf: Self.baselineURL)).run(replications: 100)
        let year = try #require(forecast.years.first)
        #expect(throws: MetricLookupError.metricMissing(.tranche(9), scenario: forecast.scenarioName)) {
            try forecast.statistics(of: .tranche(9), year: year)
        }
    }

    @Test("Replications outside 1...10,000,000 are refused before any run", arguments: [0, -5, 10_000_001])
    func replicationsOutOfRange(replications: Int) throws {
        let simulation = Simulation(try Scenario(contentsOf: Self.baselineURL))
        #expect(throws: SimulationError.self) { try simulation.run(replications: replications) }
    }

    @Test("A scenario naming a generator GSL does not know is refused when read")
    func unknownGenerator() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: Self.baselineURL, encoding: .utf8)
            .replacingOccurrences(
                of: "  seed: 20260101", with: "  seed: 20260101\n  generator: not-a-generator")
        let file = folder.appendingPathComponent("bad.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ScenarioErrors.self) { try Scenario(contentsOf: file) }
        #expect(error?.errors.first?.keyPath == "simulation.generator")
    }

    @Test("Setting a quota per year names that many in every forecast year", arguments: [0, 6, 12])
    func quotaPerYear(count: Int) throws {
        let baseline = try Scenario(contentsOf: Self.baselineURL)
        let variant = baseline.with { $0.quota = .perYear(count) }
        #expect(variant.quotaPerYear == Array(repeating: count, count: baseline.horizonYears))
        #expect(variant.quota == .perYear(count))
    }

    @Test("A quota that changes by year reads back as a schedule")
    func quotaSchedule() throws {
        let baseline = try Scenario(contentsOf: Self.baselineURL)
        let schedule = (0..<baseline.horizonYears).map { $0 % 3 }
        let variant = baseline.with { $0.quota = .schedule(schedule) }
        #expect(variant.quotaPerYear == schedule)
        #expect(variant.quota == .schedule(schedule))
    }

    @Test("compare(with:) gives the paired difference the comparison engine gives")
    func pairedComparison() throws {
        let baseline = try Scenario(contentsOf: Self.baselineURL)
        let variant = baseline.with { $0.quota = .perYear(8) }
        let comparison = try Simulation(baseline, threads: 2).compare(with: variant, replications: 300)
        let engine = try ComparisonEngine(scenarios: [
            baseline.with { $0.simulation.replications = 300 }, variant,
        ]).run(threads: 1)
        let year = try #require(baseline.years.last)
        let expected = try #require(
            engine.differences[0].cell(year: year, metric: Metric.cumulativeNetOutflow))
        #expect(comparison.difference[.cumulativeNetOutflow, year] == expected.summary)
        #expect(comparison.difference[.cumulativeNetOutflow, year].mean > 0)
        #expect(comparison.base.yearly == engine.forecasts[0].yearly)
        #expect(comparison.variant.yearly == engine.forecasts[1].yearly)
    }

    @Test("Scenarios over different years cannot be compared")
    func incomparable() throws {
        let baseline = try Scenario(contentsOf: Self.baselineURL)
        let shorter = baseline.with {
            $0.horizonYears = 5
            $0.quota = .perYear(5)
        }
        #expect(throws: SimulationError.self) {
            try Simulation(baseline).compare(with: shorter, replications: 10)
        }
    }

    @Test("A precision run gives the precision target's forecast")
    func precisionRun() throws {
        let baseline = try Scenario(contentsOf: Self.baselineURL)
        let forecast = try Simulation(baseline, threads: 2).run(toRelativeMCSE: 0.05, maxReplications: 20_000)
        let target = try PrecisionTarget(
            engine: MonteCarloEngine(scenario: baseline), relativeMCSE: 0.05, maxReplications: 20_000
        ).run(threads: 1)
        #expect(forecast.replications == target.replications)
        #expect(forecast.yearly == target.yearly)
    }

    @Test("A relative precision outside (0, 1) is refused", arguments: [0.0, -0.1, 1.0, .nan])
    func precisionOutOfRange(precision: Double) throws {
        let simulation = Simulation(try Scenario(contentsOf: Self.baselineURL))
        #expect(throws: SimulationError.self) { try simulation.run(toRelativeMCSE: precision) }
    }

    @Test("expectations() gives the exact evaluator's means")
    func expectations() throws {
        let scenario = try Scenario(contentsOf: Self.baselineURL).with {
            $0.applicants = nil
            $0.subsidies = SubsidyParameters()
            $0.assessment.heterogeneity = 0
            $0.assessment.yearShockSD = 0
        }
        let forecast = try Simulation(scenario).expectations()
        #expect(forecast.method == Forecast.Method.exact)
        let exact = try ExactEvaluator(scenario: scenario).evaluate()
        #expect(forecast.yearly == exact.yearly)
        let year = try #require(scenario.years.last)
        #expect(forecast[Metric.grantOutflow, year].mean > 0)
        #expect(forecast[Metric.grantOutflow, year].p95.isNaN)
    }
}
