import StudioRules
import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

/// One cohort of 10 named in 2026 and nothing else, over `horizon` years.
private func singleCohort(
    horizon: Int = 5, inCycle: Double = 0.9, postCycle: Double = 0.8, afterYellowCard: Double? = nil,
    rules: GrantRules = .measures
) -> Scenario {
    Scenario(
        name: "single", startYear: 2026, horizonYears: horizon, grantRules: rules,
        quotaPerYear: [10] + Array(repeating: 0, count: horizon - 1),
        assessment: AssessmentParameters(inCycle: [inCycle], postCycle: postCycle, afterYellowCard: afterYellowCard))
}

private func mean(_ forecast: Forecast, _ year: Int, _ metric: Metric) -> Double {
    forecast.summary(year: year, metric: metric)?[.mean] ?? .nan
}

private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

@Suite("Exact evaluator against hand computations")
struct ExactEvaluatorTests {
    @Test("Years 1–3 of one cohort follow the lifecycle's branches (Art. 11)")
    func firstYears() throws {
        let p = 0.9
        let forecast = try ExactEvaluator(scenario: singleCohort(inCycle: p)).evaluate()
        #expect(close(mean(forecast, 2026, .tranche(1)), 10 * 300_000))
        #expect(close(mean(forecast, 2026, .active), 10))
        #expect(close(mean(forecast, 2026, .assessed), 0))
        #expect(close(mean(forecast, 2027, .assessed), 10))
        #expect(close(mean(forecast, 2027, .tranche(2)), 10 * p * 300_000))
        #expect(close(mean(forecast, 2027, .yellowCards), 10 * (1 - p)))
        #expect(close(mean(forecast, 2027, .revocations), 0))
        // Year 3: tranche 3 after two passes; tranche 2 after fail then pass; revoked after two fails.
        #expect(close(mean(forecast, 2028, .tranche(3)), 10 * p * p * 400_000))
        #expect(close(mean(forecast, 2028, .tranche(2)), 10 * (1 - p) * p * 300_000))
        #expect(close(mean(forecast, 2028, .revocationsInCycle), 10 * (1 - p) * (1 - p)))
        #expect(close(mean(forecast, 2028, .yellowCards), 10 * p * (1 - p)))
        #expect(close(mean(forecast, 2028, .cyclesCompleted), 10 * p * p))
        #expect(close(mean(forecast, 2028, .active), 10 * (1 - (1 - p) * (1 - p))))
        #expect(
            close(
                mean(forecast, 2028, .grantOutflow),
                10 * (p * p * 400_000 + (1 - p) * p * 300_000)))
        #expect(
            close(
                mean(forecast, 2028, .cumulativeGrantOutflow),
                mean(forecast, 2026, .grantOutflow) + mean(forecast, 2027, .grantOutflow)
                    + mean(forecast, 2028, .grantOutflow)))
    }

    @Test("Post-cycle studios are revoked by one fail (Art. 14)")
    func postCycle() throws {
        let forecast = try ExactEvaluator(scenario: singleCohort(inCycle: 1, postCycle: 0.8)).evaluate()
        // Every studio completes in year 3 and is assessed post-cycle from year 4.
        #expect(close(mean(forecast, 2028, .cyclesCompleted), 10))
        #expect(close(mean(forecast, 2029, .revocationsPostCycle), 10 * 0.2))
        #expect(close(mean(forecast, 2030, .revocationsPostCycle), 10 * 0.8 * 0.2))
        #expect(close(mean(forecast, 2030, .yellowCards), 0))
    }

    @Test("A studio on a yellow card passes with its own probability")
    func afterYellowCard() throws {
        let forecast = try ExactEvaluator(scenario: singleCohort(inCycle: 0.9, afterYellowCard: 0.5)).evaluate()
        #expect(close(mean(forecast, 2028, .revocations), 10 * 0.1 * 0.5))
    }

    @Test("A payment lag moves each tranche to a later year")
    func paymentLag() throws {
        let plain = try ExactEvaluator(scenario: singleCohort()).evaluate()
        let lagged = try ExactEvaluator(
            scenario: singleCohort(rules: GrantRules.measures.with { $0.paymentLagYears = 1 })
        ).evaluate()
        #expect(close(mean(lagged, 2026, .grantOutflow), 0))
        for year in 2027...2030 {
            #expect(close(mean(lagged, year, .grantOutflow), mean(plain, year - 1, .grantOutflow)))
        }
    }

    @Test("A three-year cycle forfeits the third tranche of studios that failed once")
    func forfeiture() throws {
        let p = 0.9
        let rules = GrantRules.measures.with { $0.cycleYears = 3 }
        let forecast = try ExactEvaluator(scenario: singleCohort(inCycle: p, rules: rules)).evaluate()
        // Pass-fail and fail-pass end year 3 with tranche 3 (400,000) unearned.
        #expect(close(mean(forecast, 2028, .forfeited), 10 * 2 * p * (1 - p) * 400_000))
        #expect(close(mean(forecast, 2028, .cyclesCompleted), 10 * (1 - (1 - p) * (1 - p))))
    }

    @Test("Studios named before the start are carried from their state")
    func existingStudios() throws {
        let scenario = Scenario(
            name: "existing", startYear: 2026, horizonYears: 2, quotaPerYear: [0, 0],
            assessment: AssessmentParameters(inCycle: [0.9], postCycle: 0.8),
            existingStudios: [
                ExistingStudioGroup(
                    namedYear: 2025, count: 4, state: StudioGrantState(phase: .inCycle, tranchesEarned: 1)),
                ExistingStudioGroup(
                    namedYear: 2020, count: 6, state: StudioGrantState(phase: .postCycle, tranchesEarned: 3)),
            ])
        let forecast = try ExactEvaluator(scenario: scenario).evaluate()
        #expect(close(mean(forecast, 2026, .assessed), 10))
        #expect(close(mean(forecast, 2026, .tranche(2)), 4 * 0.9 * 300_000))
        #expect(close(mean(forecast, 2026, .revocationsPostCycle), 6 * 0.2))
        #expect(close(mean(forecast, 2026, .active), 10 - 6 * 0.2))
    }

    @Test("Cohort shares by age are the state probabilities")
    func cohortShares() throws {
        let p = 0.9
        let forecast = try ExactEvaluator(scenario: singleCohort(inCycle: p)).evaluate()
        func cell(_ age: Int, _ metric: Metric) -> Double? {
            let index = forecast.catalog.cohortMetrics.firstIndex(of: metric)
            return forecast.cohorts.first { $0.cohortYear == 2026 && $0.age == age && $0.metric == index }?.summary[.mean]
        }
        #expect(cell(3, .shareRevoked).map { close($0, (1 - p) * (1 - p)) } == true)
        #expect(cell(3, .shareFullyPaid).map { close($0, p * p) } == true)
        #expect(cell(1, .paidPerStudio).map { close($0, 300_000) } == true)
        #expect(cell(2, .paidPerStudio).map { close($0, 300_000 + p * 300_000) } == true)
    }

    @Test("Heterogeneity or a common shock is refused with the keys to change")
    func refusesHeterogeneity() {
        let scenario = singleCohort().with { $0.assessment.heterogeneity = 10 }
        #expect(throws: ExactEvaluatorError.notHomogeneous) { try ExactEvaluator(scenario: scenario).evaluate() }
        #expect(ExactEvaluatorError.notHomogeneous.description.contains("assessment.heterogeneity"))
    }
}
