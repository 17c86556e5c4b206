import Foundation
import StudioRules
import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

/// A scenario of `horizon` years with an applicant pool and nothing named before it.
private func poolScenario(
    quota: Int, horizon: Int = 3, applicants: ApplicantParameters, selection: SelectionRules = SelectionRules(shortlistScore: 0),
    assessment: AssessmentParameters = AssessmentParameters(), existing: [ExistingStudioGroup] = [],
    replications: Int = 2000, seed: UInt64 = 11
) -> Scenario {
    Scenario(
        name: "pool", startYear: 2026, horizonYears: horizon,
        simulation: SimulationSettings(replications: replications, seed: seed),
        quotaPerYear: Array(repeating: quota, count: horizon), assessment: assessment, existingStudios: existing,
        applicants: applicants, selection: selection)
}

private func summary(_ forecast: Forecast, _ year: Int, _ metric: Metric) throws -> StatisticSummary {
    try #require(forecast.summary(year: year, metric: metric))
}

/// Whether `value` lies within 4 Monte Carlo standard errors of the summary's mean.
private func within4MCSE(_ summary: StatisticSummary, _ value: Double) -> Bool {
    abs(summary[.mean]! - value) <= 4 * summary[.mcse]! + 1e-9
}

@Suite("Applicant pool and selection (Art. 2, 6, 7)")
struct ApplicantPoolTests {
    @Test("Newcomers join the pool and a share of it applies each year")
    func poolFlows() throws {
        let applicants = ApplicantParameters(pool: 20, newPerYear: 4, applyProbability: 0.6)
        let forecast = try MonteCarloEngine(scenario: poolScenario(quota: 0, applicants: applicants)).run(threads: 2)
        for (offset, year) in (2026...2028).enumerated() {
            let pool = try summary(forecast, year, .pool)
            #expect(within4MCSE(pool, 20 + 4 * Double(offset + 1)), "\(year)")
            #expect(within4MCSE(try summary(forecast, year, .applicants), 0.6 * pool[.mean]!), "\(year)")
        }
    }

    @Test("Named studios leave the pool: without newcomers it shrinks by exactly the named")
    func namedLeave() throws {
        let applicants = ApplicantParameters(pool: 30, qualityMean: 75, qualitySD: 10, scoreNoiseSD: 4)
        let scenario = poolScenario(
            quota: 4, horizon: 5, applicants: applicants, selection: SelectionRules(shortlistScore: 78))
        let engine = MonteCarloEngine(scenario: scenario)
        let catalog = MetricCatalog(scenario: scenario)
        let positions = try #require(catalog.selection)
        for replication in 0..<20 {
            let ledger = try engine.replay(replication: replication).ledger
            for year in 0..<4 {
                let next = ledger[year: year + 1, metric: positions.pool]
                #expect(next == ledger[year: year, metric: positions.pool] - ledger[year: year, metric: catalog.named])
                #expect(ledger[year: year, metric: catalog.named] + ledger[year: year, metric: positions.unfilledQuota] == 4)
            }
        }
    }

    @Test("Screening: an applicant is recommended only when it meets all six conditions")
    func screening() throws {
        let conditions = [0.9, 0.8, 1, 0.95, 1, 0.7]
        let applicants = ApplicantParameters(pool: 50, conditionProbabilities: conditions)
        let forecast = try MonteCarloEngine(scenario: poolScenario(quota: 0, applicants: applicants)).run(threads: 2)
        let meetsAll = conditions.reduce(1, *)
        for year in 2026...2028 {
            #expect(within4MCSE(try summary(forecast, year, .recommended), 50 * meetsAll), "\(year)")
        }
    }

