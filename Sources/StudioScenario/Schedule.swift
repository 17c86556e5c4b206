/// A value that changes over time: each entry holds from its year until the next entry's year.
///
/// Scenario files write a schedule as a mapping from year to value, `{2026: 5, 2028: 8}`. A
/// calendar-year schedule gives the value in force in each calendar year (the quota, pass
/// probabilities, subsidies, budgets); a cohort schedule gives the grant's rules by naming year,
/// since a cohort keeps the rules in force when it was named (Art. 11). A plain value is a
/// schedule of one entry.
public struct Schedule<Value: Sendable>: Sendable {
    /// The years at which each entry starts, strictly increasing; the first entry also holds
    /// for every earlier year.
    public let years: [Int]
    /// Each entry's value, one per year in ``years``.
    public let values: [Value]

    /// A schedule whose one value holds in every year.
    ///
    /// - Parameter value: the value of every year.
    public init(_ value: Value) {
        years = [Int.min]
        values = [value]
    }

    /// A schedule of entries whose years strictly increase, or nil when they do not or are empty.
    ///
    /// - Parameter entries: each year from which a value holds, with that value.
    public init?(entries: [(year: Int, value: Value)]) {
        guard !entries.isEmpty, zip(entries, entries.dropFirst()).allSatisfy({ $0.year < $1.year }) else { return nil }
        years = entries.map(\.year)
        values = entries.map(\.value)
    }

    /// Whether the one value holds in every year.
    public var isConstant: Bool { values.count == 1 }

    /// The first entry's value, in force in every year before the second entry's.
    public var first: Value { values[0] }

    /// The position in ``values`` of the entry in force in `year`.
    package func entryIndex(in year: Int) -> Int {
        var index = 0
        while index + 1 < years.count && years[index + 1] <= year { index += 1 }
        return index
    }

    /// The value in force in `year` (the first entry's for years before it).
    ///
    /// - Parameter year: the calendar year.
    /// - Returns: the value in force that year.
    public func value(in year: Int) -> Value { values[entryIndex(in: year)] }

    /// The values in force in each year of `years`, in order.
    ///
    /// - Parameter years: the calendar years.
    /// - Returns: one value per year, in order.
    public func values(over years: Range<Int>) -> [Value] { years.map(value(in:)) }

    /// The entries, each with the years it covers within `range`: `(2026..<2028, 5)`,
    /// `(2028..<2036, 8)`. Entries that start after the range ends are left out.
    package func spans(within range: Range<Int>) -> [(years: Range<Int>, value: Value)] {
        var spans: [(years: Range<Int>, value: Value)] = []
        for index in values.indices {
            let start = index == 0 ? range.lowerBound : max(years[index], range.lowerBound)
            let end = index + 1 < years.count ? min(years[index + 1], range.upperBound) : range.upperBound
            if start < end { spans.append((start..<end, values[index])) }
        }
        return spans
    }

    /// The schedule with `transform` applied to each value.
    package func map<Other>(_ transform: (Value) throws -> Other) rethrows -> Schedule<Other> {
        Schedule<Other>(years: years, values: try values.map(transform))
    }

    private init(years: [Int], values: [Value]) {
        self.years = years
        self.values = values
    }

    /// A schedule whose entries start at every year in `entryYears` (the first years of several
    /// schedules and each of their later entries), each holding `value(year)`.
    package static func combining(_ entryYears: [[Int]], value: (Int) -> Value) -> Schedule<Value> {
        // A plain value's entry starts at Int.min; the earliest year a schedule gives reads better.
        let first = entryYears.compactMap(\.first).filter { $0 != Int.min }.min() ?? Int.min
        let later = Set(entryYears.flatMap { $0.dropFirst() }).filter { $0 > first }.sorted()
        let starts = [first] + later
        return Schedule(years: starts, values: starts.map(value))
    }
}

extension Schedule: Equatable where Value: Equatable {}
extension Schedule: Hashable where Value: Hashable {}
