import Foundation
import Testing
import _TestSupport

/// Runs the tool and returns its status and standard error's lines.
private func refusal(_ arguments: [String]) throws -> (status: Int32, lines: [Substring]) {
    let result = try CommandLine.run(arguments)
    return (result.status, result.errors.split(separator: "\n"))
}

@Suite("Hostile arguments and scenarios: one line on standard error, never a trap")
struct HostileInputCLITests {
    static let baseline = Fixtures.scenarioPath("nanchang-baseline")
    static let variant = Fixtures.scenarioPath("larger-quota")

    @Test(
        "Every command refuses an unknown --generator in one line with exit 64",
        arguments: [
            ["run", baseline], ["trace", baseline, "--replication", "1"], ["compare", baseline, variant],
            ["sweep", baseline, "--set", "quota.per_year=4,5"], ["solve-quota", baseline, "--budget-breach-max", "0.05"],
            ["sensitivity", baseline],
        ])
    func unknownGenerator(_ arguments: [String]) throws {
        let (status, lines) = try refusal(arguments + ["--generator", "nosuch"])
        #expect(status == 64)
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.hasPrefix("studio-forecast: --generator: unknown GSL generator 'nosuch'; valid names:") == true)
    }

    @Test(
        "A bad argument, caught by the parser or a command's checks, is one line and exit 64",
        arguments: [
            (["run", "--replications", "abc"], "'abc' is invalid for '--replications"),
            (["run", "--threads", "0"], "--threads 0 must be at least 1"),
            (["run", "--shard", "4/3"], "--shard 4/3"),
            (["run", "--bogus"], "Unknown option '--bogus'"),
            (["nosuch"], "Unexpected argument 'nosuch'"),
        ])
    func badArgument(_ arguments: [String], _ message: String) throws {
        let (status, lines) = try refusal(arguments)
        #expect(status == 64)
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.hasPrefix("studio-forecast: ") == true, "\(lines)")
        #expect(lines.first?.contains(message) == true, "\(lines)")
    }

    @Test(
        "sweep refuses a key given twice or a malformed key path in one line with exit 64",
        arguments: [
            (["--set", "quota.per_year=4,5", "--set", "quota.per_year=6"], "quota.per_year is given twice"),
            (["--set", "quota..per_year=4,5"], "names joined by single dots"),
            (["--set", ".quota=4,5"], "names joined by single dots"),
            (["--set", "quota.per year=4,5"], "'per year' is not a key name"),
        ])
    func badSweepKeys(_ arguments: [String], _ message: String) throws {
        let (status, lines) = try refusal(["sweep", Self.baseline] + arguments)
        #expect(status == 64)
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains(message) == true, "\(lines)")
    }

    @Test(
        "solve-quota refuses a cap or budget beyond the scenario's bounds in one line with exit 64",
        arguments: [
            (["--max-quota", "10001"], "--max-quota 10001 is out of range 1...10000"),
            (["--annual-budget", "1e14"], "--annual-budget 100000000000000 must be above 0 and at most 10000000000000"),
            (["--annual-budget", "nan"], "must be above 0"),
        ])
    func badSolveQuotaBounds(_ arguments: [String], _ message: String) throws {
        let (status, lines) = try refusal(["solve-quota", Self.baseline, "--budget-breach-max", "0.05"] + arguments)
        #expect(status == 64)
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains(message) == true, "\(lines)")
    }

    @Test("solve-quota says so when its search stops at the cap, instead of calling the cap the answer")
    func solveQuotaCap() throws {
        let scenario = try CommandLine.scenarioFile(
            "start_year: 2026\nhorizon_years: 5\nquota:\n  per_year: 1\nbudget:\n  annual_yuan: 1e12\n")
        let result = try CommandLine.run(
            ["solve-quota", scenario, "--budget-breach-max", "0.05", "--max-quota", "3", "--replications", "40"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Every quota up to --max-quota 3 keeps the chance within 0.05"), "\(result.output)")
        #expect(!result.output.contains("Largest quota within"))
    }

    static let hostileScenarios: [(yaml: String, location: String)] = [
        ("start_year: 2026\nquota:\n  per_year: 5\nsimulation:\n  seed: 1\n  seed: 2\n", ":6: simulation.seed: duplicate key"),
        ("start_year: 2026\nprogramme:\n  grant_yuan: 1e12\nhorizon_years: 50\nquota:\n  per_year: 10000\n", ":3: programme.grant_yuan:"),
        (
            "start_year: 2026\nquota:\n  per_year: 5\nsubsidies:\n  equipment:\n    median_yuan: 1e10\n    sigma: 5\n",
            ":6: subsidies.equipment.median_yuan:"
        ),
        ("start_year: 2026\n\u{0}quota:\n  per_year: 5\n", ":2: the file holds a NUL byte"),
    ]

    @Test("A hostile scenario gives exactly one line naming file:line: key path, exit 1", arguments: hostileScenarios)
    func hostileScenario(_ yaml: String, _ location: String) throws {
        let path = try CommandLine.scenarioFile(yaml, named: "hostile.yaml")
        for command in [["validate", path], ["run", path, "--method", "exact", "--out", path + "-out"]] {
            let (status, lines) = try refusal(command)
            #expect(status == 1)
            #expect(lines.count == 1, "\(lines)")
            #expect(lines.first?.contains("hostile.yaml" + location) == true, "\(lines)")
            #expect(!FileManager.default.fileExists(atPath: path + "-out"))
        }
    }

    @Test("The largest amounts a scenario may give run to the end, with plain numbers in the files")
    func largestAmounts() throws {
        let yaml = """
            name: largest
            start_year: 2026
            horizon_years: 50
            programme:
              grant_yuan: 1e9
            quota:
              per_year: 10000
            subsidies:
              equipment:
                purchase_probability: 1
                rate: 1
                median_yuan: 1e9
                sigma: 5
            """
        let path = try CommandLine.scenarioFile(yaml)
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("out")
        let result = try CommandLine.run(["run", path, "--method", "exact", "--out", out.path])
        #expect(result.status == 0, "\(result.errors)")
        let forecast = try String(contentsOf: out.appendingPathComponent("forecast.csv"), encoding: .utf8)
        #expect(!forecast.contains("e+") && !forecast.contains(".0,") && !forecast.hasSuffix(".0\n"))
        #expect(forecast.contains("cumulative_grant_outflow"))
    }
}
