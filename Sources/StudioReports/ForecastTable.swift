public import StudioScenario
public import StudioSimulation

/// The per-year table `studio-forecast run` prints: grant outflow mean and P5–P95, total outflow
/// (grant and Art. 12 subsidies) mean, cumulative net outflow mean, active studios, revocations
/// and, with an annual budget, the chance of breaching it; with reporting periods, a subtotal
/// line after each period's last year.
public struct ForecastTable: Sendable {
    /// The forecast shown.
    package let forecast: Forecast
    /// The length of a reporting period (`reporting.period_years`), for the subtotal lines; nil
    /// for none.
    package let periodYears: Int?
    /// Whether the budget periods are the reporting periods, so that a subtotal line can give
    /// `any_budget_breach` at the period's end as the chance of a breach in the period.
    package let budgetPeriodsMatch: Bool

    /// Creates the table for a forecast, with a subtotal line per reporting period of
    /// `periodYears` years counted from the first year when it is given.
    package init(forecast: Forecast, periodYears: Int? = nil, budgetPeriodsMatch: Bool = true) {
        self.forecast = forecast
        self.periodYears = periodYears
        self.budgetPeriodsMatch = budgetPeriodsMatch
    }

    /// The table of a scenario's forecast, with its reporting periods' subtotals.
    ///
    /// - Parameters:
    ///   - forecast: the forecast shown.
    ///   - budget: the scenario's budgets, for the reporting periods.
    public init(forecast: Forecast, budget: BudgetParameters) {
        self.init(
            forecast: forecast, periodYears: budget.reportingPeriodYears,
            budgetPeriodsMatch: budget.periodYears == budget.reportingPeriodYears)
    }

    /// The table as text, one line per year under a header.
    ///
    /// - Returns: the table.
    public func render() -> String {
        let hasBudget = forecast.catalog.contains(.budgetBreach)
        var header = [
            "year", "grant (yuan) mean", "P5", "P95", "total mean", "cumulative net", Metric.active.name, Metric.revocations.name,
        ]
        if hasBudget { header.append("P(breach)") }
        var rows: [[String]] = []
        for year in forecast.years {
            func mean(_ metric: Metric) -> Double? { forecast.summary(year: year, metric: metric)?[.mean] }
            let grant = forecast.summary(year: year, metric: .grantOutflow)
            var row = [
                String(year),
                grant?[.mean].map(PlainNumber.grouped) ?? "–",
                grant?[.p05].map(PlainNumber.grouped) ?? "–",
                grant?[.p95].map(PlainNumber.grouped) ?? "–",
                mean(.totalOutflow).map(PlainNumber.grouped) ?? "–",
                mean(.cumulativeNetOutflow).map(PlainNumber.grouped) ?? "–",
                mean(.active).map { Self.decimal($0, digits: 1) } ?? "–",
                mean(.revocations).map { Self.decimal($0, digits: 2) } ?? "–",
            ]
            if hasBudget { row.append(mean(.budgetBreach).map { Self.decimal($0, digits: 3) } ?? "–") }
            rows.append(row)
            if let subtotal = subtotal(endingIn: year, hasBudget: hasBudget) { rows.append(subtotal) }
        }
        var text = TablePrinter.render(header: header, rows: rows)
        if periodYears != nil {
            text += "\nΣ: the period's totals: grant mean, P5 and P95; the net outflow's mean under cumulative net"
            text += hasBudget ? "; the chance of an annual breach in the period under P(breach)." : "."
        }
        return text
    }

    /// The subtotal line of the reporting period that ends in `year`, or nil when none ends then:
    /// the period's grant outflow (mean, P5, P95), its net outflow (mean) and, with an annual
    /// budget, the chance of a breach in some year of it.
    private func subtotal(endingIn year: Int, hasBudget: Bool) -> [String]? {
        guard let periodYears, periodYears > 0, let first = forecast.years.first, let index = forecast.years.firstIndex(of: year)
        else { return nil }
        let isLast = index + 1 == forecast.years.count || (index + 1) % periodYears == 0
        guard isLast else { return nil }
        let start = first + index - index % periodYears
        let grant = forecast.summary(year: year, metric: .periodGrantOutflow)
        let net = forecast.summary(year: year, metric: .periodNetOutflow)
        var row = [
            "\(start)–\(year) Σ",
            grant?[.mean].map(PlainNumber.grouped) ?? "–",
            grant?[.p05].map(PlainNumber.grouped) ?? "–",
            grant?[.p95].map(PlainNumber.grouped) ?? "–",
            "",
            net?[.mean].map(PlainNumber.grouped) ?? "–",
            "", "",
        ]
        if hasBudget {
            let breach = budgetPeriodsMatch ? forecast.summary(year: year, metric: .anyBudgetBreach)?[.mean] : nil
            row.append(breach.map { Self.decimal($0, digits: 3) } ?? "–")
        }
        return row
    }

    private static func decimal(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        let text = String(rounded)
        let fraction = text.split(separator: ".").dropFirst().first?.count ?? 0
        return text + String(repeating: "0", count: max(0, digits - fraction))
    }
}
