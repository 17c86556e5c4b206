import Foundation
import StudioRules
import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

private func within4MCSE(_ summary: StatisticSummary?, _ value: Double) -> Bool {
    guard let summary, let mean = summary[.mean], let mcse = summary[.mcse] else { return false }
    return abs(mean - value) <= 4 * mcse + 1e-9 * max(1, abs(value))
}

/// Studios named before the start and nothing else, with the given money rules.
private func moneyScenario(
    horizon: Int = 3, quota: Int = 0, existing: Int = 20, subsidies: SubsidyParameters = SubsidyParameters(),
    fraud: FraudParameters = FraudParameters(), budget: BudgetParameters = BudgetParameters(), replications: Int = 2000
) -> Scenario {
    Scenario(
        name: "money", startYear: 2026, horizonYears: horizon,
        simulation: SimulationSettings(replications: replications, seed: 99),
        quotaPerYear: Array(repeating: quota, count: horizon),
        assessment: AssessmentParameters(inCycle: [0.9], postCycle: 0.95),
        existingStudios: [
            ExistingStudioGroup(namedYear: 2025, count: existing, state: StudioGrantState(phase: .inCycle, tranchesEarned: 1))
        ],
        subsidies: subsidies, fraud: fraud, budget: budget)
}

@Suite("Art. 12 subsidies in the simulation")
struct SubsidySimulationTests {
    @Test("With enough entries the awards total exactly 1,340,000 yuan every year")
    func awardsFilled() throws {
        let awards = SubsidyParameters.Awards(entriesPerStudio: [10, 10, 10])
        let forecast = try MonteCarloEngine(
            scenario: moneyScenario(subsidies: SubsidyParameters(awards: awards), replications: 300)
        ).run(threads: 2)
        for year in 2026...2028 {
            let summary = try #require(forecast.summary(year: year, metric: .awardSubsidy))
            #expect(summary[.min] == 1_340_000 && summary[.max] == 1_340_000)
        }
    }

    @Test("Each upgrade pays the level's fixed amount")
    func trainingAmounts() throws {
        var means = Array(repeating: 0.0, count: SkillLevel.allCases.count)
        means[SkillLevel.allCases.firstIndex(of: .technician)!] = 1.5
        let scenario = moneyScenario(subsidies: SubsidyParameters(training: .init(upgradesPerStudioYear: means)))
        let engine = MonteCarloEngine(scenario: scenario)
        let forecast = try engine.run(threads: 2)
        let exact = try ExactEvaluator(scenario: scenario).evaluate()
        for year in 2026...2028 {
            let expected = try #require(exact.summary(year: year, metric: .trainingSubsidy)?[.mean])
            let active = try #require(exact.summary(year: year, metric: .active)?[.mean])
            #expect(abs(expected - active * 1.5 * 5_000) < 1e-6)
            #expect(within4MCSE(forecast.summary(year: year, metric: .trainingSubsidy), expected))
        }
        let ledger = try engine.replay(replication: 4).ledger
        let catalog = ledger.catalog
        for year in 0..<3 {
            let yuan = ledger[year: year, metric: catalog.money.trainingSubsidy]
            #expect(yuan.truncatingRemainder(dividingBy: 5_000) == 0 && yuan > 0)
        }
    }

    @Test("Equipment and training means agree with their closed forms, old equipment included")
    func exactAgreement() throws {
        let subsidies = SubsidyParameters(
            equipment: .init(
                purchaseProbability: 0.4, medianYuan: 500_000, sigma: 0.6,
                oldEquipment: .init(probability: 0.6, medianAssessedYuan: 300_000, sigma: 0.5)),
            training: .init(upgradesPerStudioYear: [0.5, 2.5, 2, 0.6, 0.2, 0.05, 0.02]))
        let scenario = moneyScenario(
            horizon: 4, quota: 3, subsidies: subsidies,
            fraud: FraudParameters(detectionProbability: 0.05, recover: .all), replications: 4000)
        expectAgreement(
            try MonteCarloEngine(scenario: scenario).run(threads: 2), try ExactEvaluator(scenario: scenario).evaluate())
    }
}

