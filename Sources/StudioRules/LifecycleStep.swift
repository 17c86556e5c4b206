/// What one year did to a studio's grant: its new state and the events of that year.
public struct LifecycleStep: Sendable, Hashable {
    /// Why a naming was revoked.
    public enum Revocation: Sendable, Hashable {
        /// Consecutive fails inside the subsidy cycle (Art. 11).
        case inCycle
        /// Fails after the cycle (Art. 14).
        case postCycle
        /// Records found falsified (Art. 15).
        case fraud
    }

    /// The state at the end of the year.
    public var state: StudioGrantState
    /// The tranche (0-based) earned this year, if any. It is paid after the payment lag.
    public var earnedTranche: Int?
    /// Whether a yellow card was given this year (a fail that did not revoke).
    public var yellowCard: Bool
    /// The revocation this year, if any.
    public var revocation: Revocation?
    /// Whether the subsidy cycle ended this year without revocation.
    public var cycleCompleted: Bool
    /// Tranches (0-based) forfeited this year because the cycle ran out (RULES.md §2 reading).
    public var forfeitedTranches: Range<Int>

    /// Creates a step.
    @inlinable
    public init(
        state: StudioGrantState,
        earnedTranche: Int? = nil,
        yellowCard: Bool = false,
        revocation: Revocation? = nil,
        cycleCompleted: Bool = false,
        forfeitedTranches: Range<Int> = 0..<0
    ) {
        self.state = state
        self.earnedTranche = earnedTranche
        self.yellowCard = yellowCard
        self.revocation = revocation
        self.cycleCompleted = cycleCompleted
        self.forfeitedTranches = forfeitedTranches
    }
}
