import Foundation

/// The variance shares of a sensitivity analysis's output over the scenario's uncertain inputs,
/// with the output they are of: what `sensitivity` prints and writes to `variance-shares.csv`.
public struct VarianceSharesReport: Sendable {
    /// The output metric.
    public var metric: Metric
    /// The output's calendar year.
    public var year: Int
    /// Each input group's share of the output's variance.
    public var shares: VarianceShares

    /// The shares of `metric` in `year`.
    ///
    /// - Parameters:
    ///   - metric: the output metric.
    ///   - year: the output's calendar year.
    ///   - shares: the shares estimated (`SensitivityAnalysis/varianceShares(threads:progress:)`).
    public init(metric: Metric, year: Int, shares: VarianceShares) {
        self.metric = metric
        self.year = year
        self.shares = shares
    }

    /// The name of the file the shares are written to, `variance-shares.csv`.
    public static let fileName = VarianceSharesFile.name

    /// The output the shares are of, as printed and written: `cumulative_net_outflow 2030`.
    public var output: String { "\(metric.name) \(year)" }

    /// The section `sensitivity` prints: a blank line, the heading with the replications, the
    /// estimator, the table of each group's standardised regression coefficient, share and MCSE,
    /// and R², followed by a blank line.
    ///
    /// - Returns: the text, without a final line break.
    public func render() -> String {
        let rows = shares.shares.map { share -> [String] in
            [share.group, String(format: "%+.3f", share.coefficient), String(format: "%.3f", share.share),
             String(format: "%.3f", share.mcse)]
        }
        return [
            "\nVariance shares of \(output) over the uncertain inputs (\(shares.replications) replications):",
            "Estimator: \(VarianceShares.estimator).\n",
            TablePrinter.render(header: ["input", "SRRC", "share", "± MCSE"], rows: rows),
            String(format: "Together (R²): %.3f; the rest is the model's own randomness and interactions.\n", shares.rSquared),
        ].joined(separator: "\n")
    }
}
