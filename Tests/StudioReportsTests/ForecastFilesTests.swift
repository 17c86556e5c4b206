import Foundation
import StudioReports
import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

@Suite("Forecast files (the output contract)")
struct ForecastFilesTests {
    static func forecast(threads: Int = 2) throws -> Forecast {
        let scenario = try Fixtures.shippedScenario("nanchang-baseline").with { $0.simulation.replications = 500 }
        return try MonteCarloEngine(scenario: scenario).run(threads: threads)
    }

    @Test("forecast.csv is tidy: one row per year, metric and statistic")
    func tidyForecast() throws {
        let forecast = try Self.forecast()
        let lines = ForecastFiles(forecast: forecast).forecastCSV().split(separator: "\n")
        #expect(lines.first == "scenario,year,metric,statistic,value")
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.allSatisfy { $0.count == 5 && $0[0] == "nanchang-baseline" })
        let metrics = Set(rows.map { String($0[2]) })
        let contract: Set<String> = [
            "named", "active", "assessed", "yellow_cards", "revocations", "revocations_in_cycle",
            "revocations_post_cycle", "cycles_completed", "forfeited", "tranche_1", "tranche_2", "tranche_3",
            "grant_outflow", "cumulative_grant_outflow", "period_grant_outflow", "revocation_rate", "pool", "applicants", "recommended",
            "shortlisted", "unfilled_quota", "cutoff_score", "named_mean_score", "disqualified_applicants",
            "revocations_fraud", "equipment_subsidy", "training_subsidy", "award_subsidy", "clawback", "total_outflow",
            "net_outflow", "cumulative_net_outflow", "period_net_outflow", "net_outflow_pv", "cumulative_net_outflow_pv", "budget_breach",
            "any_budget_breach", "first_breach_year", "cumulative_budget_breach",
        ]
        #expect(metrics == contract)
        #expect(Set(rows.map { String($0[3]) }) == Set(Statistic.allCases.map(\.rawValue)))
        // Every year and metric carries all ten statistics.
        #expect(rows.count == 10 * contract.count * 10)
        #expect(rows.allSatisfy { Double($0[4]) != nil && !$0[4].contains("e") })
    }

    @Test("summary.csv has one row per year and <metric>_<statistic> columns")
    func wideSummary() throws {
        let text = ForecastFiles(forecast: try Self.forecast()).summaryCSV()
        let lines = text.split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(header.prefix(2) == ["scenario", "year"])
        #expect(header.contains("grant_outflow_p95") && header.contains("cumulative_grant_outflow_mean"))
        #expect(lines.count == 11)
        #expect(lines[1].hasPrefix("nanchang-baseline,2026,"))
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == header.count })
    }

    @Test("The exact method fills the means and leaves the other statistics empty")
    func exactSummary() throws {
        let scenario = try Fixtures.shippedScenario("nanchang-baseline").with {
            $0.applicants = nil
            $0.fraud = FraudParameters()
        }
        let files = ForecastFiles(forecast: try ExactEvaluator(scenario: scenario).evaluate())
        let header = files.summaryCSV().split(separator: "\n")[0].split(separator: ",").map(String.init)
        let first = files.summaryCSV().split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(first[header.firstIndex(of: "grant_outflow_mean")!] == "4662000")
        #expect(first[header.firstIndex(of: "grant_outflow_p95")!] == "")
        #expect(!files.forecastCSV().contains(",p95,"))
        // Awards and budget breaches have no closed form: absent, and so are the totals.
        #expect(first[header.firstIndex(of: "training_subsidy_mean")!] != "")
        #expect(first[header.firstIndex(of: "award_subsidy_mean")!] == "")
        #expect(first[header.firstIndex(of: "budget_breach_mean")!] == "")
    }

    @Test("cohorts.csv holds each cohort's shares and payments by age")
    func cohorts() throws {
        let lines = ForecastFiles(forecast: try Self.forecast()).cohortsCSV().split(separator: "\n")
        #expect(lines.first == "scenario,cohort_year,age,metric,statistic,value")
        // Cohorts 2026..2035 with 10, 9, ..., 1 ages, three metrics, ten statistics.
        #expect(lines.count - 1 == 55 * 3 * 10)
        #expect(lines.contains("nanchang-baseline,2026,1,paid_per_studio,mean,300000"))
        #expect(lines.contains("nanchang-baseline,2026,1,share_revoked,max,0"))
    }

    @Test("Files are byte-identical on 1 and 2 threads")
    func threadIndependentBytes() throws {
        let one = ForecastFiles(forecast: try Self.forecast(threads: 1))
        let two = ForecastFiles(forecast: try Self.forecast(threads: 2))
        #expect(one.forecastCSV() == two.forecastCSV())
        #expect(one.summaryCSV() == two.summaryCSV())
        #expect(one.cohortsCSV() == two.cohortsCSV())
    }

    @Test("run.json records the provenance as JSON")
    func provenance() throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let record = RunProvenance(
            toolVersion: "0.1.0", scenarioName: "a \"quoted\" name", scenarioPath: "scenarios/x.yaml",
            scenarioSHA256: "ab", method: .montecarlo, seed: 7, generator: "mt19937", gslVersion: "2.7.1",
            replications: 100, threads: 2, startedAt: start, finishedAt: start.addingTimeInterval(1.25))
        let object = try JSONSerialization.jsonObject(with: Data(try record.json().utf8)) as? [String: Any]
        #expect(object?["scenario"] as? String == "a \"quoted\" name")
        #expect(object?["wall_seconds"] as? Double == 1.25)
        #expect(object?["replications"] as? Int == 100)
        #expect(object?["gsl_version"] as? String == "2.7.1")
        #expect(object?["started_at"] as? String == "2027-01-15T08:00:00Z")
        let keys = Set(object.map { Array($0.keys) } ?? [])
        #expect(keys.isSuperset(of: ["tool_version", "scenario_sha256", "seed", "generator", "threads", "finished_at"]))
    }

    @Test("The console table shows each year's outflow band, total, active studios, revocations and breach chance")
    func table() throws {
        let text = ForecastTable(forecast: try Self.forecast()).render()
        let lines = text.split(separator: "\n")
        #expect(lines.count == 11)
        #expect(lines[0].contains("grant (yuan) mean") && lines[0].contains("P95") && lines[0].contains("total mean"))
        #expect(lines[0].hasSuffix("P(breach)"))
        #expect(lines[1].hasPrefix("2026"))
    }
}

