import Foundation
public import StudioScenario

/// Each uncertain input's share of an output's variance ("what drives the spending?"), from one
/// run in which every uncertain input was sampled.
///
/// **Estimator: squared standardised rank regression coefficients (SRRC²).** The output and each
/// input group are replaced by their ranks (ties share their mean rank), standardised, and the
/// output regressed on the groups by least squares; a group's share is its coefficient squared.
/// When the groups are independent (they are drawn from separate streams) and the output is
/// monotone in each, the shares add up to the rank regression's R², and 1 − R² is what the
/// inputs do not explain linearly in rank (interactions, and the model's own randomness: the
/// studios and years that differ between replications). **Groups:** inputs that act only
/// through their product (``UncertainInput/group``) enter as one regressor, the product of their
/// values. **Monte Carlo error:** the sd of each share over ``resamples`` bootstrap resamples
/// of the replications (drawn with SplitMix64 from the run's seed, so the figure is repeatable).
public struct VarianceShares: Sendable {
    /// How the shares are estimated, for printing beside them.
    public static let estimator =
        "squared standardised rank regression coefficients (SRRC²), MCSE from 200 bootstrap resamples"

    /// Bootstrap resamples for the Monte Carlo error.
    package static let resamples = 200

    /// One group of inputs and its share.
    public struct Share: Sendable, Hashable {
        /// The group's name: an input's key path, or the name of a group of inputs.
        public var group: String
        /// The key paths of its inputs.
        public var keyPaths: [String]
        /// The standardised rank regression coefficient (its sign: the direction of the effect).
        public var coefficient: Double
        /// The share of the output's variance, the coefficient squared.
        public var share: Double
        /// The share's Monte Carlo standard error.
        public var mcse: Double
    }

    /// The groups, largest share first.
    public let shares: [Share]
    /// The rank regression's R², the share the inputs explain together.
    public let rSquared: Double
    /// The replications the shares are estimated from.
    public let replications: Int

    /// Estimates the shares of `output` (one value per replication) among `inputs`, whose drawn
    /// values are `values` (one row per replication, one value per input); `seed` seeds the bootstrap.
    ///
    /// - Parameters:
    ///   - inputs: the uncertain inputs.
    ///   - allValues: their drawn values, one row per replication, one value per input.
    ///   - allOutput: the output's value in each replication.
    ///   - seed: the seed of the bootstrap.
    public init(inputs: [UncertainInput], values allValues: [[Double]], output allOutput: [Double], seed: UInt64) {
        // One row of values per output; a longer side is cut to the shorter.
        let count = min(allValues.count, allOutput.count)
        let values = Array(allValues.prefix(count))
        let output = Array(allOutput.prefix(count))
        replications = count
        var groups: [(name: String, members: [Int])] = []
        for (index, input) in inputs.enumerated() {
            if let existing = groups.firstIndex(where: { $0.name == input.group }) {
                groups[existing].members.append(index)
            } else {
                groups.append((input.group, [index]))
            }
        }
        let columns = groups.map { group in
            values.map { row in group.members.reduce(1.0) { $0 * (row.indices.contains($1) ? row[$1] : 0) } }
        }
        let fit = Self.fit(columns: columns, output: output)
        var state = seed ^ 0x5EED_5EED_5EED_5EED
        var sums = Array(repeating: 0.0, count: groups.count)
        var squares = Array(repeating: 0.0, count: groups.count)
        let n = output.count
        if n > 1 {
            for _ in 0..<Self.resamples {
                let picks = (0..<n).map { _ -> Int in
                    state = StreamSeeding.splitMix64(state)
                    return Int(state % UInt64(n))
                }
                let resampled = Self.fit(columns: columns.map { column in picks.map { column[$0] } }, output: picks.map { output[$0] })
                for (group, coefficient) in resampled.coefficients.enumerated() {
                    let share = coefficient * coefficient
                    sums[group] += share
                    squares[group] += share * share
                }
            }
        }
        let b = Double(Self.resamples)
        shares = groups.indices.map { group in
            let coefficient = fit.coefficients[group]
            let mean = sums[group] / b
            let variance = max(squares[group] / b - mean * mean, 0) * b / (b - 1)
            return Share(
                group: groups[group].name, keyPaths: groups[group].members.map { inputs[$0].keyPath },
                coefficient: coefficient, share: coefficient * coefficient, mcse: n > 1 ? variance.squareRoot() : 0)
        }
        .sorted { $0.share > $1.share }
        rSquared = fit.rSquared
    }

    /// The standardised rank regression of `output` on `columns`: each column's coefficient (0
    /// for a column that does not vary) and R².
    static func fit(columns: [[Double]], output: [Double]) -> (coefficients: [Double], rSquared: Double) {
        let y = standardised(ranks(output))
        var coefficients = Array(repeating: 0.0, count: columns.count)
        guard let y else { return (coefficients, 0) }
        let used = columns.indices.compactMap { index in standardised(ranks(columns[index])).map { (index, $0) } }
        guard !used.isEmpty else { return (coefficients, 0) }
        let k = used.count
        // Normal equations XᵀX b = Xᵀy on standardised columns.
        var matrix = Array(repeating: Array(repeating: 0.0, count: k + 1), count: k)
        for i in 0..<k {
            for j in 0..<k { matrix[i][j] = zip(used[i].1, used[j].1).reduce(0) { $0 + $1.0 * $1.1 } }
            matrix[i][k] = zip(used[i].1, y).reduce(0) { $0 + $1.0 * $1.1 }
        }
        guard let solution = solve(matrix) else { return (coefficients, 0) }
        for (position, entry) in used.enumerated() { coefficients[entry.0] = solution[position] }
        let total = y.reduce(0) { $0 + $1 * $1 }
        var residual = 0.0
        for row in y.indices {
            let fitted = used.enumerated().reduce(0.0) { $0 + solution[$1.offset] * $1.element.1[row] }
            residual += (y[row] - fitted) * (y[row] - fitted)
        }
        return (coefficients, total > 0 ? 1 - residual / total : 0)
    }

    /// Each value's rank from 1, ties sharing their mean rank.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = Array(repeating: 0.0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = rank }
            start = end + 1
        }
        return ranks
    }

    /// `values` less their mean, divided by their root mean square; nil when they do not vary.
    static func standardised(_ values: [Double]) -> [Double]? {
        guard !values.isEmpty else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        let centred = values.map { $0 - mean }
        let norm = (centred.reduce(0) { $0 + $1 * $1 } / Double(values.count)).squareRoot()
        guard norm > 1e-12 * max(1, abs(mean)) else { return nil }
        return centred.map { $0 / norm / Double(values.count).squareRoot() }
    }

    /// The solution of the augmented system `matrix` (k rows of k + 1), by Gaussian elimination
    /// with partial pivoting; nil when it is singular.
    static func solve(_ matrix: [[Double]]) -> [Double]? {
        var a = matrix
        let k = a.count
        for column in 0..<k {
            guard let pivot = (column..<k).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
                abs(a[pivot][column]) > 1e-12
            else { return nil }
            a.swapAt(column, pivot)
            for row in (column + 1)..<k {
                let factor = a[row][column] / a[column][column]
                for entry in column...k { a[row][entry] -= factor * a[column][entry] }
            }
        }
        var solution = Array(repeating: 0.0, count: k)
        for row in stride(from: k - 1, through: 0, by: -1) {
            var sum = a[row][k]
            for entry in (row + 1)..<k { sum -= a[row][entry] * solution[entry] }
            solution[row] = sum / a[row][row]
        }
        return solution
    }
}
