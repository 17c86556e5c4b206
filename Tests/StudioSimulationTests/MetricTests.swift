import Foundation
import StudioScenario
import Testing
import _TestSupport

@testable import StudioSimulation

/// The string literals of Swift source text that spell a metric's name in the output files.
enum MetricNameScanner {
    /// Every metric name: the fixed ones, and the tranche prefix.
    static let names = Set(Metric.fixedMetrics.map(\.name))

    /// The literal pieces (between interpolations) of `source` that are a metric's name or the
    /// tranche prefix (with or without a number), with their line numbers; comments are passed over.
    static func metricLiterals(in source: String) -> [(line: Int, literal: String)] {
        var found: [(line: Int, literal: String)] = []
        for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = line.trimmingCharacters(in: .whitespaces)
            if code.hasPrefix("//") { continue }
            for match in line.matches(of: #/"((?:[^"\\]|\\.)*)"/#) {
                let pieces = String(match.output.1).split(separator: #/\\\((?:[^()]|\([^()]*\))*\)/#)
                for piece in pieces where names.contains(String(piece)) || piece.wholeMatch(of: #/tranche_[0-9]*/#) != nil {
                    found.append((number + 1, String(piece)))
                }
            }
        }
        return found
    }
}

@Suite("Metric: the one source of metric names and metadata")
struct MetricTests {
    /// Literals that spell a metric's name but are not one: the scenario file's keys
    /// (`applicants`, `pool`, which StudioScenario reads before any metric exists) and the word a
    /// trace prints for a naming.
    static let notMetricNames: Set<String> = [
        "Sources/StudioScenario/ScenarioDecoding.swift: applicants",
        "Sources/StudioScenario/ScenarioDecoding+Selection.swift: pool",
        "Sources/StudioScenario/ScenarioDecoding+Selection.swift: applicants",
        "Sources/StudioSimulation/TraceEvent.swift: named",
    ]

