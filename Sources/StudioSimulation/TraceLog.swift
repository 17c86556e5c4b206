import StudioRules

/// Collects the events of a replayed replication (`studio-forecast trace`).
package final class TraceLog {
    /// The events in the order they happened.
    package private(set) var events: [TraceEvent] = []

    /// Creates an empty log.
    package init() {}

    /// Appends one event.
    package func append(_ event: TraceEvent) {
        events.append(event)
    }

    /// Appends the events of one lifecycle step of `studio` in `year`.
    func record(
        _ step: LifecycleStep, of studio: String, year: Int, rules: GrantRules,
        assessed: (passed: Bool, probability: Double)?
    ) {
        if let assessed {
            append(TraceEvent(year: year, studio: studio, kind: .assessed(passed: assessed.passed, probability: assessed.probability)))
        } else {
            append(TraceEvent(year: year, studio: studio, kind: .named))
        }
        if step.yellowCard { append(TraceEvent(year: year, studio: studio, kind: .yellowCard)) }
        if let tranche = step.earnedTranche {
            append(
                TraceEvent(
                    year: year, studio: studio,
                    kind: .trancheEarned(
                        tranche: tranche + 1, yuan: rules.trancheAmount(tranche),
                        paymentYear: year + rules.paymentLagYears)))
        }
        if let revocation = step.revocation, revocation != .fraud {
            append(TraceEvent(year: year, studio: studio, kind: .revoked(inCycle: revocation == .inCycle)))
        }
        if step.cycleCompleted { append(TraceEvent(year: year, studio: studio, kind: .cycleCompleted)) }
        if !step.forfeitedTranches.isEmpty {
            append(
                TraceEvent(year: year, studio: studio, kind: .forfeited(yuan: rules.amount(ofTranches: step.forfeitedTranches))))
        }
    }
}