@Suite("Fraud (Art. 15)")
struct FraudTests {
    @Test("Studios found cheating are revoked and everything paid is recovered in that year")
    func everyoneCaught() throws {
        let scenario = moneyScenario(fraud: FraudParameters(detectionProbability: 1), replications: 50)
        let forecast = try MonteCarloEngine(scenario: scenario).run(threads: 1)
        let clawback = try #require(forecast.summary(year: 2026, metric: .clawback))
        // 20 studios had tranche 1, 300,000 yuan each, before the forecast.
        #expect(clawback[.min] == 20 * 300_000 && clawback[.max] == 20 * 300_000)
        #expect(forecast.summary(year: 2026, metric: .revocationsFraud)?[.min] == 20)
        #expect(forecast.summary(year: 2026, metric: .assessed)?[.max] == 0)
        #expect(forecast.summary(year: 2026, metric: .netOutflow)?[.max] == -6_000_000)
    }

    @Test(
        "Subsidies declared as paid before the forecast are recovered with the grant under recover: all",
        arguments: [(FraudParameters.Recovery.all, 20 * 350_000.0), (.grant, 20 * 300_000.0)])
    func subsidiesPaidBeforeRecovered(_ recover: FraudParameters.Recovery, clawback expected: Double) throws {
        var scenario = moneyScenario(fraud: FraudParameters(detectionProbability: 1, recover: recover), replications: 20)
        scenario.existingStudios[0].subsidiesPaidYuan = 50_000
        let forecast = try MonteCarloEngine(scenario: scenario).run(threads: 1)
        let clawback = try #require(forecast.summary(year: 2026, metric: .clawback))
        #expect(clawback[.min] == expected && clawback[.max] == expected)
        let exact = try ExactEvaluator(scenario: scenario).evaluate()
        #expect(exact.summary(year: 2026, metric: .clawback)?[.mean] == expected)
    }

    @Test("The clawback is exactly what the studio was paid, by the trace", arguments: [FraudParameters.Recovery.grant, .all])
    func clawbackMatchesPayments(_ recover: FraudParameters.Recovery) throws {
        let subsidies = SubsidyParameters(
            equipment: .init(purchaseProbability: 0.5, medianYuan: 400_000),
            training: .init(upgradesPerStudioYear: [0, 2, 1, 0, 0, 0, 0]))
        let scenario = moneyScenario(
            horizon: 6, quota: 4, existing: 5, subsidies: subsidies,
            fraud: FraudParameters(detectionProbability: 0.15, recover: recover))
        var checked = 0
        for replication in 0..<30 {
            let events = try MonteCarloEngine(scenario: scenario).replay(replication: replication).trace.events
            for event in events {
                guard case .fraud(let recovered) = event.kind else { continue }
                var paid = event.studio.contains("-E") ? 300_000.0 : 0
                for earlier in events where earlier.studio == event.studio {
                    switch earlier.kind {
                    case .trancheEarned(_, let yuan, let paymentYear) where paymentYear < event.year: paid += yuan
                    case .subsidy(_, let yuan) where recover == .all && earlier.year < event.year: paid += yuan
                    default: break
                    }
                }
                #expect(abs(recovered - paid) < 1e-6, "\(event)")
                checked += 1
            }
        }
        #expect(checked > 10)
    }

    @Test("A tranche earned but not yet paid when fraud is found is never paid")
    func laggedTrancheCancelled() throws {
        let scenario = moneyScenario(horizon: 4, fraud: FraudParameters(detectionProbability: 0.3)).with {
            $0.grantRules.paymentLagYears = 1
        }
        for replication in 0..<30 {
            let replay = try MonteCarloEngine(scenario: scenario).replay(replication: replication)
            let catalog = replay.ledger.catalog
            for (index, year) in scenario.years.enumerated() {
                // Tranches paid in a year: earned a year before by studios not found cheating since.
                var expected = 0.0
                for event in replay.trace.events {
                    guard case .trancheEarned(_, let yuan, let paymentYear) = event.kind, paymentYear == year else { continue }
                    let caught = replay.trace.events.contains { other in
                        guard other.studio == event.studio, case .fraud = other.kind else { return false }
                        return other.year <= paymentYear
                    }
                    if !caught { expected += yuan }
                }
                #expect(replay.ledger[year: index, metric: catalog.grantOutflow] == expected, "\(year)")
            }
        }
    }

