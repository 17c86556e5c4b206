import StudioRules
import Testing

/// The declared states every pass/fail sequence of ages 2 ... `age` reaches, found by walking each
/// sequence through the lifecycle one by one: the definition the dynamic programme must match.
private func bruteForce(_ rules: GrantRules, age: Int) -> (Set<PriorGrantStates.Declaration>, revoked: Bool) {
    let lifecycle = GrantLifecycle(rules: rules)
    var declarations: Set<PriorGrantStates.Declaration> = []
    var revoked = false
    for sequence in 0..<(1 << (age - 1)) {
        var state = lifecycle.naming().state
        var earnedByAge = [state.tranchesEarned]
        for assessed in stride(from: 2, through: age, by: 1) where !state.isRevoked {
            state = lifecycle.assess(state, age: assessed, passed: sequence & (1 << (assessed - 2)) == 0).state
            earnedByAge.append(state.tranchesEarned)
        }
        if state.isRevoked {
            revoked = true
            continue
        }
        let paidAge = age - rules.paymentLagYears
        let paid = paidAge >= 1 ? earnedByAge[paidAge - 1] : 0
        declarations.insert(
            .init(tranchesPaid: paid, isPostCycle: state.phase == .postCycle, consecutiveFails: state.consecutiveFails))
    }
    return (declarations, revoked)
}

@Suite("States of studios named before the forecast (Art. 11, 14)")
struct PriorGrantStatesTests {
    static let ruleSets: [(String, GrantRules)] = [
        ("measures", .measures),
        ("four tranches", .measures.with { $0.trancheShares = [0.25, 0.25, 0.25, 0.25] }),
        ("three strikes", .measures.with { $0.strikesInCycle = 3 }),
        ("three-year cycle", .measures.with { $0.cycleYears = 3 }),
        ("two strikes after the cycle", .measures.with { $0.strikesPostCycle = 2 }),
        ("payment lag 1", .measures.with { $0.paymentLagYears = 1 }),
        ("payment lag 2, four tranches", .measures.with { $0.paymentLagYears = 2; $0.trancheShares = [0.25, 0.25, 0.25, 0.25] }),
    ]

    @Test("Year by year the reachable states are those of every pass/fail sequence", arguments: ruleSets)
    func matchesEverySequence(_ name: String, _ rules: GrantRules) {
        for age in 1...9 {
            let reachable = PriorGrantStates(lifecycle: GrantLifecycle(rules: rules), namedYear: 2020, lastYear: 2019 + age)
            let (declarations, revoked) = bruteForce(rules, age: age)
            #expect(reachable.declarations == declarations, "\(name), age \(age)")
            #expect(reachable.canBeRevoked == revoked, "\(name), age \(age)")
        }
    }

    @Test("Named in 2022, by 2025 a studio has been paid 2 or 3 tranches, or been revoked")
    func threeAssessments() {
        let reachable = PriorGrantStates(lifecycle: GrantLifecycle(rules: .measures), namedYear: 2022, lastYear: 2025)
        #expect(reachable.tranchesPaid == [2, 3])
        #expect(reachable.canBeRevoked)
        #expect(!reachable.contains(.init(tranchesPaid: 1, isPostCycle: false, consecutiveFails: 0)))
        #expect(reachable.postCycle(tranchesPaid: 2) == [false])
        #expect(reachable.consecutiveFails(tranchesPaid: 2, isPostCycle: false) == [1])
        #expect(reachable.postCycle(tranchesPaid: 3) == [true])
    }

    @Test("With a payment lag, fewer tranches are paid than earned, and the cycle may end before the last is paid")
    func paymentLag() {
        let rules = GrantRules.measures.with { $0.paymentLagYears = 1 }
        let reachable = PriorGrantStates(lifecycle: GrantLifecycle(rules: rules), namedYear: 2023, lastYear: 2025)
        // Passed in 2024 and 2025: tranche 3 earned in 2025 is paid in 2026.
        #expect(reachable.contains(.init(tranchesPaid: 2, isPostCycle: true, consecutiveFails: 0)))
        // Passed in 2025 only: tranche 2 is due in 2026.
        #expect(reachable.contains(.init(tranchesPaid: 1, isPostCycle: false, consecutiveFails: 0)))
        let measures = PriorGrantStates(lifecycle: GrantLifecycle(rules: .measures), namedYear: 2023, lastYear: 2025)
        #expect(!measures.contains(.init(tranchesPaid: 2, isPostCycle: true, consecutiveFails: 0)))
        #expect(!measures.contains(.init(tranchesPaid: 1, isPostCycle: false, consecutiveFails: 0)))
    }

    @Test("Fifty years of twenty-strike rules are enumerated at once, not sequence by sequence")
    func longSpan() {
        let rules = GrantRules.measures.with {
            $0.trancheShares = Array(repeating: 0.02, count: 50)
            $0.cycleYears = 20
            $0.strikesInCycle = 20
            $0.strikesPostCycle = 20
            $0.paymentLagYears = 10
        }
        let reachable = PriorGrantStates(lifecycle: GrantLifecycle(rules: rules), namedYear: 1976, lastYear: 2025)
        #expect(reachable.canBeRevoked)
        #expect(reachable.tranchesPaid == Array(1...20))
        #expect(reachable.consecutiveFails(tranchesPaid: 20, isPostCycle: true) == Array(0...19))
    }

    @Test("A year before the naming reaches nothing")
    func beforeNaming() {
        let reachable = PriorGrantStates(lifecycle: GrantLifecycle(rules: .measures), namedYear: 2026, lastYear: 2025)
        #expect(reachable.declarations.isEmpty && !reachable.canBeRevoked)
    }
}
