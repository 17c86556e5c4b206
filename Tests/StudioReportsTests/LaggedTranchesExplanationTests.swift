import StudioReports
import StudioScenario
import Testing
import _TestSupport

@Suite("explain: tranches earned before the start year")
struct LaggedTranchesExplanationTests {
    @Test("A group with tranches earned and unpaid is told apart from what was paid")
    func explainsAwaiting() throws {
        let scenario = try Fixtures.scenario(
            """
            name: lagged
            start_year: 2026
            programme:
              payment_lag_years: 1
            quota:
              per_year: 5
            existing_studios:
              - named_year: 2025
                count: 5
                tranches_paid: 0
                tranches_earned: 1
            """)
        let english = ScenarioExplanation(scenario: scenario, language: .en).lines()
        #expect(english.contains("Already named: 5 in 2025, 0 tranche(s) paid and 1 more earned, paid in the forecast (Art. 11)."))
        let chinese = ScenarioExplanation(scenario: scenario).lines()
        #expect(chinese.contains("已命名工作室：2025 年命名 5 个，已拨付 0 笔，另有 1 笔已获得、在预测期内拨付（第十一条）。"))
    }
}
