import StudioRules
import StudioScenario

/// The grant lifecycle of every cohort rule set as a lookup table (Art. 11, 14, 15): each grant
/// state a replication can reach gets a number, and each rule set's step from each state, at
/// each age that changes it, passed or failed, is one row, so that the replication loop looks
/// a step up instead of running the general lifecycle code for each studio-year.
///
/// Built once per simulator from ``GrantLifecycle``, which stays the one definition of the
/// rules: every row holds exactly the step it gives. The states are those reachable from the
/// naming state and the declared states of studios named before the forecast within the
/// horizon, and the ages run from 1 to the oldest age at which a rule set's cycle can still
/// end, so the table's size is bounded by the horizon and the rules, not by the replications.
///
/// The table is read-only once built and holds its rows in memory of its own, so that the
/// loops read a row without a bounds or sharing check; every index into it is a state it
/// numbered, a rule set it was built for and an age it clamps.
final class LifecycleTable {
    /// One lifecycle step: the state after it and what the ledger records of it.
    struct Row {
        /// The state after the step.
        var next: Int32
        /// The tranche (0-based) earned, or −1.
        var earnedTranche: Int32
        /// ``Event`` bits.
        var events: UInt8
        /// The rule set's payment lag in years (Art. 11), at most 10 for a scenario file; a larger
        /// one is held as `Int32.max`, which no horizon reaches.
        var paymentLag: Int32
        /// The earned tranche's amount in yuan (0 when none is earned).
        var trancheYuan: Double
        /// The yuan forfeited, added in tranche order (0 when none).
        var forfeitedYuan: Double
    }

    /// What a step records, as bits of ``Row/events``.
    enum Event {
        static let yellowCard: UInt8 = 1
        static let revokedInCycle: UInt8 = 2
        static let revokedPostCycle: UInt8 = 4
        static let revokedForFraud: UInt8 = 8
        static let cycleCompleted: UInt8 = 16
        static let forfeits: UInt8 = 32
        /// The earned tranche is the rule set's last.
        static let lastTranche: UInt8 = 64
        static let revoked: UInt8 = revokedInCycle | revokedPostCycle | revokedForFraud
    }

    /// What the pass probability reads of a state, as bits of ``flags``.
    enum Flag {
        static let revoked: UInt8 = 1
        static let yellowCard: UInt8 = 2
        static let inCycle: UInt8 = 4
    }

    /// The states, by number.
    let states: [StudioGrantState]
    /// Each state's ``Flag`` bits.
    let flags: UnsafeMutablePointer<UInt8>
    /// The state each state's fraud revocation leaves (Art. 15).
    let fraudNext: [Int32]
    /// Each rule set's naming step (age 1, Art. 11).
    let naming: [Row]
    /// The assessment steps, at `((state × rule sets + rule set) × ages + age − 1) × 2 + passed`.
    private let rows: UnsafeMutablePointer<Row>
    private let ruleSetCount: Int
    /// Ages 1...`ages` have rows of their own; an older studio steps as at `ages`.
    let ages: Int

