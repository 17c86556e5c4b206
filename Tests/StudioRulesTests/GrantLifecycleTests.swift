import StudioRules
import Testing

/// How a studio's cycle ended, by year since naming (the naming year is year 1).
enum Outcome: Equatable, CustomStringConvertible {
    case completed(year: Int)
    case revoked(year: Int)
    case forfeited(year: Int, yuan: Double)

    var description: String {
        switch self {
        case .completed(let year): return "completed in year \(year)"
        case .revoked(let year): return "revoked in year \(year)"
        case .forfeited(let year, let yuan): return "cycle ran out in year \(year), \(yuan) forfeited"
        }
    }
}

/// Runs a studio from naming through in-cycle assessments given as "P"/"F" for years 2, 3, ...,
/// stopping when the cycle ends. Returns the yuan earned, the outcome and the yellow cards.
func walk(_ results: String, rules: GrantRules = .measures) -> (paid: Double, outcome: Outcome?, yellowCards: Int) {
    let lifecycle = GrantLifecycle(rules: rules)
    var step = lifecycle.naming()
    var paid = step.earnedTranche.map(rules.trancheAmount) ?? 0
    var yellowCards = 0
    for (offset, result) in results.enumerated() {
        let age = offset + 2
        step = lifecycle.assess(step.state, age: age, passed: result == "P")
        paid += step.earnedTranche.map(rules.trancheAmount) ?? 0
        if step.yellowCard { yellowCards += 1 }
        if step.revocation != nil { return (paid, .revoked(year: age), yellowCards) }
        if step.cycleCompleted {
            let forfeited = step.forfeitedTranches.reduce(0.0) { $0 + rules.trancheAmount($1) }
            return (paid, forfeited > 0 ? .forfeited(year: age, yuan: forfeited) : .completed(year: age), yellowCards)
        }
    }
    return (paid, nil, yellowCards)
}

@Suite("Grant lifecycle under the measures (Art. 11)")
struct GrantLifecycleTests {
    /// All 16 pass/fail sequences of years 2–5, with what RULES.md §2 implies, worked by hand.
    static let sixteenSequences: [(String, Double, Outcome, Int)] = [
        ("PPPP", 1_000_000, .completed(year: 3), 0),
        ("PPPF", 1_000_000, .completed(year: 3), 0),
        ("PPFP", 1_000_000, .completed(year: 3), 0),
        ("PPFF", 1_000_000, .completed(year: 3), 0),
        ("PFPP", 1_000_000, .completed(year: 4), 1),
        ("PFPF", 1_000_000, .completed(year: 4), 1),
        ("PFFP", 600_000, .revoked(year: 4), 1),
        ("PFFF", 600_000, .revoked(year: 4), 1),
        ("FPPP", 1_000_000, .completed(year: 4), 1),
        ("FPPF", 1_000_000, .completed(year: 4), 1),
        ("FPFP", 1_000_000, .completed(year: 5), 2),
        ("FPFF", 600_000, .revoked(year: 5), 2),
        ("FFPP", 300_000, .revoked(year: 3), 1),
        ("FFPF", 300_000, .revoked(year: 3), 1),
        ("FFFP", 300_000, .revoked(year: 3), 1),
        ("FFFF", 300_000, .revoked(year: 3), 1),
    ]

    @Test("Every sequence of years 2–5", arguments: sixteenSequences)
    func sequence(_ results: String, paid: Double, outcome: Outcome, yellowCards: Int) {
        let walked = walk(results)
        #expect(walked.paid == paid, "\(results)")
        #expect(walked.outcome == outcome, "\(results)")
        #expect(walked.yellowCards == yellowCards, "\(results)")
    }

    @Test("Every path ends fully paid or revoked by year 5 under the measures' rules")
    func everyPathEndsByYearFive() {
        for (results, _, outcome, _) in Self.sixteenSequences {
            switch walk(results).outcome {
            case .completed(let year)?, .revoked(let year)?: #expect(year <= 5, "\(results)")
            default: Issue.record("\(results) ended as \(String(describing: outcome))")
            }
        }
    }

    @Test("The naming year earns tranche 1 of 300,000 yuan")
    func namingEarnsFirstTranche() {
        let step = GrantLifecycle(rules: .measures).naming()
        #expect(step.earnedTranche == 0)
        #expect(GrantRules.measures.trancheAmount(0) == 300_000)
        #expect(step.state == StudioGrantState(phase: .inCycle, tranchesEarned: 1))
        #expect(!step.cycleCompleted)
    }

    @Test("A pass clears the run of fails, so fails apart do not revoke")
    func passClearsFails() {
        let lifecycle = GrantLifecycle(rules: .measures)
        let failed = lifecycle.assess(lifecycle.naming().state, age: 2, passed: false)
        #expect(failed.state.hasYellowCard)
        let passed = lifecycle.assess(failed.state, age: 3, passed: true)
        #expect(passed.state.consecutiveFails == 0)
        #expect(!passed.state.hasYellowCard)
    }
}

@Suite("Grant lifecycle after the cycle (Art. 14)")
struct PostCycleTests {
    private func completedState(rules: GrantRules) -> StudioGrantState {
        let lifecycle = GrantLifecycle(rules: rules)
        var state = lifecycle.naming().state
        for age in 2...3 { state = lifecycle.assess(state, age: age, passed: true).state }
        return state
    }

