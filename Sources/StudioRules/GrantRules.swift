/// The parameters of the naming grant and of the annual assessment's strike rules.
///
/// The defaults are the measures' own (Art. 11, Art. 14): 1,000,000 yuan paid 3:3:4 over a
/// subsidy cycle of at most five years counting the naming year, two consecutive in-cycle
/// fails revoke the naming, and after the cycle one fail revokes it. Policy analysts change
/// them to test rule variants (four tranches, three strikes, a shorter cycle).
public struct GrantRules: Sendable, Hashable {
    /// The whole grant of one named studio, in yuan (Art. 11: 1,000,000).
    public var grantYuan: Double
    /// Each tranche's share of the grant, in payment order; at least one, summing to 1 (Art. 11: 0.3/0.3/0.4).
    public var trancheShares: [Double]
    /// The longest subsidy cycle in years, counting the naming year as year 1 (Art. 11: 5).
    public var cycleYears: Int
    /// Consecutive fails inside the cycle that revoke the naming (Art. 11: 2).
    public var strikesInCycle: Int
    /// Consecutive fails after the cycle that revoke the naming (Art. 14: 1).
    public var strikesPostCycle: Int
    /// Whole years between earning a tranche and paying it (RULES.md §2 reading: 0).
    public var paymentLagYears: Int

    /// Creates a rule set; every parameter defaults to the measures' value.
    ///
    /// - Parameters:
    ///   - grantYuan: the whole grant of one named studio, in yuan (Art. 11: 1,000,000).
    ///   - trancheShares: each tranche's share of the grant, in payment order; at least one, summing to 1
    ///     (Art. 11: 0.3/0.3/0.4).
    ///   - cycleYears: the longest subsidy cycle in years, counting the naming year as year 1 (Art. 11: 5).
    ///   - strikesInCycle: consecutive fails inside the cycle that revoke the naming (Art. 11: 2).
    ///   - strikesPostCycle: consecutive fails after the cycle that revoke the naming (Art. 14: 1).
    ///   - paymentLagYears: whole years between earning a tranche and paying it (RULES.md §2 reading: 0).
    @inlinable
    public init(
        grantYuan: Double = 1_000_000,
        trancheShares: [Double] = [0.3, 0.3, 0.4],
        cycleYears: Int = 5,
        strikesInCycle: Int = 2,
        strikesPostCycle: Int = 1,
        paymentLagYears: Int = 0
    ) {
        self.grantYuan = grantYuan
        self.trancheShares = trancheShares
        self.cycleYears = cycleYears
        self.strikesInCycle = strikesInCycle
        self.strikesPostCycle = strikesPostCycle
        self.paymentLagYears = paymentLagYears
    }

    /// The measures' rules (Art. 11, Art. 14).
    public static let measures = GrantRules()

    /// How many tranches the grant is paid in.
    @inlinable
    public var trancheCount: Int { trancheShares.count }

    /// The amount of tranche `index` (0-based), in yuan.
    ///
    /// - Parameter index: the tranche, 0-based.
    /// - Returns: the tranche's share of the grant, in yuan; 0 for a tranche the rules do not have.
    @inlinable
    public func trancheAmount(_ index: Int) -> Double {
        grantYuan * trancheShares[index]
    }

    /// The amounts of `tranches` added in tranche order, in yuan: with `0..<k`, the grant paid
    /// for a studio's first k tranches (no payment lag); with the tranches a cycle ran out
    /// without, the yuan forfeited. The simulator, the exact evaluator, the ledger and the trace
    /// all take these sums from here.
    ///
    /// - Parameter tranches: the tranches, 0-based.
    /// - Returns: their amounts added in tranche order, in yuan.
    @inlinable
    public func amount(ofTranches tranches: Range<Int>) -> Double {
        var total = 0.0
        for tranche in tranches { total += trancheAmount(tranche) }
        return total
    }

    /// Returns a copy with the given changes applied.
    ///
    /// - Parameter change: edits the copy.
    /// - Returns: the changed copy.
    public func with(_ change: (inout GrantRules) -> Void) -> GrantRules {
        var copy = self
        change(&copy)
        return copy
    }
}
