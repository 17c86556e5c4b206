import Foundation
import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

/// A scenario without an applicant pool (so the exact evaluator covers it once its inputs are
/// numbers), whose in-cycle pass probability is `inCycle` (a number or a distribution).
private func quotaScenario(inCycle: String, replications: Int = 4000, extra: String = "") -> String {
    """
    name: uncertain
    start_year: 2026
    horizon_years: 8
    simulation: {replications: \(replications), seed: 11}
    quota:
      per_year: 5
    assessment:
      pass_probability:
        in_cycle: \(inCycle)
        post_cycle: 0.95
    existing_studios:
      - {named_year: 2025, count: 3, tranches_paid: 1}
    \(extra)
    """
}

@Suite("Uncertain inputs")
struct UncertainInputTests {
    /// The sample mean and sd of `values`, with their Monte Carlo standard errors.
    static func moments(_ values: [Double]) -> (mean: Double, meanMCSE: Double, sd: Double, sdMCSE: Double) {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let fourth = values.reduce(0) { $0 + pow($1 - mean, 4) } / n
        let sd = variance.squareRoot()
        // Var(s²) ≈ (m4 − σ⁴)/n, and s's error is s²'s over 2s.
        let varianceMCSE = (max(fourth - variance * variance, 0) / n).squareRoot()
        return (mean, sd / n.squareRoot(), sd, varianceMCSE / (2 * sd))
    }

    @Test("A Beta input's realised mean and sd match its parameters within 4 MCSE")
    func betaMoments() throws {
        let scenario = try Fixtures.scenario(quotaScenario(inCycle: "{distribution: beta, mean: 0.9, sd: 0.05}"))
        let draws = try InputDraws(scenario: scenario)
        let values = draws.values(replications: 0..<20_000).map { $0[0] }
        let realised = Self.moments(values)
        #expect(abs(realised.mean - 0.9) <= 4 * realised.meanMCSE, "mean \(realised.mean) ± \(realised.meanMCSE)")
        #expect(abs(realised.sd - 0.05) <= 4 * realised.sdMCSE, "sd \(realised.sd) ± \(realised.sdMCSE)")
        #expect(values.allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test(
        "Every distribution's realised mean matches its own within 4 MCSE and stays in the value's range",
        arguments: [
            ("{distribution: uniform, min: 0.7, max: 0.95}", 0.825),
            ("{distribution: triangular, min: 0.7, mode: 0.9, max: 0.95}", (0.7 + 0.9 + 0.95) / 3),
            ("{distribution: normal, mean: 0.9, sd: 0.02}", 0.9),
        ])
    func distributionMeans(text: String, mean: Double) throws {
        let scenario = try Fixtures.scenario(quotaScenario(inCycle: text))
        let values = try InputDraws(scenario: scenario).values(replications: 0..<20_000).map { $0[0] }
        let realised = Self.moments(values)
        #expect(abs(realised.mean - mean) <= 4 * realised.meanMCSE, "mean \(realised.mean) ± \(realised.meanMCSE)")
        #expect(values.allSatisfy { (0...1).contains($0) })
    }

    @Test("A Beta whose sd is too small for its parameters to be finite gives its mean")
    func tinyBeta() throws {
        let scenario = try Fixtures.scenario(quotaScenario(inCycle: "{distribution: beta, mean: 0.9, sd: 1e-200}"))
        let values = try InputDraws(scenario: scenario).values(replications: 0..<20)
        #expect(values.allSatisfy { $0 == [0.9] })
    }

    @Test("A log-normal input's realised median and mean match median·exp(σ²/2)")
    func lognormalMean() throws {
        let yaml = quotaScenario(
            inCycle: "0.9",
            extra: "subsidies:\n  equipment:\n    purchase_probability: 0.3\n    median_yuan: {distribution: lognormal, median: 400000, sigma: 0.3}")
        let values = try InputDraws(scenario: try Fixtures.scenario(yaml)).values(replications: 0..<20_000).map { $0[0] }
        let realised = Self.moments(values)
        let mean = 400_000 * exp(0.3 * 0.3 / 2)
        #expect(abs(realised.mean - mean) <= 4 * realised.meanMCSE, "mean \(realised.mean) ± \(realised.meanMCSE)")
    }

