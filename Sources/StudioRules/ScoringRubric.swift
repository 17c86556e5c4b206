/// The items of the city union's assessment standard (考评标准, Art. 7) with their maximum points,
/// which split an application's score for reporting and tie-breaks. The items sum to 100.
public struct ScoringRubric: Sendable, Hashable {
    /// One item of the standard.
    public struct Item: Sendable, Hashable {
        /// The item's key, such as `facilities`.
        public var key: String
        /// Its maximum points.
        public var points: Double

        /// Creates an item.
        ///
        /// - Parameters:
        ///   - key: the item's key, such as `facilities`.
        ///   - points: its maximum points.
        public init(key: String, points: Double) {
            self.key = key
            self.points = points
        }
    }

    /// The items, in the standard's order.
    public var items: [Item]

    /// Creates a rubric.
    ///
    /// - Parameter items: the items, in the standard's order.
    public init(items: [Item]) {
        self.items = items
    }

    /// Splits `score` into item scores in proportion to `profile`, the applicant's relative strength
    /// in each item (positive weights), never giving an item more than its maximum.
    ///
    /// Items that would pass their maximum are capped and the rest shared again among the
    /// others, so the item scores always sum to `score` (at most 100).
    ///
    /// - Parameters:
    ///   - score: the applicant's total score, at most 100.
    ///   - profile: the applicant's relative strength in each item, one positive weight per item.
    /// - Returns: one score per item, in item order, summing to `score`.
    public func split(score: Double, profile: [Double]) -> [Double] {
        var result = Array(repeating: 0.0, count: items.count)
        var open = Array(items.indices)
        var remaining = score
        while !open.isEmpty && remaining > 0 {
            let weight = open.reduce(0.0) { $0 + items[$1].points * profile[$1] }
            guard weight > 0 else { break }
            var capped: [Int] = []
            for index in open {
                let share = remaining * items[index].points * profile[index] / weight
                if result[index] + share >= items[index].points { capped.append(index) }
            }
            if capped.isEmpty {
                for index in open { result[index] += remaining * items[index].points * profile[index] / weight }
                remaining = 0
            } else {
                for index in capped {
                    remaining -= items[index].points - result[index]
                    result[index] = items[index].points
                }
                open.removeAll { capped.contains($0) }
            }
        }
        return result
    }
}
