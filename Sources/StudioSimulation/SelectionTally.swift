/// The counts of one year's selection (Art. 7), from the pool to the studios named.
package struct SelectionTally: Sendable, Hashable {
    /// Candidates in the pool when applications opened.
    package var pool = 0.0
    /// Candidates who applied.
    package var applicants = 0.0
    /// Applicants recommended by their body after screening.
    package var recommended = 0.0
    /// Recommended studios at or above the shortlist score.
    package var shortlisted = 0.0
    /// Studios named.
    package var named = 0.0
    /// The lowest score named (infinity before anyone is).
    package var lowestNamedScore = Double.infinity
    /// The sum of the named studios' scores.
    package var namedScoreSum = 0.0
    /// Candidates found cheating and disqualified for ever (Art. 15).
    package var disqualified = 0.0

    /// An empty tally.
    package init() {}
}
