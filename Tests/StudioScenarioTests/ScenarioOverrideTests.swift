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
                ScenarioOverride(keyPath: "fraud.recover", value: "grant"),
            ])
        #expect(scenario.quotaPerYear == Array(repeating: 7, count: 10))
        #expect(scenario.grantRules.trancheShares == [0.25, 0.25, 0.25, 0.25])
        #expect(scenario.fraud.recover == .grant)
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

@Suite("Scenario files: states and sections that cannot hold together")
struct ScenarioConsistencyTests {
    static let base = """
        start_year: 2026
        quota:
          per_year: 2
        existing_studios:
          - named_year: 2025
            count: 3
            tranches_paid: 1

        """

    @Test(
        "Each impossible combination is one error at its key path",
        arguments: [
            (
                "  - named_year: 2024\n    count: 1\n    tranches_paid: 1\n    post_cycle: true\n",
                "existing_studios[1].post_cycle", "still in its 5-year cycle"
            ),
            (
                "  - named_year: 2025\n    count: 1\n    tranches_paid: 1\n    consecutive_fails: 1\n",
                "existing_studios[1].consecutive_fails", "need more than the 0 assessment(s)"
            ),
            (
                "  - named_year: 2024\n    count: 1\n    tranches_paid: 1\n    quality: 80\n",
                "existing_studios[1].quality", "applies only with assessment.model: score"
            ),
            ("scoring:\n  rubric:\n    - item: a\n      points: 100\n", "scoring", "needs an applicants section"),
            (
                "applicants:\n  pool: 3\nscoring:\n  rubric:\n    - item: a\n      points: 50\n    - item: a\n      points: 50\n",
                "scoring.rubric", "item names must differ"
            ),
            (
                "applicants:\n  pool: 3\nassessment:\n  model: score\n  pass_probability:\n    in_cycle: 0.9\n",
                "assessment.pass_probability", "applies only with assessment.model: probability"
            ),
            (
                "subsidies:\n  awards:\n    entries_per_studio:\n      golden_ideas: 1\n    kinds:\n      golden_ideas: []\n",
                "subsidies.awards.kinds.golden_ideas", "at least one tier"
            ),
            ("simulation:\n  seed: -1\n", "simulation.seed", "expected a whole number from 0 to 18446744073709551615"),
        ])
    func impossible(_ addition: String, keyPath: String, message: String) {
        let yaml = addition.hasPrefix("  - ") ? Self.base + addition : Self.base + addition
        let found = Fixtures.problems(yaml.replacingOccurrences(of: "\n\n  - ", with: "\n  - "), file: "x.yaml")
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.keyPath == keyPath)
        #expect(found.first?.message.contains(message) == true, "\(String(describing: found.first?.message))")
    }

    @Test("A seed above Int.max is accepted")
    func largeSeed() throws {
        let scenario = try Fixtures.scenario(Self.base + "simulation:\n  seed: 18446744073709551615\n")
        #expect(scenario.simulation.seed == UInt64.max)
    }
}