@Suite("Writing the output folder")
struct OutputDirectoryTests {
    @Test("A non-empty folder is refused without force, and its files are kept")
    func refusesNonEmpty() throws {
        let folder = try Fixtures.temporaryDirectory()
        let existing = folder.appendingPathComponent("forecast.csv")
        try Data("old".utf8).write(to: existing)
        #expect(throws: OutputError.self) {
            try OutputDirectory(path: folder.path).write([("forecast.csv", "new")], force: false)
        }
        #expect(try String(contentsOf: existing, encoding: .utf8) == "old")
        try OutputDirectory(path: folder.path).write([("forecast.csv", "new")], force: true)
        #expect(try String(contentsOf: existing, encoding: .utf8) == "new")
    }

    @Test("A failed write leaves the earlier files as they were and no temporary ones")
    func failureLeavesEarlierFiles() throws {
        let folder = try Fixtures.temporaryDirectory()
        try Data("old summary".utf8).write(to: folder.appendingPathComponent("summary.csv"))
        try Data("old forecast".utf8).write(to: folder.appendingPathComponent("forecast.csv"))
        // A folder where a file must go makes the rename fail.
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("run.json/blocker"), withIntermediateDirectories: true)
        #expect(throws: OutputError.self) {
            try OutputDirectory(path: folder.path).write(
                [("summary.csv", "new"), ("forecast.csv", "new"), ("run.json", "{}")], force: true)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["forecast.csv", "run.json", "summary.csv"])
        #expect(try String(contentsOf: folder.appendingPathComponent("forecast.csv"), encoding: .utf8) == "old forecast")
        #expect(try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8) == "old summary")
    }

    @Test("A missing folder is created with its parents")
    func createsFolder() throws {
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("a/b")
        try OutputDirectory(path: folder.path).write([("x.csv", "1\n")], force: false)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.csv").path))
    }
}
