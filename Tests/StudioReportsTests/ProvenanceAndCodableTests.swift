import Foundation
import StudioReports
import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

@Suite("run.json, forecasts and scenario sources as values")
struct ProvenanceAndCodableTests {
    static let record = RunProvenance(
        toolVersion: "0.1.0", scenarioName: "a \"quoted\" name/with slash", scenarioPath: "scenarios/x.yaml",
        scenarioSHA256: String(repeating: "ab", count: 32), method: .montecarlo, seed: 20_260_101,
        generator: "taus2", gslVersion: "2.7.1", replications: 300, threads: 2,
        startedAt: Date(timeIntervalSince1970: 1_796_000_000), finishedAt: Date(timeIntervalSince1970: 1_796_000_012.3456))

    @Test("run.json keeps its layout: sorted keys, two spaces, \"key\": value, a final line break")
    func runJSONLayout() throws {
        let text = try Self.record.json()
        let expected = """
            {
              "finished_at": "2026-11-30T00:53:32Z",
              "generator": "taus2",
              "gsl_version": "2.7.1",
              "method": "montecarlo",
              "replications": 300,
              "scenario": "a \\"quoted\\" name/with slash",
              "scenario_path": "scenarios/x.yaml",
              "scenario_sha256": "\(String(repeating: "ab", count: 32))",
              "seed": 20260101,
              "started_at": "2026-11-30T00:53:20Z",
              "threads": 2,
              "tool": "studio-forecast",
              "tool_version": "0.1.0",
              "wall_seconds": 12.346
            }

            """
        #expect(text == expected)
    }

    @Test("run.json reads back as the record it was written from")
    func runJSONRoundTrip() throws {
        let read = try RunProvenance.decoded(from: try Self.record.encoded())
        var expected = Self.record
        expected.finishedAt = Date(timeIntervalSince1970: 1_796_000_012)  // run.json keeps whole seconds
        #expect(read == expected)
        let other = Data(try Self.record.json().replacingOccurrences(of: "\"studio-forecast\"", with: "\"else\"").utf8)
        #expect(throws: DecodingError.self) { _ = try RunProvenance.decoded(from: other) }
    }

    @Test("A forecast is Equatable and survives a JSON round trip", arguments: ["nanchang-baseline", "tight-budget"])
    func forecastRoundTrip(_ name: String) throws {
        let scenario = try Fixtures.shippedScenario(name).with { $0.simulation.replications = 200 }
        let forecast = try MonteCarloEngine(scenario: scenario).run(threads: 2)
        let data = try JSONEncoder().encode(forecast)
        let read = try JSONDecoder().decode(Forecast.self, from: data)
        #expect(read == forecast)
        #expect(read.catalog.yearMetrics == forecast.catalog.yearMetrics)
        #expect(read[.cumulativeNetOutflow, 2030] == forecast[.cumulativeNetOutflow, 2030])
        let other = try MonteCarloEngine(scenario: scenario.with { $0.simulation.seed += 1 }).run(threads: 2)
        #expect(other != forecast)
    }

    @Test("The scenario keeps the bytes it was parsed from; a later change of the file is not read")
    func scenarioReadOnce() throws {
        let folder = try Fixtures.temporaryDirectory()
        let path = folder.appendingPathComponent("once.yaml").path
        let original = try Data(contentsOf: URL(fileURLWithPath: Fixtures.scenarioPath("nanchang-baseline")))
        try original.write(to: URL(fileURLWithPath: path))
        let loader = ScenarioLoader(knownGenerators: GSLLibrary.generatorNames)
        let scenario = try loader.load(path: path)
        try Data("name: changed\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(scenario.source == ScenarioSource(path: path, bytes: original))
        let variant = try loader.load(
            source: try #require(scenario.source), overrides: [ScenarioOverride(keyPath: "quota.per_year", value: "7")])
        #expect(variant.source?.bytes == original)
        #expect(variant.quotaPerYear.allSatisfy { $0 == 7 })
        #expect(variant.name == scenario.name)
        #expect(try loader.load(yaml: String(decoding: original, as: UTF8.self), file: "x.yaml").source == nil)
    }
}