    @Test("One fail after the cycle revokes, with no yellow card")
    func oneFailRevokes() {
        let lifecycle = GrantLifecycle(rules: .measures)
        let state = completedState(rules: .measures)
        #expect(state.phase == .postCycle)
        let passed = lifecycle.assess(state, age: 4, passed: true)
        #expect(passed.state.phase == .postCycle)
        #expect(passed.earnedTranche == nil)
        let failed = lifecycle.assess(passed.state, age: 5, passed: false)
        #expect(failed.revocation == .postCycle)
        #expect(!failed.yellowCard)
        #expect(failed.state.isRevoked)
    }

    @Test("With two post-cycle strikes the first fail is a yellow card and a pass clears it")
    func twoPostCycleStrikes() {
        let rules = GrantRules.measures.with { $0.strikesPostCycle = 2 }
        let lifecycle = GrantLifecycle(rules: rules)
        var step = lifecycle.assess(completedState(rules: rules), age: 4, passed: false)
        #expect(step.yellowCard && step.revocation == nil)
        step = lifecycle.assess(step.state, age: 5, passed: true)
        step = lifecycle.assess(step.state, age: 6, passed: false)
        #expect(step.yellowCard && step.revocation == nil)
        step = lifecycle.assess(step.state, age: 7, passed: false)
        #expect(step.revocation == .postCycle)
    }
}

@Suite("Grant lifecycle under changed rules (RULES.md §2, forfeiture)")
struct RuleVariantTests {
    static let fourTranches = GrantRules.measures.with { $0.trancheShares = [0.25, 0.25, 0.25, 0.25] }
    static let threeStrikes = GrantRules.measures.with { $0.strikesInCycle = 3 }
    static let threeYearCycle = GrantRules.measures.with { $0.cycleYears = 3 }

    /// Hand-worked sequences under each changed rule set: its name, the rules, the results of
    /// years 2, 3, ..., the yuan paid, the outcome and the yellow cards.
    static let variantSequences: [(String, GrantRules, String, Double, Outcome, Int)] = [
        ("four tranches", fourTranches, "PPPP", 1_000_000, .completed(year: 4), 0),
        ("four tranches", fourTranches, "FPPP", 1_000_000, .completed(year: 5), 1),
        ("four tranches", fourTranches, "FPFP", 750_000, .forfeited(year: 5, yuan: 250_000), 2),
        ("four tranches", fourTranches, "PFPF", 750_000, .forfeited(year: 5, yuan: 250_000), 2),
        ("four tranches", fourTranches, "PFFP", 500_000, .revoked(year: 4), 1),
        ("three strikes", threeStrikes, "FFPP", 1_000_000, .completed(year: 5), 2),
        ("three strikes", threeStrikes, "PFFP", 1_000_000, .completed(year: 5), 2),
        ("three strikes", threeStrikes, "FFFP", 300_000, .revoked(year: 4), 2),
        ("three strikes", threeStrikes, "FFPF", 600_000, .forfeited(year: 5, yuan: 400_000), 3),
        ("three strikes", threeStrikes, "FFFF", 300_000, .revoked(year: 4), 2),
        ("three-year cycle", threeYearCycle, "PP", 1_000_000, .completed(year: 3), 0),
        ("three-year cycle", threeYearCycle, "FP", 600_000, .forfeited(year: 3, yuan: 400_000), 1),
        ("three-year cycle", threeYearCycle, "PF", 600_000, .forfeited(year: 3, yuan: 400_000), 1),
        ("three-year cycle", threeYearCycle, "FF", 300_000, .revoked(year: 3), 1),
    ]

    @Test("Four tranches, three strikes and a three-year cycle", arguments: variantSequences)
    func variant(
        _ name: String, _ rules: GrantRules, _ results: String, paid: Double, outcome: Outcome, yellowCards: Int
    ) {
        let walked = walk(results, rules: rules)
        #expect(walked.paid == paid, "\(name) \(results)")
        #expect(walked.outcome == outcome, "\(name) \(results)")
        #expect(walked.yellowCards == yellowCards, "\(name) \(results)")
    }

    @Test("A forfeited cycle moves on to post-cycle assessment with a fresh run of fails")
    func forfeitureLeadsToPostCycle() {
        let lifecycle = GrantLifecycle(rules: Self.threeYearCycle)
        let first = lifecycle.assess(lifecycle.naming().state, age: 2, passed: true)
        let last = lifecycle.assess(first.state, age: 3, passed: false)
        #expect(last.forfeitedTranches == 2..<3)
        #expect(last.cycleCompleted && last.revocation == nil)
        #expect(last.state == StudioGrantState(phase: .postCycle, tranchesEarned: 2, consecutiveFails: 0))
    }

    @Test("A single tranche ends the cycle in the naming year")
    func singleTranche() {
        let rules = GrantRules.measures.with { $0.trancheShares = [1] }
        let step = GrantLifecycle(rules: rules).naming()
        #expect(step.earnedTranche == 0)
        #expect(step.cycleCompleted)
        #expect(step.forfeitedTranches.isEmpty)
        #expect(step.state.phase == .postCycle)
    }

    @Test("A one-year cycle forfeits every later tranche at naming")
    func oneYearCycle() {
        let rules = GrantRules.measures.with { $0.cycleYears = 1 }
        let step = GrantLifecycle(rules: rules).naming()
        #expect(step.forfeitedTranches == 1..<3)
        #expect(step.state.phase == .postCycle)
    }
}
