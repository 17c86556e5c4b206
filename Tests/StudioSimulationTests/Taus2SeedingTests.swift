import CGSL
import Testing

@testable import StudioSimulation

@Suite("taus2 seeding written out")
struct Taus2SeedingTests {
    /// The state words and the next draws after seeding with GSL's `gsl_rng_set` and with the
    /// written-out `taus2_set`.
    static func compare(seed: UInt32) throws -> (gsl: [UInt], ours: [UInt]) {
        let kind = try RandomGeneratorKind(named: "taus2")
        let library = RandomGenerator(kind: kind)
        let written = RandomGenerator(kind: kind)
        return withExtendedLifetime((library, written)) {
            gsl_rng_set(library.stream.generator, UInt(seed))
            written.stream.reseed(seed)
            func words(_ stream: RandomStream) -> [UInt] {
                let state = stream.generator.pointee.state.assumingMemoryBound(to: UInt.self)
                return [state[0], state[1], state[2]] + (0..<4).map { _ in stream.nextRaw() }
            }
            return (words(library.stream), words(written.stream))
        }
    }

    @Test(
        "Seeding a taus2 stream writes the state gsl_rng_set writes",
        arguments: [0, 1, 2, 3, 7, 8, 15, 16, 17, 69069, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFE, UInt32.max])
    func edgeSeeds(seed: UInt32) throws {
        let (gsl, ours) = try Self.compare(seed: seed)
        #expect(ours == gsl)
    }

    @Test("Seeding a taus2 stream matches gsl_rng_set for 20,000 scattered seeds")
    func scatteredSeeds() throws {
        var mismatches = 0
        for index in 0..<20_000 {
            let seed = UInt32(truncatingIfNeeded: StreamSeeding.splitMix64(UInt64(index)))
            let (gsl, ours) = try Self.compare(seed: seed)
            if ours != gsl { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }
}
