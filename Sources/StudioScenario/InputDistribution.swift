import Foundation

/// The distribution of an uncertain assumption, written in a scenario file in place of a number:
/// `{distribution: beta, mean: 0.93, sd: 0.02}`. A replication draws the value once (see
/// `InputDraws` in the simulation), so every studio and year of that replication sees it.
///
/// A degenerate distribution (an sd or σ of 0, or min = max) always gives its ``central`` value,
/// the number it stands for, and draws nothing.
public enum InputDistribution: Sendable, Hashable {
    /// A Beta distribution with this mean and sd, for a probability: sd < √(mean(1 − mean)).
    case beta(mean: Double, sd: Double)
    /// Uniform between min and max.
    case uniform(min: Double, max: Double)
    /// Triangular on min...max with its peak at mode.
    case triangular(min: Double, mode: Double, max: Double)
    /// Normal with this mean and sd, truncated to `bounds`, the value's valid range, which holds
    /// at least 99% of its mass.
    case normal(mean: Double, sd: Double, bounds: ClosedRange<Double>)
    /// Log-normal with this median and σ, the sd of the value's logarithm.
    case lognormal(median: Double, sigma: Double)

    /// The distribution names a scenario file may give.
    public enum Name: String, CaseIterable, Sendable {
        case beta, uniform, triangular, normal, lognormal

        /// The parameter keys of each distribution, in the order written.
        package var parameterKeys: [String] {
            switch self {
            case .beta, .normal: return ["mean", "sd"]
            case .uniform: return ["min", "max"]
            case .triangular: return ["min", "mode", "max"]
            case .lognormal: return ["median", "sigma"]
            }
        }
    }

    /// The least share of a normal's mass that must lie within the value's valid range.
    package static let normalMassInRange = 0.99

    /// The distribution's name.
    public var name: Name {
        switch self {
        case .beta: return .beta
        case .uniform: return .uniform
        case .triangular: return .triangular
        case .normal: return .normal
        case .lognormal: return .lognormal
        }
    }

    /// The number the distribution stands for where one number is needed (the scenario's own
    /// field, explanations): the mean of a Beta or normal, the middle of a uniform, the mode of
    /// a triangular, the median of a log-normal. A degenerate distribution gives exactly its value.
    public var central: Double {
        switch self {
        case .beta(let mean, _), .normal(let mean, _, _): return mean
        case .uniform(let min, let max): return min == max ? min : min / 2 + max / 2
        case .triangular(_, let mode, _): return mode
        case .lognormal(let median, _): return median
        }
    }

    /// Whether the distribution has one value, so that nothing is drawn.
    public var isDegenerate: Bool {
        switch self {
        case .beta(_, let sd), .normal(_, let sd, _): return sd == 0
        case .uniform(let min, let max), .triangular(let min, _, let max): return min == max
        case .lognormal(_, let sigma): return sigma == 0
        }
    }

    /// The distribution's mean (for a truncated normal, that of the untruncated one).
    public var mean: Double {
        switch self {
        case .beta(let mean, _), .normal(let mean, _, _): return mean
        case .uniform(let min, let max): return min / 2 + max / 2
        case .triangular(let min, let mode, let max): return (min + mode + max) / 3
        case .lognormal(let median, let sigma): return median * exp(sigma * sigma / 2)
        }
    }

    /// Whether every draw lies strictly between 0 and 1 (a Beta's always do).
    package var staysStrictlyInsideUnitInterval: Bool {
        switch self {
        case .beta: return true
        case .uniform(let min, let max), .triangular(let min, _, let max): return min > 0 && max < 1
        case .normal(let mean, let sd, let bounds):
            return sd == 0 ? mean > 0 && mean < 1 : bounds.lowerBound > 0 && bounds.upperBound < 1
        case .lognormal: return false
        }
    }

    /// The distribution in words, for `explain`: "Beta with mean 0.93 and sd 0.02".
    package var words: String {
        func f(_ x: Double) -> String { YAMLReader.format(x) }
        switch self {
        case .beta(let mean, let sd): return "Beta with mean \(f(mean)) and sd \(f(sd))"
        case .uniform(let min, let max):
            return "uniform between \(f(min)) and \(f(max))"
        case .triangular(let min, let mode, let max):
            return "triangular from \(f(min)) to \(f(max)), most likely \(f(mode))"
        case .normal(let mean, let sd, let bounds):
            return "normal with mean \(f(mean)) and sd \(f(sd)), kept within \(f(bounds.lowerBound))...\(f(bounds.upperBound))"
        case .lognormal(let median, let sigma):
            return "log-normal with median \(f(median)) and σ \(f(sigma)) (sd of its logarithm)"
        }
    }

