/// The states a studio named before the forecast can be in at the end of a later year, found by
/// running the grant lifecycle over every pass/fail sequence of the years since its naming
/// (Art. 11, Art. 14).
///
/// A scenario declares a studio named before the forecast by the tranches paid to it, whether its
/// cycle has ended and its fails in a row since the last pass (RULES.md §6). Not every such
/// declaration can happen: a studio named four years ago with only its first tranche paid has
/// failed three assessments in a row and would already be revoked. This type derives what can
/// happen from ``GrantLifecycle`` itself, so that changed rules (more tranches, more strikes, a
/// shorter cycle, a payment lag) are followed without rules written by hand.
///
/// The enumeration keeps the set of reachable lifecycle states year by year (dynamic
/// programming), never the 2^n sequences: at most `trancheCount × max(strikes) × 2` states a year.
/// With a payment lag of L years, the tranches paid are those earned by the year L years
/// earlier, so each state reachable then is run on for L more years.
public struct PriorGrantStates: Sendable, Hashable {
    /// A state as a scenario declares it (`existing_studios`).
    public struct Declaration: Sendable, Hashable {
        /// Tranches paid by the end of the year (with a payment lag, fewer than earned).
        public var tranchesPaid: Int
        /// Whether the subsidy cycle has ended (Art. 14 assessments from then on).
        public var isPostCycle: Bool
        /// Fails in a row since the last pass in the current phase.
        public var consecutiveFails: Int

        /// Creates a declaration.
        ///
        /// - Parameters:
        ///   - tranchesPaid: tranches paid by the end of the year (with a payment lag, fewer than earned).
        ///   - isPostCycle: whether the subsidy cycle has ended (Art. 14 assessments from then on).
        ///   - consecutiveFails: fails in a row since the last pass in the current phase.
        public init(tranchesPaid: Int, isPostCycle: Bool, consecutiveFails: Int) {
            self.tranchesPaid = tranchesPaid
            self.isPostCycle = isPostCycle
            self.consecutiveFails = consecutiveFails
        }
    }

    /// Every declaration of an unrevoked studio that some pass/fail sequence reaches.
    public let declarations: Set<Declaration>
    /// Whether some sequence revokes the studio by then (Art. 11, Art. 14).
    public let canBeRevoked: Bool

    /// The states reachable by the end of `lastYear` for a studio named in `namedYear`; empty
    /// when `lastYear` is before `namedYear`.
    ///
    /// - Complexity: O(years × states × (1 + lag)), with states bounded as above.
    ///
    /// - Parameters:
    ///   - lifecycle: the lifecycle the studio's cohort follows.
    ///   - namedYear: the calendar year the studio was named.
    ///   - lastYear: the last calendar year before the forecast.
    public init(lifecycle: GrantLifecycle, namedYear: Int, lastYear: Int) {
        let age = lastYear - namedYear + 1
        guard age >= 1 else {
            declarations = []
            canBeRevoked = false
            return
        }
        let byAge = Self.statesByAge(lifecycle: lifecycle, through: age)
        let lag = lifecycle.rules.paymentLagYears
        let paidAge = age - lag
        var declarations: Set<Declaration> = []
        var canBeRevoked = false
        func declare(_ state: StudioGrantState, paid: Int) {
            if state.isRevoked {
                canBeRevoked = true
            } else {
                declarations.insert(
                    Declaration(
                        tranchesPaid: paid, isPostCycle: state.phase == .postCycle,
                        consecutiveFails: state.consecutiveFails))
            }
        }
        if paidAge < 1 {
            // Not even the naming year's tranche is due yet.
            for state in byAge[age - 1] { declare(state, paid: 0) }
        } else {
            for earlier in byAge[paidAge - 1] {
                var states: Set<StudioGrantState> = [earlier]
                for later in stride(from: paidAge + 1, through: age, by: 1) {
                    states = Self.step(states, lifecycle: lifecycle, age: later)
                }
                for state in states { declare(state, paid: earlier.tranchesEarned) }
            }
        }
        self.declarations = declarations
        self.canBeRevoked = canBeRevoked
    }

    /// Whether a declared state is reachable.
    package func contains(_ declaration: Declaration) -> Bool {
        declarations.contains(declaration)
    }

    /// The tranche counts paid in some reachable state, smallest first.
    package var tranchesPaid: [Int] {
        Set(declarations.map(\.tranchesPaid)).sorted()
    }

    /// The phases reachable with `paid` tranches paid: `false` in the cycle, `true` after it.
    package func postCycle(tranchesPaid paid: Int) -> [Bool] {
        Set(declarations.filter { $0.tranchesPaid == paid }.map(\.isPostCycle)).sorted { !$0 && $1 }
    }

    /// The fails in a row reachable with `paid` tranches paid in the given phase, smallest first.
    package func consecutiveFails(tranchesPaid paid: Int, isPostCycle: Bool) -> [Int] {
        Set(
            declarations.filter { $0.tranchesPaid == paid && $0.isPostCycle == isPostCycle }.map(\.consecutiveFails)
        ).sorted()
    }

    // MARK: - Enumeration

    /// Every revoked state, whatever its tranches, counts as one.
    static let revoked = StudioGrantState(phase: .revoked, tranchesEarned: 0)

    /// The reachable states at the end of each age 1 ... `age` (index age − 1).
    static func statesByAge(lifecycle: GrantLifecycle, through age: Int) -> [Set<StudioGrantState>] {
        var byAge: [Set<StudioGrantState>] = [[lifecycle.naming().state]]
        byAge.reserveCapacity(age)
        for next in stride(from: 2, through: age, by: 1) {
            byAge.append(step(byAge[byAge.count - 1], lifecycle: lifecycle, age: next))
        }
        return byAge
    }

    /// The states one assessment at `age` reaches from `states`, by a pass or a fail.
    static func step(_ states: Set<StudioGrantState>, lifecycle: GrantLifecycle, age: Int) -> Set<StudioGrantState> {
        var next: Set<StudioGrantState> = []
        for state in states {
            guard !state.isRevoked else {
                next.insert(revoked)
                continue
            }
            for passed in [true, false] {
                let reached = lifecycle.assess(state, age: age, passed: passed).state
                next.insert(reached.isRevoked ? revoked : reached)
            }
        }
        return next
    }
}