    @Test("Each body recommends at most its cap, the best by score")
    func channelCaps() throws {
        let capped = ApplicantParameters(
            pool: 40, channels: [.init(name: "county", share: 0.5, cap: 1), .init(name: "industry", share: 0.5, cap: 2)])
        let forecast = try MonteCarloEngine(scenario: poolScenario(quota: 0, applicants: capped)).run(threads: 2)
        for year in 2026...2028 { #expect(try summary(forecast, year, .recommended)[.max] == 3) }
        let uncapped = ApplicantParameters(pool: 40, channels: [.init(name: "county", share: 0.5), .init(name: "industry", share: 0.5)])
        let open = try MonteCarloEngine(scenario: poolScenario(quota: 0, applicants: uncapped)).run(threads: 2)
        #expect(try summary(open, 2026, .recommended)[.min] == 40)
        // A body recommends its best: every studio left out scored no more than any recommended.
        let single = ApplicantParameters(pool: 40, qualitySD: 10, channels: [.init(name: "all", share: 1, cap: 3)])
        let replay = try MonteCarloEngine(scenario: poolScenario(quota: 1, applicants: single)).replay(replication: 3)
        var leftOut: [Double] = []
        var recommended: [Double] = []
        for event in replay.trace.events where event.year == 2026 {
            switch event.kind {
            case .notRecommended(let score): leftOut.append(score)
            case .ranked(let score, _, _), .belowShortlist(let score): recommended.append(score)
            default: break
            }
        }
        #expect(leftOut.count == 37 && recommended.count == 3)
        #expect(leftOut.max()! <= recommended.min()!)
    }

    @Test("Objections leave the place empty, or with refill pass it down the ranking")
    func objections() throws {
        let strong = ApplicantParameters(pool: 100, qualityMean: 90, qualitySD: 0)
        var rules = SelectionRules(shortlistScore: 80, objectionProbability: 0.5)
        let empty = try MonteCarloEngine(scenario: poolScenario(quota: 5, applicants: strong, selection: rules)).run(threads: 2)
        #expect(within4MCSE(try summary(empty, 2026, .named), 2.5))
        #expect(within4MCSE(try summary(empty, 2026, .unfilledQuota), 2.5))
        rules.refillAfterObjection = true
        let refilled = try MonteCarloEngine(scenario: poolScenario(quota: 5, applicants: strong, selection: rules)).run(threads: 2)
        #expect(try summary(refilled, 2026, .named)[.min] == 5)
    }

    @Test("Equal scores at the cut are broken by a GSL draw, each side about half the time")
    func randomTieBreak() throws {
        let listed = ["甲", "乙"].map {
            ListedApplicant(id: $0, name: "工作室\($0)", channel: 0, quality: 85, meetsConditions: Array(repeating: true, count: 6))
        }
        let scenario = poolScenario(
            quota: 1, horizon: 1, applicants: ApplicantParameters(pool: 0, listed: listed),
            selection: SelectionRules(shortlistScore: 80))
        let engine = MonteCarloEngine(scenario: scenario)
        var firstWins = 0
        let trials = 400
        for replication in 0..<trials {
            let events = try engine.replay(replication: replication).trace.events
            if events.contains(where: { $0.studio == "甲 工作室甲" && $0.kind == .named }) { firstWins += 1 }
        }
        // Binomial(400, 1/2): mean 200, sd 10.
        #expect((160...240).contains(firstWins), "\(firstWins)")
    }

    @Test("Equal scores are broken evenly by the application uniform, for listed and drawn applicants alike")
    func tieKeyFromApplicationUniform() throws {
        // The listed studio passes its first-year screening when u < 0.9, the drawn one when
        // u < 0.9 × 0.5; both keys are rescaled to [0, 1), so each wins half the ties. Keys left
        // unscaled would make the listed studio win three ties in four.
        let listed = [
            ListedApplicant(id: "甲", name: "工作室甲", channel: 0, quality: 85, meetsConditions: Array(repeating: true, count: 6))
        ]
        var conditions = Array(repeating: 1.0, count: ApplicantCondition.allCases.count)
        conditions[0] = 0.5
        let applicants = ApplicantParameters(
            pool: 1, applyProbability: 0.9, qualityMean: 85, qualitySD: 0, conditionProbabilities: conditions, listed: listed)
        let engine = MonteCarloEngine(
            scenario: poolScenario(quota: 1, horizon: 1, applicants: applicants, selection: SelectionRules(shortlistScore: 80)))
        var ties = 0
        var listedWins = 0
        for replication in 0..<1600 {
            let events = try engine.replay(replication: replication).trace.events
            let ranked = events.filter { if case .ranked = $0.kind { true } else { false } }
            guard ranked.count == 2 else { continue }
            ties += 1
            if events.contains(where: { $0.studio == "甲 工作室甲" && $0.kind == .named }) { listedWins += 1 }
        }
        // About 1600 × 0.9 × 0.45 ≈ 650 ties; Binomial(ties, 1/2) has sd √ties / 2 ≈ 12.7.
        #expect(ties > 500)
        #expect(abs(Double(listedWins) - Double(ties) / 2) <= 4 * Double(ties).squareRoot() / 2, "\(listedWins) of \(ties)")
    }

    @Test("A listed studio keeps its Chinese name through the trace")
    func listedNamesInTrace() throws {
        let listed = [
            ListedApplicant(id: "S01", name: "洪城工匠创新工作室", channel: 0, quality: 95, meetsConditions: Array(repeating: true, count: 6)),
            ListedApplicant(id: "S02", name: "赣鄱工匠工作室", channel: 0, quality: 60, meetsConditions: [true, true, false, true, true, true]),
        ]
        let scenario = poolScenario(
            quota: 2, horizon: 2, applicants: ApplicantParameters(pool: 0, listed: listed),
            selection: SelectionRules(shortlistScore: 80))
        let events = try MonteCarloEngine(scenario: scenario).replay(replication: 0).trace.events
        #expect(events.contains { $0.studio == "S01 洪城工匠创新工作室" && $0.kind == .named })
        #expect(events.contains { $0.studio == "S02 赣鄱工匠工作室" && $0.kind == .failedCondition(.facilities) && $0.year == 2026 })
        let assessedLater = events.contains { event in
            guard event.studio == "S01 洪城工匠创新工作室", event.year == 2027, case .assessed = event.kind else { return false }
            return true
        }
        #expect(assessedLater)
    }
}

@Suite("Score-based assessment (合格标准)")
struct ScoreAssessmentTests {
    @Test("A studio passes when quality plus noise reaches the pass score: P = Q((pass − quality)/sd)")
    func passProbability() throws {
        let assessment = AssessmentParameters(model: .score(passScore: 60, noiseSD: 10))
        let existing = [
            ExistingStudioGroup(
                namedYear: 2018, count: 50, state: StudioGrantState(phase: .postCycle, tranchesEarned: 3), quality: 70)
        ]
        let scenario = poolScenario(
            quota: 0, horizon: 1, applicants: ApplicantParameters(pool: 0), assessment: assessment, existing: existing)
        let forecast = try MonteCarloEngine(scenario: scenario).run(threads: 2)
        // One fail after the cycle revokes (Art. 14): E = 50 · P(N(0, 10) < −10) = 50 · Q(1).
        #expect(within4MCSE(try summary(forecast, 2026, .revocationsPostCycle), 50 * 0.158_655_253_931_457_05))
    }

