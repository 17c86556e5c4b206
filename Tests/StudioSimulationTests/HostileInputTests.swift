import Foundation
import StudioScenario
@testable import StudioSimulation
import Testing
import _TestSupport

@Suite("Hostile inputs reach the engines as typed errors, never traps")
struct HostileInputTests {
    static let yaml = """
        start_year: 2026
        horizon_years: 3
        simulation:
          replications: 50
          generator: nosuch
        quota:
          per_year: 2
        """

    @Test("A generator name is checked once into a kind; an unknown one lists GSL's names")
    func generatorKind() throws {
        #expect(try RandomGeneratorKind(named: "taus2").name == "taus2")
        #expect(throws: UnknownGeneratorError.self) { try RandomGeneratorKind(named: "nosuch") }
        let kind = try RandomGeneratorKind(named: "mt19937")
        let fromKind = RandomGenerator(kind: kind, seed: 7).withStream { $0.nextRaw() }
        let fromName = try RandomGenerator(generatorName: "mt19937", seed: 7).withStream { $0.nextRaw() }
        #expect(fromKind == fromName)
    }

    @Test("Sensitivity analysis of a scenario with an unknown generator throws instead of trapping")
    func sensitivityWithUnknownGenerator() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("bad-generator.yaml").path
        try Data(Self.yaml.utf8).write(to: URL(fileURLWithPath: path))
        let analysis = try SensitivityAnalysis(path: path, step: 0.1, loader: ScenarioLoader(), prepare: { $0 })
        #expect(throws: UnknownGeneratorError.self) { try analysis.run(threads: 1) }
    }

    @Test("Every engine refuses an unknown generator with a typed error")
    func enginesWithUnknownGenerator() throws {
        let scenario = try Fixtures.scenario(Self.yaml)
        #expect(throws: UnknownGeneratorError.self) { try MonteCarloEngine(scenario: scenario).run(threads: 1) }
        #expect(throws: UnknownGeneratorError.self) { try MonteCarloEngine(scenario: scenario).replay(replication: 0) }
        #expect(throws: UnknownGeneratorError.self) {
            try ComparisonEngine(scenarios: [scenario, scenario]).run(threads: 1)
        }
    }

    @Test("A value far beyond the others after binning has begun is counted, not trapped on")
    func valueFarInTheTail() {
        var statistics = MetricStatistics()
        for value in 0..<9_000 { statistics.add(Double(value)) }
        statistics.add(1e300)
        let summary = statistics.summary()
        #expect(summary.count == 9_001)
        #expect(summary[.max] == 1e300)
        #expect(summary[.p50].map { (4_000...5_000).contains($0) } == true)
    }

    @Test("Trace amounts beyond any integer are written, not trapped on", arguments: [(1e20, "1e+20"), (1234.4, "1234")])
    func traceAmount(_ value: Double, _ text: String) {
        #expect(TraceEvent.format(value, digits: 0) == text)
    }
}
