import Foundation
import StudioReports
import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

@Suite("One family of errors, each with its location and exit status")
struct ErrorFamilyTests {
    @Test("Scenario problems carry file, line and key path, one line each, exit 1")
    func scenarioProblems() throws {
        let problems = Fixtures.problems(
            "name: x\nstart_year: 2026\nsimulation:\n  sead: 1\n", file: "bad.yaml")
        let errors = ScenarioErrors(problems)
        let family: any StudioForecastError = errors
        #expect(family.category.exitStatus == 1)
        #expect(family.messages == problems.map(\.description))
        let first = try #require(problems.first)
        #expect(family.location == ProblemLocation(file: "bad.yaml", line: first.line, keyPath: first.keyPath))
        #expect(family.location.keyPath == "simulation.sead")
    }

    @Test("Shard files name the key path or the line of the file")
    func shardProblems() {
        let manifest = ShardError.manifest(file: "a/shard.json", keyPath: "blocks[1].end", message: "x")
        #expect(manifest.location == ProblemLocation(file: "a/shard.json", keyPath: "blocks[1].end"))
        let row = ShardError.replications(file: "a/replications.csv", line: 7, message: "x")
        #expect(row.location == ProblemLocation(file: "a/replications.csv", line: 7))
        #expect(row.category == .badInput)
    }

    @Test("Output folders are bad input, an empty folder name a bad argument")
    func outputProblems() {
        #expect(OutputError.notEmpty("out/x").location.file == "out/x")
        #expect(OutputError.notEmpty("out/x").category.exitStatus == 1)
        #expect(OutputError.emptyPath.category.exitStatus == 64)
    }

    static let familyMembers: [(error: any StudioForecastError, status: Int32)] = [
        (QuotaSolverError.maxQuotaOutOfRange(0), 64),
        (QuotaSolverError.noBudget, 1),
        (QuotaSolverError.metric(.metricMissing(.pool, scenario: "s")), 1),
        (ComparisonError.noScenarios, 1),
        (ExactEvaluatorError.notHomogeneous, 1),
        (MetricLookupError.metricMissing(.budgetBreach, scenario: "s"), 1),
    ]

    @Test("Simulation errors belong to the family, with their exit status", arguments: familyMembers.indices)
    func simulationErrors(_ index: Int) {
        let (error, status) = Self.familyMembers[index]
        #expect(error.category.exitStatus == status, "\(error)")
        #expect(error.messages == [error.description])
        #expect(!error.description.contains("\n"))
    }
}
