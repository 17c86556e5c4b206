import StudioScenario
@testable import StudioSimulation
import Testing
import _TestSupport

@Suite("Common random numbers and paired comparisons")
struct ComparisonEngineTests {
    static func baseline(replications: Int, quota: Int = 5, seed: UInt64 = 20_260_101) throws -> Scenario {
        try Fixtures.shippedScenario("nanchang-baseline").with {
            $0.simulation = SimulationSettings(replications: replications, seed: seed, generator: "taus2")
            $0.quotaPerYear = Array(repeating: quota, count: $0.horizonYears)
        }
    }

    @Test("A scenario compared with itself differs by exactly zero in every metric and year")
    func selfComparison() throws {
        let scenario = try Self.baseline(replications: 300)
        let comparison = try ComparisonEngine(scenarios: [scenario, scenario]).run(threads: 2)
        let differences = try #require(comparison.differences.first)
        #expect(differences.metrics.count == comparison.forecasts[0].catalog.yearMetrics.count)
        for row in differences.cells {
            for cell in row where cell.summary.count > 0 {
                for statistic in [Statistic.mean, .sd, .mcse, .min, .p05, .p50, .p95, .max] {
                    #expect(cell.summary[statistic] == 0)
                }
                #expect(cell.probabilityPositive == 0)
            }
        }
        #expect(comparison.forecasts[0].yearly == comparison.forecasts[1].yearly)
    }

    @Test("Keyed streams give each scenario the same forecast on 1 and 2 threads, and replay")
    func keyedDeterminism() throws {
        let scenario = try Self.baseline(replications: 1500)
        let engine = MonteCarloEngine(scenario: scenario)
        let one = try engine.run(threads: 1)
        #expect(try engine.run(threads: 2).yearly == one.yearly)
        let alone = try engine.run(replications: 1100..<1101, threads: 1)
        let replay = try engine.replay(replication: 1100).ledger
        for metric in replay.catalog.yearMetrics.indices {
            let value = replay[year: 3, metric: metric]
            #expect(alone.yearly[3][metric][.mean] == (value.isNaN ? nil : value))
        }
        // The comparison's first forecast is the keyed run of the same scenario.
        let comparison = try ComparisonEngine(scenarios: [scenario, scenario]).run(threads: 2)
        #expect(comparison.forecasts[0].yearly == one.yearly)
    }

    @Test("Studios common to quota 5 and quota 6 keep their draws: the sixth place is all that differs")
    func commonStudiosKeepTheirDraws() throws {
        // Recovery of the grant only: under recover: all a clawback also holds the studio's awards,
        // which differ between the worlds like the awards themselves.
        let five = try Self.baseline(replications: 1, quota: 5).with {
            $0.applicants = nil
            $0.fraud.recover = .grant
        }
        let six = five.with { $0.quotaPerYear = Array(repeating: 6, count: $0.horizonYears) }
        let base = try MonteCarloEngine(scenario: five).replay(replication: 0).trace.events
        let variant = try MonteCarloEngine(scenario: six).replay(replication: 0).trace.events
        // Every event of the quota-5 world happens, identically, in the quota-6 world, except the
        // city awards, whose winners are drawn among the active studios.
        func lifecycle(_ events: [TraceEvent]) -> [TraceEvent] {
            events.filter { event in
                if case .subsidy(.award, _) = event.kind { return false }
                return !event.studio.hasSuffix("-06")
            }
        }
        #expect(lifecycle(base) == lifecycle(variant))
        #expect(variant.contains { $0.studio == "2026-06" && $0.kind == .named })
    }

    @Test("Asking for some metrics' differences keeps those alone, each cell as the full comparison has it")
    func selectedDifferences() throws {
        let five = try Self.baseline(replications: 400, quota: 5)
        let six = try Self.baseline(replications: 400, quota: 6)
        let full = try ComparisonEngine(scenarios: [five, six]).run(threads: 2)
        let kept: [Metric] = [.cumulativeNetOutflow, .active]
        let selected = try ComparisonEngine(
            scenarios: [five, six], differences: .only(Set(kept + [.tranche(9)]))
        ).run(threads: 2)
        let all = try #require(full.differences.first)
        let some = try #require(selected.differences.first)
        #expect(all.metrics.count > kept.count)
        #expect(some.metrics == all.metrics.filter(kept.contains))
        for year in five.years {
            for metric in kept {
                let cell = try #require(some.cell(year: year, metric: metric))
                #expect(cell == all.cell(year: year, metric: metric))
            }
        }
        #expect(selected.forecasts.map(\.yearly) == full.forecasts.map(\.yearly))
    }

