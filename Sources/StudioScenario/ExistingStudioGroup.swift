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

    /// Creates a group.
    public init(
        namedYear: Int, count: Int, state: StudioGrantState, quality: Double? = nil, subsidiesPaidYuan: Double = 0
    ) {
        self.namedYear = namedYear
        self.count = count
        self.state = state
        self.quality = quality
        self.subsidiesPaidYuan = subsidiesPaidYuan
    }
}
