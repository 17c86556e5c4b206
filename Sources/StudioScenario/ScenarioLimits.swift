/// The largest money amounts and counts a scenario may give.
///
/// Each bound is far beyond any programme the measures describe (a 1,000,000-yuan grant,
/// Art. 11; a handful of studios a year, Art. 7), and together they keep every yearly amount
/// below 10¹³ yuan and every count well inside the integer types the simulation uses. The
/// README's scenario reference states each one.
package enum ScenarioLimits {
    /// The largest grant per studio, `programme.grant_yuan`: 10⁹ yuan.
    package static let grantYuan = 1e9
    /// The most tranches, `programme.tranche_shares`: 20, the longest cycle allowed, since a
    /// studio earns at most one tranche a year of its cycle (Art. 11).
    package static let tranches = 20
    /// The largest quota of a year, `quota.per_year`: 10,000 studios.
    package static let quotaPerYear = 10_000
    /// The largest median equipment cost or assessed value, `subsidies.equipment.median_yuan`
    /// and `.old_equipment.median_assessed_yuan`: 10⁹ yuan.
    package static let equipmentMedianYuan = 1e9
    /// The largest amount per person or per prize, `subsidies.training.amounts_yuan.*` and
    /// `subsidies.awards.kinds.*[].yuan`: 10⁹ yuan.
    package static let amountYuan = 1e9
    /// The largest annual budget, `budget.annual_yuan`: 10¹³ yuan.
    package static let annualBudgetYuan = 1e13
    /// The largest period budget, `budget.period_yuan`: 10¹⁴ yuan.
    package static let periodBudgetYuan = 1e14
    /// The most studios named before the forecast, over every `existing_studios` group: 100,000.
    package static let existingStudios = 100_000
}