    @Test("Pairing shrinks the noise of a quota change at least five-fold against independent runs")
    func varianceReduction() throws {
        let replications = 2000
        let five = try Self.baseline(replications: replications, quota: 5)
        let six = try Self.baseline(replications: replications, quota: 6)
        let paired = try ComparisonEngine(scenarios: [five, six]).run(threads: 2)
        let year = five.years.last!
        let metric = Metric.cumulativeNetOutflow
        let pairedMCSE = try #require(paired.differences[0].cell(year: year, metric: metric)?.summary[.mcse])
        // Independent runs: different seeds, so nothing is shared.
        let a = try MonteCarloEngine(scenario: five).run(threads: 2)
        let b = try MonteCarloEngine(scenario: try Self.baseline(replications: replications, quota: 6, seed: 7))
            .run(threads: 2)
        let mcseA = try #require(a.summary(year: year, metric: metric)?[.mcse])
        let mcseB = try #require(b.summary(year: year, metric: metric)?[.mcse])
        let independentMCSE = (mcseA * mcseA + mcseB * mcseB).squareRoot()
        let factor = independentMCSE / pairedMCSE
        print("variance reduction, \(metric) \(year): independent MCSE \(independentMCSE), paired \(pairedMCSE), factor \(factor)")
        #expect(factor >= 5, "factor \(factor)")
    }
}

@Suite("Keyed streams")
struct KeyedStreamTests {
    @Test("Distinct keys give distinct bits")
    func distinctKeys() {
        var keys: Set<StreamKey> = [.shock, .arrivals, .awards(kind: 0), .awards(kind: 1)]
        for a in -1...12 {
            for b in 0..<40 {
                let candidates: [StreamKey.CandidateKey] = [.arrived(year: a, index: b), .listed(row: b)]
                let studios: [StreamKey.StudioKey] =
                    [.named(cohort: a, rank: b), .existing(group: a + 1, member: b)] + candidates.map { .candidate($0) }
                for studio in studios {
                    keys.insert(.studioLifecycle(studio))
                    keys.insert(.studioSubsidies(studio))
                }
                for candidate in candidates { keys.insert(.candidate(candidate)) }
            }
        }
        #expect(Set(keys.map(\.bits)).count == keys.count)
    }

    @Test("Keyed streams of taus2 and of mt19937 give the same distribution: means and spreads agree")
    func sameDistribution() throws {
        let scenario = try Fixtures.shippedScenario("nanchang-baseline").with {
            $0.simulation = SimulationSettings(replications: 3000, seed: 9, generator: "taus2")
        }
        let taus2 = try MonteCarloEngine(scenario: scenario).run(threads: 2)
        let mt19937 = try MonteCarloEngine(scenario: scenario.with { $0.simulation.generator = "mt19937" })
            .run(threads: 2)
        for metric: Metric in [.active, .revocations, .cumulativeNetOutflow] {
            let a = try #require(taus2.summary(year: 2035, metric: metric))
            let b = try #require(mt19937.summary(year: 2035, metric: metric))
            let se = (a[.mcse]! * a[.mcse]! + b[.mcse]! * b[.mcse]!).squareRoot()
            #expect(abs(a[.mean]! - b[.mean]!) <= 4 * se, "\(metric) mean")
            // The sd of n normal-ish values has a standard error of about sd/√(2n).
            let sdError = a[.sd]! / (2 * 3000.0).squareRoot() * 2.0.squareRoot()
            #expect(abs(a[.sd]! - b[.sd]!) <= 4 * sdError, "\(metric) sd \(a[.sd]!) vs \(b[.sd]!)")
        }
    }
}
