public import StudioScenario

/// One number read from a forecast: a metric's statistic in a year or over a period, such as the
/// mean `any_budget_breach` over 2031–2035 or the P95 `cumulative_net_outflow` in 2030. It is
/// what `solve` constrains and what `sensitivity` measures.
///
/// A period is read only where the forecast's per-replication values give it exactly:
/// - a running total from the start year (`cumulative_*`) over a period from the start year is
///   its value in the period's last year;
/// - a breach (`budget_breach`, `any_budget_breach`) in any year of a budget period, or of a
///   part of one from its first year, is `any_budget_breach` in the period's last year, since
///   that indicator is the running maximum of the year's breaches within a budget period;
/// - the period budget's breach (`cumulative_budget_breach`) over a whole budget period is its
///   value in the period's last year, the period's net outflow against its budget;
/// - the chance of a breach in any year from the start year to a later year is the sum of the
///   chances that the first breach falls in each year (`first_breach_year`, disjoint events), for
///   the mean only, with the MCSE of that 0/1 indicator.
/// Any other period is refused rather than approximated.
public struct OutputMeasure: Sendable, Hashable, CustomStringConvertible {
    /// How the measure is read from a forecast's cells.
    public enum Reading: Sendable, Hashable {
        /// One cell: `metric` in `year`.
        case cell(Metric, year: Int)
        /// The sum of `first_breach_year`'s means over `first`...`last` (the chance of a breach in
        /// some year of it, counted from the start year).
        case firstBreachSum(first: Int, last: Int)
    }

    /// The metric.
    public var metric: Metric
    /// The statistic across replications.
    public var statistic: Statistic
    /// The year or period.
    public var window: OutputWindow

    /// Creates a measure.
    ///
    /// - Parameters:
    ///   - metric: the metric.
    ///   - statistic: the statistic across replications.
    ///   - window: the year or period.
    public init(metric: Metric, statistic: Statistic = .mean, window: OutputWindow) {
        self.metric = metric
        self.statistic = statistic
        self.window = window
    }

    /// `any_budget_breach mean 2031-2035`.
    public var description: String { "\(metric.name) \(statistic.rawValue) \(window)" }

    /// `any_budget_breach mean 2031–2035`, for a reader.
    public var label: String { "\(metric.name) \(statistic.rawValue) \(window.label)" }

    /// The measure the `sensitivity` command reported before it could be chosen: the mean
    /// cumulative net outflow at the end of the first budget period (or of the horizon).
    ///
    /// - Parameter scenario: the scenario forecast.
    /// - Returns: the measure.
    public static func periodNetOutflow(of scenario: Scenario) -> OutputMeasure {
        OutputMeasure(
            metric: .cumulativeNetOutflow,
            window: .year(scenario.startYear + PrecisionTarget.periodEnd(of: scenario)))
    }

    /// How the measure is read from a forecast of `scenario`.
    ///
    /// - Parameter scenario: the scenario forecast.
    /// - Returns: the cell or period the measure reads.
    /// - Throws: ``OutputMeasureError`` for a year outside the horizon, a metric the scenario's
    ///   forecast does not record, a statistic the forecast lacks (the standard deviation and MCSE
    ///   are not measures), or a period the per-replication values do not give exactly.
    public func reading(for scenario: Scenario) throws(OutputMeasureError) -> Reading {
        let first = scenario.startYear
        let last = scenario.startYear + scenario.horizonYears - 1
        for year in [window.first, window.last] where !(first...last).contains(year) {
            throw .yearOutOfRange(year, first: first, last: last)
        }
        guard statistic != .mcse && statistic != .sd else { throw .statisticNotAMeasure(statistic) }
        guard !metric.isCohortMetric else { throw .cohortMetric(metric) }
        let catalog = MetricCatalog(scenario: scenario)
        guard catalog.contains(metric) else { throw .metricMissing(metric) }
        guard case .period(let from, let to) = window else { return .cell(metric, year: window.last) }
        let budget = scenario.budget
        let fromIndex = from - first
        let toIndex = to - first
        let isRunningTotal = [Metric.cumulativeNetOutflow, .cumulativeGrantOutflow, .cumulativeNetOutflowPV].contains(metric)
        let isBreach = [Metric.budgetBreach, .anyBudgetBreach, .firstBreachYear].contains(metric)
        if isRunningTotal && from == first { return .cell(metric, year: to) }
        // A flow's total over one whole reporting period is that period's running total at its end.
        let periodTotals: [Metric: Metric] = [
            .netOutflow: .periodNetOutflow, .periodNetOutflow: .periodNetOutflow,
            .grantOutflow: .periodGrantOutflow, .periodGrantOutflow: .periodGrantOutflow,
        ]
        if let total = periodTotals[metric], budget.reportingPeriodStart(of: fromIndex) == fromIndex,
            budget.reportingPeriodStart(of: toIndex) == fromIndex,
            toIndex == min(fromIndex + budget.reportingPeriodYears, scenario.horizonYears) - 1
        {
            return .cell(total, year: to)
        }
        if isBreach && metric != .firstBreachYear && budget.periodStart(of: fromIndex) == fromIndex
            && budget.periodStart(of: toIndex) == fromIndex
        {
            return .cell(.anyBudgetBreach, year: to)
        }
        let periodEnd = min(fromIndex + budget.periodYears, scenario.horizonYears) - 1
        if metric == .cumulativeBudgetBreach && budget.periodStart(of: fromIndex) == fromIndex && toIndex == periodEnd {
            return .cell(metric, year: to)
        }
        if isBreach && from == first && catalog.contains(.firstBreachYear) {
            guard statistic == .mean else { throw .periodNeedsMean(self) }
            return .firstBreachSum(first: from, last: to)
        }
        throw .periodNotExact(self, startYear: first, budgetPeriodYears: budget.periodYears)
    }

