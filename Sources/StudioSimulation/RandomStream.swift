import CGSL
import Foundation

/// The draws of one GSL random number generator (`gsl_rng`), from the GSL distributions the
/// models use.
///
/// This is the only file that imports GSL. Every random draw of the toolkit goes through a
/// stream. A stream is a plain handle on a generator that a ``RandomGenerator`` owns, so that
/// drawing costs no reference counting; it must not outlive that owner. One generator is used
/// by one worker at a time and re-seeded for each replication (see ``ReplicationStreams``); it is
/// not safe to share between threads.
package struct RandomStream {
    let generator: UnsafeMutablePointer<gsl_rng>

    /// Seeds the generator with `gsl_rng_set`, which reads the low 32 bits (0 selects GSL's default seed).
    @inline(__always)
    package func reseed(_ seed: UInt32) {
        gsl_rng_set(generator, UInt(seed))
    }

    /// The GSL name of the generator.
    package var name: String { String(cString: gsl_rng_name(generator)) }

    /// The next raw integer, as `gsl_rng_get` returns it (inlined from GSL's header).
    @inline(__always)
    package func nextRaw() -> UInt {
        cgsl_rng_get(generator)
    }

    /// A uniform draw on [0, 1), as `gsl_rng_uniform` gives it (inlined from GSL's header).
    @inline(__always)
    package func uniform() -> Double {
        cgsl_rng_uniform(generator)
    }

    /// A Beta(a, b) draw (`gsl_ran_beta`).
    @inline(__always)
    package func beta(_ a: Double, _ b: Double) -> Double {
        gsl_ran_beta(generator, a, b)
    }

    /// A normal draw with mean 0 and standard deviation `sd` (`gsl_ran_gaussian_ziggurat`).
    @inline(__always)
    package func gaussian(sd: Double) -> Double {
        gsl_ran_gaussian_ziggurat(generator, sd)
    }

    /// A log-normal draw with median `median` and log-scale sd `sigma` (`gsl_ran_lognormal`).
    @inline(__always)
    package func lognormal(median: Double, sigma: Double) -> Double {
        gsl_ran_lognormal(generator, log(median), sigma)
    }

    /// A Poisson draw with mean `mean` (`gsl_ran_poisson`).
    @inline(__always)
    package func poisson(mean: Double) -> Int {
        Int(gsl_ran_poisson(generator, mean))
    }
}

/// Owns one GSL generator, allocated for its life, and lends its ``RandomStream``.
package final class RandomGenerator {
    /// The generator's draws; valid while this owner lives.
    let stream: RandomStream

    /// Allocates a generator of the GSL type named `generatorName` (as `gsl_rng_name` gives it).
    ///
    /// - Throws: ``UnknownGeneratorError`` when GSL has no generator of that name.
    package convenience init(generatorName: String, seed: UInt32 = 0) throws(UnknownGeneratorError) {
        self.init(kind: try RandomGeneratorKind(named: generatorName), seed: seed)
    }

    /// Allocates a generator of `kind`, as `gsl_rng_alloc` does (the state zeroed, then seeded),
    /// but with Swift's allocator, so that allocation cannot fail quietly.
    package init(kind: RandomGeneratorKind, seed: UInt32 = 0) {
        GSLLibrary.prepare()
        let type = GSLLibrary.generatorTypes[kind.index]
        let stateBytes = max(type.pointee.size, 1)
        let state = UnsafeMutableRawPointer.allocate(byteCount: stateBytes, alignment: 16)
        state.initializeMemory(as: UInt8.self, repeating: 0, count: stateBytes)
        let generator = UnsafeMutablePointer<gsl_rng>.allocate(capacity: 1)
        generator.initialize(to: gsl_rng(type: type, state: state))
        stream = RandomStream(generator: generator)
        stream.reseed(seed)
    }

    deinit {
        stream.generator.pointee.state.deallocate()
        stream.generator.deallocate()
    }

    /// Calls `body` with the generator's stream, keeping the generator alive meanwhile.
    package func withStream<Result>(_ body: (RandomStream) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(self) { try body(stream) }
    }
}

/// The generator name is not one of GSL's.
public struct UnknownGeneratorError: Error, Sendable, CustomStringConvertible {
    /// The name asked for.
    package var name: String
    /// GSL's generator names.
    package var validNames: [String]

    /// `unknown GSL generator 'x'; valid names: ...`
    public var description: String {
        "unknown GSL generator '\(name)'; valid names: \(validNames.joined(separator: ", "))"
    }
}

/// Facts about the linked GSL library.
public enum GSLLibrary {
    /// Turns GSL's aborting error handler off, once; inputs are validated in Swift before GSL sees them.
    package static func prepare() {
        _ = errorHandlerOff
    }

    private static let errorHandlerOff: Void = cgsl_turn_off_error_handler()

    /// P(Z > x) for a standard normal Z (`gsl_cdf_ugaussian_Q`).
    package static func normalUpperTail(_ x: Double) -> Double {
        gsl_cdf_ugaussian_Q(x)
    }

    /// P(X = k) for X ~ Binomial(n, p) (`gsl_ran_binomial_pdf`).
    package static func binomialProbability(_ k: Int, trials n: Int, probability p: Double) -> Double {
        gsl_ran_binomial_pdf(UInt32(k), p, UInt32(n))
    }

    /// The GSL version string, as `gsl_version` holds it.
    package static var version: String { String(cString: cgsl_version()) }

    /// Every generator name GSL offers, in GSL's order (`gsl_rng_types_setup`).
    package static let generatorNames: [String] = {
        var names: [String] = []
        var cursor = cgsl_rng_types()
        while let type = cursor?.pointee {
            names.append(String(cString: type.pointee.name))
            cursor = cursor?.successor()
        }
        return names
    }()

    /// GSL's generator types, in the order of ``generatorNames``; GSL's list is static and never changes.
    nonisolated(unsafe) static let generatorTypes: [UnsafePointer<gsl_rng_type>] = {
        var types: [UnsafePointer<gsl_rng_type>] = []
        var cursor = cgsl_rng_types()
        while let type = cursor?.pointee {
            types.append(type)
            cursor = cursor?.successor()
        }
        return types
    }()
}
