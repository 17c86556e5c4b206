/// Mixes seeds for GSL: ``splitMix64(_:)`` derives every keyed stream's seed from the run's
/// seed, the replication and the key (``ReplicationStreams``); ``seed(forReplication:)`` gives
/// one seed per replication, for a single stream per replication (no command draws that way
/// any more).
///
/// `gsl_rng_set` reads only the low 32 bits of a seed. The run's 64-bit seed is mixed by
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014)
/// into a 32-bit base; replication k is seeded with `mix32(base &+ k)`, where `mix32` is a
/// bijection of 32-bit words (the `lowbias32` finaliser). Because it is a bijection, the
/// replications of one run get distinct seeds (for up to 2^32 replications), and their seeds
/// are scattered rather than consecutive. (GSL reads a seed of 0 as its default seed, so the
/// one replication whose seed is 0 repeats the stream of the default seed.)
package struct StreamSeeding: Sendable, Hashable {
    /// The 32-bit base derived from the run's seed.
    package let base: UInt32

    /// Derives the base from the run's seed.
    package init(seed: UInt64) {
        base = UInt32(truncatingIfNeeded: Self.splitMix64(seed))
    }

    /// The GSL seed of replication `replication` (0-based).
    @inline(__always)
    package func seed(forReplication replication: Int) -> UInt32 {
        Self.mix32(base &+ UInt32(truncatingIfNeeded: replication))
    }

    /// SplitMix64's output function applied to `x + golden gamma`.
    package static func splitMix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A bijective 32-bit mixer (`lowbias32`, C. Wellons's hash-prospector).
    @inline(__always)
    package static func mix32(_ x: UInt32) -> UInt32 {
        var z = x
        z ^= z >> 16
        z = z &* 0x7FEB_352D
        z ^= z >> 15
        z = z &* 0x846C_A68B
        z ^= z >> 16
        return z
    }
}
