import Foundation
import StudioScenario
import Testing
import _TestSupport

@Suite("Uncertain inputs in scenario files")
struct UncertainScenarioTests {
    @Test(
        "Bad distribution parameters are one problem, with file, line and key path",
        arguments: [
            ("in_cycle: 0.93", "in_cycle: {distribution: beta, mean: 0.93, sd: 0.3}", "assessment.pass_probability.in_cycle",
             "a Beta's sd must be below √(mean(1 − mean)) = 0.2551 for mean 0.93, found 0.3"),
            ("in_cycle: 0.93", "in_cycle: {distribution: normal, mean: 0.95, sd: 0.1}", "assessment.pass_probability.in_cycle",
             "only 69.1% of this normal lies within the value's range 0...1 (at least 99% must)"),
            ("in_cycle: 0.93", "in_cycle: {distribution: gamma, mean: 1}", "assessment.pass_probability.in_cycle.distribution",
             "unknown distribution 'gamma'"),
            ("in_cycle: 0.93", "in_cycle: {distribution: uniform, min: 0.95, max: 0.9}", "assessment.pass_probability.in_cycle",
             "min 0.95 is above max 0.9"),
            ("in_cycle: 0.93", "in_cycle: {distribution: uniform, min: 0.9}", "assessment.pass_probability.in_cycle",
             "max is missing"),
            ("in_cycle: 0.93", "in_cycle: {distribution: triangular, min: 0.8, mode: 0.99, max: 0.95}",
             "assessment.pass_probability.in_cycle", "needs min ≤ mode ≤ max"),
            ("in_cycle: 0.93", "in_cycle: {distribution: lognormal, median: 0.5, sigma: 1}", "assessment.pass_probability.in_cycle",
             "of this log-normal lies above the value's largest 1"),
            ("new_per_year: 5", "new_per_year: {distribution: beta, mean: 5, sd: 1}", "applicants.new_per_year",
             "a Beta distribution is for probabilities"),
            ("grant_yuan: 1000000", "grant_yuan: {distribution: uniform, min: 900000, max: 1000000}", "programme.grant_yuan",
             "is one of the measures' own rules"),
            ("cycle_years: 5", "cycle_years: {distribution: uniform, min: 4, max: 5}", "programme.cycle_years",
             "is one of the measures' own rules"),
            ("per_year: 5", "per_year: {distribution: uniform, min: 4, max: 6}", "quota.per_year",
             "is a lever the programme chooses, not an assumption"),
            ("replications: 20000", "replications: {distribution: uniform, min: 1, max: 5}", "simulation.replications",
             "is a setting of the simulation"),
            ("shortlist_score: 80", "shortlist_score: {distribution: uniform, min: 75, max: 85}", "selection.shortlist_score",
             "is a lever the programme chooses, not an assumption"),
            ("in_cycle: 0.93", "in_cycle: {distribution: beta, mean: {distribution: uniform, min: 0.9, max: 0.95}, sd: 0.01}",
             "assessment.pass_probability.in_cycle.mean", "a distribution's parameters are numbers"),
            ("    mean: 78", "    mean: {distribution: uniform, min: 70, max: 80}", "applicants.quality.mean",
             "this value cannot be uncertain"),
        ])
    func badParameters(original: String, replacement: String, keyPath: String, message: String) throws {
        let yaml = try baselineYAML([(original, replacement)])
        let problems = Fixtures.problems(yaml, file: "test.yaml")
        #expect(problems.count == 1, "\(problems)")
        let problem = try #require(problems.first)
        #expect(problem.keyPath == keyPath)
        #expect(problem.line == line(of: replacement, in: yaml))
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(!problem.description.contains("\n"))
        #expect(problem.description.hasPrefix("test.yaml:\(problem.line ?? 0): \(keyPath): "))
    }

    @Test("The measures' award and skill-upgrade amounts and the equipment rate cannot be uncertain")
    func measuresAmounts() throws {
        let yaml = try baselineYAML([("rate: 0.10", "rate: {distribution: uniform, min: 0.05, max: 0.1}")])
        let problems = Fixtures.problems(yaml, file: "test.yaml")
        #expect(problems.map(\.keyPath) == ["subsidies.equipment.rate"])
        #expect(problems.first?.message.contains("Art. 12.1") == true)
    }

    @Test("With heterogeneity, an in-cycle distribution that can draw 0 or 1 is refused and a Beta is not")
    func heterogeneityBounds() throws {
        let uniform = try baselineYAML([
            ("in_cycle: 0.93", "in_cycle: {distribution: uniform, min: 0.9, max: 1}"), ("heterogeneity: 0 ", "heterogeneity: 20 "),
        ])
        let problems = Fixtures.problems(uniform, file: "test.yaml")
        #expect(problems.map(\.keyPath) == ["assessment.heterogeneity"])
        #expect(problems.first?.message.contains("assessment.pass_probability.in_cycle can draw 0 or 1") == true)
        let beta = try baselineYAML([
            ("in_cycle: 0.93", "in_cycle: {distribution: beta, mean: 0.93, sd: 0.02}"), ("heterogeneity: 0 ", "heterogeneity: 20 "),
        ])
        #expect(Fixtures.problems(beta, file: "test.yaml").isEmpty)
    }

    @Test("An uncertain value stands at its central number in the scenario, and is listed with its distribution")
    func centralValue() throws {
        let scenario = try Fixtures.scenario(
            try baselineYAML([
                ("in_cycle: 0.93", "in_cycle: {distribution: beta, mean: 0.92, sd: 0.02}"),
                ("apply_probability: 0.85", "apply_probability: {distribution: uniform, min: 0.7, max: 0.9}"),
            ]))
        #expect(scenario.assessment.inCycle == [0.92])
        #expect(abs((scenario.applicants?.applyProbability ?? 0) - 0.8) < 1e-12)
        #expect(scenario.uncertainInputs.inputs.map(\.distribution) == [
            .uniform(min: 0.7, max: 0.9), .beta(mean: 0.92, sd: 0.02),
        ])
        #expect(scenario.drawn([0.75, 0.9]).assessment.inCycle == [0.9])
        #expect(scenario.drawn([0.75, 0.9]).applicants?.applyProbability == 0.75)
    }
}
