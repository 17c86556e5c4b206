/// The annual quota of studios named (Art. 7): one number every year, or one per forecast year.
public enum Quota: Sendable, Hashable {
    /// The same number of studios named every forecast year.
    case perYear(Int)
    /// Studios named in each forecast year, from the start year on.
    case schedule([Int])
}

extension Scenario {
    /// The annual quota of studios named (Art. 7), read and set as a ``Quota``.
    ///
    /// Reading gives ``Quota/perYear(_:)`` when every year names the same number; setting
    /// ``Quota/perYear(_:)`` names that number in each of the `horizonYears` years.
    ///
    /// ```swift
    /// let variant = baseline.with { $0.quota = .perYear(6) }
    /// ```
    public var quota: Quota {
        get {
            if let first = quotaPerYear.first, quotaPerYear.allSatisfy({ $0 == first }) {
                return .perYear(first)
            }
            return .schedule(quotaPerYear)
        }
        set {
            switch newValue {
            case .perYear(let count): quotaPerYear = Array(repeating: count, count: max(horizonYears, 0))
            case .schedule(let counts): quotaPerYear = counts
            }
        }
    }
}

extension Quota: CustomStringConvertible {
    /// `5 a year`, or the schedule as `5, 6, 8 by year`.
    public var description: String {
        switch self {
        case .perYear(let count): return "\(count) a year"
        case .schedule(let counts): return counts.map(String.init).joined(separator: ", ") + " by year"
        }
    }
}
