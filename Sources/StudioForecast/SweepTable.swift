/// A sweep's points as `studio-forecast sweep` prints them: each point's cumulative net outflow
/// in the last forecast year (mean and P95) and its paired change against the first point, with
/// the change's MCSE.
///
/// ```swift
/// let sweep = try SweepGrid.run(scenarios, threads: 4)
/// print(SweepTable(sweep: sweep, grid: grid, scenario: baseline).render())
/// ```
public struct SweepTable: Sendable {
    /// Every point's forecast, in the grid's order, and each point's difference against the first.
    public var sweep: Comparison
    /// The grid swept.
    public var grid: SweepGrid
    /// The scenario swept, before any point's overrides; its last forecast year is shown.
    public var scenario: Scenario

    /// A table of `sweep`.
    ///
    /// - Parameters:
    ///   - sweep: what ``SweepGrid/run(_:threads:progress:)`` gave for the grid's scenarios.
    ///   - grid: the grid swept.
    ///   - scenario: the scenario swept, before any point's overrides.
    public init(sweep: Comparison, grid: SweepGrid, scenario: Scenario) {
        self.sweep = sweep
        self.grid = grid
        self.scenario = scenario
    }

    /// One row per point: its overrides, the mean and P95 of the cumulative net outflow in the
    /// last year, and the paired change against the first point (0 for the first) with its MCSE;
    /// `–` for a value the forecast does not give.
    ///
    /// - Returns: the table's text, without a final line break.
    public func render() -> String {
        let last = scenario.startYear + scenario.horizonYears - 1
        let points = grid.points
        var rows: [[String]] = []
        for (index, forecast) in sweep.forecasts.enumerated() {
            let total = forecast.summary(year: last, metric: .cumulativeNetOutflow)
            let change =
                index == 0
                ? nil : sweep.differences[index - 1].cell(year: last, metric: ComparisonFiles.sweepDifferenceMetric)
            let point = points.indices.contains(index) ? points[index].map(\.description).joined(separator: " ") : ""
            rows.append(
                [point]
                    + [total?[.mean], total?[.p95]].map { $0.map(PlainNumber.grouped) ?? "–" }
                    + [index == 0 ? "0" : change?.summary[.mean].map(PlainNumber.grouped) ?? "–",
                       index == 0 ? "0" : change?.summary[.mcse].map(PlainNumber.grouped) ?? "–"])
        }
        return TablePrinter.render(
            header: ["point", "cumulative net \(last) mean", "P95", "Δ vs first", "± MCSE"], rows: rows)
    }
}
