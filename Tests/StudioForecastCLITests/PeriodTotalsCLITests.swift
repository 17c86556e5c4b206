import Foundation
import Testing
import _TestSupport

@Suite("Period totals")
struct PeriodTotalsCLITests {
    /// Runs a scenario that extends the baseline with three-year reporting periods and an annual
    /// budget, keeping every replication, and returns `replications.csv` as rows of numbers by column.
    private func replications() throws -> (columns: [String: Int], rows: [[Double]], folder: URL) {
        let folder = try Fixtures.temporaryDirectory()
        try Data(contentsOf: URL(fileURLWithPath: Fixtures.scenarioPath("nanchang-baseline")))
            .write(to: folder.appendingPathComponent("nanchang-baseline.yaml"))
        let scenario = folder.appendingPathComponent("periods.yaml")
        try Data(
            """
            extends: nanchang-baseline.yaml
            name: periods
            budget:
              annual_yuan: 6500000
              period_years: ~
            reporting:
              period_years: 3

            """.utf8
        ).write(to: scenario)
        let out = folder.appendingPathComponent("out")
        let result = try CommandLine.run([
            "run", scenario.path, "--replications", "40", "--threads", "2", "--quiet", "--keep-replications", "--out",
            out.path,
        ])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("2026–2028 Σ"))
        #expect(result.output.contains("2035–2035 Σ"))
        let text = try String(contentsOf: out.appendingPathComponent("replications.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        let columns = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) ?? .nan } }
        return (columns, rows, out)
    }

    @Test("Each replication's period totals are the sums of its yearly values since the period began")
    func periodSums() throws {
        let (columns, rows, out) = try replications()
        #expect(rows.count == 40)
        var checked = 0
        for row in rows {
            var net = 0.0
            var grant = 0.0
            var breach = 0.0
            for year in 2026...2035 {
                if (year - 2026) % 3 == 0 {
                    net = 0
                    grant = 0
                    breach = 0
                }
                func value(_ name: String) throws -> Double { row[try #require(columns["\(year)/\(name)"])] }
                net += try value("net_outflow")
                grant += try value("grant_outflow")
                breach = max(breach, try value("budget_breach"))
                #expect(abs(try value("period_net_outflow") - net) <= 1e-6 * max(1, abs(net)), "\(year)")
                #expect(try value("period_grant_outflow") == grant, "\(year)")
                #expect(try value("any_budget_breach") == breach, "\(year)")
                checked += 1
            }
        }
        #expect(checked == 400)
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        let summaryHeader = summary.split(separator: "\n").first.map(String.init) ?? ""
        for column in ["period_net_outflow_mean", "period_net_outflow_p05", "period_net_outflow_p95", "period_grant_outflow_p95"] {
            #expect(summaryHeader.split(separator: ",").contains(Substring(column)), "\(column)")
        }
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("2026–2028"))
    }
}
