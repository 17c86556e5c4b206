import Foundation
import StudioForecast
import Testing
import _TestSupport

/// What the command line asks of the library beyond a run: a replication's trace, loading by
/// path, the effective text, sensitivity and solve set-up from plain values, and the tables the
/// commands print. Each is what the command did before it moved here.
@Suite("The commands' needs through the library")
struct CommandFacadeTests {
    static let baselinePath = Fixtures.scenarioPath("nanchang-baseline")

    /// The baseline with the seed, generator and replications given.
    static func baseline(replications: Int = 200) throws -> Scenario {
        try Scenario(contentsOfFile: baselinePath).with { $0.simulation.replications = replications }
    }

    /// The baseline decoded from its text, not read from a file.
    static func baselineFromText() throws -> Scenario {
        try Fixtures.scenario(try String(contentsOfFile: baselinePath, encoding: .utf8))
    }

    @Test("A trace is the engine's replay of the same replication, numbered from 1", arguments: [1, 7])
    func trace(replication: Int) throws {
        let scenario = try Self.baseline()
        let trace = try Simulation(scenario).trace(replication: replication)
        let replay = try MonteCarloEngine(scenario: scenario).replay(replication: replication - 1)
        #expect(trace.replication == replication)
        #expect(trace.years.map(\.year) == Array(scenario.years))
        for (index, year) in trace.years.enumerated() {
            #expect(year.grantOutflow == replay.ledger[year: index, metric: replay.ledger.catalog.grantOutflow])
            #expect(year.events == replay.trace.events.filter { $0.year == year.year }.map(\.description))
        }
        let lines = trace.lines()
        #expect(lines.first == "nanchang-baseline: replication \(replication), seed \(scenario.simulation.seed), \(scenario.simulation.generator)")
        #expect(lines.filter { $0.hasPrefix("== ") }.count == scenario.horizonYears)
        #expect(trace.years.contains { !$0.events.isEmpty })
    }

    @Test("Replication 0 is refused as a bad argument, not replayed")
    func traceFromOne() throws {
        let error = try #require(
            #expect(throws: SimulationError.self) { try Simulation(try Self.baseline()).trace(replication: 0) })
        #expect((error as any StudioForecastError).category == .badArgument)
        #expect(error.description == "replication 0 must be at least 1; replications are numbered from 1")
    }

    @Test("A scenario read by path keeps the path as given in its problems and its effective text")
    func loadingByPath() throws {
        let scenario = try Scenario(contentsOfFile: Self.baselinePath)
        let text = try #require(try scenario.effectiveText())
        #expect(text.hasPrefix("# The effective scenario of \(Self.baselinePath)"))
        #expect(text.hasSuffix("\n"))
        let missing = "no-such-folder/missing.yaml"
        let error = try #require(#expect(throws: ScenarioErrors.self) { try Scenario(contentsOfFile: missing) })
        #expect(error.errors.first?.file == missing)
        #expect(try Self.baselineFromText().effectiveText() == nil)
    }

    @Test("The output measure from plain values defaults to the period's net outflow and is checked")
    func outputMeasure() throws {
        let scenario = try Self.baseline()
        #expect(try OutputMeasure(for: scenario) == OutputMeasure.periodNetOutflow(of: scenario))
        let chosen = try OutputMeasure(metric: .anyBudgetBreach, statistic: .mean, window: .year(2030), for: scenario)
        #expect(chosen.metric == .anyBudgetBreach)
        #expect(chosen.window == .year(2030))
        #expect(throws: OutputMeasureError.self) { try OutputMeasure(window: .year(1999), for: scenario) }
        #expect(throws: OutputMeasureError.self) { try OutputMeasure(statistic: .mcse, for: scenario) }
    }

    @Test(
        "Ranges read as KEY=LOW:HIGH and LOW:HIGH, refusing anything else",
        arguments: [
            ("quota.per_year=3:8", "quota.per_year", 3.0...8.0), ("a.b=-1:-1", "a.b", -1.0...(-1.0)),
        ])
    func ranges(text: String, key: String, range: ClosedRange<Double>) throws {
        let parsed = try #require(SensitivityAnalysis.range(parsing: text))
        #expect(parsed.key == key)
        #expect(parsed.range == range)
        #expect(LeverSolver.range(parsing: String(text.split(separator: "=")[1])) == range)
    }

    @Test("Malformed ranges are refused", arguments: ["quota.per_year", "k=8:3", "k=1:inf", "k=1", "=1:2", "k=1:2:3", "k=a:b"])
    func malformedRanges(text: String) {
        #expect(SensitivityAnalysis.range(parsing: text) == nil)
    }