    /// The Beta density with this mean and sd at `p`.
    static func betaDensity(_ p: Double, mean: Double, sd: Double) -> Double {
        let concentration = mean * (1 - mean) / (sd * sd) - 1
        let (a, b) = (mean * concentration, (1 - mean) * concentration)
        guard p > 0 && p < 1 else { return 0 }
        let logKernel: Double = (a - 1) * log(p) + (b - 1) * log(1 - p)
        let logNorm: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        return exp(logKernel + logNorm)
    }

    @Test("With only in_cycle uncertain, the mean grant outflow is the exact mean averaged over its distribution")
    func inCycleMatchesQuadrature() throws {
        let (mean, sd) = (0.85, 0.05)
        let scenario = try Fixtures.scenario(
            quotaScenario(inCycle: "{distribution: beta, mean: \(mean), sd: \(sd)}", replications: 4000))
        let forecast = try MonteCarloEngine(scenario: scenario).run(threads: 2)
        // Simpson's rule over [0.4, 1], where all but a negligible share of the Beta lies.
        let intervals = 120
        let (low, high) = (0.4, 1.0)
        let width = (high - low) / Double(intervals)
        var expected = Array(repeating: 0.0, count: scenario.horizonYears)
        for point in 0...intervals {
            let p = low + Double(point) * width
            let weight = (point == 0 || point == intervals ? 1.0 : point % 2 == 1 ? 4.0 : 2.0) * width / 3
            let density = Self.betaDensity(p, mean: mean, sd: sd)
            guard density > 0 else { continue }
            let fixed = scenario.with {
                $0.uncertainInputs = UncertainInputs()
                $0.assessment.inCycle = [p]
            }
            let exact = try ExactEvaluator(scenario: fixed).evaluate()
            for (offset, year) in scenario.years.enumerated() {
                expected[offset] += weight * density * (exact.summary(year: year, metric: .grantOutflow)?[.mean] ?? .nan)
            }
        }
        for (offset, year) in scenario.years.enumerated() {
            let summary = try #require(forecast.summary(year: year, metric: .grantOutflow))
            let simulated = try #require(summary[.mean])
            let mcse = try #require(summary[.mcse])
            #expect(abs(simulated - expected[offset]) <= 4 * mcse, "\(year): \(simulated) vs \(expected[offset]) ± \(mcse)")
        }
        let isFinite = expected.allSatisfy { $0.isFinite && $0 > 0 }
        #expect(isFinite)
    }

    @Test("A scenario with an uncertain input is refused by the exact evaluator in one line")
    func exactRefuses() throws {
        let scenario = try Fixtures.scenario(quotaScenario(inCycle: "{distribution: uniform, min: 0.8, max: 0.9}"))
        let expected = ExactEvaluatorError.uncertainInputs(firstKeyPath: "assessment.pass_probability.in_cycle", count: 1)
        #expect(throws: expected) { try ExactEvaluator(scenario: scenario).evaluate() }
        #expect(!expected.description.contains("\n") && expected.description.contains("--method montecarlo"))
    }

    @Test("Two scenarios sharing an input's key path draw the same values for it, whatever else they hold")
    func commonDraws() throws {
        let one = try Fixtures.scenario(quotaScenario(inCycle: "{distribution: uniform, min: 0.8, max: 0.9}"))
        let two = try Fixtures.scenario(
            quotaScenario(
                inCycle: "{distribution: uniform, min: 0.8, max: 0.9}",
                extra: "fraud:\n  detection_probability: {distribution: beta, mean: 0.01, sd: 0.005}"))
        let first = try InputDraws(scenario: one).values(replications: 0..<50).map { $0[0] }
        let second = try InputDraws(scenario: two).values(replications: 0..<50)
        #expect(second.map { $0[0] } == first)
        #expect(Set(first).count == 50)
        #expect(second.map { $0[1] } != first)
    }

