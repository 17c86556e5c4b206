/// Shortlisting, ranking and naming within the year's quota (Art. 7), with no randomness: tie
/// keys and objections are given to it.
public enum QuotaRanking {
    /// A recommended studio as the ranking sees it.
    public struct Entry: Sendable, Hashable {
        /// The caller's identifier for the studio.
        public var id: Int
        /// Its application score (0...100).
        public var score: Double
        /// Orders equal scores, higher first: a rubric item's score, when ties go by an item.
        public var tieKey: Double
        /// Orders what is still tied, higher first: a random draw.
        public var randomKey: Double

        /// Creates an entry.
        public init(id: Int, score: Double, tieKey: Double = 0, randomKey: Double = 0) {
            self.id = id
            self.score = score
            self.tieKey = tieKey
            self.randomKey = randomKey
        }
    }

    /// What the ranking did with each shortlisted studio.
    public struct Result: Sendable, Hashable {
        /// Shortlisted studios in rank order.
        public var ranked: [Entry]
        /// Studios named, in rank order.
        public var named: [Entry]
        /// Studios struck by an objection during the public notice.
        public var struck: [Entry]
    }

    /// Sorts entries by score, then tie key, then random key, each higher first, then by id.
    public static func order(_ entries: [Entry]) -> [Entry] {
        entries.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.tieKey != b.tieKey { return a.tieKey > b.tieKey }
            if a.randomKey != b.randomKey { return a.randomKey > b.randomKey }
            return a.id < b.id
        }
    }

    /// The index ranges of runs of equal scores in entries already ordered by score.
    public static func tiedRuns(_ ordered: [Entry]) -> [Range<Int>] {
        guard !ordered.isEmpty else { return [] }
        var runs: [Range<Int>] = []
        var start = 0
        for index in 1...ordered.count where index == ordered.count || ordered[index].score != ordered[start].score {
            if index - start > 1 { runs.append(start..<index) }
            start = index
        }
        return runs
    }

    /// Ranks the studios at or above the shortlist score and names them in rank order up to `quota`.
    ///
    /// Each studio about to be named is put to `isStruck` (the public notice). A struck studio is
    /// not named; its place stays empty, or with `refill` the next studio on the ranking is put
    /// forward in its place.
    ///
    /// - Parameter entries: the recommended studios, already ordered by ``order(_:)``.
    public static func select(
        _ entries: [Entry], quota: Int, rules: SelectionRules, isStruck: (Entry) -> Bool
    ) -> Result {
        let ranked = entries.filter { $0.score >= rules.shortlistScore }
        var named: [Entry] = []
        var struck: [Entry] = []
        var places = quota
        for entry in ranked where places > 0 {
            if isStruck(entry) {
                struck.append(entry)
                if !rules.refillAfterObjection { places -= 1 }
            } else {
                named.append(entry)
                places -= 1
            }
        }
        return Result(ranked: ranked, named: named, struck: struck)
    }
}