    @Test("A range's key the scenario has no number at is named, and a scenario not read from a file refused")
    func rangeKeys() throws {
        let analysis = try SensitivityAnalysis(
            scenario: try Self.baseline(), step: 0.1, replications: 50,
            ranges: ["quota.per_year": 3...8, "no.such.key": 1...2])
        #expect(analysis.keysWithoutInput(in: ["quota.per_year": 3...8, "no.such.key": 1...2, "a.b": 0...1]) == [
            "a.b", "no.such.key",
        ])
        #expect(analysis.base.simulation.replications == 50)
        #expect(throws: ScenarioErrors.self) {
            let text = try Self.baselineFromText()
            _ = try SensitivityAnalysis(scenario: text, step: 0.1, replications: 50)
        }
    }

    @Test("Replications a run cannot make are refused at simulation.replications, not run", arguments: [0, -3])
    func sensitivityReplicationsOutOfRange(replications: Int) throws {
        let error = #expect(throws: ScenarioErrors.self) {
            try SensitivityAnalysis(scenario: try Self.baseline(), step: 0.1, replications: replications)
        }
        #expect(error?.errors.map(\.keyPath) == ["simulation.replications"])
    }

    @Test("A sweep whose points' replications a run cannot make is refused as a bad argument, not run")
    func sweepReplicationsOutOfRange() throws {
        let grid = try SweepGrid(["quota.per_year=4,6"])
        let scenarios = try grid.scenarios(of: try Self.baseline()) { $0.with { $0.simulation.replications = -1 } }
        let error = #expect(throws: SimulationError.self) { try SweepGrid.run(scenarios, threads: 1) }
        #expect(error?.category == .badArgument)
        #expect(error?.description.hasPrefix("replications -1 is out of range") == true)
    }

    @Test("Variance shares are of the measured cell, or the period's net outflow; none without uncertain inputs")
    func varianceShares() throws {
        let base = try Self.baseline()
        let breach = try OutputMeasure(metric: .anyBudgetBreach, window: .period(first: 2026, last: 2028), for: base)
        let analysis = try SensitivityAnalysis(scenario: base, step: 0.1, replications: 50, measure: breach)
        let periodEnd = base.startYear + min(base.budget.periodYears, base.horizonYears) - 1
        if case .cell = try breach.reading(for: base) {
            #expect(analysis.varianceSharesOutput.metric == .anyBudgetBreach)
        } else {
            #expect(analysis.varianceSharesOutput.metric == .cumulativeNetOutflow)
            #expect(analysis.varianceSharesOutput.year == periodEnd)
        }
        let cell = try SensitivityAnalysis(
            scenario: base, step: 0.1, replications: 50, measure: try OutputMeasure(metric: .grantOutflow, window: .year(2029), for: base))
        #expect(cell.varianceSharesOutput.metric == .grantOutflow)
        #expect(cell.varianceSharesOutput.year == 2029)
        #expect(try analysis.varianceShares(threads: 1) == nil)
    }

    @Test("run.json records a typed method, written as its name, and refuses a name it does not know")
    func typedMethod() throws {
        let scenario = try Self.baseline()
        let record = RunProvenance(
            scenario: scenario, path: Self.baselinePath, method: .sensitivity, replications: 10, threads: 1,
            started: Date(timeIntervalSince1970: 0))
        let json = try record.json()
        #expect(json.contains("\n  \"method\": \"sensitivity\",\n"))
        let read = try JSONDecoder.iso8601.decode(RunProvenance.self, from: Data(json.utf8))
        #expect(read.method == .sensitivity)
        let other = json.replacingOccurrences(of: "\"sensitivity\"", with: "\"guesswork\"")
        #expect(throws: DecodingError.self) { try JSONDecoder.iso8601.decode(RunProvenance.self, from: Data(other.utf8)) }
    }

    @Test("A run's folder whose inputs cannot be drawn again throws the folder's error, with the generator's location")
    func folderError() throws {
        var text = try String(contentsOfFile: Self.baselinePath, encoding: .utf8)
        let range = try #require(text.range(of: "in_cycle: 0.93"))
        text.replaceSubrange(range, with: "in_cycle: {distribution: uniform, min: 0.9, max: 0.95}")
        let scenario = try Fixtures.scenario(text).with { $0.simulation.replications = 50 }
        let forecast = try Simulation(scenario, threads: 1).run()
        let broken = scenario.with { $0.simulation.generator = "no-such-generator" }
        let error = try #require(
            #expect(throws: ForecastFolderError.self) { try ForecastFolder(run: forecast, of: broken) })
        #expect(error.location.keyPath == "simulation.generator")
        #expect(error.category.exitStatus == 1)
        #expect(try ForecastFolder(run: forecast, of: scenario).uncertainInputFileNames == ["inputs.csv"])
    }
}

extension JSONDecoder {
    /// A decoder of `run.json`'s ISO 8601 times.
    fileprivate static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
