public import StudioRules

/// Studios named before the forecast starts, all in the same state (RULES.md §6).
///
/// A forecast starts from the programme as it stands: these studios are assessed from the
/// start year on like any other, from the state they had at the end of the year before.
public struct ExistingStudioGroup: Sendable, Hashable {
    /// The calendar year they were named (age 1).
    public var namedYear: Int
    /// How many studios are in this state.
    public var count: Int
    /// Their grant state at the end of the year before the start year.
    public var state: StudioGrantState
    /// Their quality on the 0...100 scale, for the score-based assessment; by default the shortlist
    /// score they once reached.
    public var quality: Double?
    /// The Art. 12 subsidies paid to each of them before the start year, in yuan: recovered with
    /// the grant when one is found cheating and `fraud.recover` is `all` (Art. 15).
    public var subsidiesPaidYuan: Double
    /// Tranches each of them earned before the start year that a payment lag has not yet paid
    /// (`tranches_earned` less `tranches_paid`); `state` counts them as earned (Art. 11).
    public var tranchesAwaitingPayment: Int

    /// Creates a group.
    ///
    /// - Parameters:
    ///   - namedYear: the calendar year they were named (age 1).
    ///   - count: how many studios are in this state.
    ///   - state: their grant state at the end of the year before the start year.
    ///   - quality: their quality on the 0...100 scale, for the score-based assessment; by default the
    ///     shortlist score they once reached.
    ///   - subsidiesPaidYuan: the Art. 12 subsidies paid to each of them before the start year, in yuan:
    ///     recovered with the grant when one is found cheating and `fraud.recover` is `all` (Art. 15).
    ///   - tranchesAwaitingPayment: tranches each of them earned before the start year that a payment lag has
    ///     not yet paid (`tranches_earned` less `tranches_paid`); `state` counts them as earned (Art. 11).
    public init(
        namedYear: Int, count: Int, state: StudioGrantState, quality: Double? = nil, subsidiesPaidYuan: Double = 0,
        tranchesAwaitingPayment: Int = 0
    ) {
        self.tranchesAwaitingPayment = tranchesAwaitingPayment
        self.namedYear = namedYear
        self.count = count
        self.state = state
        self.quality = quality
        self.subsidiesPaidYuan = subsidiesPaidYuan
    }

    /// Tranches paid to each of them before the start year.
    public var tranchesPaid: Int { state.tranchesEarned - tranchesAwaitingPayment }

    /// The tranches earned before the start year and not yet paid, each with the forecast year
    /// (0-based) it is paid in under a payment lag of `lag` years.
    ///
    /// They are taken as earned one a year in the years just before the start year, the last in
    /// the year before it, as a studio earns at most one tranche a year (Art. 11); so the `i`-th
    /// of `n` is paid in forecast year `lag − n + i`, at least 0 since `n` is at most `lag`.
    package func awaitingPayments(lag: Int) -> [(tranche: Int, paymentYear: Int)] {
        let waiting = tranchesAwaitingPayment
        return (0..<max(waiting, 0)).map { (tranchesPaid + $0, max(lag - waiting + $0, 0)) }
    }
}