    @Test("A stricter shortlist names better studios, who then fail less")
    func stricterShortlistFailsLess() throws {
        let applicants = ApplicantParameters(pool: 60, newPerYear: 10, qualityMean: 75, qualitySD: 10, scoreNoiseSD: 3)
        let assessment = AssessmentParameters(model: .score(passScore: 70, noiseSD: 10))
        func failRate(shortlist: Double) throws -> (rate: Double, mcse: Double) {
            let scenario = poolScenario(
                quota: 15, horizon: 4, applicants: applicants, selection: SelectionRules(shortlistScore: shortlist),
                assessment: assessment)
            let forecast = try MonteCarloEngine(scenario: scenario).run(threads: 2)
            let yellow = try summary(forecast, 2027, .yellowCards)
            let assessed = try summary(forecast, 2027, .assessed)[.mean]!
            return (yellow[.mean]! / assessed, yellow[.mcse]! / assessed)
        }
        let lenient = try failRate(shortlist: 70)
        let strict = try failRate(shortlist: 85)
        #expect(lenient.rate - strict.rate > 4 * (lenient.mcse + strict.mcse), "\(lenient) vs \(strict)")
    }
}

@Suite("Exact evaluator with the simplest selection")
struct ExactSelectionTests {
    static let applicants = ApplicantParameters(pool: 12, qualityMean: 78, qualitySD: 8)
    static let scenario = poolScenario(
        quota: 5, horizon: 4, applicants: applicants, selection: SelectionRules(shortlistScore: 80), replications: 4000)

