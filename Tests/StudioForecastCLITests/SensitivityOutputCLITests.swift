import Foundation
import Testing
import _TestSupport

@Suite("sensitivity for any output, levers apart from assumptions")
struct SensitivityOutputCLITests {
    static func run(_ extra: [String]) throws -> (result: CommandLine.Result, csv: [Substring], html: String) {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("tornado")
        let result = try CommandLine.run(
            ["sensitivity", Fixtures.scenarioPath("tight-budget"), "--replications", "40", "--generator", "taus2", "--threads",
             "2", "--quiet", "--out", out.path] + extra)
        let csv = (try? String(contentsOf: out.appendingPathComponent("sensitivity.csv"), encoding: .utf8)) ?? ""
        let html = (try? String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)) ?? ""
        return (result, csv.split(separator: "\n"), html)
    }

    static func fields(_ line: Substring) -> [Substring] { line.split(separator: ",", omittingEmptySubsequences: false) }

    @Test("The default output is the period's net outflow; levers and assumptions are printed apart; the product is one row")
    func defaultOutput() throws {
        let (result, csv, html) = try Self.run([])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Change in the mean net outflow 2026–2030, largest first:"))
        let levers = try #require(result.output.range(of: "Levers (the measures' rules and the programme's choices):"))
        let assumptions = try #require(result.output.range(of: "Assumptions:"))
        #expect(levers.upperBound < assumptions.lowerBound)
        let leverTable = result.output[levers.upperBound..<assumptions.lowerBound]
        #expect(leverTable.contains("programme.grant_yuan"))
        #expect(leverTable.contains("programme.strikes_in_cycle"))
        #expect(!result.output[assumptions.upperBound...].contains("programme."))
        #expect(csv.filter { $0.hasPrefix("applicants.apply_probability*conditions,") }.count == 1)
        #expect(!csv.contains { $0.hasPrefix("applicants.conditions.") || $0.hasPrefix("applicants.apply_probability,") })
        for line in csv.dropFirst() {
            let row = Self.fields(line)
            #expect(row.count == 15)
            #expect(row[10] == "cumulative_net_outflow 2030" && row[11] == "mean")
            // With the mean as the statistic, its change is the mean's change.
            #expect(row[12] == row[4] && row[13] == row[5] && row[14] == row[6])
        }
        #expect(html.components(separatedBy: "<svg").count == 3, "a tornado for the levers and one for the assumptions")
    }

    @Test("A breach chance over a budget period, and a percentile with no MCSE")
    func otherOutputs() throws {
        let (breach, breachCSV, _) = try Self.run(["--output", "any_budget_breach", "--period", "2031-2035"])
        #expect(breach.status == 0, "\(breach.errors)")
        #expect(breach.output.contains("Change in the mean any_budget_breach 2031–2035, largest first:"))
        let quota = try #require(breachCSV.first { $0.hasPrefix("quota.per_year,") }).split(separator: ",", omittingEmptySubsequences: false)
        #expect(quota[10] == "any_budget_breach 2031-2035")
        #expect((Double(quota[12]) ?? 0) < 0, "a smaller quota breaches the tight budget less often")
        #expect(!quota[14].isEmpty)

        let (p95, p95CSV, _) = try Self.run(["--output", "cumulative_net_outflow", "--year", "2033", "--statistic", "p95"])
        #expect(p95.status == 0, "\(p95.errors)")
        let grant = try #require(p95CSV.first { $0.hasPrefix("programme.grant_yuan,") })
        let row = Self.fields(grant)
        #expect(row[11] == "p95")
        #expect((Double(row[13]) ?? 0) > 0)
        #expect(row[14].isEmpty, "a change of percentiles has no paired MCSE")
    }

    @Test(
        "An output the forecast cannot give exactly, or a bad option, is one line and exit 64",
        arguments: [
            (["--output", "net_outflow", "--period", "2029-2033"], "the forecast holds no per-replication value of net_outflow"),
            (["--output", "spending"], "--output spending: no metric is called spending"),
            (["--statistic", "mcse"], "the statistic mcse describes the spread"),
            (["--year", "2040"], "2040 is outside the forecast's years 2026–2035"),
            (["--range", "quota.per_year=8:3"], "--range quota.per_year=8:3 must be KEY=LOW:HIGH"),
            (["--range", "quota.per_yer=3:8"], "--range quota.per_yer: the scenario has no number to move"),
        ])
    func refuses(arguments: [String], message: String) throws {
        let (result, csv, _) = try Self.run(arguments)
        #expect(result.status == 64)
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)")
        #expect(csv.isEmpty)
    }
}
