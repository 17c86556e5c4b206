import Foundation
import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

@testable import StudioWorkbook

@Suite("The budget request's table")
struct BudgetTableTests {
    /// Seven years in budget periods of three: 2026–2028, 2029–2031 and 2032 alone.
    static let yaml = """
        name: periods
        start_year: 2026
        horizon_years: 7
        simulation:
          replications: 600
        quota:
          per_year: 3
        subsidies:
          equipment:
            purchase_probability: 0.3
        budget:
          annual_yuan: 2000000
          period_years: 3
        """

    static func forecast() throws -> (Forecast, Scenario) {
        let scenario = try Fixtures.scenario(yaml)
        return (try MonteCarloEngine(scenario: scenario).run(threads: 1), scenario)
    }

    @Test("each period's years come before its subtotal, and the horizon's total comes last")
    func columns() throws {
        let (forecast, _) = try Self.forecast()
        let table = BudgetTable(forecast: forecast, periodYears: 3)
        #expect(
            table.columns == [
                .year(2026), .year(2027), .year(2028), .period(first: 2026, last: 2028), .year(2029),
                .year(2030),
                .year(2031), .period(first: 2029, last: 2031), .year(2032), .period(first: 2032, last: 2032),
                .horizon(first: 2026, last: 2032),
            ])
        #expect(table.lines.first == .grantOutflow && table.lines.last == .netOutflow)
        #expect(table.lines.contains(.tranche(3)) && !table.lines.contains(.tranche(4)))
    }

    @Test(
        "a subtotal's mean is the sum of the yearly means",
        arguments: [Metric.grantOutflow, .equipmentSubsidy, .netOutflow])
    func meanSubtotals(line: Metric) throws {
        let (forecast, _) = try Self.forecast()
        let table = BudgetTable(forecast: forecast, periodYears: 3)
        let yearly = (2029...2031).map { forecast.summary(year: $0, metric: line)?[.mean] ?? .nan }
        let subtotal = try #require(table.value(line, .period(first: 2029, last: 2031), .mean))
        #expect(abs(subtotal - yearly.reduce(0, +)) <= 1e-9 * max(1, abs(subtotal)))
        #expect(subtotal > 0)
    }

    @Test("a percentile of a total is the replications' own total's, never a sum of yearly percentiles")
    func percentileSubtotals() throws {
        let (forecast, _) = try Self.forecast()
        let table = BudgetTable(forecast: forecast, periodYears: 3)
        let first = BudgetTable.Column.period(first: 2026, last: 2028)
        let cumulative = forecast.summary(year: 2028, metric: .cumulativeNetOutflow)?[.p95]
        #expect(table.value(.netOutflow, first, .p95) == cumulative)
        #expect(
            table.value(.grantOutflow, .horizon(first: 2026, last: 2032), .p95)
                == forecast.summary(year: 2032, metric: .cumulativeGrantOutflow)?[.p95])
        let summed = (2026...2028).compactMap { forecast.summary(year: $0, metric: .netOutflow)?[.p95] }
            .reduce(0, +)
        #expect(cumulative != summed)
        // Later periods and lines without running totals have no percentile of their total.
        #expect(table.value(.netOutflow, .period(first: 2029, last: 2031), .p95) == nil)
        #expect(table.lacksPeriodTotals(.netOutflow, .period(first: 2029, last: 2031)))
        #expect(table.value(.equipmentSubsidy, first, .p95) == nil)
        #expect(table.lacksPeriodTotals(.equipmentSubsidy, first))
        #expect(!table.lacksPeriodTotals(.netOutflow, first))
        #expect(
            table.value(.equipmentSubsidy, .year(2027), .p95)
                == forecast.summary(year: 2027, metric: .equipmentSubsidy)?[.p95])
    }

    @Test(
        "a later budget period that is a reporting period takes its percentile from the period totals",
        arguments: [(Metric.netOutflow, Metric.periodNetOutflow), (.grantOutflow, .periodGrantOutflow)])
    func laterPeriodPercentiles(line: Metric, total: Metric) throws {
        let scenario = try Fixtures.scenario(Self.yaml + "\nreporting:\n  period_years: 3\n")
        let forecast = try MonteCarloEngine(scenario: scenario).run(threads: 1)
        let table = BudgetTable(
            forecast: forecast, periodYears: scenario.budget.periodYears,
            reportingPeriodYears: scenario.budget.reportingPeriodYears)
        for (first, last) in [(2029, 2031), (2032, 2032)] {
            let column = BudgetTable.Column.period(first: first, last: last)
            let expected = try #require(forecast.summary(year: last, metric: total)?[.p95])
            #expect(table.value(line, column, .p95) == expected)
            #expect(!table.lacksPeriodTotals(line, column))
        }
        let summed = (2029...2031).compactMap { forecast.summary(year: $0, metric: line)?[.p95] }.reduce(0, +)
        #expect(table.value(line, .period(first: 2029, last: 2031), .p95) != summed)
        #expect(table.lacksPeriodTotals(.equipmentSubsidy, .period(first: 2029, last: 2031)))
    }

    @Test(
        "the workbook's prudent level follows reporting.planning_percentile",
        arguments: [(nil, Statistic.p95), (75, .p75), (50, .p50)])
    func prudentLevel(percentile: Int?, expected: Statistic) throws {
        let yaml = Self.yaml + (percentile.map { "\nreporting:\n  planning_percentile: \($0)\n" } ?? "")
        let scenario = try Fixtures.scenario(yaml)
        let (forecast, _) = try Self.forecast()
        let workbook = ForecastWorkbook(
            forecast: forecast, scenario: scenario, scenarioPath: "test.yaml", provenanceJSON: "{}")
        #expect(workbook.prudent == expected)
    }

    @Test("a workbook is written whole, and libxlsxwriter's failure is one line naming the file")
    func writes() throws {
        let (forecast, scenario) = try Self.forecast()
        let folder = try Fixtures.temporaryDirectory()
        let path = folder.appendingPathComponent("forecast.xlsx").path
        let workbook = ForecastWorkbook(
            forecast: forecast, scenario: scenario, scenarioPath: "test.yaml", provenanceJSON: "{\"seed\": 1}"
        )
        try workbook.write(to: path)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(bytes.prefix(2)) == [0x50, 0x4B])
        let missing = folder.appendingPathComponent("no/such/folder/forecast.xlsx").path
        #expect {
            try workbook.write(to: missing)
        } throws: { error in
            "\(error)".hasPrefix(missing + ": cannot write") && !"\(error)".contains("\n")
        }
    }
}

@Suite("The budget request's table over one period")
struct OnePeriodBudgetTableTests {
    @Test("a horizon of one period has its subtotal and no separate total")
    func onePeriod() throws {
        let scenario = try Fixtures.scenario(
            "name: one\nstart_year: 2026\nhorizon_years: 3\nsimulation:\n  replications: 100\nquota:\n  per_year: 2\n"
        )
        let forecast = try MonteCarloEngine(scenario: scenario).run(threads: 1)
        let table = BudgetTable(forecast: forecast, periodYears: 5)
        #expect(table.columns == [.year(2026), .year(2027), .year(2028), .period(first: 2026, last: 2028)])
    }
}
