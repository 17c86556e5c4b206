import StudioReports
import StudioScenario
import Testing
import _TestSupport

@Suite("The catalog of scenario keys and their source lines")
struct ScenarioKeyCatalogTests {
    @Test("every key of the baseline file has its line, and a key not written has none")
    func keyLines() throws {
        let text = """
            name: lines
            start_year: 2026
            quota:
              per_year: [5, 6]
            budget:

              annual_yuan: 8000000
            """
        let lines = ScenarioKeyLines(yaml: text)
        #expect(lines.line(of: "name") == 1)
        #expect(lines.line(of: "quota.per_year") == 4)
        #expect(lines.line(of: "budget.annual_yuan") == 7)
        #expect(lines.line(of: "budget.period_yuan") == nil)
        #expect(lines.scalars["budget.annual_yuan"] == "8000000" && lines.scalars["quota"] == nil)
        #expect(ScenarioKeyLines(yaml: "{ not: [yaml").lines.isEmpty)
    }

    @Test(
        "the measures fix the grant, the tranches and the strikes; the pass rates and the budget are assumptions"
    )
    func bases() {
        func basis(_ keyPath: String) -> ScenarioKeyCatalog.Basis? {
            ScenarioKeyCatalog.entries.first { $0.keyPath == keyPath }?.basis
        }
        #expect(basis("programme.grant_yuan") == .measures(zh: "第十一条", en: "Art. 11"))
        #expect(basis("programme.strikes_post_cycle") == .measures(zh: "第十四条", en: "Art. 14"))
        #expect(basis("fraud.recover") == .measures(zh: "第十五条", en: "Art. 15"))
        #expect(basis("assessment.pass_probability.in_cycle") == .assumption(zh: "第十一条", en: "Art. 11"))
        #expect(basis("budget.annual_yuan") == .assumption(zh: nil, en: nil))
        #expect(Set(ScenarioKeyCatalog.entries.map(\.keyPath)).count == ScenarioKeyCatalog.entries.count)
    }

    @Test("the baseline's values read in words, in Chinese and English")
    func values() throws {
        let scenario = try Fixtures.shippedScenario("nanchang-baseline")
        func value(_ keyPath: String, _ language: ScenarioExplanation.Language) -> String? {
            ScenarioKeyCatalog.entries.first { $0.keyPath == keyPath }?.value(
                in: scenario, language: language)
        }
        #expect(value("programme.grant_yuan", .zh) == "100 万元")
        #expect(value("programme.grant_yuan", .en) == "1,000,000 yuan")
        #expect(value("programme.tranche_shares", .zh) == "30%、30%、40%")
        #expect(value("budget.annual_yuan", .zh) == "800 万元")
        #expect(value("reporting.planning_percentile", .en) == "P95")
        #expect(value("quota.per_year", .zh) == "5")
    }

    @Test(
        "reporting.planning_percentile takes a percentile the forecast keeps, and names the line of any other"
    )
    func planningPercentile() throws {
        let base = "name: p\nstart_year: 2026\nquota:\n  per_year: 5\nreporting:\n  planning_percentile: "
        #expect(try Fixtures.scenario(base + "75").budget.planningPercentile == 75)
        #expect(
            try Fixtures.scenario("name: p\nstart_year: 2026\nquota:\n  per_year: 5\n").budget
                .planningPercentile == 95)
        let problems = Fixtures.problems(base + "90", file: "p.yaml")
        #expect(
            problems.map(\.description) == [
                "p.yaml:6: reporting.planning_percentile: percentile 90 is not one the forecast keeps; choose one of 5, 25, 50, 75, 95"
            ])
        let text = Fixtures.problems(base + "high", file: "p.yaml")
        #expect(
            text.count == 1 && text.first?.line == 6 && text.first?.keyPath == "reporting.planning_percentile"
        )
    }
}
