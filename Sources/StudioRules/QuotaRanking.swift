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
        ///
        /// - Parameters:
        ///   - id: the caller's identifier for the studio.
        ///   - score: its application score (0...100).
        ///   - tieKey: orders equal scores, higher first: a rubric item's score, when ties go by an item.
        ///   - randomKey: orders what is still tied, higher first: a random draw.
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
    ///
    /// - Parameter entries: the entries, in any order.
    /// - Returns: the entries in rank order, highest first.
    public static func order(_ entries: [Entry]) -> [Entry] {
        entries.sorted(by: ranksAbove)
    }

    /// Whether `a` ranks above `b`: by score, then tie key, then random key, each higher first,
    /// then by id. No two entries with different ids rank equal.
    ///
    /// - Parameters:
    ///   - a: one entry.
    ///   - b: the other.
    /// - Returns: whether `a` ranks above `b`.
    @inlinable
    public static func ranksAbove(_ a: Entry, _ b: Entry) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.tieKey != b.tieKey { return a.tieKey > b.tieKey }
        if a.randomKey != b.randomKey { return a.randomKey > b.randomKey }
        return a.id < b.id
    }

    /// Sorts entries in place into rank order (``ranksAbove(_:_:)``): by insertion for the
    /// short lists of a year's shortlist, which it sorts without allocating.
    @inlinable
    package static func sortByRank(_ entries: inout [Entry]) {
        guard entries.count > 64 else {
            entries.withUnsafeMutableBufferPointer { buffer in
                for next in buffer.indices.dropFirst() {
                    let entry = buffer[next]
                    var slot = next
                    while slot > 0 && ranksAbove(entry, buffer[slot - 1]) {
                        buffer[slot] = buffer[slot - 1]
                        slot -= 1
                    }
                    buffer[slot] = entry
                }
            }
            return
        }
        entries.sort(by: ranksAbove)
    }

    /// Ranks the studios at or above the shortlist score and names them in rank order up to `quota`.
    ///
    /// Each studio about to be named is put to `isStruck` (the public notice). A struck studio is
    /// not named; its place stays empty, or with `refill` the next studio on the ranking is put
    /// forward in its place.
    ///
    /// - Parameters:
    ///   - entries: the recommended studios, already ordered by ``order(_:)``.
    ///   - quota: the studios the year may name (Art. 7).
    ///   - rules: the shortlist score and whether a struck place is refilled.
    ///   - isStruck: asked for each studio about to be named: whether the public notice strikes it.
    /// - Returns: the ranking, the studios named and those struck.
    public static func select(
        _ entries: [Entry], quota: Int, rules: SelectionRules, isStruck: (Entry) -> Bool
    ) -> Result {
        let ranked = entries.filter { $0.score >= rules.shortlistScore }
        var struckRanks: [Int] = []
        let reached = ranksReached(ranked.count, quota: quota, refillAfterObjection: rules.refillAfterObjection) {
            let struck = isStruck(ranked[$0])
            if struck { struckRanks.append($0) }
            return struck
        }
        let named = (0..<reached).filter { !struckRanks.contains($0) }.map { ranked[$0] }
        return Result(ranked: ranked, named: named, struck: struckRanks.map { ranked[$0] })
    }

    /// How far down a shortlist of `count` studios in rank order the naming goes before `quota`
    /// places are taken: the walk of ``select(_:quota:rules:isStruck:)``, without its arrays.
    /// The ranks below the result that `isStruck` did not strike are named.
    ///
    /// - Parameters:
    ///   - count: the studios on the shortlist.
    ///   - quota: the studios the year may name.
    ///   - refillAfterObjection: whether the next studio takes a struck studio's place.
    ///   - isStruck: asked once for each rank (0-based) about to be named, in order: whether the public
    ///     notice strikes it.
    /// - Returns: the number of ranks the naming reaches.
    @inlinable
    public static func ranksReached(
        _ count: Int, quota: Int, refillAfterObjection: Bool, isStruck: (Int) -> Bool
    ) -> Int {
        var places = quota
        var rank = 0
        while rank < count && places > 0 {
            if !isStruck(rank) || !refillAfterObjection { places -= 1 }
            rank += 1
        }
        return rank
    }
}
