/// The budgets a forecast is held against, and how its money is valued today.
public struct BudgetParameters: Sendable, Hashable {
    /// The annual budget per forecast year, in yuan, if set.
    public var annualYuan: [Double]?
    /// The budget of each period of `periodYears` years from the start year, if set.
    public var periodYuan: Double?
    /// The length of a budget period in years.
    public var periodYears: Int
    /// The yearly rate at which net outflows are discounted to the start year (nominal yuan,
    /// not indexed).
    public var discountRate: Double
    /// The percentile, as a whole percent, that the workbook's budget request shows as the
    /// prudent level beside the mean (`reporting.planning_percentile`): one of
    /// ``planningPercentiles``.
    public var planningPercentile: Int

    /// The percentiles of the output contract a budget request may use as its prudent level.
    public static let planningPercentiles = [5, 25, 50, 75, 95]

    /// Creates budget parameters.
    public init(
        annualYuan: [Double]? = nil, periodYuan: Double? = nil, periodYears: Int = 5, discountRate: Double = 0,
        planningPercentile: Int = 95
    ) {
        self.annualYuan = annualYuan
        self.periodYuan = periodYuan
        self.periodYears = periodYears
        self.discountRate = discountRate
        self.planningPercentile = planningPercentile
    }

    /// The forecast year (0-based) at which the period holding `year` began.
    public func periodStart(of year: Int) -> Int { year - year % periodYears }
}
