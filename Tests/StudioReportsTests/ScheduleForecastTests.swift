import Foundation
import StudioReports
import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

/// The baseline with each `(from, to)` replaced once, at `replications` replications.
private func baseline(_ replacements: [(String, String)], replications: Int = 300) throws -> Scenario {
    var text = try String(contentsOfFile: Fixtures.scenarioPath("nanchang-baseline"), encoding: .utf8)
    for (from, to) in replacements {
        let range = try #require(text.range(of: from))
        text.replaceSubrange(range, with: to)
    }
    return try Fixtures.scenario(text).with { $0.simulation.replications = replications }
}

/// The three CSV files of a scenario's Monte Carlo forecast.
private func files(_ scenario: Scenario) throws -> (forecast: String, summary: String, cohorts: String) {
    let files = ForecastFiles(forecast: try MonteCarloEngine(scenario: scenario).run(threads: 2))
    return (files.forecastCSV(), files.summaryCSV(), files.cohortsCSV())
}

/// The data rows of a tidy CSV whose `column` (a year) is before `year`, and those from it.
private func rows(_ csv: String, column: Int, splitAt year: Int) -> (before: [Substring], from: [Substring]) {
    let lines = csv.split(separator: "\n").dropFirst()
    let isBefore = { (line: Substring) in (Int(line.split(separator: ",")[column]) ?? .max) < year }
    return (lines.filter(isBefore), lines.filter { !isBefore($0) })
}

@Suite("Forecasts under schedules")
struct ScheduleForecastTests {
    @Test("A schedule equal to a per-year list gives byte-identical files")
    func scheduleEqualsList() throws {
        let list = try baseline([
            ("per_year: 5", "per_year: [5, 5, 8, 8, 8, 8, 8, 8, 8, 8]"),
            ("annual_yuan: 8000000", "annual_yuan: [8000000, 8000000, 8000000, 9000000, 9000000, 9000000, 9000000, 9000000, 9000000, 9000000]"),
        ])
        let schedule = try baseline([
            ("per_year: 5", "per_year: {2026: 5, 2028: 8}"),
            ("annual_yuan: 8000000", "annual_yuan: {2020: 8000000, 2029: 9000000}"),
        ])
        let a = try files(list)
        let b = try files(schedule)
        #expect(a.forecast == b.forecast)
        #expect(a.summary == b.summary)
        #expect(a.cohorts == b.cohorts)
        // And the schedule acted: the files differ from the plain baseline's.
        #expect(try files(baseline([])).forecast != a.forecast)
    }

    @Test(
        "A schedule changing in year t leaves every year before t byte-identical on the same seed",
        arguments: [
            [("per_year: 5", "per_year: {2026: 5, 2029: 7}")],
            [("in_cycle: 0.93", "in_cycle: {2026: 0.93, 2029: 0.8}"), ("post_cycle: 0.95", "post_cycle: {2026: 0.95, 2029: 0.9}")],
            [("shortlist_score: 80", "shortlist_score: {2026: 80, 2029: 72}"),
             ("apply_probability: 0.85", "apply_probability: {2026: 0.85, 2029: 1}")],
            [("purchase_probability: 0.4", "purchase_probability: {2026: 0.4, 2029: 0.8}"),
             ("intermediate: 2.5", "intermediate: {2026: 2.5, 2029: 5}"),
             ("  detection_probability: 0.005", "  detection_probability: {2026: 0.005, 2029: 0.05}")],
            [("year_shock_sd: 0 ", "year_shock_sd: {2026: 0, 2029: 0.5} ")],
            // A period's budget is the one in force in its first year: 2031's changes, 2026's does not.
            [("period_yuan: 35000000", "period_yuan: {2026: 35000000, 2029: 20000000}")],
            [("  awards:\n", """
                  awards:
                    kinds:
                      2026:
                        innovation_results: [{count: 2, yuan: 100000}, {count: 6, yuan: 50000}, {count: 12, yuan: 20000}]
                        operation_methods: [{count: 10, yuan: 50000}]
                        golden_ideas: [{count: 10, yuan: 10000}]
                      2029:
                        innovation_results: [{count: 4, yuan: 100000}, {count: 6, yuan: 50000}, {count: 12, yuan: 20000}]
                        operation_methods: [{count: 10, yuan: 60000}]
                        golden_ideas: [{count: 10, yuan: 10000}]

                """)],
        ])
    func earlierYearsUntouched(_ replacements: [(String, String)]) throws {
        let plain = try files(baseline([]))
        let changed = try files(baseline(replacements))
        let a = rows(plain.forecast, column: 1, splitAt: 2029)
        let b = rows(changed.forecast, column: 1, splitAt: 2029)
        #expect(!a.before.isEmpty)
        #expect(a.before == b.before)
        #expect(a.from != b.from)
    }

