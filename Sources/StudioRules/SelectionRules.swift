/// How recommended studios are shortlisted, ranked and named within the year's quota (Art. 7).
public struct SelectionRules: Sendable, Hashable {
    /// How studios with equal scores are ordered.
    public enum TieBreak: Sendable, Hashable {
        /// By a GSL uniform draw.
        case random
        /// By the score of the rubric item at this index, higher first, then by a GSL draw.
        case rubricItem(Int)
    }

    /// The shortlist standard (入围标准): a studio scoring below it is not ranked.
    public var shortlistScore: Double
    /// How ties are broken.
    public var tieBreak: TieBreak
    /// The chance that a studio about to be named is struck during the public notice.
    public var objectionProbability: Double
    /// Whether the next studio on the ranking takes a struck studio's place (RULES.md §1 reading:
    /// by default the place stays empty).
    public var refillAfterObjection: Bool

    /// Creates selection rules; the defaults are the baseline's assumptions.
    ///
    /// - Parameters:
    ///   - shortlistScore: the shortlist standard (入围标准): a studio scoring below it is not ranked.
    ///   - tieBreak: how ties are broken.
    ///   - objectionProbability: the chance that a studio about to be named is struck during the public
    ///     notice.
    ///   - refillAfterObjection: whether the next studio on the ranking takes a struck studio's place
    ///     (RULES.md §1 reading: by default the place stays empty).
    public init(
        shortlistScore: Double = 80, tieBreak: TieBreak = .random, objectionProbability: Double = 0,
        refillAfterObjection: Bool = false
    ) {
        self.shortlistScore = shortlistScore
        self.tieBreak = tieBreak
        self.objectionProbability = objectionProbability
        self.refillAfterObjection = refillAfterObjection
    }
}
