public import StudioSimulation

/// The per-year table `studio-forecast run` prints: grant outflow mean and P5–P95, total outflow
/// (grant and Art. 12 subsidies) mean, cumulative net outflow mean, active studios, revocations
/// and, with an annual budget, the chance of breaching it.
public struct ForecastTable: Sendable {
    /// The forecast shown.
    public let forecast: Forecast

    /// Creates the table for a forecast.
    public init(forecast: Forecast) {
        self.forecast = forecast
    }

    /// The table as text, one line per year under a header.
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
        }
        return TablePrinter.render(header: header, rows: rows)
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
