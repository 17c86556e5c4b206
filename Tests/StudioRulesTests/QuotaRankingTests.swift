import StudioRules
import Testing

private typealias Entry = QuotaRanking.Entry

@Suite("Shortlist and ranking within the quota (Art. 7)")
struct QuotaRankingTests {
    static let recommended = QuotaRanking.order([
        Entry(id: 0, score: 78), Entry(id: 1, score: 91), Entry(id: 2, score: 85), Entry(id: 3, score: 80),
        Entry(id: 4, score: 88),
    ])

    @Test("Only studios at or above the shortlist score are ranked, best first, and the best are named")
    func shortlistAndQuota() {
        let result = QuotaRanking.select(Self.recommended, quota: 2, rules: SelectionRules(shortlistScore: 80)) { _ in false }
        #expect(result.ranked.map(\.id) == [1, 4, 2, 3])
        #expect(result.named.map(\.id) == [1, 4])
        #expect(result.struck.isEmpty)
    }

    @Test("A quota larger than the shortlist leaves places empty")
    func shortShortlist() {
        let result = QuotaRanking.select(Self.recommended, quota: 10, rules: SelectionRules(shortlistScore: 86)) { _ in false }
        #expect(result.named.map(\.id) == [1, 4])
    }

    @Test("A struck studio's place stays empty by default")
    func objectionLeavesPlaceEmpty() {
        let result = QuotaRanking.select(Self.recommended, quota: 2, rules: SelectionRules(shortlistScore: 80)) { $0.id == 4 }
        #expect(result.named.map(\.id) == [1])
        #expect(result.struck.map(\.id) == [4])
    }

    @Test("With refill the next studio on the ranking takes a struck studio's place")
    func objectionRefilled() {
        let rules = SelectionRules(shortlistScore: 80, refillAfterObjection: true)
        let result = QuotaRanking.select(Self.recommended, quota: 2, rules: rules) { $0.id == 4 }
        #expect(result.named.map(\.id) == [1, 2])
        #expect(result.struck.map(\.id) == [4])
    }

    @Test("Only studios about to be named are put to the public notice")
    func noticeOnlyForNominees() {
        var noticed: [Int] = []
        _ = QuotaRanking.select(Self.recommended, quota: 2, rules: SelectionRules(shortlistScore: 80)) {
            noticed.append($0.id)
            return false
        }
        #expect(noticed == [1, 4])
    }

    @Test("Equal scores are ordered by tie key, then random key, then id")
    func ties() {
        let ordered = QuotaRanking.order([
            Entry(id: 0, score: 85, tieKey: 10, randomKey: 0.9), Entry(id: 1, score: 85, tieKey: 12, randomKey: 0.1),
            Entry(id: 2, score: 85, tieKey: 10, randomKey: 0.95), Entry(id: 3, score: 90),
            Entry(id: 4, score: 80),
        ])
        #expect(ordered.map(\.id) == [3, 1, 2, 0, 4])
    }

    @Test("Sorting in place gives the rank order, for short and long lists", arguments: [0, 1, 17, 64, 65, 300])
    func sortInPlace(count: Int) {
        // Scores on a coarse grid in scrambled order, so that many are equal and the keys decide;
        // some random keys are equal too, so that the id decides.
        let entries = (0..<count).map { (id: Int) -> Entry in
            let score = Double(70 + id * 7919 % 11)
            let tieKey = Double(id * 31 % 3)
            let randomKey = Double(id * 40_503 % 97) / 97
            return Entry(id: id, score: score, tieKey: tieKey, randomKey: randomKey)
        }
        var sorted = entries
        QuotaRanking.sortByRank(&sorted)
        #expect(sorted == QuotaRanking.order(entries))
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { QuotaRanking.ranksAbove($0, $1) })
    }
}

@Suite("Scoring rubric")
struct ScoringRubricTests {
    static let rubric = ScoringRubric(items: [
        .init(key: "facilities", points: 30), .init(key: "results", points: 50), .init(key: "training", points: 20),
    ])

    @Test("An even profile splits the score in proportion to the points")
    func proportional() {
        let items = Self.rubric.split(score: 80, profile: [1, 1, 1])
        #expect(zip(items, [24.0, 40, 16]).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    @Test("Items never pass their maximum and always sum to the score", arguments: [10.0, 55, 80, 97, 100])
    func capped(score: Double) {
        let items = Self.rubric.split(score: score, profile: [3, 1, 0.5])
        #expect(abs(items.reduce(0, +) - score) < 1e-9)
        #expect(zip(items, Self.rubric.items).allSatisfy { $0 <= $1.points + 1e-9 })
    }
}
