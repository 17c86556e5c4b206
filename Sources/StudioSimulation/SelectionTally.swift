/// The counts of one year's selection (Art. 7), from the pool to the studios named.
public struct SelectionTally: Sendable, Hashable {
    /// Candidates in the pool when applications opened.
    public var pool = 0.0
    /// Candidates who applied.
    public var applicants = 0.0
    /// Applicants recommended by their body after screening.
    public var recommended = 0.0
    /// Recommended studios at or above the shortlist score.
    public var shortlisted = 0.0
    /// Studios named.
    public var named = 0.0
    /// The lowest score named (infinity before anyone is).
    public var lowestNamedScore = Double.infinity
    /// The sum of the named studios' scores.
    public var namedScoreSum = 0.0
    /// Candidates found cheating and disqualified for ever (Art. 15).
    public var disqualified = 0.0

    /// An empty tally.
    public init() {}
}
