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

    /// The first forecast year, `start_year`.
    package static let startYear = 1990...2200
    /// The years forecast, `horizon_years`, and the years of a budget or reporting period.
    package static let horizonYears = 1...50
    /// The cycle's length and the strikes that revoke, `programme.cycle_years` and
    /// `programme.strikes_*`: the longest cycle is ``tranches`` years.
    package static let cycleYears = 1...20
    /// The years between earning a tranche and its payment, `programme.payment_lag_years`.
    package static let paymentLagYears = 0...10
    /// A probability or share.
    package static let probability = 0.0...1.0
    /// A score or quality on the assessment standard's 100-point scale, and its spreads.
    package static let score = 0.0...100.0
    /// The spread of a lognormal cost, `subsidies.equipment.sigma` and `.old_equipment.sigma`.
    package static let lognormalSigma = 0.0...5.0
    /// A Poisson mean per studio-year, `subsidies.training.upgrades_per_studio_year.*` and
    /// `subsidies.awards.entries_per_studio.*`.
    package static let eventsPerStudio = 0.0...1_000.0
    /// The places of an award tier, `subsidies.awards.kinds.*[].count`, and a channel's cap.
    package static let places = 0...10_000
    /// The spread of studio quality, `assessment.heterogeneity`.
    package static let heterogeneity = 0.0...1e6
    /// The common shock's sd under the probability model, `assessment.year_shock_sd`; under
    /// the score model it is on the ``score`` scale.
    package static let probabilityShockSD = 0.0...10.0
    /// The subsidies paid before the forecast to a group of studios, `existing_studios[].subsidies_paid_yuan`.
    package static let subsidiesPaidYuan = 0.0...1e12
    /// The applicants waiting at the start, `applicants.pool`.
    package static let applicantPool = 0...1_000_000
    /// The new applicants a year, `applicants.new_per_year`.
    package static let newApplicantsPerYear = 0.0...100_000.0
    /// The years before the forecast a studio may have been named, `existing_studios[].named_year`.
    package static let namedYearsBefore = 50
}
