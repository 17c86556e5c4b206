import Foundation

/// Streaming statistics of one metric across replications: count, the sums of the values and of
/// their squares shifted by the first value seen (so that sums of whole values stay exact and
/// the variance keeps its precision, with no division per value), extremes and the value
/// distribution for percentiles.
struct MetricStatistics: Sendable {
    /// The count, shift, sums, minimum and maximum: enough to merge exactly, without the
    /// distribution (so without percentiles). Every sum is of the value less the shift, the
    /// first value seen.
    private(set) var moments = CellMoments()
    private var distribution = ValueDistribution()

    /// Replications with a value.
    var count: Int { moments.count }

    /// Statistics restored from ``moments``, with an empty distribution.
    init(moments: CellMoments) {
        self.moments = moments
    }

    init() {}

    /// Adds one replication's value; NaN (missing) is skipped.
    @inline(__always)
    mutating func add(_ value: Double) {
        guard !value.isNaN else { return }
        if moments.count == 0 { moments.shift = value }
        moments.count += 1
        let d = value - moments.shift
        moments.sum += d
        moments.sumOfSquares += d * d
        if value < moments.minimum { moments.minimum = value }
        if value > moments.maximum { moments.maximum = value }
        distribution.add(value)
    }

    /// Adds `count` values of `buffer`, from index `first` on, `stride` apart, in order: one
    /// cell's column of a block of ledger rows. The same bits as adding each with ``add(_:)``:
    /// the moments take the values in order in local variables, then the distribution does.
    mutating func add(_ buffer: UnsafeBufferPointer<Double>, first: Int, stride: Int, count values: Int) {
        var count = moments.count
        var shift = moments.shift
        var sum = moments.sum
        var sumOfSquares = moments.sumOfSquares
        var minimum = moments.minimum
        var maximum = moments.maximum
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
        moments = CellMoments(
            count: count, shift: shift, sum: sum, sumOfSquares: sumOfSquares, minimum: minimum, maximum: maximum)
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
        let theirs = other.moments
        let delta = theirs.shift - moments.shift
        let n = Double(theirs.count)
        moments.sumOfSquares += theirs.sumOfSquares + 2 * delta * theirs.sum + n * delta * delta
        moments.sum += theirs.sum + n * delta
        moments.count += theirs.count
        moments.minimum = Swift.min(moments.minimum, theirs.minimum)
        moments.maximum = Swift.max(moments.maximum, theirs.maximum)
        distribution.merge(other.distribution)
    }

    /// The mean. For whole values (counts, whole yuan, 0/1 indicators) whose total is exact in
    /// a `Double` (below 2⁵³), the total divided by the count, rounded once: k breaches in R
    /// replications give exactly the `Double` nearest k/R. Otherwise the shift plus the mean
    /// of the shifted values.
    private var mean: Double {
        let (n, shift, sum) = (Double(moments.count), moments.shift, moments.sum)
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
        let (sum, sumOfSquares) = (moments.sum, moments.sumOfSquares)
        let variance = count > 1 ? Swift.max(sumOfSquares - sum * sum / n, 0) / (n - 1) : 0
        let sd = variance.squareRoot()
        var values: [Statistic: Double] = [
            .mean: mean, .sd: sd, .mcse: sd / n.squareRoot(), .min: moments.minimum, .max: moments.maximum,
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
