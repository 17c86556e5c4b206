public import StudioSimulation

/// The per-year table `studio-forecast run` prints: grant outflow mean and P5–P95, the cumulative
/// mean, active studios and revocations.
public struct ForecastTable: Sendable {
    /// The forecast shown.
    public let forecast: Forecast

    /// Creates the table for a forecast.
    public init(forecast: Forecast) {
        self.forecast = forecast
    }

    /// The table as text, one line per year under a header.
    public func render() -> String {
        let header = ["year", "grant outflow (yuan) mean", "P5", "P95", "cumulative mean", "active", "revocations"]
        var rows: [[String]] = []
        for year in forecast.years {
            let outflow = forecast.summary(year: year, metric: "grant_outflow")
            let cumulative = forecast.summary(year: year, metric: "cumulative_grant_outflow")?[.mean]
            let active = forecast.summary(year: year, metric: "active")?[.mean]
            let revocations = forecast.summary(year: year, metric: "revocations")?[.mean]
            rows.append([
                String(year),
                outflow?[.mean].map(PlainNumber.grouped) ?? "–",
                outflow?[.p05].map(PlainNumber.grouped) ?? "–",
                outflow?[.p95].map(PlainNumber.grouped) ?? "–",
                cumulative.map(PlainNumber.grouped) ?? "–",
                active.map { Self.decimal($0, digits: 1) } ?? "–",
                revocations.map { Self.decimal($0, digits: 2) } ?? "–",
            ])
        }
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ fields: [String]) -> String {
            fields.enumerated().map { column, field in
                let pad = String(repeating: " ", count: widths[column] - field.count)
                return column == 0 ? field + pad : pad + field
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    private static func decimal(_ value: Double, digits: Int) -> String {
        let scale = digits == 1 ? 10.0 : 100.0
        let rounded = (value * scale).rounded() / scale
        let text = String(rounded)
        let fraction = text.split(separator: ".").dropFirst().first?.count ?? 0
        return text + String(repeating: "0", count: max(0, digits - fraction))
    }
}
