import Foundation
import StudioReports
import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

/// The baseline with each `(from, to)` replaced once, at 300 replications.
private func baseline(_ replacements: [(String, String)]) throws -> Scenario {
    var text = try String(contentsOfFile: Fixtures.scenarioPath("nanchang-baseline"), encoding: .utf8)
    for (from, to) in replacements {
        let range = try #require(text.range(of: from))
        text.replaceSubrange(range, with: to)
    }
    return try Fixtures.scenario(text).with { $0.simulation.replications = 300 }
}

/// The three CSV files of a scenario's Monte Carlo forecast.
private func files(_ scenario: Scenario) throws -> [String] {
    let files = ForecastFiles(forecast: try MonteCarloEngine(scenario: scenario).run(threads: 2))
    return [files.forecastCSV(), files.summaryCSV(), files.cohortsCSV()]
}

@Suite("Output of uncertain inputs")
struct UncertainOutputTests {
    @Test(
        "A degenerate distribution gives output byte-identical to the plain number",
        arguments: [
            ("in_cycle: 0.93", "in_cycle: {distribution: beta, mean: 0.93, sd: 0}"),
            ("in_cycle: 0.93", "in_cycle: {distribution: uniform, min: 0.93, max: 0.93}"),
            ("in_cycle: 0.93", "in_cycle: {distribution: triangular, min: 0.93, mode: 0.93, max: 0.93}"),
            ("post_cycle: 0.95", "post_cycle: {distribution: normal, mean: 0.95, sd: 0}"),
            ("new_per_year: 5", "new_per_year: {distribution: lognormal, median: 5, sigma: 0}"),
            ("in_cycle: 0.93", "in_cycle: {2026: {distribution: beta, mean: 0.93, sd: 0}, 2030: 0.93}"),
        ])
    func degenerate(original: String, replacement: String) throws {
        let plain = try baseline([])
        let degenerate = try baseline([(original, replacement)])
        #expect(degenerate.hasUncertainInputs)
        #expect(try files(degenerate) == files(plain))
    }

    @Test("A distribution that is not degenerate changes the output, so the comparison above can fail")
    func spreadChangesOutput() throws {
        let plain = try baseline([])
        let uncertain = try baseline([("in_cycle: 0.93", "in_cycle: {distribution: beta, mean: 0.93, sd: 0.03}")])
        #expect(try files(uncertain) != files(plain))
    }

    @Test("inputs.csv gives each input's mean, sd, p05, p50 and p95, and the per-replication file each draw")
    func inputsFiles() throws {
        let scenario = try baseline([("in_cycle: 0.93", "in_cycle: {distribution: uniform, min: 0.9, max: 0.95}")])
        let draws = try InputDraws(scenario: scenario)
        let values = draws.values(replications: 0..<1000)
        let summary = InputsFile.summaryCSV(scenario: scenario.name, inputs: draws.inputs, values: values)
        let lines = summary.split(separator: "\n")
        #expect(lines.first == "scenario,key,statistic,value")
        #expect(lines.dropFirst().map { $0.split(separator: ",")[2] } == ["mean", "sd", "p05", "p50", "p95"])
        let column = values.map { $0[0] }.sorted()
        #expect(lines[3] == "nanchang-baseline,assessment.pass_probability.in_cycle,p05,\(PlainNumber.format(column[49]))")
        let perReplication = InputsFile.replicationsCSV(inputs: draws.inputs, replications: 0..<1000, values: values)
        #expect(perReplication.hasPrefix("replication,assessment.pass_probability.in_cycle\n0,\(PlainNumber.format(values[0][0]))\n"))
        #expect(perReplication.split(separator: "\n").count == 1001)
    }

    @Test("explain states each distribution in words")
    func explanation() throws {
        let scenario = try baseline([("in_cycle: 0.93", "in_cycle: {distribution: beta, mean: 0.93, sd: 0.02}")])
        let en = ScenarioExplanation(scenario: scenario, language: .en).lines()
        #expect(en.contains("  assessment.pass_probability.in_cycle: Beta with mean 0.93 and sd 0.02"))
        let zh = ScenarioExplanation(scenario: scenario, language: .zh).lines()
        #expect(zh.contains("  assessment.pass_probability.in_cycle: Beta 分布，均值 0.93，标准差 0.02"))
        #expect(ScenarioExplanation(scenario: try baseline([]), language: .en).lines() == Array(en.dropLast(2)))
    }
}
