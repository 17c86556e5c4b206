/// The city's yearly awards of Art. 12.3: each kind has prize tiers, filled from the top prize
/// down by the entries of active named studios; slots without an entry stay unawarded.
public struct CityAwards: Sendable, Hashable {
    /// One tier of prizes: how many, and the yuan of each.
    public struct Tier: Sendable, Hashable {
        /// Prizes in the tier.
        public var count: Int
        /// Yuan per prize.
        public var yuan: Double

        /// Creates a tier.
        ///
        /// - Parameters:
        ///   - count: prizes in the tier.
        ///   - yuan: yuan per prize.
        public init(count: Int, yuan: Double) {
            self.count = count
            self.yuan = yuan
        }
    }

    /// One kind of award and its tiers, top prize first.
    public struct Kind: Sendable, Hashable {
        /// The kind's key, such as `innovation_results`.
        public var key: String
        /// Its tiers, highest prize first.
        public var tiers: [Tier]

        /// Creates a kind.
        ///
        /// - Parameters:
        ///   - key: the kind's key, such as `innovation_results`.
        ///   - tiers: its tiers, highest prize first.
        public init(key: String, tiers: [Tier]) {
            self.key = key
            self.tiers = tiers
        }

        /// Slots in all tiers.
        public var slots: Int { tiers.reduce(0) { $0 + $1.count } }

        /// The yuan of the best `entries` slots: slots are filled from the top prize down.
        ///
        /// - Parameter entries: the entries placed, best first.
        /// - Returns: the yuan of the best `entries` slots, at most every slot's.
        public func awarded(entries: Int) -> Double {
            var left = entries
            var total = 0.0
            for tier in tiers where left > 0 {
                let filled = min(left, tier.count)
                total += Double(filled) * tier.yuan
                left -= filled
            }
            return total
        }

        /// The prize of slot `slot` (0-based, top prize first).
        ///
        /// - Parameter slot: the slot, 0-based from the top prize.
        /// - Returns: the slot's prize in yuan, or 0 past the last slot.
        public func prize(slot: Int) -> Double {
            var first = 0
            for tier in tiers {
                if slot < first + tier.count { return tier.yuan }
                first += tier.count
            }
            return 0
        }
    }

    /// The kinds of award.
    public var kinds: [Kind]

    /// Creates a set of awards.
    ///
    /// - Parameter kinds: the kinds of award.
    public init(kinds: [Kind]) {
        self.kinds = kinds
    }

    /// The measures' awards (Art. 12.3): 20 innovation results (2 × 100,000, 6 × 50,000,
    /// 12 × 20,000), 10 advanced operation methods × 50,000 and 10 golden ideas × 10,000;
    /// 1,340,000 yuan a year when every slot is filled.
    public static let measures = CityAwards(kinds: [
        Kind(
            key: "innovation_results",
            tiers: [Tier(count: 2, yuan: 100_000), Tier(count: 6, yuan: 50_000), Tier(count: 12, yuan: 20_000)]),
        Kind(key: "operation_methods", tiers: [Tier(count: 10, yuan: 50_000)]),
        Kind(key: "golden_ideas", tiers: [Tier(count: 10, yuan: 10_000)]),
    ])

    /// The yuan awarded when every slot is filled.
    public var fullTotal: Double { kinds.reduce(0) { $0 + $1.awarded(entries: $1.slots) } }
}
