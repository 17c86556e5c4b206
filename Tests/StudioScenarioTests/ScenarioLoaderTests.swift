import StudioRules
import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

/// A valid scenario; tests change one line of it at a time.
private let validYAML = """
    name: test
    start_year: 2026
    horizon_years: 3
    simulation:
      replications: 100
      seed: 7
      generator: mt19937
    programme:
      grant_yuan: 1000000
      tranche_shares: [0.3, 0.3, 0.4]
      cycle_years: 5
    quota:
      per_year: [5, 6, 7]
    assessment:
      pass_probability:
        in_cycle: 0.93
        post_cycle: 0.95
    existing_studios:
      - named_year: 2025
        count: 4
        tranches_paid: 1
    """

/// The valid scenario with the line holding `original` replaced by `replacement`.
private func variant(_ original: String, _ replacement: String) -> String {
    precondition(validYAML.contains(original), original)
    return validYAML.replacingOccurrences(of: original, with: replacement)
}

/// The errors loading `yaml` gives.
private func errors(_ yaml: String) -> [ScenarioError] {
    Fixtures.problems(yaml, file: "bad.yaml", knownGenerators: GSLLibrary.generatorNames)
}

@Suite("Scenario files")
struct ScenarioLoaderTests {
    @Test("A valid scenario decodes every key")
    func decodesValidScenario() throws {
        let scenario = try ScenarioLoader().load(yaml: validYAML, file: "ok.yaml")
        #expect(scenario.name == "test")
        #expect(scenario.years == 2026..<2029)
        #expect(scenario.simulation == SimulationSettings(replications: 100, seed: 7, generator: "mt19937"))
        #expect(scenario.quotaPerYear == [5, 6, 7])
        #expect(scenario.assessment.inCycle == [0.93])
        #expect(scenario.assessment.postCycle == 0.95)
        #expect(scenario.existingStudios == [
            ExistingStudioGroup(namedYear: 2025, count: 4, state: StudioGrantState(phase: .inCycle, tranchesEarned: 1))
        ])
    }

    @Test("Absent keys take the measures' values and a single quota applies to every year")
    func defaults() throws {
        let scenario = try Fixtures.scenario("start_year: 2030\nhorizon_years: 4\nquota:\n  per_year: 3\n")
        #expect(scenario.grantRules == .measures)
        #expect(scenario.quotaPerYear == [3, 3, 3, 3])
        #expect(scenario.name == "scenario")
        #expect(scenario.existingStudios.isEmpty)
    }

    @Test("Every shipped scenario is valid", arguments: Fixtures.shippedScenarioNames)
    func shippedScenarios(_ name: String) throws {
        let scenario = try ScenarioLoader(knownGenerators: GSLLibrary.generatorNames).load(path: Fixtures.scenarioPath(name))
        #expect(scenario.name == name)
    }

    @Test("The shipped scenarios are all there")
    func shippedScenarioList() {
        #expect(
            Fixtures.shippedScenarioNames == [
                "larger-quota", "nanchang-baseline", "reform-2028", "score-assessment", "shortlist-85", "stricter-assessment",
                "tight-budget", "tight-pool",
            ])
    }

    @Test("The baseline holds the figures its comments state")
    func baselineFigures() throws {
        let scenario = try Fixtures.shippedScenario("nanchang-baseline")
        #expect(scenario.startYear == 2026)
        #expect(scenario.horizonYears == 10)
        #expect(scenario.quotaPerYear == Array(repeating: 5, count: 10))
        #expect(scenario.assessment.inCycle == [0.93])
        #expect(scenario.assessment.postCycle == 0.95)
        #expect(Set(scenario.existingStudios.map(\.namedYear)) == [2024, 2025])
    }

    @Test("A per-year in-cycle list has one entry per assessed cycle year")
    func perYearInCycle() throws {
        let scenario = try Fixtures.scenario(
            variant("    in_cycle: 0.93", "    in_cycle: [0.9, 0.92, 0.94, 0.96]"))
        #expect(scenario.assessment.inCycle == [0.9, 0.92, 0.94, 0.96])
        let wrong = errors(variant("    in_cycle: 0.93", "    in_cycle: [0.9, 0.92]"))
        #expect(wrong.map(\.keyPath) == ["assessment.pass_probability.in_cycle"])
    }

    // MARK: - Errors

    /// One bad line per class of error: the key path and line each must name.
    static let badLines: [(String, String, String, Int, String)] = [
        ("  seed: 7", "  seed: 7\n  sed: 8", "simulation.sed", 7, "unknown key"),
        ("name: test", "name: test\ncolour: red", "colour", 2, "unknown key"),
        ("  replications: 100", "  replications: many", "simulation.replications", 5, "expected a whole number"),
        ("  replications: 100", "  replications: 0", "simulation.replications", 5, "out of range"),
        ("  replications: 100", "  replications: 10000001", "simulation.replications", 5, "out of range"),
        ("  generator: mt19937", "  generator: mt1993", "simulation.generator", 7, "unknown GSL generator"),
        ("    in_cycle: 0.93", "    in_cycle: 1.2", "assessment.pass_probability.in_cycle", 16, "outside [0, 1]"),
        ("    post_cycle: 0.95", "    post_cycle: -0.1", "assessment.pass_probability.post_cycle", 17, "outside [0, 1]"),
        ("    post_cycle: 0.95", "    post_cycle: \"high\"", "assessment.pass_probability.post_cycle", 17, "expected a number"),
        ("  tranche_shares: [0.3, 0.3, 0.4]", "  tranche_shares: [0.3, 0.3, 0.3]", "programme.tranche_shares", 10, "not 1"),
        ("  per_year: [5, 6, 7]", "  per_year: [5, 6]", "quota.per_year", 13, "horizon_years is 3"),
        ("  per_year: [5, 6, 7]", "  per_year: [5, -6, 7]", "quota.per_year[1]", 13, "out of range"),
        ("    count: 4", "    count: -4", "existing_studios[0].count", 20, "out of range"),
        ("  - named_year: 2025", "  - named_year: 2026", "existing_studios[0].named_year", 19, "out of range"),
        ("start_year: 2026", "start_year: 1850", "start_year", 2, "out of range"),
        ("horizon_years: 3", "horizon_years: 51", "horizon_years", 3, "out of range"),
        ("  cycle_years: 5", "  cycle_years: 5.5", "programme.cycle_years", 11, "expected a whole number"),
        ("    tranches_paid: 1", "    tranches_paid: 3", "existing_studios[0].tranches_paid", 21, "set post_cycle: true"),
        ("quota:\n  per_year: [5, 6, 7]", "quota: [5, 6, 7]", "quota", 12, "expected a mapping"),
    ]

    @Test("Each class of error names the file, the key path and the line", arguments: badLines)
    func badLine(_ original: String, _ replacement: String, keyPath: String, line: Int, message: String) throws {
        let found = errors(variant(original, replacement))
        #expect(found.count == 1, "\(found)")
        let error = try #require(found.first)
        #expect(error.file == "bad.yaml")
        #expect(error.keyPath == keyPath)
        #expect(error.line == line)
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.description.hasPrefix("bad.yaml:\(line): \(keyPath): "))
    }

    @Test("Every problem in a file is reported in one pass")
    func everyProblemAtOnce() {
        let yaml = variant("  seed: 7", "  seed: -7").replacingOccurrences(of: "    post_cycle: 0.95", with: "    post_cycle: 2")
        #expect(errors(yaml).map(\.keyPath) == ["simulation.seed", "assessment.pass_probability.post_cycle"])
    }

    @Test("A YAML syntax error names its line")
    func syntaxError() {
        let found = errors(variant("  seed: 7", "  seed: [7"))
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("YAML syntax") == true)
        #expect(found.first?.line != nil)
    }

    @Test("Missing required keys are named")
    func missingKeys() {
        #expect(errors("name: x\nquota:\n  per_year: 1\n").map(\.keyPath) == ["start_year"])
        #expect(errors("start_year: 2026\n").map(\.keyPath) == ["quota"])
        #expect(errors("").map(\.message) == ["the scenario is empty"])
    }

    @Test("Heterogeneity needs an in-cycle mean strictly inside (0, 1)")
    func heterogeneityNeedsInteriorMean() {
        let yaml = variant("    in_cycle: 0.93", "    in_cycle: 1")
            .replacingOccurrences(of: "    post_cycle: 0.95", with: "    post_cycle: 0.95\n  heterogeneity: 20")
        #expect(errors(yaml).map(\.keyPath) == ["assessment.heterogeneity"])
    }

    @Test("A file that cannot be read is one error naming it")
    func unreadableFile() {
        #expect(throws: ScenarioErrors.self) { try ScenarioLoader().load(path: "/nonexistent/scenario.yaml") }
    }
}
