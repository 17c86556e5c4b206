/// The budgets a forecast is held against, and how its money is valued today.
public struct BudgetParameters: Sendable, Hashable {
    /// The annual budget per forecast year, in yuan, if set.
    public var annualYuan: [Double]?
    /// The budget of each period of `periodYears` years from the start year, if set.
    public var periodYuan: Double?
    /// The length of a budget period in years; `reporting.period_years` unless `budget.period_years`
    /// is given.
    public var periodYears: Int
    /// The length of a reporting period in years (`reporting.period_years`), counted from the
    /// start year: the periods whose totals `period_net_outflow` and `period_grant_outflow` run over.
    public var reportingPeriodYears: Int
    /// The yearly rate at which net outflows are discounted to the start year (nominal yuan,
    /// not indexed).
    public var discountRate: Double
    /// The percentile, as a whole percent, that the workbook's budget request shows as the
    /// prudent level beside the mean (`reporting.planning_percentile`): one of
    /// ``planningPercentiles``.
    public var planningPercentile: Int

    /// The percentiles of the output contract a budget request may use as its prudent level.
    package static let planningPercentiles = [5, 25, 50, 75, 95]

    /// Creates budget parameters.
    ///
    /// - Parameters:
    ///   - annualYuan: the annual budget per forecast year, in yuan, if set.
    ///   - periodYuan: the budget of each period of `periodYears` years from the start year, if set.
    ///   - periodYears: the length of a budget period in years; `reporting.period_years` unless
    ///     `budget.period_years` is given.
    ///   - discountRate: the yearly rate at which net outflows are discounted to the start year (nominal
    ///     yuan, not indexed).
    ///   - planningPercentile: the percentile, as a whole percent, that the workbook's budget request shows
    ///     as the prudent level beside the mean (`reporting.planning_percentile`): one of
    ///     ``planningPercentiles``.
    ///   - reportingPeriodYears: the length of a reporting period in years (`reporting.period_years`),
    ///     counted from the start year: the periods whose totals `period_net_outflow` and
    ///     `period_grant_outflow` run over.
    public init(
        annualYuan: [Double]? = nil, periodYuan: Double? = nil, periodYears: Int = 5, discountRate: Double = 0,
        planningPercentile: Int = 95, reportingPeriodYears: Int = 5
    ) {
        self.reportingPeriodYears = reportingPeriodYears
        self.annualYuan = annualYuan
        self.periodYuan = periodYuan
        self.periodYears = periodYears
        self.discountRate = discountRate
        self.planningPercentile = planningPercentile
    }

    /// The forecast year (0-based) at which the period holding `year` began.
    package func periodStart(of year: Int) -> Int { year - year % periodYears }

    /// The forecast year (0-based) at which the reporting period holding `year` began.
    package func reportingPeriodStart(of year: Int) -> Int { year - year % max(reportingPeriodYears, 1) }

    /// The reporting periods of a forecast of `horizon` years, as 0-based forecast years.
    ///
    /// - Parameter horizon: the years forecast.
    /// - Returns: each reporting period's forecast years, 0-based, in order.
    public func reportingPeriods(horizon: Int) -> [Range<Int>] {
        stride(from: 0, to: horizon, by: max(reportingPeriodYears, 1)).map { $0..<min($0 + max(reportingPeriodYears, 1), horizon) }
    }
}
