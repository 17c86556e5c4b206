import Foundation
import StudioForecast
import Testing
import _TestSupport

/// The library's own errors belong to the one family the command line reports: each with its
/// location and category, and the very line the command line has always printed.
@Suite("The library's errors in the one family")
struct LibraryErrorFamilyTests {
    @Test("A shard asked for that the run cannot have is a bad argument, named as --shard I/N")
    func shardArgument() throws {
        let scenario = try Scenario(
            contentsOf: URL(fileURLWithPath: Fixtures.scenarioPath("nanchang-baseline"))
        ).with { $0.simulation.replications = 100 }
        let error = try #require(
            #expect(throws: ShardRunError.self) {
                try ShardRun(scenario: scenario, path: "x.yaml", shard: 1, of: 2)
            })
        let member: any StudioForecastError = error
        #expect(member.category == .badArgument)
        #expect(member.category.exitStatus == 64)
        #expect(member.location == .none)
        #expect(member.messages == ["--shard 1/2: \(error.description)"])
        #expect(error.description.hasPrefix("100 replications make 1 blocks"))
    }

    @Test("A shard's generator problem is the scenario's, at simulation.generator")
    func shardGenerator() throws {
        let scenario = try Scenario(
            contentsOf: URL(fileURLWithPath: Fixtures.scenarioPath("nanchang-baseline"))
        ).with {
            $0.simulation.replications = 100
            $0.simulation.generator = "no-such-generator"
        }
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = OutputDirectory(path: root.path)
        let error = try #require(
            #expect(throws: ShardRunError.self) {
                try ShardRun(scenario: scenario, path: "x.yaml", shard: 1, of: 1).run(
                    threads: 1, keepingReplications: true, in: folder)
            })
        let member: any StudioForecastError = error
        #expect(member.category.exitStatus == 1)
        #expect(member.location.keyPath == "simulation.generator")
        #expect(member.messages == [error.description])
        // The kept replications' temporary file went with the run.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    @Test("Replications out of range are a bad argument; scenarios over different years bad input")
    func simulation() throws {
        let baseline = try Scenario(
            contentsOf: URL(fileURLWithPath: Fixtures.scenarioPath("nanchang-baseline")))
        let range = try #require(
            #expect(throws: SimulationError.self) { try Simulation(baseline).run(replications: 0) })
        #expect((range as any StudioForecastError).category == .badArgument)
        let shorter = baseline.with { $0.horizonYears -= 1 }
        let pair = try #require(
            #expect(throws: SimulationError.self) {
                try Simulation(baseline).compare(with: shorter, replications: 10)
            })
        #expect((pair as any StudioForecastError).category == .badInput)
        #expect((pair as any StudioForecastError).messages == [pair.description])
    }

    @Test("A problem met when a valid scenario runs is located in its file")
    func scenarioRun() throws {
        let error = ScenarioRunError(file: "scenarios/x.yaml", problem: QuotaSolverError.noBudget)
        #expect(error.location == ProblemLocation(file: "scenarios/x.yaml", keyPath: "budget"))
        #expect(error.category == .badInput)
        #expect(error.messages == ["scenarios/x.yaml: \(QuotaSolverError.noBudget)"])
    }

    @Test("Exporting the notebook into a folder with no run names the folder, exit 1")
    func notebookExport() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let error = try #require(
            #expect(throws: NotebookExportError.self) { try ForecastNotebook.export(into: root.path) })
        #expect(error.location.file == root.path)
        #expect(error.category.exitStatus == 1)
        #expect(error.description == "\(root.path): no forecast.csv; give the output folder of a run")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }
}