    /// The table of `lifecycles`, the scenario's cohort rule sets by entry, for `scenario`'s
    /// forecast.
    ///
    /// A studio keeps its cohort's rule set, so only the states each rule set reaches from its
    /// own naming state and from the declared states of the studios named under it get rows of
    /// that rule set (stepping a state under rules it never meets could ask for a tranche those
    /// rules do not have); the other rows are never read.
    init(scenario: Scenario, lifecycles: [GrantLifecycle]) {
        let ruleSetCount = lifecycles.count
        self.ruleSetCount = ruleSetCount
        let startYear = scenario.startYear
        let horizon = scenario.horizonYears
        let oldestNamed = scenario.existingStudios.map(\.namedYear).min() ?? startYear
        // Ages beyond the cycles' lengths step alike, so an age past any reckoning is clamped too.
        let (span, overflow) = (startYear &+ horizon).subtractingReportingOverflow(oldestNamed)
        let oldestAge = overflow ? Int.max : max(span, 1)
        // Past its cycle's length, a studio's step no longer depends on its age.
        let ages = max(1, min(lifecycles.map(\.rules.cycleYears).max() ?? 1, oldestAge))
        self.ages = ages
        var states: [StudioGrantState] = []
        var index: [StudioGrantState: Int32] = [:]
        /// The (state, rule set) pairs reached, breadth first, with the steps taken to reach them.
        var reached: [(state: Int, ruleSet: Int, depth: Int)] = []
        var seen: Set<Int> = []
        func number(_ state: StudioGrantState) -> Int32 {
            if let known = index[state] { return known }
            let added = Int32(states.count)
            index[state] = added
            states.append(state)
            return added
        }
        func reach(_ state: StudioGrantState, ruleSet: Int, depth: Int) {
            let numbered = Int(number(state))
            guard seen.insert(numbered * ruleSetCount + ruleSet).inserted else { return }
            reached.append((numbered, ruleSet, depth))
        }
        for (ruleSet, lifecycle) in lifecycles.enumerated() {
            reach(lifecycle.naming().state, ruleSet: ruleSet, depth: 0)
        }
        for group in scenario.existingStudios {
            reach(group.state, ruleSet: scenario.cohortRules.entryIndex(in: group.namedYear), depth: 0)
        }
        // No studio takes more than `horizon` steps in a replication (one a year), so the states
        // further on are never reached.
        var next = 0
        while next < reached.count {
            let (state, ruleSet, depth) = reached[next]
            next += 1
            guard depth < horizon else { continue }
            let lifecycle = lifecycles[ruleSet]
            for age in 1...ages {
                for passed in [false, true] {
                    reach(
                        lifecycle.assess(states[state], age: age, passed: passed).state, ruleSet: ruleSet,
                        depth: depth + 1)
                }
            }
            reach(lifecycle.revokeForFraud(states[state]).state, ruleSet: ruleSet, depth: depth + 1)
        }
        let unused = Row(
            next: 0, earnedTranche: -1, events: 0, paymentLag: 0, trancheYuan: 0, forfeitedYuan: 0)
        var rows = Array(repeating: unused, count: states.count * ruleSetCount * ages * 2)
        for (state, ruleSet, _) in reached {
            let lifecycle = lifecycles[ruleSet]
            for age in 1...ages {
                for passed in [false, true] {
                    let step = lifecycle.assess(states[state], age: age, passed: passed)
                    rows[((state * ruleSetCount + ruleSet) * ages + age - 1) * 2 + (passed ? 1 : 0)] =
                        Self.row(
                            step, next: index[step.state] ?? 0, rules: lifecycle.rules)
                }
            }
        }
        let flags = states.map { state in
            (state.isRevoked ? Flag.revoked : 0) | (state.hasYellowCard ? Flag.yellowCard : 0)
                | (state.phase == .inCycle ? Flag.inCycle : 0)
        }
        // A fraud revocation reads no rule (Art. 15), so any rule set's lifecycle gives it.
        let fraudNext = states.map { state in
            index[lifecycles.first?.revokeForFraud(state).state ?? state] ?? 0
        }
        naming = lifecycles.map { lifecycle in
            let step = lifecycle.naming()
            return Self.row(step, next: index[step.state] ?? 0, rules: lifecycle.rules)
        }
        self.states = states
        self.fraudNext = fraudNext
        self.flags = .allocate(capacity: flags.count)
        self.flags.initialize(from: flags, count: flags.count)
        self.rows = .allocate(capacity: rows.count)
        self.rows.initialize(from: rows, count: rows.count)
    }

    deinit {
        flags.deallocate()
        rows.deallocate()
    }

    /// The row of `step`, whose state is numbered `next`.
    private static func row(_ step: LifecycleStep, next: Int32, rules: GrantRules) -> Row {
        var events: UInt8 = 0
        if step.yellowCard { events |= Event.yellowCard }
        switch step.revocation {
        case .inCycle: events |= Event.revokedInCycle
        case .postCycle: events |= Event.revokedPostCycle
        case .fraud: events |= Event.revokedForFraud
        case nil: break
        }
        if step.cycleCompleted { events |= Event.cycleCompleted }
        var forfeited = 0.0
        if !step.forfeitedTranches.isEmpty {
            events |= Event.forfeits
            // As the ledger adds them: each tranche's amount in tranche order.
            for tranche in step.forfeitedTranches { forfeited += rules.trancheAmount(tranche) }
        }
        var trancheYuan = 0.0
        if let tranche = step.earnedTranche {
            trancheYuan = rules.trancheAmount(tranche)
            if tranche == rules.trancheCount - 1 { events |= Event.lastTranche }
        }
        return Row(
            next: next, earnedTranche: Int32(step.earnedTranche ?? -1), events: events,
            paymentLag: Int32(clamping: rules.paymentLagYears), trancheYuan: trancheYuan,
            forfeitedYuan: forfeited)
    }

    /// The number of `state`, which must be one the table started from (a naming or declared state).
    func number(of state: StudioGrantState) -> Int32 {
        Int32(states.firstIndex(of: state) ?? 0)
    }

    /// The assessment step of a studio of `ruleSet` in state `state` at `age` (1 or more).
    @inline(__always)
    func row(ruleSet: Int, state: Int, age: Int, passed: Bool) -> Row {
        let ageIndex = min(max(age, 1), ages) &- 1
        // Within the rows by construction: a numbered state, a rule set of the table, a clamped age.
        return rows[((state &* ruleSetCount &+ ruleSet) &* ages &+ ageIndex) &* 2 &+ (passed ? 1 : 0)]
    }
}
