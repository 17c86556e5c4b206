import StudioScenario
import Testing
import _TestSupport

@Suite("Overrides of scenario keys (sweeps, quota search, sensitivity)")
struct ScenarioOverrideTests {
    @Test("KEY=V1,V2 gives one override per value; commas inside brackets belong to a list")
    func alternatives() {
        #expect(
            ScenarioOverride.alternatives("quota.per_year=4, 5,6")
                == ["4", "5", "6"].map { ScenarioOverride(keyPath: "quota.per_year", value: $0) })
        #expect(
            ScenarioOverride.alternatives("programme.tranche_shares=[0.3,0.3,0.4],[0.5,0.5]")?.map(\.value)
                == ["[0.3,0.3,0.4]", "[0.5,0.5]"])
        #expect(ScenarioOverride.alternatives("quota.per_year") == nil)
        #expect(ScenarioOverride.alternatives("quota.per_year=4,,5") == nil)
        #expect(ScenarioOverride.alternatives("x=[1,2") == nil)
    }

    @Test("An override is validated like the same value written in the file")
    func overridesAreValidated() throws {
        let path = Fixtures.scenarioPath("nanchang-baseline")
        let loader = ScenarioLoader()
        let scenario = try loader.load(
            path: path,
            overrides: [
                ScenarioOverride(keyPath: "quota.per_year", value: "7"),
                ScenarioOverride(keyPath: "programme.tranche_shares", value: "[0.25,0.25,0.25,0.25]"),
                ScenarioOverride(keyPath: "fraud.recover", value: "all"),
            ])
        #expect(scenario.quotaPerYear == Array(repeating: 7, count: 10))
        #expect(scenario.grantRules.trancheShares == [0.25, 0.25, 0.25, 0.25])
        #expect(scenario.fraud.recover == .all)
        #expect(scenario.applicants?.pool == 12)
        do {
            _ = try loader.load(path: path, overrides: [ScenarioOverride(keyPath: "selection.shortlist_score", value: "120")])
            Issue.record("no error")
        } catch {
            #expect(error.errors.count == 1)
            #expect(error.errors[0].description.contains("[selection.shortlist_score=120]: selection.shortlist_score: 120 is out of range"))
            #expect(error.errors[0].line == nil)
        }
        #expect(throws: ScenarioErrors.self) {
            try loader.load(path: path, overrides: [ScenarioOverride(keyPath: "quota.per_yeer", value: "5")])
        }
    }

    @Test("Sensitivity finds each single number outside the fixed keys, and moves it sensibly")
    func numericParameters() throws {
        let yaml = """
            start_year: 2026
            horizon_years: 10
            simulation:
              replications: 100
            quota:
              per_year: 5
            programme:
              tranche_shares: [0.3, 0.3, 0.4]
              grant_yuan: 1000000
            applicants:
              conditions:
                base: 1
            assessment:
              pass_probability:
                in_cycle: 0.95
            """
        let parameters = NumericParameter.all(inYAML: yaml)
        #expect(parameters.map(\.keyPath) == ["quota.per_year", "programme.grant_yuan", "applicants.conditions.base", "assessment.pass_probability.in_cycle"])
        let byPath = Dictionary(uniqueKeysWithValues: parameters.map { ($0.keyPath, $0) })
        #expect(byPath["quota.per_year"]?.moved(by: 0.1, direction: -1) == 4)
        #expect(byPath["quota.per_year"]?.moved(by: 0.1, direction: 1) == 6)
        #expect(byPath["programme.grant_yuan"]?.moved(by: 0.1, direction: 1) == 1_100_000)
        #expect(byPath["applicants.conditions.base"]?.moved(by: 0.1, direction: -1) == 0.9)
        #expect(byPath["applicants.conditions.base"]?.moved(by: 0.1, direction: 1) == 1)
        #expect(abs(byPath["assessment.pass_probability.in_cycle"]!.moved(by: 0.1, direction: 1) - 1) < 1e-12)
    }
}