    @Test("Candidates found cheating are disqualified for ever")
    func applicantFraud() throws {
        let scenario = Scenario(
            name: "pool", startYear: 2026, horizonYears: 2, simulation: SimulationSettings(replications: 2000, seed: 3),
            quotaPerYear: [0, 0], applicants: ApplicantParameters(pool: 100),
            fraud: FraudParameters(applicantDetectionProbability: 0.05))
        let forecast = try MonteCarloEngine(scenario: scenario).run(threads: 2)
        #expect(within4MCSE(forecast.summary(year: 2026, metric: .disqualifiedApplicants), 5))
        #expect(within4MCSE(forecast.summary(year: 2027, metric: .pool), 100 * 0.95 * 0.95))
    }
}

@Suite("Budgets and present value")
struct BudgetTests {
    /// A ledger whose net outflows are set by hand through the training subsidy.
    static func ledger(net: [Double], budget: BudgetParameters) -> ReplicationLedger {
        let scenario = Scenario(name: "hand", startYear: 2026, horizonYears: net.count, quotaPerYear: net.map { _ in 0 }, budget: budget)
        var ledger = ReplicationLedger(scenario: scenario)
        for (year, yuan) in net.enumerated() { ledger.recordSubsidy(.training, yuan: yuan, year: year) }
        ledger.finish()
        return ledger
    }

    @Test("Breach indicators follow a hand-made ledger")
    func breaches() throws {
        let budget = BudgetParameters(annualYuan: [10, 10, 10, 10, 10], periodYuan: 18, periodYears: 2)
        let ledger = Self.ledger(net: [5, 12, 9, 15, 3], budget: budget)
        let positions = try #require(ledger.catalog.budget)
        func row(_ metric: Int?) -> [Double] { (0..<5).map { ledger[year: $0, metric: metric!] } }
        #expect(row(positions.budgetBreach) == [0, 1, 0, 1, 0])
        // Periods of two years: 2026–27, 2028–29, 2030.
        #expect(row(positions.anyBudgetBreach) == [0, 1, 0, 1, 0])
        #expect(row(positions.firstBreachYear) == [0, 1, 0, 0, 0])
        // Period sums 5, 17 | 9, 24 | 3 against 18.
        #expect(row(positions.cumulativeBudgetBreach) == [0, 0, 0, 1, 0])
    }

    @Test("Net outflow is discounted to the start year, as by hand")
    func presentValue() {
        let ledger = Self.ledger(net: [100, 110, 121], budget: BudgetParameters(discountRate: 0.1))
        let money = ledger.catalog.money
        for year in 0..<3 {
            #expect(abs(ledger[year: year, metric: money.netOutflowPV] - 100) < 1e-9)
        }
        #expect(abs(ledger[year: 2, metric: money.cumulativeNetOutflowPV] - 300) < 1e-9)
        #expect(ledger[year: 2, metric: money.cumulativeNetOutflow] == 331)
        #expect(ledger.catalog.budget == nil)
    }

    @Test("The breach probability is the share of replications over budget")
    func breachProbability() throws {
        let scenario = try Fixtures.shippedScenario("tight-budget").with { $0.simulation.replications = 1000 }
        let forecast = try MonteCarloEngine(scenario: scenario).run(threads: 2)
        let means = try scenario.years.map { try #require(forecast.summary(year: $0, metric: .budgetBreach)?[.mean]) }
        let average = means.reduce(0, +) / Double(means.count)
        // The scenario is set to be breached about one year in five.
        #expect((0.12...0.28).contains(average), "\(means)")
        // The first breach year is a distribution over the years: its means sum to P(any breach).
        let first = try scenario.years.map { try #require(forecast.summary(year: $0, metric: .firstBreachYear)?[.mean]) }
        #expect(first.reduce(0, +) <= 1 + 1e-12)
        #expect(first.reduce(0, +) >= forecast.summary(year: 2030, metric: .anyBudgetBreach)![.mean]!)
    }
}
