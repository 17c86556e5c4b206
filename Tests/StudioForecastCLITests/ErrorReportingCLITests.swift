import Foundation
import Testing
import _TestSupport

/// Problems found while a command runs are thrown as the one error family and reported by the
/// entry point: one line on standard error naming the place, exit 1 or 64, nothing written.
@Suite("Errors thrown by the commands are reported in one place")
struct ErrorReportingCLITests {
    @Test("More shards than blocks is a bad argument: one line, exit 64, no folder")
    func tooManyShards() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("shard")
        let result = try CommandLine.run([
            "run", Fixtures.scenarioPath("nanchang-baseline"), "--replications", "100", "--shard", "2/2",
            "--out", out.path, "--quiet",
        ])
        #expect(result.status == 64)
        #expect(result.errors.split(separator: "\n") == [
            "studio-forecast: --shard 2/2: 100 replications make 1 blocks of 1024, so at most 1 shards; give fewer shards or more replications"
        ])
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).isEmpty)
    }

    @Test("A scenario with problems prints each on its own line with file and line, exit 1")
    func scenarioProblems() throws {
        let path = try CommandLine.scenarioFile("name: x\nstart_year: 2026\nsimulation:\n  sead: 1\nquota:\n  per_yaer: 3\n")
        let result = try CommandLine.run(["validate", path])
        #expect(result.status == 1)
        let lines = result.errors.split(separator: "\n")
        #expect(lines.count == 3, "\(lines)")  // two unknown keys, and per_year missing
        #expect(lines.allSatisfy { $0.hasPrefix("studio-forecast: \(path):") })
    }

    @Test("merge refuses shards whose scenario file changed since, naming the file, exit 1")
    func changedScenario() throws {
        let folder = try Fixtures.temporaryDirectory()
        let scenario = folder.appendingPathComponent("s.yaml")
        try Data(contentsOf: URL(fileURLWithPath: Fixtures.scenarioPath("tight-budget"))).write(to: scenario)
        // The variant extends the baseline, which it names relative to itself.
        try Data(contentsOf: URL(fileURLWithPath: Fixtures.scenarioPath("nanchang-baseline")))
            .write(to: folder.appendingPathComponent("nanchang-baseline.yaml"))
        let shard = folder.appendingPathComponent("shard")
        let run = try CommandLine.run([
            "run", scenario.path, "--replications", "50", "--shard", "1/1", "--out", shard.path, "--quiet",
        ])
        #expect(run.status == 0, "\(run.errors)")
        try Data("# edited\n".utf8).write(to: scenario)
        let merged = folder.appendingPathComponent("merged")
        let result = try CommandLine.run(["merge", shard.path, "--out", merged.path])
        #expect(result.status == 1)
        #expect(result.errors == "studio-forecast: \(scenario.path): the scenario file is missing or has changed since the shards ran\n")
        #expect(!FileManager.default.fileExists(atPath: merged.appendingPathComponent("forecast.csv").path))
    }
}
