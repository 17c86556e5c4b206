/// The grant lifecycle of one named studio as a deterministic state machine (Art. 11, Art. 14).
///
/// Ages count the naming year as age 1. The naming year earns the first tranche; each later
/// year in the cycle holds an assessment whose pass earns the next tranche and whose fail
/// gives a yellow card, or revokes the naming after `strikesInCycle` fails in a row. The cycle
/// ends when the last tranche is earned or, under changed rules, when its last year passes
/// with tranches unearned: those are forfeited (RULES.md §2 reading). After the cycle, the
/// studio is assessed every year and `strikesPostCycle` fails in a row revoke it (Art. 14).
///
/// Readings beyond the text: a pass clears the run of fails; a fail that does not revoke gives
/// a yellow card in either phase; the run of fails starts afresh when the cycle ends.
public struct GrantLifecycle: Sendable, Hashable {
    /// The rules the lifecycle follows.
    public let rules: GrantRules

    /// Creates the lifecycle for a rule set.
    ///
    /// - Parameter rules: the rules the lifecycle follows.
    public init(rules: GrantRules) {
        self.rules = rules
    }

    /// The naming year (age 1): the first tranche is earned (Art. 11).
    ///
    /// - Returns: the step of the naming year: the first tranche earned, no yellow card.
    @inlinable @inline(__always)
    public func naming() -> LifecycleStep {
        var step = LifecycleStep(
            state: StudioGrantState(phase: .inCycle, tranchesEarned: 1), earnedTranche: 0)
        closeCycleIfDue(&step, age: 1)
        return step
    }

    /// One annual assessment at `age` (2 or more) with its result.
    ///
    /// A revoked studio is not assessed: its step changes nothing.
    ///
    /// - Parameters:
    ///   - state: the studio's state before the assessment.
    ///   - age: the studio's age in years, the naming year being 1.
    ///   - passed: whether it passed the assessment.
    /// - Returns: the step: the new state, the tranche earned, a yellow card, a revocation or the end of the
    ///   cycle.
    @inlinable @inline(__always)
    public func assess(_ state: StudioGrantState, age: Int, passed: Bool) -> LifecycleStep {
        guard !state.isRevoked else { return LifecycleStep(state: state) }
        var step = LifecycleStep(state: state)
        switch state.phase {
        case .inCycle:
            if passed {
                step.earnedTranche = state.tranchesEarned
                step.state.tranchesEarned += 1
                step.state.consecutiveFails = 0
            } else {
                fail(&step, strikes: rules.strikesInCycle, revocation: .inCycle)
            }
            if !step.state.isRevoked { closeCycleIfDue(&step, age: age) }
        case .postCycle:
            if passed {
                step.state.consecutiveFails = 0
            } else {
                fail(&step, strikes: rules.strikesPostCycle, revocation: .postCycle)
            }
        case .revoked:
            break
        }
        return step
    }

    /// A named studio found to have falsified its records (Art. 15): the naming is revoked and it
    /// can never apply again. What was paid is recovered by the caller.
    ///
    /// A studio already revoked is not revoked again: its step changes nothing.
    ///
    /// - Parameter state: the studio's state when the fraud is found.
    /// - Returns: the step: the naming revoked, with the tranches it will no longer earn.
    @inlinable
    public func revokeForFraud(_ state: StudioGrantState) -> LifecycleStep {
        guard !state.isRevoked else { return LifecycleStep(state: state) }
        var step = LifecycleStep(state: state, revocation: .fraud)
        step.state.phase = .revoked
        return step
    }

    // MARK: - Steps

    @inlinable @inline(__always)
    func fail(_ step: inout LifecycleStep, strikes: Int, revocation: LifecycleStep.Revocation) {
        step.state.consecutiveFails += 1
        if step.state.consecutiveFails >= strikes {
            step.state.phase = .revoked
            step.revocation = revocation
        } else {
            step.yellowCard = true
        }
    }

    /// Ends the cycle when every tranche is earned, or forfeits the rest in its last year.
    @inlinable @inline(__always)
    func closeCycleIfDue(_ step: inout LifecycleStep, age: Int) {
        let earned = step.state.tranchesEarned
        guard earned >= rules.trancheCount || age >= rules.cycleYears else { return }
        step.forfeitedTranches = earned..<max(earned, rules.trancheCount)
        step.state = StudioGrantState(phase: .postCycle, tranchesEarned: earned)
        step.cycleCompleted = true
    }
}
