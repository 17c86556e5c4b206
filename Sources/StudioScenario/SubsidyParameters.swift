public import StudioRules

/// The extra subsidies to named, unrevoked studios (Art. 12): equipment, skill upgrades and the
/// city's awards. Each part is optional; an absent part pays nothing.
public struct SubsidyParameters: Sendable, Hashable {
    /// The equipment subsidy (Art. 12.1).
    public struct Equipment: Sendable, Hashable {
        /// The share of an equipment cost or assessed value subsidised (Art. 12.1: 10%).
        public var rate: Double
        /// The chance an active studio buys new equipment in a year.
        public var purchaseProbability: Double
        /// Median cost of a purchase, in yuan; costs are log-normal.
        public var medianYuan: Double
        /// The log-normal's σ (sd of the log cost).
        public var sigma: Double
        /// Old equipment declared once at naming, if modelled.
        public var oldEquipment: OldEquipment?

        /// Creates equipment parameters.
        public init(
            rate: Double = 0.10, purchaseProbability: Double = 0, medianYuan: Double = 500_000, sigma: Double = 0.5,
            oldEquipment: OldEquipment? = nil
        ) {
            self.rate = rate
            self.purchaseProbability = purchaseProbability
            self.medianYuan = medianYuan
            self.sigma = sigma
            self.oldEquipment = oldEquipment
        }
    }

    /// Old equipment declared at naming and subsidised at the same rate of its assessed value.
    public struct OldEquipment: Sendable, Hashable {
        /// The chance a newly named studio declares old equipment.
        public var probability: Double
        /// Median assessed depreciated value, in yuan; log-normal.
        public var medianAssessedYuan: Double
        /// The log-normal's σ.
        public var sigma: Double

        /// Creates old-equipment parameters.
        public init(probability: Double, medianAssessedYuan: Double, sigma: Double) {
            self.probability = probability
            self.medianAssessedYuan = medianAssessedYuan
            self.sigma = sigma
        }
    }

    /// The skill-upgrade subsidy (Art. 12.2).
    public struct Training: Sendable, Hashable {
        /// Poisson mean of people reaching each level per active studio and year, in
        /// ``SkillLevel/allCases`` order.
        public var upgradesPerStudioYear: [Double]
        /// Yuan per person reaching each level, in ``SkillLevel/allCases`` order.
        public var amountsYuan: [Double]

        /// Creates training parameters; amounts default to the measures'.
        public init(
            upgradesPerStudioYear: [Double] = Array(repeating: 0, count: SkillLevel.allCases.count),
            amountsYuan: [Double] = SkillLevel.allCases.map(\.measuresAmount)
        ) {
            self.upgradesPerStudioYear = upgradesPerStudioYear
            self.amountsYuan = amountsYuan
        }

        /// Expected yuan per active studio and year: Σ mean × amount.
        public var expectedYuanPerStudioYear: Double {
            zip(upgradesPerStudioYear, amountsYuan).reduce(0) { $0 + $1.0 * $1.1 }
        }
    }

    /// The city's awards (Art. 12.3).
    public struct Awards: Sendable, Hashable {
        /// The kinds, tiers and prizes.
        public var awards: CityAwards
        /// Poisson mean of entries per active studio and year, for each kind in `awards.kinds` order.
        public var entriesPerStudio: [Double]

        /// Creates award parameters.
        public init(awards: CityAwards = .measures, entriesPerStudio: [Double]) {
            self.awards = awards
            self.entriesPerStudio = entriesPerStudio
        }
    }

    /// The equipment subsidy, if modelled.
    public var equipment: Equipment?
    /// The skill-upgrade subsidy, if modelled.
    public var training: Training?
    /// The city's awards, if modelled.
    public var awards: Awards?

    /// Creates subsidy parameters.
    public init(equipment: Equipment? = nil, training: Training? = nil, awards: Awards? = nil) {
        self.equipment = equipment
        self.training = training
        self.awards = awards
    }
}