    @Test("A cohort rule change touches only the cohorts named from its year: files, trace and totals")
    func cohortRuleChange() throws {
        let plainScenario = try baseline([])
        let reformed = try baseline([
            ("grant_yuan: 1000000", "grant_yuan: {2024: 1000000, 2028: 1200000}"),
            ("tranche_shares: [0.3, 0.3, 0.4]", "tranche_shares: {2024: [0.3, 0.3, 0.4], 2028: [0.4, 0.3, 0.3]}"),
        ])
        let plain = try files(plainScenario)
        let changed = try files(reformed)
        // Cohorts named before 2028 (and every year before it) are untouched; the 2028 cohort is not.
        let cohortsBefore = rows(plain.cohorts, column: 1, splitAt: 2028)
        let cohortsChanged = rows(changed.cohorts, column: 1, splitAt: 2028)
        #expect(!cohortsBefore.before.isEmpty)
        #expect(cohortsBefore.before == cohortsChanged.before)
        #expect(cohortsBefore.from != cohortsChanged.from)
        #expect(rows(plain.forecast, column: 1, splitAt: 2028).before == rows(changed.forecast, column: 1, splitAt: 2028).before)
        // The same replication replayed: the same events, and only tranches of studios named from
        // 2028 change amount, to the new rules' (1,200,000 paid 4:3:3).
        for replication in [3, 11] {
            let a = try MonteCarloEngine(scenario: plainScenario).replay(replication: replication)
            let b = try MonteCarloEngine(scenario: reformed).replay(replication: replication)
            #expect(a.trace.events.count == b.trace.events.count)
            var reformedTranches = 0
            var difference = 0.0
            // Studios named from the pool are labelled by arrival, so their naming year comes
            // from the trace; studios named before the forecast are never named in it.
            var namedYear: [String: Int] = [:]
            for event in a.trace.events where event.kind == .named { namedYear[event.studio] = event.year }
            for (before, after) in zip(a.trace.events, b.trace.events) {
                if (namedYear[before.studio] ?? 0) < 2028 {
                    #expect(before == after, "\(before) vs \(after)")
                    continue
                }
                #expect(before.year == after.year && before.studio == after.studio)
                if case .trancheEarned(let tranche, let old, let paid) = before.kind,
                    case .trancheEarned(tranche, let new, paid) = after.kind
                {
                    #expect(new == [480_000.0, 360_000, 360_000][tranche - 1])  // tranches are numbered from 1
                    reformedTranches += 1
                    if paid <= 2035 { difference += new - old }
                }
            }
            #expect(reformedTranches > 0)
            // Totals: the grant outflow over the forecast changes by exactly those tranches.
            let catalog = a.ledger.catalog
            let total = { (ledger: ReplicationLedger) in
                ledger[year: 9, metric: catalog.cumulativeGrantOutflow]
            }
            #expect(abs(total(b.ledger) - total(a.ledger) - difference) < 1e-6)
        }
    }
}
