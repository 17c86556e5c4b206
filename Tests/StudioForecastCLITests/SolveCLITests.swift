import Foundation
import Testing
import _TestSupport

@Suite("solve on the command line")
struct SolveCLITests {
    @Test("solve prints the answer with each constraint at it and one step beyond, and writes solve.csv")
    func answerAndFile() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("solve")
        let result = try CommandLine.run([
            "solve", Fixtures.scenarioPath("tight-budget"), "--lever", "quota.per_year", "--maximize", "--constraint",
            "any_budget_breach mean 2030 <= 0.05", "--replications", "300", "--threads", "2", "--quiet", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Answer: quota.per_year = 3\n"))
        #expect(result.output.contains("any_budget_breach mean 2030 <= 0.05  0.0000 ± 0.0000  0.0567 ± 0.0134 (fails)"))
        let csv = try String(contentsOf: out.appendingPathComponent("solve.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "lever,lever_value,replications,role,constraint,measure,mcse,holds")
        #expect(lines.contains("quota.per_year,3,300,answer,any_budget_breach mean 2030 <= 0.05,0,0,true"))
        #expect(lines.contains { $0.hasPrefix("quota.per_year,4,300,beyond,any_budget_breach mean 2030 <= 0.05,0.05666") })
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("run.json").path))
    }

    @Test("solve warns when a constraint turns along the search")
    func warnsNonMonotone() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("solve")
        let result = try CommandLine.run([
            "solve", Fixtures.scenarioPath("tight-budget"), "--lever", "programme.grant_yuan", "--maximize",
            "--constraint", "first_breach_year mean 2027 <= 0.9", "--range", "0:10000000", "--step", "100000",
            "--replications", "200", "--threads", "2", "--quiet", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Warning: first_breach_year mean 2027 is not monotone along the search path"))
    }

    @Test(
        "A bad constraint, lever or range is one line on standard error and exit 64, before any run",
        arguments: [
            (["--lever", "quota.per_year", "--maximize", "--constraint", "any_budget_breach mean 2035 =< 0.05"],
             "--constraint 'any_budget_breach mean 2035 =< 0.05': "),
            (["--lever", "quota.per_year", "--maximize", "--constraint", "spending <= 5"],
             "--constraint 'spending <= 5': no metric is called spending"),
            (["--lever", "quota.per_year", "--maximize", "--constraint", "net_outflow mean 2029-2033 <= 5"],
             "the forecast holds no per-replication value of net_outflow over that period"),
            (["--lever", "quota.per_year", "--maximize", "--constraint", "named mean 2050 <= 5"],
             "2050 is outside the forecast's years 2026–2035"),
            (["--lever", "applicants.pool", "--maximize", "--constraint", "named <= 5"], "--lever applicants.pool is not a lever"),
            (["--lever", "quota.per_year", "--constraint", "named <= 5"], "give exactly one of --maximize and --minimize"),
            (["--lever", "quota.per_year", "--maximize", "--constraint", "named <= 5", "--range", "5:1"], "--range 5:1 must be LOW:HIGH"),
            (["--lever", "quota.per_year", "--maximize", "--constraint", "named <= 5", "--range", "0.5:10"],
             "--range 0.5:10 must have whole ends for quota.per_year"),
            (["--lever", "programme.grant_yuan", "--maximize", "--constraint", "named <= 5", "--from", "2028"],
             "--from: programme.grant_yuan holds one value for every year"),
        ])
    func refusesBadArguments(arguments: [String], message: String) throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("solve")
        let result = try CommandLine.run(
            ["solve", Fixtures.scenarioPath("nanchang-baseline"), "--replications", "10", "--out", out.path] + arguments)
        #expect(result.status == 64)
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("solve.csv").path))
    }
}
