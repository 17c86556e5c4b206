package import StudioRules

/// The extra subsidies to named, unrevoked studios (Art. 12): equipment, skill upgrades and the
/// city's awards. Each part is optional; an absent part pays nothing.
public struct SubsidyParameters: Sendable, Hashable {
    /// The equipment subsidy (Art. 12.1).
    public struct Equipment: Sendable, Hashable {
        /// The share of an equipment cost or assessed value subsidised (Art. 12.1: 10%).
        package var rate: Double
        /// The chance an active studio buys new equipment in a year.
        package var purchaseProbability: Double
        /// Median cost of a purchase, in yuan; costs are log-normal.
        package var medianYuan: Double
        /// The log-normal's σ (sd of the log cost).
        package var sigma: Double
        /// Old equipment declared once at naming, if modelled.
        package var oldEquipment: OldEquipment?

        /// Creates equipment parameters.
        package init(
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
        package var probability: Double
        /// Median assessed depreciated value, in yuan; log-normal.
        package var medianAssessedYuan: Double
        /// The log-normal's σ.
        package var sigma: Double

        /// Creates old-equipment parameters.
        package init(probability: Double, medianAssessedYuan: Double, sigma: Double) {
            self.probability = probability
            self.medianAssessedYuan = medianAssessedYuan
            self.sigma = sigma
        }
    }

    /// The skill-upgrade subsidy (Art. 12.2).
    public struct Training: Sendable, Hashable {
        /// Poisson mean of people reaching each level per active studio and year, in
        /// ``SkillLevel/allCases`` order.
        package var upgradesPerStudioYear: [Double]
        /// Yuan per person reaching each level, in ``SkillLevel/allCases`` order.
        package var amountsYuan: [Double]

        /// Creates training parameters; amounts default to the measures'.
        package init(
            upgradesPerStudioYear: [Double] = Array(repeating: 0, count: SkillLevel.allCases.count),
            amountsYuan: [Double] = SkillLevel.allCases.map(\.measuresAmount)
        ) {
            self.upgradesPerStudioYear = upgradesPerStudioYear
            self.amountsYuan = amountsYuan
        }

        /// Expected yuan per active studio and year: Σ mean × amount.
        package var expectedYuanPerStudioYear: Double {
            zip(upgradesPerStudioYear, amountsYuan).reduce(0) { $0 + $1.0 * $1.1 }
        }
    }

    /// The city's awards (Art. 12.3).
    public struct Awards: Sendable, Hashable {
        /// The kinds, tiers and prizes.
        package var awards: CityAwards
        /// Poisson mean of entries per active studio and year, for each kind in `awards.kinds` order.
        package var entriesPerStudio: [Double]

        /// Creates award parameters.
        package init(awards: CityAwards = .measures, entriesPerStudio: [Double]) {
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
    ///
    /// - Parameters:
    ///   - equipment: the equipment subsidy, if modelled.
    ///   - training: the skill-upgrade subsidy, if modelled.
    ///   - awards: the kinds, tiers and prizes.
    public init(equipment: Equipment? = nil, training: Training? = nil, awards: Awards? = nil) {
        self.equipment = equipment
        self.training = training
        self.awards = awards
    }
}
