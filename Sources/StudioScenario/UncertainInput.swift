/// One assumption of a scenario given as a distribution rather than a number: its key path
/// (with the year of a schedule's entry, `assessment.pass_probability.in_cycle.2028`, or the
/// place in a list, `...in_cycle[1]`), where it was written, and its distribution.
public struct UncertainInput: Sendable, Hashable {
    /// The key path, which also keys the stream its draws come from.
    public var keyPath: String
    /// The 1-based line it was written on, when known.
    public var line: Int?
    /// Its distribution.
    public var distribution: InputDistribution

    /// Creates an input.
    ///
    /// - Parameters:
    ///   - keyPath: the key path, which also keys the stream its draws come from.
    ///   - line: the 1-based line it was written on, when known.
    ///   - distribution: its distribution.
    public init(keyPath: String, line: Int? = nil, distribution: InputDistribution) {
        self.keyPath = keyPath
        self.line = line
        self.distribution = distribution
    }

    /// The key the input is grouped under for variance shares: inputs that act only through
    /// their product (the Art. 2 conditions and the chance to apply, which together give the
    /// chance an eligible studio applies and passes screening) share one group; any other
    /// input is its own group.
    public var group: String {
        let base = keyPath.split(separator: ".").prefix(2).joined(separator: ".")
        if keyPath.hasPrefix("applicants.conditions.") || base == "applicants.apply_probability" {
            return "applicants.apply_probability × conditions"
        }
        return keyPath
    }
}
