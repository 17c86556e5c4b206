import Foundation
import Testing
import _TestSupport

/// The baseline's text with `from` replaced by `to`, written to a new temporary file.
private func baselineFile(replacing from: String, with to: String, named name: String = "scenario.yaml") throws -> String {
    let text = try String(contentsOfFile: Fixtures.scenarioPath("nanchang-baseline"), encoding: .utf8)
    #expect(text.contains(from))
    return try CommandLine.scenarioFile(text.replacingOccurrences(of: from, with: to), named: name)
}

@Suite("Uncertain inputs on the command line")
struct UncertainCLITests {
    @Test("A degenerate distribution's run writes the plain number's files byte for byte, and inputs.csv beside them")
    func degenerateRun() throws {
        let folder = try Fixtures.temporaryDirectory()
        let degenerate = try baselineFile(
            replacing: "in_cycle: 0.93", with: "in_cycle: {distribution: uniform, min: 0.93, max: 0.93}")
        for (path, out) in [(Fixtures.scenarioPath("nanchang-baseline"), "plain"), (degenerate, "degenerate")] {
            let result = try CommandLine.run([
                "run", path, "--replications", "200", "--quiet", "--out", folder.appendingPathComponent(out).path,
            ])
            #expect(result.status == 0, "\(result.errors)")
        }
        for file in ["forecast.csv", "summary.csv", "cohorts.csv", "report.html"] {
            let plain = try Data(contentsOf: folder.appendingPathComponent("plain/\(file)"))
            let drawn = try Data(contentsOf: folder.appendingPathComponent("degenerate/\(file)"))
            #expect(plain == drawn, "\(file)")
        }
        let inputs = try String(contentsOf: folder.appendingPathComponent("degenerate/inputs.csv"), encoding: .utf8)
        #expect(inputs.contains("nanchang-baseline,assessment.pass_probability.in_cycle,mean,0.93\n"))
        #expect(inputs.contains("nanchang-baseline,assessment.pass_probability.in_cycle,sd,0\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plain/inputs.csv").path))
    }

    @Test("--keep-replications writes each replication's drawn values in inputs-replications.csv")
    func keepReplications() throws {
        let path = try baselineFile(replacing: "in_cycle: 0.93", with: "in_cycle: {distribution: beta, mean: 0.93, sd: 0.02}")
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("run")
        let result = try CommandLine.run(["run", path, "--replications", "100", "--quiet", "--keep-replications", "--out", out.path])
        #expect(result.status == 0, "\(result.errors)")
        let text = try String(contentsOf: out.appendingPathComponent("inputs-replications.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "replication,assessment.pass_probability.in_cycle")
        #expect(lines.count == 101)
        #expect(Set(lines.dropFirst().map { $0.split(separator: ",")[1] }).count == 100)
    }

    @Test("The exact method refuses a scenario with uncertain inputs in one line, exit 1")
    func exactRefuses() throws {
        let path = try baselineFile(replacing: "in_cycle: 0.93", with: "in_cycle: {distribution: beta, mean: 0.93, sd: 0.02}")
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("exact")
        let result = try CommandLine.run(["run", path, "--method", "exact", "--out", out.path])
        #expect(result.status == 1)
        #expect(
            result.errors
                == "studio-forecast: \(path): the exact method needs a number for every assumption, but assessment.pass_probability.in_cycle is given as a distribution; use --method montecarlo\n")
    }

    @Test("A distribution for one of the measures' rules is one line with file, line and key path, exit 1")
    func ruleRefused() throws {
        let path = try baselineFile(
            replacing: "grant_yuan: 1000000", with: "grant_yuan: {distribution: uniform, min: 900000, max: 1100000}")
        let result = try CommandLine.run(["validate", path])
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("studio-forecast: \(path):16: programme.grant_yuan: is one of the measures' own rules"))
        #expect(result.errors.filter { $0 == "\n" }.count == 1)
    }
}
