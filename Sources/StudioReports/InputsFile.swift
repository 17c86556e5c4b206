package import StudioScenario

/// The files that describe a run's drawn uncertain inputs: `inputs.csv`, a summary of each
/// input over the run's replications, and `inputs-replications.csv`, each replication's values
/// (`run --keep-replications`).
package enum InputsFile {
    /// The summary's name in an output folder.
    package static let summaryName = "inputs.csv"
    /// The per-replication file's name in an output folder.
    package static let replicationsName = "inputs-replications.csv"

    /// `scenario,key,statistic,value`: the mean, sd (n − 1), p05, p50 and p95 of each input's
    /// drawn values, one row each. A percentile is the inverse empirical CDF (the smallest drawn
    /// value with at least that share of draws at or below it), as in summary.csv.
    ///
    /// - Parameters:
    ///   - scenario: the scenario's name.
    ///   - inputs: the uncertain inputs.
    ///   - values: one row per replication, one value per input in `inputs` order.
    /// - Returns: the text of `inputs.csv`.
    package static func summaryCSV(scenario: String, inputs: [UncertainInput], values: [[Double]]) -> String {
        var text = "scenario,key,statistic,value\n"
        for (column, input) in inputs.enumerated() {
            let drawn = values.compactMap { $0.indices.contains(column) ? $0[column] : nil }
            for (statistic, value) in statistics(drawn) {
                text += "\(scenario),\(input.keyPath),\(statistic),\(PlainNumber.format(value))\n"
            }
        }
        return text
    }

    /// `replication,<key>,<key>...`: each replication's drawn values (0-based replications).
    ///
    /// - Parameters:
    ///   - inputs: the uncertain inputs.
    ///   - replications: the replications, 0-based.
    ///   - values: one row per replication, one value per input in `inputs` order.
    /// - Returns: the text of `inputs-replications.csv`.
    package static func replicationsCSV(
        inputs: [UncertainInput], replications: Range<Int>, values: [[Double]]
    ) -> String {
        var text = (["replication"] + inputs.map(\.keyPath)).joined(separator: ",") + "\n"
        for (replication, row) in zip(replications, values) {
            text += ([String(replication)] + row.map(PlainNumber.format)).joined(separator: ",") + "\n"
        }
        return text
    }

    /// The mean, sd, p05, p50 and p95 of `values` (none when there are no values).
    static func statistics(_ values: [Double]) -> [(String, Double)] {
        guard !values.isEmpty else { return [] }
        let n = Double(values.count)
        let sorted = values.sorted()
        // A value drawn from a degenerate distribution is the same in every replication.
        let isConstant = sorted[0] == sorted[sorted.count - 1]
        let rough = values.reduce(0, +) / n
        // The second pass corrects the rounding of the first.
        let mean = isConstant ? sorted[0] : rough + values.reduce(0) { $0 + ($1 - rough) } / n
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let sd = values.count > 1 && !isConstant ? (squares / (n - 1)).squareRoot() : 0
        func percentile(_ p: Double) -> Double {
            let rank = Int((p * n).rounded(.up))
            return sorted[min(max(rank, 1), sorted.count) - 1]
        }
        return [("mean", mean), ("sd", sd), ("p05", percentile(0.05)), ("p50", percentile(0.5)), ("p95", percentile(0.95))]
    }
}
