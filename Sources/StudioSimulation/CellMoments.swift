/// What one statistic cell keeps of its replications to be merged exactly: the count, the sums
/// of the values and of their squares shifted by the first value, and the extremes (see
/// ``ForecastAccumulator/moments``). A shard writes one per cell and block; `merge` reads them
/// back, so every field has a name here rather than a place in a list.
package struct CellMoments: Sendable, Hashable {
    /// The largest magnitude a value may have: whole yuan are exact up to 2⁵³, far beyond any
    /// programme's money, and sums of ten million squares of such values stay finite.
    package static let valueLimit = 9_007_199_254_740_992.0

    /// Replications with a value.
    package var count: Int
    /// The first value seen; every sum is of the value less this shift (0 when empty).
    package var shift: Double
    /// The sum of the shifted values.
    package var sum: Double
    /// The sum of the shifted values' squares.
    package var sumOfSquares: Double
    /// The smallest value; +∞ when empty.
    package var minimum: Double
    /// The largest value; −∞ when empty.
    package var maximum: Double

    /// Creates moments; the defaults are those of a cell with no value.
    package init(
        count: Int = 0, shift: Double = 0, sum: Double = 0, sumOfSquares: Double = 0, minimum: Double = .infinity,
        maximum: Double = -.infinity
    ) {
        self.count = count
        self.shift = shift
        self.sum = sum
        self.sumOfSquares = sumOfSquares
        self.minimum = minimum
        self.maximum = maximum
    }

    /// What makes these moments impossible for a cell of at most `replications` replications,
    /// or nil when they could have come from such a cell.
    ///
    /// An empty cell has zero sums and infinite extremes; any other has finite values within
    /// ``valueLimit``, its shift between its extremes, and sums no larger than its count and
    /// range allow (with room for rounding).
    package func problem(replications: Int) -> String? {
        guard (0...replications).contains(count) else {
            return "count \(count) is outside 0...\(replications), the block's replications"
        }
        if count == 0 {
            guard shift == 0, sum == 0, sumOfSquares == 0, minimum == .infinity, maximum == -.infinity else {
                return "a cell with no value must have zero sums and no extremes"
            }
            return nil
        }
        for (name, value) in [("shift", shift), ("minimum", minimum), ("maximum", maximum)] {
            guard value.isFinite, abs(value) <= Self.valueLimit else {
                return "\(name) must be a finite number within ±\(Int64(Self.valueLimit))"
            }
        }
        guard minimum <= shift, shift <= maximum else { return "the shift must lie between the minimum and maximum" }
        let n = Double(count)
        let range = maximum - minimum
        guard sum.isFinite, abs(sum) <= 2 * n * range else {
            return "the sum is not possible for \(count) values between the minimum and maximum"
        }
        guard sumOfSquares.isFinite, sumOfSquares >= 0, sumOfSquares <= 2 * n * range * range else {
            return "the sum of squares is not possible for \(count) values between the minimum and maximum"
        }
        return nil
    }
}
