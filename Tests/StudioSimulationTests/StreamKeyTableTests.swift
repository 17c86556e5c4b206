import Testing

@testable import StudioSimulation

@Suite("The keyed layout's table of stream indices")
struct StreamKeyTableTests {
    /// Keys of every kind, including two whose `bits` coincide (a rank beyond 28 bits), which
    /// must still get their own entries.
    static let keys: [StreamKey] = {
        var keys: [StreamKey] = [.shock, .arrivals, .awards(kind: 0), .awards(kind: 2)]
        for a in 0..<6 {
            for b in 0..<9 {
                keys.append(.candidate(.arrived(year: a - 1, index: b)))
                keys.append(.candidate(.listed(row: a * 9 + b)))
                keys.append(.studioLifecycle(.named(cohort: a, rank: b)))
                keys.append(.studioSubsidies(.existing(group: a, member: b)))
                keys.append(.studioLifecycle(.candidate(.arrived(year: a, index: b))))
            }
        }
        keys.append(.studioLifecycle(.named(cohort: 0, rank: 1 << 28)))
        return keys
    }()

    @Test("Colliding bits still name different keys")
    func collidingBits() {
        #expect(
            StreamKey.studioLifecycle(.named(cohort: 0, rank: 1 << 28)).bits
                == StreamKey.studioLifecycle(.named(cohort: 0, rank: 0)).bits)
    }

    @Test(
        "It answers as a dictionary cleared each replication would, through growth", arguments: [1, 4, 512])
    func matchesDictionary(capacity: Int) {
        var table = StreamKeyTable(capacity: capacity)
        var draw: UInt64 = 0
        for _ in 0..<20 {
            table.removeAll()
            var reference: [StreamKey: Int] = [:]
            for _ in 0..<400 {
                draw += 1
                let key = Self.keys[Int(StreamSeeding.splitMix64(draw) % UInt64(Self.keys.count))]
                let found = table.index(of: key, bits: key.bits)
                #expect(found == reference[key])
                if found == nil {
                    reference[key] = reference.count
                    table.insert(reference.count - 1, for: key, bits: key.bits)
                }
            }
            for key in Self.keys { #expect(table.index(of: key, bits: key.bits) == reference[key]) }
        }
    }
}

@Suite("An entity's stream without the key table")
struct EntityStreamTests {
    @Test("A new entity's stream draws what the key table's stream for its key draws")
    func newStreamMatchesIndex() throws {
        let generator = try RandomGeneratorKind(named: "taus2")
        let remembered = ReplicationStreams(generator: generator, seed: 42)
        let fresh = ReplicationStreams(generator: generator, seed: 42)
        let entities: [StreamKey] = (0..<5).flatMap { rank -> [StreamKey] in
            [
                .studioLifecycle(.named(cohort: 2, rank: rank)), .studioSubsidies(.existing(group: 0, member: rank)),
                .candidate(.arrived(year: -1, index: rank)), .candidate(.listed(row: rank)),
                .studioLifecycle(.candidate(.listed(row: rank))),
            ]
        }
        for replication in [0, 7] {
            remembered.begin(replication: replication)
            fresh.begin(replication: replication)
            // A programme-wide purpose first, as a replication asks for the shock before any studio.
            #expect(remembered[.shock].uniform() == fresh[.shock].uniform())
            for key in entities {
                let rememberedStream = remembered[remembered.index(of: key)]
                let freshStream = fresh[fresh.newStream(for: key)]
                let expected = (0..<3).map { _ in rememberedStream.uniform() }
                #expect((0..<3).map { _ in freshStream.uniform() } == expected)
                // Asked again, the table gives the same stream, now three draws on.
                #expect(remembered[remembered.index(of: key)].uniform() == freshStream.uniform())
            }
        }
    }
}