    @Test("An uncertain entry of a schedule changes its own years only")
    func scheduleEntry() throws {
        let scenario = try Fixtures.scenario(
            quotaScenario(inCycle: "{2026: 0.9, 2029: {distribution: uniform, min: 0.6, max: 0.7}}"))
        #expect(scenario.uncertainInputs.inputs.map(\.keyPath) == ["assessment.pass_probability.in_cycle.2029"])
        let drawn = scenario.drawn([0.65])
        #expect(drawn.inForce(in: 2028).assessment.inCycle == [0.9])
        #expect(drawn.inForce(in: 2029).assessment.inCycle == [0.65])
        #expect(drawn.inForce(in: 2033).assessment.inCycle == [0.65])
    }

    @Test("One element of an in-cycle list may be uncertain")
    func listElement() throws {
        let scenario = try Fixtures.scenario(
            quotaScenario(inCycle: "[0.9, {distribution: uniform, min: 0.6, max: 0.7}, 0.92, 0.94]"))
        #expect(scenario.uncertainInputs.inputs.map(\.keyPath) == ["assessment.pass_probability.in_cycle[1]"])
        #expect(scenario.drawn([0.61]).assessment.inCycle == [0.9, 0.61, 0.92, 0.94])
    }
}

@Suite("Variance shares")
struct VarianceShareTests {
    static func input(_ key: String) -> UncertainInput {
        UncertainInput(keyPath: key, distribution: .uniform(min: 0, max: 1))
    }

    @Test("An input that drives the output takes a share near 1 and one that cannot matter a share near 0")
    func syntheticShares() {
        var state: UInt64 = 3
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let values = (0..<3000).map { _ in [uniform(), uniform()] }
        let output = values.map { exp(4 * $0[0]) + 0.05 * uniform() }
        let shares = VarianceShares(inputs: [Self.input("dominant"), Self.input("idle")], values: values, output: output, seed: 1)
        let dominant = shares.shares.first { $0.group == "dominant" }
        let idle = shares.shares.first { $0.group == "idle" }
        #expect((dominant?.share ?? 0) > 0.95)
        #expect((idle?.share ?? 1) < 0.005)
        #expect((dominant?.mcse ?? 1) > 0 && (dominant?.mcse ?? 1) < 0.01)
    }

    @Test("The Art. 2 conditions and the chance to apply form one group, acting through their product")
    func productGroup() {
        var state: UInt64 = 5
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let inputs = ["applicants.apply_probability", "applicants.conditions.leader", "fraud.detection_probability"]
            .map(Self.input)
        let values = (0..<2000).map { _ in [uniform(), uniform(), uniform()] }
        let output = values.map { $0[0] * $0[1] }
        let shares = VarianceShares(inputs: inputs, values: values, output: output, seed: 2)
        #expect(shares.shares.count == 2)
        #expect(shares.shares[0].keyPaths == ["applicants.apply_probability", "applicants.conditions.leader"])
        #expect(shares.shares[0].share > 0.99)
    }

    @Test("In a run, the in-cycle pass probability dominates the grant spending and the equipment purchases do not touch it")
    func sharesFromRun() throws {
        let yaml = quotaScenario(
            inCycle: "{distribution: uniform, min: 0.5, max: 0.99}", replications: 1500,
            extra: "subsidies:\n  equipment:\n    purchase_probability: {distribution: uniform, min: 0, max: 1}")
        let scenario = try Fixtures.scenario(yaml)
        let shares = try #require(try VarianceShares.run(scenario, metric: .cumulativeGrantOutflow, year: 5, threads: 2))
        let inCycle = try #require(shares.shares.first { $0.group == "assessment.pass_probability.in_cycle" })
        let purchases = try #require(shares.shares.first { $0.group == "subsidies.equipment.purchase_probability" })
        #expect(inCycle.share > 0.8, "\(inCycle)")
        #expect(purchases.share < 0.01, "\(purchases)")
        #expect(inCycle.coefficient > 0)
    }
}
