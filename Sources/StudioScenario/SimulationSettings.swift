/// Monte Carlo settings of a scenario (`simulation.*`); command-line options override them.
public struct SimulationSettings: Sendable, Hashable {
    /// The largest number of replications a run accepts.
    public static let maximumReplications = 10_000_000

    /// Replications to run (1...10,000,000).
    public var replications: Int
    /// The seed from which every replication's GSL stream is derived.
    public var seed: UInt64
    /// The GSL generator's name, as `gsl_rng_name` gives it (default `taus2`).
    public var generator: String

    /// Creates settings; the defaults suit a quick look.
    ///
    /// - Parameters:
    ///   - replications: replications to run (1...10,000,000).
    ///   - seed: the seed from which every replication's GSL stream is derived.
    ///   - generator: the GSL generator's name, as `gsl_rng_name` gives it (default `taus2`).
    public init(replications: Int = 10_000, seed: UInt64 = 20_260_101, generator: String = "taus2") {
        self.replications = replications
        self.seed = seed
        self.generator = generator
    }
}
