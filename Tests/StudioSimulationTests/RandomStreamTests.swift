import StudioSimulation
import Testing

@Suite("GSL random streams")
struct RandomStreamTests {
    /// Known answers from GSL's own test suite (`rng/test.c`), read through our wrapper.
    @Test(
        "GSL's known answers",
        arguments: [
            ("mt19937", UInt32(4357), 1000, UInt(1_186_927_261)),
            ("taus2", 1, 10_000, 2_733_957_125),
            ("ranlxd2", 1, 10_000, 3_949_287_736),
        ])
    func knownAnswer(generator: String, seed: UInt32, draws: Int, expected: UInt) throws {
        let (value, name) = try RandomGenerator(generatorName: generator, seed: seed).withStream { stream in
            var value: UInt = 0
            for _ in 0..<draws { value = stream.nextRaw() }
            return (value, stream.name)
        }
        #expect(value == expected)
        #expect(name == generator)
    }

    @Test("Re-seeding restarts the same sequence")
    func reseedRestarts() throws {
        let (first, again) = try RandomGenerator(generatorName: "mt19937", seed: 99).withStream { stream in
            let first = (0..<5).map { _ in stream.uniform() }
            stream.reseed(99)
            return (first, (0..<5).map { _ in stream.uniform() })
        }
        #expect(again == first)
    }

    @Test("An unknown generator name is an error listing the valid ones")
    func unknownGenerator() {
        #expect {
            _ = try RandomGenerator(generatorName: "mersenne")
        } throws: { error in
            let message = String(describing: error)
            return message.contains("'mersenne'") && message.contains("mt19937") && message.contains("taus2")
        }
    }

    @Test("GSL's generators and version are listed")
    func library() {
        #expect(GSLLibrary.generatorNames.contains("mt19937"))
        #expect(GSLLibrary.generatorNames.contains("ranlxd2"))
        #expect(GSLLibrary.version.hasPrefix("2."))
    }
}

@Suite("Seeding replications")
struct StreamSeedingTests {
    @Test("The replications of a run never share a seed")
    func distinctSeeds() {
        let seeding = StreamSeeding(seed: 20_260_101)
        let count = 1_000_000
        let seeds = Set((0..<count).map(seeding.seed(forReplication:)))
        #expect(seeds.count == count)
    }

    @Test("Different run seeds give different streams for the same replication")
    func runSeedsDiffer() {
        let seeds = (0..<1000).map { StreamSeeding(seed: UInt64($0)).seed(forReplication: 0) }
        #expect(Set(seeds).count == 1000)
    }

    @Test("SplitMix64 gives its published first output for seed 0")
    func splitMixKnownAnswer() {
        // The reference implementation's first output with state 0 is 0xE220A8397B1DCDAF.
        #expect(StreamSeeding.splitMix64(0) == 0xE220_A839_7B1D_CDAF)
    }
}
