/// Where a named studio stands in its grant lifecycle at the end of a year (Art. 11, Art. 14).
public struct StudioGrantState: Sendable, Hashable {
    /// The phase of the lifecycle.
    public enum Phase: Sendable, Hashable {
        /// Inside the subsidy cycle: tranches still to earn (Art. 11).
        case inCycle
        /// The cycle has ended without revocation; assessed every year (Art. 14).
        case postCycle
        /// The naming is revoked; nothing more is assessed or paid (Art. 11, 14, 15).
        case revoked
    }

    /// The phase of the lifecycle.
    public var phase: Phase
    /// Tranches earned so far, the naming year's first tranche included.
    public var tranchesEarned: Int
    /// Fails in a row since the last pass in the current phase.
    public var consecutiveFails: Int

    /// Creates a state.
    ///
    /// - Parameters:
    ///   - phase: the phase of the lifecycle.
    ///   - tranchesEarned: tranches earned so far, the naming year's first tranche included.
    ///   - consecutiveFails: fails in a row since the last pass in the current phase.
    @inlinable
    public init(phase: Phase, tranchesEarned: Int, consecutiveFails: Int = 0) {
        self.phase = phase
        self.tranchesEarned = tranchesEarned
        self.consecutiveFails = consecutiveFails
    }

    /// Whether the naming has been revoked.
    @inlinable
    public var isRevoked: Bool { phase == .revoked }

    /// Whether the studio carries an unanswered yellow card: its last assessment failed.
    @inlinable
    public var hasYellowCard: Bool { phase != .revoked && consecutiveFails > 0 }
}
