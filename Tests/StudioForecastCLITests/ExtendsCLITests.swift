import Foundation
import Testing
import _TestSupport

@Suite("Scenarios that extend scenarios, on the command line")
struct ExtendsCLITests {
    /// A folder holding a copy of the baseline.
    private func baselineFolder() throws -> URL {
        let folder = try Fixtures.temporaryDirectory()
        try Data(contentsOf: URL(fileURLWithPath: Fixtures.scenarioPath("nanchang-baseline")))
            .write(to: folder.appendingPathComponent("nanchang-baseline.yaml"))
        return folder
    }

    @Test("A file that extends the baseline with only its name writes the baseline's forecast, byte for byte")
    func onlyNameSameOutput() throws {
        let folder = try baselineFolder()
        let same = folder.appendingPathComponent("same.yaml")
        try Data("extends: nanchang-baseline.yaml\nname: nanchang-baseline\n".utf8).write(to: same)
        var outputs: [[String: Data]] = []
        for scenario in [folder.appendingPathComponent("nanchang-baseline.yaml"), same] {
            let out = folder.appendingPathComponent("out-" + scenario.lastPathComponent)
            let result = try CommandLine.run([
                "run", scenario.path, "--replications", "60", "--threads", "2", "--quiet", "--out", out.path,
            ])
            #expect(result.status == 0, "\(result.errors)")
            var files: [String: Data] = [:]
            // run.json records the file and chain hashed; forecast.xlsx carries that record on its
            // last sheet, and its creation time (the golden tests read workbooks back instead).
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path)
            where name != "run.json" && name != "forecast.xlsx" {
                files[name] = try Data(contentsOf: out.appendingPathComponent(name))
            }
            outputs.append(files)
        }
        #expect(outputs.count == 2)
        #expect(outputs.first?.keys.contains("forecast.csv") == true)
        #expect(outputs.first == outputs.last)
    }

    @Test("validate --print writes the effective scenario with each value's file:line")
    func printEffective() throws {
        let result = try CommandLine.run(["validate", "--print", "scenarios/tight-budget.yaml"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("  annual_yuan: 7200000  # scenarios/tight-budget.yaml:10"))
        #expect(lines.contains("  period_years: 5  # scenarios/nanchang-baseline.yaml:110"))
        #expect(lines.contains("name: tight-budget  # scenarios/tight-budget.yaml:4"))
    }

    @Test("A cycle of extends is one line naming the file and line, exit 1")
    func cycle() throws {
        let folder = try Fixtures.temporaryDirectory()
        try Data("name: a\nextends: b.yaml\n".utf8).write(to: folder.appendingPathComponent("a.yaml"))
        try Data("name: b\nextends: a.yaml\n".utf8).write(to: folder.appendingPathComponent("b.yaml"))
        let result = try CommandLine.run(["validate", "a.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("studio-forecast: b.yaml:2: extends: the scenarios extend each other in a cycle"))
        #expect(result.errors.split(separator: "\n").count == 1)
    }

    @Test("merge refuses shards whose base scenario changed since, exit 1")
    func changedBase() throws {
        let folder = try baselineFolder()
        let scenario = folder.appendingPathComponent("child.yaml")
        try Data("extends: nanchang-baseline.yaml\nname: child\n".utf8).write(to: scenario)
        let shard = folder.appendingPathComponent("shard")
        let run = try CommandLine.run([
            "run", scenario.path, "--replications", "50", "--shard", "1/1", "--out", shard.path, "--quiet",
        ])
        #expect(run.status == 0, "\(run.errors)")
        let base = folder.appendingPathComponent("nanchang-baseline.yaml")
        try (try Data(contentsOf: base) + Data("# edited\n".utf8)).write(to: base)
        let merged = folder.appendingPathComponent("merged")
        let result = try CommandLine.run(["merge", shard.path, "--out", merged.path])
        #expect(result.status == 1)
        #expect(result.errors.contains("a file it extends is missing or has changed since the shards ran"))
        #expect(!FileManager.default.fileExists(atPath: merged.appendingPathComponent("forecast.csv").path))
    }
}
