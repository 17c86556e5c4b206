import Foundation

/// Streaming statistics of one metric across replications: count, the sums of the values and of
/// their squares shifted by the first value seen (so that sums of whole values stay exact and
/// the variance keeps its precision, with no division per value), extremes and the value
/// distribution for percentiles.
struct MetricStatistics: Sendable {
    private(set) var count = 0
    /// The first value seen; every sum is of the value less this shift.
    private var shift = 0.0
    private var sum = 0.0
    private var sumOfSquares = 0.0
    private var minimum = Double.infinity
    private var maximum = -Double.infinity
    private var distribution = ValueDistribution()

    /// The count, shift, sums, minimum and maximum: enough to merge exactly, without the
    /// distribution (so without percentiles).
    var moments: CellMoments {
        CellMoments(
            count: count, shift: shift, sum: sum, sumOfSquares: sumOfSquares, minimum: minimum, maximum: maximum)
    }

    /// Statistics restored from ``moments``, with an empty distribution.
    init(moments: CellMoments) {
        count = moments.count
        shift = moments.shift
        sum = moments.sum
        sumOfSquares = moments.sumOfSquares
        minimum = moments.minimum
        maximum = moments.maximum
    }

    init() {}

    /// Adds one replication's value; NaN (missing) is skipped.
    @inline(__always)
    mutating func add(_ value: Double) {
        guard !value.isNaN else { return }
        if count == 0 { shift = value }
        count += 1
        let d = value - shift
        sum += d
        sumOfSquares += d * d
        if value < minimum { minimum = value }
        if value > maximum { maximum = value }
        distribution.add(value)
    }

    /// Adds `count` values of `buffer`, from index `first` on, `stride` apart, in order: one
    /// cell's column of a block of ledger rows. The same bits as adding each with ``add(_:)``:
    /// the moments take the values in order in local variables, then the distribution does.
    mutating func add(_ buffer: UnsafeBufferPointer<Double>, first: Int, stride: Int, count values: Int) {
        var count = self.count
        var shift = self.shift
        var sum = self.sum
        var sumOfSquares = self.sumOfSquares
        var minimum = self.minimum
        var maximum = self.maximum
        var index = first
        for _ in 0..<values {
            let value = buffer[index]
            index += stride
            guard !value.isNaN else { continue }
            if count == 0 { shift = value }
            count += 1
            let d = value - shift
            sum += d
            sumOfSquares += d * d
            if value < minimum { minimum = value }
            if value > maximum { maximum = value }
        }
        self.count = count
        self.shift = shift
        self.sum = sum
        self.sumOfSquares = sumOfSquares
        self.minimum = minimum
        self.maximum = maximum
        distribution.add(buffer, first: first, stride: stride, count: values)
    }

    /// Adds every replication of `other`; merging in a fixed order gives the same bits every time.
    mutating func merge(_ other: MetricStatistics) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        // Re-express the other's sums about this shift: d' = d + Δ.
        let delta = other.shift - shift
        let n = Double(other.count)
        sumOfSquares += other.sumOfSquares + 2 * delta * other.sum + n * delta * delta
        sum += other.sum + n * delta
        count += other.count
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
        distribution.merge(other.distribution)
    }

    /// The mean. For whole values (counts, whole yuan, 0/1 indicators) whose total is exact in
    /// a `Double` (below 2⁵³), the total divided by the count, rounded once: k breaches in R
    /// replications give exactly the `Double` nearest k/R. Otherwise the shift plus the mean
    /// of the shifted values.
    private var mean: Double {
        let n = Double(count)
        let exactLimit = CellMoments.valueLimit
        let shiftTotal = shift * n
        let total = shiftTotal + sum
        let isWhole = shift.rounded() == shift && sum.rounded() == sum
        if isWhole && abs(shiftTotal) < exactLimit && abs(total) < exactLimit { return total / n }
        return shift + sum / n
    }

    /// Every statistic. A percentile is the inverse empirical CDF: the smallest value v with at
    /// least ⌈q·n⌉ replications at or below v. Empty when no replication had a value.
    func summary() -> StatisticSummary {
        guard count > 0 else { return StatisticSummary(count: 0, values: [:]) }
        let n = Double(count)
        let variance = count > 1 ? Swift.max(sumOfSquares - sum * sum / n, 0) / (n - 1) : 0
        let sd = variance.squareRoot()
        var values: [Statistic: Double] = [
            .mean: mean, .sd: sd, .mcse: sd / n.squareRoot(), .min: minimum, .max: maximum,
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