    @Test("No metric name is written as a string literal in Sources/ outside Metric.swift")
    func noMetricNameLiterals() throws {
        let root = Fixtures.packageRoot
        let sources = root.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        var scanned = 0
        var offending: [String] = []
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".swift"), path != "StudioSimulation/Metric.swift" else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            scanned += 1
            for (line, literal) in MetricNameScanner.metricLiterals(in: text)
            where !Self.notMetricNames.contains("Sources/\(path): \(literal)") {
                offending.append("Sources/\(path):\(line): \"\(literal)\"")
            }
        }
        #expect(scanned > 50)
        #expect(offending.isEmpty, "\(offending.joined(separator: "\n"))")
    }

    @Test("The scanner finds a metric name, an interpolated tranche name and skips comments")
    func scannerFindsLiterals() {
        let source = """
            let a = forecast.summary(year: 2030, metric: "net_outflow")
            // "cumulative_net_outflow" in a comment
            let b = "tranche_\\(number)", c = "\\(year)/grant_outflow"
            let d = "year", e = "tranche_shares"
            """
        let found = MetricNameScanner.metricLiterals(in: source)
        #expect(found.map(\.literal) == ["net_outflow", "tranche_"])
        #expect(found.map(\.line) == [1, 3])
    }

    @Test("Every metric's name reads back as the metric", arguments: Metric.fixedMetrics + [.tranche(1), .tranche(12)])
    func namesRoundTrip(_ metric: Metric) throws {
        #expect(Metric(name: metric.name) == metric)
        let data = try JSONEncoder().encode([metric])
        #expect(String(decoding: data, as: UTF8.self) == "[\"\(metric.name)\"]")
        #expect(try JSONDecoder().decode([Metric].self, from: data) == [metric])
        #expect(!metric.chineseLabel.isEmpty && !metric.englishLabel.isEmpty)
    }

    @Test("Names and labels are unique, and a misspelt name is no metric")
    func uniqueness() {
        let metrics = Metric.fixedMetrics + [.tranche(1), .tranche(2), .tranche(3)]
        #expect(Set(metrics.map(\.name)).count == metrics.count)
        #expect(Set(metrics.map(\.chineseLabel)).count == metrics.count)
        #expect(Set(metrics.map(\.englishLabel)).count == metrics.count)
        #expect(Metric(name: "cumulative_net_outfow") == nil)
        #expect(Metric(name: "tranche_0") == nil)
        #expect(Metric(name: "tranche_02") == nil)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Metric].self, from: Data("[\"nope\"]".utf8)) }
    }

    @Test("Units and budget lines: every money metric is in yuan and every budget line has a metric")
    func unitsAndBudgetLines() {
        let metrics = Metric.fixedMetrics + [.tranche(1)]
        for metric in metrics where metric.budgetLine != nil { #expect(metric.unit == .yuan, "\(metric)") }
        #expect(Set(metrics.compactMap(\.budgetLine)) == Set(BudgetLine.allCases))
        #expect(Metric.netOutflow.budgetLine == .net && Metric.tranche(2).budgetLine == .grant)
        #expect(Metric.forfeited.budgetLine == nil && Metric.forfeited.unit == .yuan)
        #expect(Metric.budgetBreach.unit == .probability && Metric.cutoffScore.unit == .score)
        #expect(Metric.active.unit == .count)
    }

    @Test("summary.csv's columns are the metrics with summary statistics; cohort metrics are apart")
    func summaryColumns() {
        #expect(Metric.summaryColumns.allSatisfy { !$0.summaryStatistics.isEmpty })
        let withStatistics = (Metric.fixedMetrics + [.tranche(1)]).filter { !$0.summaryStatistics.isEmpty }
        #expect(Set(withStatistics) == Set(Metric.summaryColumns))
        #expect(Metric.cohortMetrics.allSatisfy { $0.isCohortMetric })
        #expect(!Metric.netOutflow.isCohortMetric)
    }

    @Test("The catalog lists the scenario's metrics as Metric values at the positions the engine uses")
    func catalogPositions() throws {
        let catalog = MetricCatalog(scenario: try Fixtures.shippedScenario("nanchang-baseline"))
        #expect(catalog.yearMetrics[catalog.active] == .active)
        #expect(catalog.yearMetrics[catalog.tranche(1)] == .tranche(2))
        #expect(catalog.yearMetrics[catalog.money.netOutflow] == .netOutflow)
        #expect(catalog.position(of: .cumulativeNetOutflow) == catalog.money.cumulativeNetOutflow)
        #expect(catalog.position(of: .tranche(4)) == nil)
        #expect(catalog.yearMetrics.allSatisfy { !$0.isCohortMetric })
        #expect(catalog.cohortPosition(of: .shareFullyPaid) == catalog.shareFullyPaid)
        let data = try JSONEncoder().encode(catalog)
        #expect(try JSONDecoder().decode(MetricCatalog.self, from: data) == catalog)
    }

    @Test("A metric the scenario lacks is an error naming it, not a silent nil or 0")
    func missingMetricIsAnError() throws {
        let scenario = try Fixtures.scenario(
            """
            name: no-budget
            start_year: 2026
            horizon_years: 3
            simulation:
              replications: 50
              seed: 5
            quota:
              per_year: 2
            """)
        let forecast = try MonteCarloEngine(scenario: scenario).run(threads: 1)
        #expect(forecast[.budgetBreach, 2027].count == 0)
        #expect(throws: MetricLookupError.metricMissing(.budgetBreach, scenario: "no-budget")) {
            try forecast.statistics(of: .budgetBreach, year: 2027)
        }
        #expect(throws: MetricLookupError.yearOutOfRange(2040, years: 2026...2028, scenario: "no-budget")) {
            try forecast.statistics(of: .netOutflow, year: 2040)
        }
        #expect(try forecast.statistics(of: .netOutflow, year: 2027) == forecast[.netOutflow, 2027])
        let message = "\(MetricLookupError.metricMissing(.budgetBreach, scenario: "no-budget"))"
        #expect(message == "no-budget: the forecast has no metric budget_breach")
    }

    @Test("QuotaSolver refuses a forecast without its breach metric instead of reading P(breach) 0")
    func solverNeedsItsMetric() throws {
        let budgeted = try Fixtures.shippedScenario("tight-budget").with {
            $0.simulation = SimulationSettings(replications: 40, seed: 3, generator: "taus2")
        }
        let solver = try QuotaSolver(scenario: budgeted, limit: 0.1, maxQuota: 10)
        let unbudgeted = budgeted.with {
            $0.budget.annualYuan = nil
            $0.budget.periodYuan = nil
        }
        let forecast = try MonteCarloEngine(scenario: unbudgeted).run(threads: 1)
        #expect(throws: QuotaSolverError.self) { try solver.breach(in: forecast) }
        let own = try MonteCarloEngine(scenario: budgeted).run(threads: 1)
        #expect(try solver.breach(in: own) == own[solver.breachMetric, own.years[PrecisionTarget.periodEnd(of: budgeted)]])
    }
}