    /// The measure's value in `forecast` (of `scenario`) and, for the mean, its MCSE.
    ///
    /// - Parameters:
    ///   - forecast: the forecast read.
    ///   - scenario: the scenario it forecasts.
    /// - Returns: the value and, for the mean, its MCSE.
    /// - Throws: ``OutputMeasureError`` as ``reading(for:)``, or when the forecast lacks a cell.
    public func value(in forecast: Forecast, of scenario: Scenario) throws(OutputMeasureError) -> MeasuredValue {
        switch try reading(for: scenario) {
        case .cell(let metric, let year):
            guard let summary = forecast.summary(year: year, metric: metric) else { throw .metricMissing(metric) }
            return MeasuredValue(
                value: summary[statistic] ?? .nan, mcse: statistic == .mean ? summary[.mcse] : nil)
        case .firstBreachSum(let from, let to):
            var chance = 0.0
            var count = 0
            for year in from...to {
                guard let summary = forecast.summary(year: year, metric: .firstBreachYear) else {
                    throw .metricMissing(.firstBreachYear)
                }
                chance += summary[.mean] ?? 0
                count = summary.count
            }
            // The sum is the mean of a 0/1 indicator; its sample sd over n − 1 as for every cell.
            let n = Double(count)
            let mcse = count > 1 ? (max(chance * (1 - chance), 0) / (n - 1)).squareRoot() : 0
            return MeasuredValue(value: chance, mcse: mcse)
        }
    }

    /// The change of the measure between the first scenario of `comparison` and the one at
    /// `index` (≥ 1): for the mean of one cell the mean paired difference with its MCSE (when the
    /// comparison kept that metric's differences), otherwise the difference of the two values
    /// with no MCSE (a difference of percentiles has no paired MCSE).
    ///
    /// - Parameters:
    ///   - comparison: the comparison read.
    ///   - index: the scenario compared with the first, 1 or more.
    ///   - scenario: the scenario at `index`.
    /// - Returns: the change and, for the mean of one cell, its paired MCSE.
    /// - Throws: ``OutputMeasureError`` as ``value(in:of:)``.
    public func change(
        in comparison: Comparison, index: Int, of scenario: Scenario
    ) throws(OutputMeasureError) -> MeasuredValue {
        if statistic == .mean, case .cell(let metric, let year) = try reading(for: scenario),
            let paired = comparison.differences[index - 1].cell(year: year, metric: metric)?.summary,
            let mean = paired[.mean]
        {
            return MeasuredValue(value: mean, mcse: paired[.mcse])
        }
        let base = try value(in: comparison.forecasts[0], of: scenario)
        let moved = try value(in: comparison.forecasts[index], of: scenario)
        return MeasuredValue(value: moved.value - base.value, mcse: nil)
    }
}

/// A measure's value and its Monte Carlo standard error where one is known.
public struct MeasuredValue: Sendable, Hashable {
    /// The value.
    public var value: Double
    /// Its MCSE: known for a mean, nil for a percentile or an extreme.
    public var mcse: Double?

    /// Creates a value.
    ///
    /// - Parameters:
    ///   - value: the value.
    ///   - mcse: its MCSE: known for a mean, nil for a percentile or an extreme.
    public init(value: Double, mcse: Double?) {
        self.value = value
        self.mcse = mcse
    }
}

/// A measure that cannot be read from a scenario's forecast (a bad argument, exit 64).
public enum OutputMeasureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A year outside the forecast's horizon.
    case yearOutOfRange(Int, first: Int, last: Int)
    /// A metric the scenario's forecast does not record.
    case metricMissing(Metric)
    /// A cohort metric, which has no calendar year.
    case cohortMetric(Metric)
    /// The standard deviation or MCSE asked as the measure.
    case statisticNotAMeasure(Statistic)
    /// A period whose value is exact only for the mean.
    case periodNeedsMean(OutputMeasure)
    /// A period the forecast's per-replication values do not give exactly.
    case periodNotExact(OutputMeasure, startYear: Int, budgetPeriodYears: Int)

    /// One line saying what to give instead.
    public var description: String {
        switch self {
        case .yearOutOfRange(let year, let first, let last):
            return "\(year) is outside the forecast's years \(first)–\(last)"
        case .metricMissing(let metric):
            return "the scenario's forecast has no metric \(metric.name) (the selection metrics need an applicant pool, the budget metrics a budget)"
        case .cohortMetric(let metric):
            return "\(metric.name) is a cohort metric with no calendar year; choose a yearly metric"
        case .statisticNotAMeasure(let statistic):
            return "the statistic \(statistic.rawValue) describes the spread, not an output; use mean, min, p05, p25, p50, p75, p95 or max"
        case .periodNeedsMean(let measure):
            return "\(measure.label): over a period only the mean chance of a breach is exact; use mean"
        case .periodNotExact(let measure, let startYear, let years):
            return "\(measure.label): the forecast holds no per-replication value of \(measure.metric.name) over that period; "
                + "give one year, a period from \(startYear) for a cumulative_* or breach metric, "
                + "or a \(years)-year budget period for a breach metric or cumulative_budget_breach"
        }
    }
}

extension OutputMeasureError: StudioForecastError {
    /// An argument, not a file.
    public var location: ProblemLocation { .none }
    /// The measure is given on the command line.
    public var category: ProblemCategory { .badArgument }
}
