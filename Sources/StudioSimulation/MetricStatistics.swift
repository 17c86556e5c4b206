import Foundation

/// Streaming statistics of one metric across replications: count, a compensated sum for the
/// mean (Neumaier's variant of Kahan summation, so that a mean of whole yuan prints as whole
/// yuan), the variance by Welford's method (merged by Chan, Golub and LeVeque's formula),
/// extremes and the value distribution for percentiles.
struct MetricStatistics: Sendable {
    private(set) var count = 0
    private var sum = 0.0
    private var compensation = 0.0
    /// Welford's running mean, used only for the variance.
    private var mean = 0.0
    private var sumOfSquares = 0.0
    private var minimum = Double.infinity
    private var maximum = -Double.infinity
    private var distribution = ValueDistribution()

    /// Adds one replication's value; NaN (missing) is skipped.
    @inline(__always)
    mutating func add(_ value: Double) {
        guard !value.isNaN else { return }
        count += 1
        addToSum(value)
        let delta = value - mean
        mean += delta / Double(count)
        sumOfSquares += delta * (value - mean)
        if value < minimum { minimum = value }
        if value > maximum { maximum = value }
        distribution.add(value)
    }

    /// Adds every replication of `other`; merging in a fixed order gives the same bits every time.
    mutating func merge(_ other: MetricStatistics) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        let total = count + other.count
        addToSum(other.sum)
        addToSum(other.compensation)
        let delta = other.mean - mean
        mean += delta * Double(other.count) / Double(total)
        sumOfSquares += other.sumOfSquares + delta * delta * Double(count) * Double(other.count) / Double(total)
        count = total
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
        distribution.merge(other.distribution)
    }

    @inline(__always)
    private mutating func addToSum(_ value: Double) {
        let total = sum + value
        compensation += abs(sum) >= abs(value) ? (sum - total) + value : (value - total) + sum
        sum = total
    }

    /// Every statistic. A percentile is the inverse empirical CDF: the smallest value v with at
    /// least ⌈q·n⌉ replications at or below v. Empty when no replication had a value.
    func summary() -> StatisticSummary {
        guard count > 0 else { return StatisticSummary(count: 0, values: [:]) }
        let sd = count > 1 ? (Swift.max(sumOfSquares, 0) / Double(count - 1)).squareRoot() : 0
        var values: [Statistic: Double] = [
            .mean: (sum + compensation) / Double(count), .sd: sd, .mcse: sd / Double(count).squareRoot(), .min: minimum, .max: maximum,
        ]
        let entries = distribution.sortedEntries()
        for statistic in Statistic.allCases {
            guard let percent = statistic.percent else { continue }
            let needed = Swift.max(1, (percent * count + 99) / 100)
            var seen = 0
            for entry in entries {
                seen += entry.count
                if seen >= needed {
                    values[statistic] = entry.value
                    break
                }
            }
        }
        return StatisticSummary(count: count, values: values)
    }
}
