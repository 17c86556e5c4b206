import StudioScenario
import StudioSimulation

/// The budget-request table of `forecast.xlsx`: the budget lines by year, each budget period's
/// subtotal and the horizon's total, as the mean and at a prudent percentile.
///
/// The mean of a period total is the sum of the yearly means (exact, by linearity). A
/// percentile of a period total is never a sum of yearly percentiles: it is taken from the
/// replications' own period totals, which the forecast holds for the grant and the net outflow
/// from the start year (`cumulative_grant_outflow`, `cumulative_net_outflow`), so for the first
/// period and the horizon, and over each reporting period (`period_grant_outflow`,
/// `period_net_outflow`), so for a budget period that is also a reporting period (always, unless
/// `budget.period_years` differs from `reporting.period_years`); every other such cell is left
/// empty.
struct BudgetTable {
    /// A column of the table.
    enum Column: Equatable {
        /// One calendar year.
        case year(Int)
        /// A budget period's subtotal, from its first to its last forecast year.
        case period(first: Int, last: Int)
        /// The whole horizon's total.
        case horizon(first: Int, last: Int)
    }

    /// The forecast tabled.
    let forecast: Forecast
    /// The budget lines, in row order: the grant by tranche, the subsidies, the total, the
    /// money recovered and the net outflow (Art. 11, 12, 15).
    let lines: [Metric]
    /// The columns, in order: each period's years then its subtotal, then the horizon total
    /// (when the horizon holds more than one period).
    let columns: [Column]
    /// The length of the reporting periods, from the first year, that the forecast's
    /// `period_grant_outflow` and `period_net_outflow` total over (`reporting.period_years`).
    let reportingPeriodYears: Int

    /// The table of `forecast`, with budget periods of `periodYears` years from its first year
    /// and reporting periods of `reportingPeriodYears` (the scenario default unless given).
    init(
        forecast: Forecast, periodYears: Int,
        reportingPeriodYears: Int = BudgetParameters().reportingPeriodYears
    ) {
        self.forecast = forecast
        self.reportingPeriodYears = max(1, reportingPeriodYears)
        let tranches = forecast.catalog.yearMetrics.filter {
            if case .tranche = $0 { return true } else { return false }
        }
        lines =
            [.grantOutflow] + tranches + [
                .equipmentSubsidy, .trainingSubsidy, .awardSubsidy, .totalOutflow, .clawback, .netOutflow,
            ]
        var columns: [Column] = []
        let years = forecast.years
        let length = max(1, periodYears)
        var start = 0
        while start < years.count {
            let end = min(start + length, years.count)
            columns += years[start..<end].map(Column.year)
            columns.append(.period(first: years[start], last: years[end - 1]))
            start = end
        }
        // One period already totals the horizon.
        if let first = years.first, let last = years.last, years.count > length {
            columns.append(.horizon(first: first, last: last))
        }
        self.columns = columns
    }

    /// The line's value in the column: the mean with `statistic` `.mean`, otherwise the percentile
    /// of the replications' totals over the column's years, or nil where the forecast holds none.
    func value(_ line: Metric, _ column: Column, _ statistic: Statistic) -> Double? {
        switch column {
        case .year(let year):
            return forecast.summary(year: year, metric: line)?[statistic]
        case .period(let first, let last), .horizon(let first, let last):
            if statistic == .mean {
                var total = 0.0
                for year in first...last {
                    guard let mean = forecast.summary(year: year, metric: line)?[.mean] else {
                        return nil
                    }
                    total += mean
                }
                return total
            }
            guard let total = totals(of: line, first: first, last: last) else { return nil }
            return forecast.summary(year: last, metric: total)?[statistic]
        }
    }

    /// The metric whose value in year `last` is each replication's total of `line` over
    /// `first...last`: the running total from the start year for a span that starts there, else
    /// the reporting period's running total for a span within one reporting period that starts
    /// where it does; nil when the forecast holds no such total.
    func totals(of line: Metric, first: Int, last: Int) -> Metric? {
        guard let start = forecast.years.first else { return nil }
        if first == start { return Self.cumulative(of: line) }
        let offset = first - start
        guard offset % reportingPeriodYears == 0, last - first < reportingPeriodYears else { return nil }
        return Self.periodTotal(of: line)
    }

    /// Whether a percentile of the column is missing for want of per-replication period totals.
    func lacksPeriodTotals(_ line: Metric, _ column: Column) -> Bool {
        switch column {
        case .year: return false
        case .period(let first, let last), .horizon(let first, let last):
            return totals(of: line, first: first, last: last) == nil
        }
    }

    /// The running total from the start year that holds a line's per-replication totals.
    static func cumulative(of line: Metric) -> Metric? {
        switch line {
        case .grantOutflow: .cumulativeGrantOutflow
        case .netOutflow: .cumulativeNetOutflow
        default: nil
        }
    }

    /// The running total over the current reporting period that holds a line's per-replication
    /// period totals.
    static func periodTotal(of line: Metric) -> Metric? {
        switch line {
        case .grantOutflow: .periodGrantOutflow
        case .netOutflow: .periodNetOutflow
        default: nil
        }
    }
}