    /// The problem with these parameters for a value whose valid range is `range`, or nil.
    static func problem(_ name: Name, _ p: [Double], range: ClosedRange<Double>) -> String? {
        func f(_ x: Double) -> String { YAMLReader.format(x) }
        let rangeText = "\(f(range.lowerBound))...\(f(range.upperBound))"
        switch name {
        case .beta:
            let (mean, sd) = (p[0], p[1])
            guard range.lowerBound >= 0 && range.upperBound <= 1 else {
                return "a Beta distribution is for probabilities; this value's range is \(rangeText): use uniform, triangular, normal or lognormal"
            }
            guard mean > 0 && mean < 1 else { return "a Beta's mean must be strictly between 0 and 1, found \(f(mean))" }
            guard sd >= 0 else { return "a Beta's sd must be 0 or more, found \(f(sd))" }
            let limit = (mean * (1 - mean)).squareRoot()
            guard sd < limit else {
                return "a Beta's sd must be below √(mean(1 − mean)) = \(String(format: "%.4g", limit)) for mean \(f(mean)), found \(f(sd))"
            }
        case .uniform:
            guard p[0] <= p[1] else { return "min \(f(p[0])) is above max \(f(p[1]))" }
            guard range.contains(p[0]) && range.contains(p[1]) else {
                return "min and max must lie in the value's range \(rangeText)"
            }
        case .triangular:
            guard p[0] <= p[1] && p[1] <= p[2] else { return "needs min ≤ mode ≤ max, found \(f(p[0])), \(f(p[1])), \(f(p[2]))" }
            guard range.contains(p[0]) && range.contains(p[2]) else {
                return "min and max must lie in the value's range \(rangeText)"
            }
        case .normal:
            let (mean, sd) = (p[0], p[1])
            guard sd >= 0 else { return "a normal's sd must be 0 or more, found \(f(sd))" }
            guard range.contains(mean) else { return "the mean \(f(mean)) is outside the value's range \(rangeText)" }
            if sd > 0 {
                let mass = normalMass(mean: mean, sd: sd, within: range)
                guard mass >= normalMassInRange else {
                    return "only \(String(format: "%.1f", mass * 100))% of this normal lies within the value's range \(rangeText) (at least 99% must); use a smaller sd, or beta, uniform or triangular"
                }
            }
        case .lognormal:
            let (median, sigma) = (p[0], p[1])
            guard median > 0 else { return "a log-normal's median must be above 0, found \(f(median))" }
            guard sigma >= 0 && sigma <= 5 else { return "a log-normal's σ must be from 0 to 5, found \(f(sigma))" }
            guard range.lowerBound <= 0 && range.contains(median) else {
                return "a log-normal suits a value from 0 up; this value's range is \(rangeText)"
            }
            if sigma > 0 && range.upperBound.isFinite {
                // The share of the log-normal above the range must be under 1%.
                let above = 0.5 * erfc(log(range.upperBound / median) / (sigma * 2.0.squareRoot()))
                guard above <= 1 - normalMassInRange else {
                    return "\(String(format: "%.1f", above * 100))% of this log-normal lies above the value's largest \(f(range.upperBound)); use a smaller σ"
                }
            }
        }
        return nil
    }

    /// The distribution named `name` with parameters `p` (in ``Name/parameterKeys`` order) for a
    /// value whose valid range is `range`.
    static func make(_ name: Name, _ p: [Double], range: ClosedRange<Double>) -> InputDistribution {
        switch name {
        case .beta: return .beta(mean: p[0], sd: p[1])
        case .uniform: return .uniform(min: p[0], max: p[1])
        case .triangular: return .triangular(min: p[0], mode: p[1], max: p[2])
        case .normal: return .normal(mean: p[0], sd: p[1], bounds: range)
        case .lognormal: return .lognormal(median: p[0], sigma: p[1])
        }
    }

    /// The probability that a normal with `mean` and `sd` lies within `range`.
    static func normalMass(mean: Double, sd: Double, within range: ClosedRange<Double>) -> Double {
        func cdf(_ x: Double) -> Double {
            if x == .infinity { return 1 }
            if x == -.infinity { return 0 }
            return 0.5 * erfc(-(x - mean) / (sd * 2.0.squareRoot()))
        }
        return cdf(range.upperBound) - cdf(range.lowerBound)
    }
}