    @Test("First-year namings are E[min(quota, Binomial(pool, P(quality ≥ shortlist)))], computed by hand")
    func firstYear() throws {
        // P(quality ≥ 80) for quality ~ N(78, 8): Q(0.25) = 0.401 293 674 317 076 1.
        let p = 0.401_293_674_317_076_1
        var expected = 0.0
        for k in 0...12 {
            var choose = 1.0
            for i in 0..<k { choose = choose * Double(12 - i) / Double(i + 1) }
            expected += Double(min(5, k)) * choose * pow(p, Double(k)) * pow(1 - p, Double(12 - k))
        }
        let exact = ExactEvaluator(scenario: Self.scenario).expectedNamed()
        #expect(abs(exact[0] - expected) < 1e-12)
        let forecast = try MonteCarloEngine(scenario: Self.scenario).run(threads: 2)
        #expect(within4MCSE(try summary(forecast, 2026, .named), expected))
    }

    @Test("Every metric of every year agrees with Monte Carlo within 4 MCSE")
    func everyMetric() throws {
        expectAgreement(
            try MonteCarloEngine(scenario: Self.scenario).run(threads: 2),
            try ExactEvaluator(scenario: Self.scenario).evaluate())
    }

    @Test("A pool beyond the simplest selection is refused")
    func refusesNoise() {
        var noisy = Self.scenario
        noisy.applicants?.scoreNoiseSD = 2
        #expect(throws: ExactEvaluatorError.selectionNotCovered) { try ExactEvaluator(scenario: noisy).evaluate() }
    }
}

@Suite("Scoring rubric in the simulation")
struct RubricSimulationTests {
    @Test("A shortlisted studio's score is split into the rubric's items in the trace, summing to the score")
    func itemsInTrace() throws {
        let rubric = ScoringRubric(items: [.init(key: "facilities", points: 30), .init(key: "results", points: 70)])
        let scenario = Scenario(
            name: "rubric", startYear: 2026, horizonYears: 1, simulation: SimulationSettings(replications: 1, seed: 4),
            quotaPerYear: [2], applicants: ApplicantParameters(pool: 10, qualityMean: 85, qualitySD: 5),
            selection: SelectionRules(shortlistScore: 80, tieBreak: .rubricItem(1)), rubric: rubric)
        let events = try MonteCarloEngine(scenario: scenario).replay(replication: 0).trace.events
        var checked = 0
        for (index, event) in events.enumerated() {
            guard case .ranked(let score, _, _) = event.kind else { continue }
            guard case .scoreItems(let items) = events[index + 1].kind else {
                Issue.record("no items after \(event)")
                continue
            }
            #expect(items.map(\.key) == ["facilities", "results"])
            #expect(abs(items.reduce(0) { $0 + $1.points } - score) < 1e-9)
            #expect(items[0].points <= 30 && items[1].points <= 70)
            checked += 1
        }
        #expect(checked > 0)
    }
}
