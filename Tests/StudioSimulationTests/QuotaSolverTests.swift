import StudioScenario
@testable import StudioSimulation
import Testing
import _TestSupport

@Suite("solve-quota: bracketing on a share of the replications, confirming at all of them")
struct QuotaSolverTests {
    @Test(
        "The answer equals a scan of every quota at the full replications, which only confirm the bracket",
        arguments: [0.02, 0.05, 0.15])
    func answerEqualsScan(limit: Double) throws {
        let scenario = try Fixtures.shippedScenario("nanchang-baseline").with {
            $0.simulation = SimulationSettings(replications: 400, seed: 11, generator: "taus2")
        }
        let solver = try QuotaSolver(scenario: scenario, limit: limit, maxQuota: 16)
        let answer = try solver.solve(threads: 2)
        let quota = try #require(answer.quota)
        let scan = try (0...(quota + 2)).map { try solver.evaluate(quota: $0, threads: 2) }
        #expect(scan.lastIndex { $0.probability <= limit } == quota, "\(scan.map(\.probability))")
        #expect(scan.firstIndex { $0.probability > limit } == quota + 1, "\(scan.map(\.probability))")
        // The reported evaluations are those of a run at the full replications, bit for bit.
        #expect(answer.atQuota == scan[quota])
        #expect(answer.nextUp == scan[quota + 1])
        // Each evaluation says its replications: a few at 400 confirm what the many at 50 bracketed.
        let full = answer.evaluations.filter { $0.replications == 400 }
        let bracketing = answer.evaluations.filter { $0.replications == 400 / QuotaSolver.bracketingShare }
        #expect(full.count + bracketing.count == answer.evaluations.count)
        #expect(full.count < bracketing.count, "\(answer.evaluations)")
        #expect(Set(full.map(\.quota)).isSuperset(of: [quota, quota + 1]))
    }

    @Test("A scenario of fewer replications than the share's divisor is searched at its replications alone")
    func tooFewToBracket() throws {
        let scenario = try Fixtures.shippedScenario("nanchang-baseline").with {
            $0.simulation = SimulationSettings(
                replications: QuotaSolver.bracketingShare - 1, seed: 11, generator: "taus2")
        }
        let answer = try QuotaSolver(scenario: scenario, limit: 0.5, maxQuota: 8).solve(threads: 1)
        #expect(!answer.evaluations.isEmpty)
        #expect(answer.evaluations.allSatisfy { $0.replications == QuotaSolver.bracketingShare - 1 })
    }

    /// Every true answer (nil: none, up to the cap) against candidates on and around it.
    static let boundaries: [(truth: Int?, candidate: Int)] = [nil, 0, 1, 6, 12, 20].flatMap { truth in
        [-1, 0, 1, 5, 6, 7, 11, 12, 13, 19, 20].map { (truth, $0) }
    }

    @Test(
        "The confirmation walks from a wrong candidate to the boundary and asks about both its sides",
        arguments: boundaries)
    func confirmation(truth: Int?, candidate: Int) {
        let maxQuota = 20
        var asked: [Int] = []
        let within = { (quota: Int) -> Bool in
            asked.append(quota)
            return truth.map { quota <= $0 } ?? false
        }
        let found = QuotaSolver.confirm(candidate: candidate, maxQuota: maxQuota, within: within)
        #expect(found == truth)
        #expect(asked.allSatisfy { (0...maxQuota).contains($0) }, "\(asked)")
        if let truth {
            #expect(asked.contains(truth), "\(asked)")
            if truth < maxQuota { #expect(asked.contains(truth + 1), "\(asked)") }
        } else {
            #expect(asked.contains(0), "\(asked)")
        }
        // One off: two questions settle it, as a search from scratch would need many more.
        if let truth, candidate == truth || candidate == truth + 1, truth < maxQuota {
            #expect(asked.count == 2, "\(asked)")
        }
        // The full search agrees.
        let searched = QuotaSolver.search(maxQuota: maxQuota) { quota in truth.map { quota <= $0 } ?? false }
        #expect(searched == truth)
    }
}
