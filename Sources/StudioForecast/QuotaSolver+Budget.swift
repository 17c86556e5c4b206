extension QuotaSolver {
    /// The largest quota a search may try, the bound of a scenario's `quota.per_year`.
    public static let maximumQuota = ScenarioLimits.quotaPerYear

    /// The largest annual budget a search may be given, in yuan, the bound of a scenario's
    /// `budget.annual_yuan`.
    public static let maximumAnnualBudget = ScenarioLimits.annualBudgetYuan

    /// A solver for `scenario` under `annualBudget`, when given, in place of the scenario's
    /// annual budgets.
    ///
    /// - Parameters:
    ///   - scenario: the scenario whose constant annual quota (Art. 7) is solved for.
    ///   - annualBudget: an annual budget in yuan for every forecast year, replacing the scenario's.
    ///   - limit: the largest chance of at least one budget breach in the budget period.
    ///   - maxQuota: the largest quota tried.
    /// - Throws: `QuotaSolverError` when `limit` is outside 0...1, `annualBudget` is outside
    ///   0...`maximumAnnualBudget` (or not a number), the scenario then sets no budget,
    ///   `maxQuota` is out of range, or a value of the scenario is one no scenario file allows
    ///   (see `Scenario.validate()`).
    public init(scenario: Scenario, annualBudget: Double?, limit: Double, maxQuota: Int)
        throws(QuotaSolverError)
    {
        var budgeted = scenario
        if let annualBudget {
            guard (0...Self.maximumAnnualBudget).contains(annualBudget) else { throw .annualBudgetOutOfRange(annualBudget) }
            budgeted.budget.annualYuan = Array(repeating: annualBudget, count: max(scenario.horizonYears, 0))
        }
        try self.init(scenario: budgeted, limit: limit, maxQuota: maxQuota)
    }
}
