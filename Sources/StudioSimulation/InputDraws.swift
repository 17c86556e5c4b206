import Foundation
package import StudioScenario

/// The values a scenario's uncertain inputs take in each replication, drawn through GSL.
///
/// Each input draws from a stream of its own, seeded with the low 32 bits of
/// SplitMix64(SplitMix64(SplitMix64(seed) ⊕ replication) ⊕ K), where K is the 64-bit FNV-1a hash
/// of the input's key path with its top byte set to a tag no ``StreamKey`` uses (0xF1). The
/// values are therefore a pure function of the seed, the replication and the key path: two
/// scenarios run on the same seed draw the same value for an input they share (common random
/// numbers), a shard, a replay and a full run agree, and the model's own streams are untouched.
/// A degenerate distribution draws nothing and gives its value.
package struct InputDraws: Sendable {
    /// The inputs drawn, in the scenario's order.
    package let inputs: [UncertainInput]
    private let generator: RandomGeneratorKind
    private let mixedSeed: UInt64
    private let keys: [UInt64]

    /// The draws of `scenario`'s uncertain inputs on its seed and `generator`.
    package init(scenario: Scenario, generator: RandomGeneratorKind) {
        inputs = scenario.uncertainInputs.inputs
        self.generator = generator
        mixedSeed = StreamSeeding.splitMix64(scenario.simulation.seed)
        keys = inputs.map { Self.key($0.keyPath) }
    }

    /// The draws of `scenario`'s uncertain inputs on its seed and generator.
    ///
    /// - Parameter scenario: the scenario whose uncertain inputs are drawn.
    /// - Throws: ``UnknownGeneratorError`` for a generator name GSL does not know.
    package init(scenario: Scenario) throws(UnknownGeneratorError) {
        self.init(scenario: scenario, generator: try RandomGeneratorKind(named: scenario.simulation.generator))
    }

    /// A generator to draw with; one per thread.
    package func makeGenerator() -> RandomGenerator { RandomGenerator(kind: generator) }

    /// Each input's value in replication `replication` (0-based), drawn with `generator`.
    package func values(replication: Int, using generator: RandomGenerator) -> [Double] {
        let replicationSeed = StreamSeeding.splitMix64(mixedSeed ^ UInt64(truncatingIfNeeded: replication))
        return generator.withStream { stream in
            zip(inputs, keys).map { input, key in
                let distribution = input.distribution
                if distribution.isDegenerate { return distribution.central }
                stream.reseed(UInt32(truncatingIfNeeded: StreamSeeding.splitMix64(replicationSeed ^ key)))
                return Self.draw(distribution, from: stream)
            }
        }
    }

    /// Each input's value in each replication of `replications`, one row per replication.
    ///
    /// - Parameter replications: the replications, 0-based.
    /// - Returns: one row per replication, one value per input in ``inputs`` order.
    package func values(replications: Range<Int>) -> [[Double]] {
        let generator = makeGenerator()
        return replications.map { values(replication: $0, using: generator) }
    }

    /// One draw of `distribution` from `stream`.
    static func draw(_ distribution: InputDistribution, from stream: RandomStream) -> Double {
        switch distribution {
        case .beta(let mean, let sd):
            let concentration = mean * (1 - mean) / (sd * sd) - 1
            // An sd so small that the Beta's parameters overflow is the mean for every purpose.
            guard concentration.isFinite && concentration < 1e15 else { return mean }
            return stream.beta(mean * concentration, (1 - mean) * concentration)
        case .uniform(let min, let max):
            return min + (max - min) * stream.uniform()
        case .triangular(let min, let mode, let max):
            // Inverse of the triangular's distribution function.
            let u = stream.uniform()
            let split = (mode - min) / (max - min)
            if u < split { return min + ((max - min) * (mode - min) * u).squareRoot() }
            return max - ((max - min) * (max - mode) * (1 - u)).squareRoot()
        case .normal(let mean, let sd, let bounds):
            // At least 99% of the mass lies within the bounds (checked when read): rejection
            // almost never repeats; after 1,000 tries the value is clamped.
            for _ in 0..<1_000 {
                let value = mean + stream.gaussian(sd: sd)
                if bounds.contains(value) { return value }
            }
            return Swift.min(Swift.max(mean, bounds.lowerBound), bounds.upperBound)
        case .lognormal(let median, let sigma):
            return stream.lognormal(median: median, sigma: sigma)
        }
    }

    /// The stream key of a key path: FNV-1a of its bytes, tagged 0xF1 in the top byte.
    static func key(_ keyPath: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in keyPath.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return (hash & 0x00FF_FFFF_FFFF_FFFF) | (0xF1 << 56)
    }
}
