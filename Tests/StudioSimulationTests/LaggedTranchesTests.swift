import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

/// A scenario with a one-year payment lag and two cohorts named before 2026; `earned2024` and
/// `earned2025` are the `tranches_earned` lines of its groups (empty for none).
private func scenarioYAML(earned2024: String, earned2025: String) -> String {
    """
    name: lagged
    start_year: 2026
    horizon_years: 3
    simulation:
      replications: 200
      seed: 11
    programme:
      payment_lag_years: 1
    quota:
      per_year: 5
    existing_studios:
      - named_year: 2024
        count: 4
        tranches_paid: 1
    \(earned2024)
      - named_year: 2025
        count: 5
        tranches_paid: 0
    \(earned2025)
    """
}

@Suite("Tranches earned before the start year under a payment lag")
struct LaggedTranchesTests {
    @Test("Declaring tranches_earned restores the 2026 grant outflow, exactly and by Monte Carlo")
    func restoresFirstYear() throws {
        let declared = try Fixtures.scenario(
            scenarioYAML(earned2024: "    tranches_earned: 2", earned2025: "    tranches_earned: 1"))
        #expect(declared.warnings.isEmpty)
        // 4 studios' second tranche and 5 studios' first, each 300,000 yuan, earned in 2025 and due in 2026.
        let due = 9 * 300_000.0
        let exact = try ExactEvaluator(scenario: declared).evaluate()
        #expect(exact.summary(year: 2026, metric: .grantOutflow)?[.mean] == due)
        let simulated = try MonteCarloEngine(scenario: declared).run(threads: 2)
        #expect(simulated.summary(year: 2026, metric: .grantOutflow)?[.mean] == due)
        #expect(simulated.summary(year: 2026, metric: .grantOutflow)?[.p05] == due)

        let undeclared = try Fixtures.scenario(scenarioYAML(earned2024: "", earned2025: ""))
        #expect(try ExactEvaluator(scenario: undeclared).evaluate().summary(year: 2026, metric: .grantOutflow)?[.mean] == 0)
        #expect(try MonteCarloEngine(scenario: undeclared).run(threads: 2).summary(year: 2026, metric: .grantOutflow)?[.mean] == 0)
    }

    @Test("A lag without tranches_earned is one warning, naming the first entry without it")
    func warnsOnce() throws {
        let scenario = try Fixtures.scenario(scenarioYAML(earned2024: "", earned2025: ""))
        #expect(scenario.warnings.count == 1)
        #expect(scenario.warnings.first?.keyPath == "existing_studios[0].tranches_earned")
        #expect(scenario.warnings.first?.line == 12)
        let partly = try Fixtures.scenario(scenarioYAML(earned2024: "    tranches_earned: 2", earned2025: ""))
        #expect(partly.warnings.map(\.keyPath) == ["existing_studios[1].tranches_earned"])
        let none = try Fixtures.scenario(
            "name: t\nstart_year: 2026\nquota:\n  per_year: 1\nexisting_studios:\n  - named_year: 2025\n    count: 1\n    tranches_paid: 1\n")
        #expect(none.warnings.isEmpty)
    }

    @Test(
        "tranches_earned out of range is reported with its line",
        arguments: [("    tranches_earned: 3", "at most 1 tranche(s)"), ("    tranches_earned: 0", "fewer than the 1 tranches paid")])
    func outOfRange(_ line: String, _ message: String) {
        let problems = Fixtures.problems(scenarioYAML(earned2024: line, earned2025: "    tranches_earned: 1"), file: "lag.yaml")
        #expect(problems.count == 1)
        #expect(problems.first?.keyPath == "existing_studios[0].tranches_earned")
        #expect(problems.first?.line == 15)
        #expect(problems.first?.message.contains(message) == true)
    }
}
