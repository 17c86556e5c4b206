import StudioRules
import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

/// Calendar schedules on the quota, every pass probability, the subsidies and fraud, and cohort
/// schedules on the grant, its split, the cycle and the strikes, with studios named before the
/// forecast under the earliest rules; no applicant pool, so the exact evaluator covers it.
private let scheduledYAML = """
    name: exact-schedules
    start_year: 2026
    horizon_years: 8
    simulation: {replications: 4000, seed: 7}
    programme:
      grant_yuan: {2023: 1000000, 2028: 1200000}
      tranche_shares: {2023: [0.3, 0.3, 0.4], 2028: [0.4, 0.3, 0.3]}
      cycle_years: {2023: 5, 2029: 4}
      strikes_in_cycle: {2023: 2, 2030: 3}
    quota:
      per_year: {2026: 5, 2028: 8, 2031: 3}
    assessment:
      pass_probability:
        in_cycle: {2026: 0.9, 2029: [0.8, 0.85, 0.9, 0.95]}
        post_cycle: {2026: 0.95, 2030: 0.85}
        after_yellow_card: {2026: 0.7, 2028: 0.6}
    subsidies:
      equipment:
        rate: {2026: 0.1, 2029: 0.2}
        purchase_probability: {2026: 0.4, 2028: 0.5}
        median_yuan: 500000
        sigma: 0.6
      training:
        upgrades_per_studio_year: {intermediate: {2026: 2, 2029: 3}}
    fraud:
      detection_probability: {2026: 0.01, 2030: 0.03}
    existing_studios:
      - {named_year: 2023, count: 4, tranches_paid: 3, post_cycle: true}
      - {named_year: 2025, count: 3, tranches_paid: 1}
    """

@Suite("Exact evaluator under schedules")
struct ScheduleExactTests {
    @Test("Each cohort earns under its own rules: the 2028 cohort's first tranches are 8 × 480,000 yuan")
    func cohortRulesExactly() throws {
        let scenario = try Fixtures.scenario(scheduledYAML)
        let forecast = try ExactEvaluator(scenario: scenario).evaluate()
        let firstTranches = try [2027, 2028, 2031].map { year in
            try #require(forecast.summary(year: year, metric: .tranche(1))?[.mean])
        }
        let expected: [Double] = [5 * 300_000, 8 * 480_000, 3 * 480_000]
        #expect(zip(firstTranches, expected).allSatisfy { abs($0 - $1) < 1e-6 }, "\(firstTranches)")
        // Training from 2029 pays 3 intermediate upgrades (1,000 yuan each) per active studio.
        let active = try #require(forecast.summary(year: 2029, metric: .active)?[.mean])
        let training = try #require(forecast.summary(year: 2029, metric: .trainingSubsidy)?[.mean])
        #expect(abs(training - active * 3 * 1_000) < 1e-6 * training)
    }

    @Test("A schedule beyond the exact evaluator's reach is refused: a shock from some year, a moving shortlist")
    func refusals() throws {
        let shock = try Fixtures.scenario(
            scheduledYAML.replacingOccurrences(of: "\nsubsidies:", with: "\n  year_shock_sd: {2026: 0, 2030: 0.4}\nsubsidies:"))
        #expect(shock.inForce(in: 2030).assessment.yearShockSD == 0.4)
        #expect(throws: ExactEvaluatorError.notHomogeneous) { try ExactEvaluator(scenario: shock).evaluate() }
        let pool = """
            start_year: 2026
            quota: {per_year: 3}
            applicants: {pool: 20, quality: {mean: 80, sd: 5}}
            selection: {shortlist_score: {2026: 80, 2028: 75}}
            """
        #expect(throws: ExactEvaluatorError.selectionNotCovered) {
            try ExactEvaluator(scenario: try Fixtures.scenario(pool)).evaluate()
        }
        // The same pool with a plain shortlist is covered.
        let plain = try Fixtures.scenario(pool.replacingOccurrences(of: "{2026: 80, 2028: 75}", with: "80"))
        #expect(throws: Never.self) { try ExactEvaluator(scenario: plain).evaluate() }
    }

    @Test("Monte Carlo means under calendar and cohort schedules lie within 4 MCSE of the exact evaluator's")
    func monteCarloAgrees() throws {
        let scenario = try Fixtures.scenario(scheduledYAML)
        let exact = try ExactEvaluator(scenario: scenario).evaluate()
        let montecarlo = try MonteCarloEngine(scenario: scenario).run(threads: 2)
        expectAgreement(montecarlo, exact)
        // The schedules act: the same scenario without them gives other expectations.
        let plain = try ExactEvaluator(scenario: scenario.with {
            $0.calendarSchedules = []
            $0.grantRules = $0.grantRules
        }).evaluate()
        #expect(plain.summary(year: 2033, metric: .grantOutflow)?[.mean] != exact.summary(year: 2033, metric: .grantOutflow)?[.mean])
    }
}
