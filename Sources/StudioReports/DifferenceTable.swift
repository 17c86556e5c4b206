public import StudioSimulation

/// The per-year table `studio-forecast compare` prints: the paired difference of the net
/// outflow (mean ± MCSE, P5–P95, the chance it is above zero) and of its cumulative mean.
public struct DifferenceTable: Sendable {
    /// The differences shown.
    package let difference: DifferenceForecast

    /// Creates the table.
    ///
    /// - Parameter difference: the differences shown.
    public init(difference: DifferenceForecast) {
        self.difference = difference
    }

    /// The table as text.
    ///
    /// - Returns: the table, one line per year under a header.
    public func render() -> String {
        let header = ["year", "Δ net outflow mean", "± MCSE", "P5", "P95", "P(Δ > 0)", "Δ cumulative net"]
        let rows = difference.years.map { year -> [String] in
            let cell = difference.cell(year: year, metric: .netOutflow)
            let cumulative = difference.cell(year: year, metric: .cumulativeNetOutflow)
            return [
                String(year),
                cell?.summary[.mean].map(PlainNumber.grouped) ?? "–",
                cell?.summary[.mcse].map(PlainNumber.grouped) ?? "–",
                cell?.summary[.p05].map(PlainNumber.grouped) ?? "–",
                cell?.summary[.p95].map(PlainNumber.grouped) ?? "–",
                cell?.probabilityPositive.map { String(Int(($0 * 1000).rounded())) + "‰" } ?? "–",
                cumulative?.summary[.mean].map(PlainNumber.grouped) ?? "–",
            ]
        }
        return TablePrinter.render(header: header, rows: rows)
    }
}
