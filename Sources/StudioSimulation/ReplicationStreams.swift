/// What a keyed stream is for: a programme-wide purpose or one entity.
///
/// A studio named from the applicant pool is keyed by its identity as a candidate; a studio
/// named by filling the quota by its naming year and rank; a studio named before the forecast
/// by its group and place in it. Candidates are keyed by their list row, or by arrival year and
/// place in that year's arrivals. None of these keys depends on the quota, the shortlist or any
/// other rule, so a studio common to two scenarios keeps its draws.
enum StreamKey: Hashable {
    /// The year's common shock.
    case shock
    /// The number of newly eligible studios each year.
    case arrivals
    /// One kind of city award: entries and winners.
    case awards(kind: Int)
    /// A studio's heterogeneity, fraud and assessments.
    case studioLifecycle(StudioKey)
    /// A studio's Art. 12 equipment and skill-upgrade subsidies.
    case studioSubsidies(StudioKey)
    /// A candidate's quality and, each year, its fraud, application, score, ties and objection.
    case candidate(CandidateKey)

    /// A studio's stable identity.
    enum StudioKey: Hashable {
        /// Named from the applicant pool: its identity as a candidate.
        case candidate(CandidateKey)
        /// Named by filling the quota in forecast year `cohort` (0-based) at `rank` (0-based).
        case named(cohort: Int, rank: Int)
        /// Member `member` of group `group` of the studios named before the forecast.
        case existing(group: Int, member: Int)
    }

    /// A candidate's stable identity.
    enum CandidateKey: Hashable {
        /// Row `row` of the applicant list.
        case listed(row: Int)
        /// The `index`-th (0-based) candidate to arrive in forecast year `year`, −1 for the start pool.
        case arrived(year: Int, index: Int)
    }

    /// 64 bits that differ for every key: a tag in the top byte, then 24 bits for the first field
    /// (plus one, so that −1 fits) and 28 bits for the second.
    @inline(__always)
    var bits: UInt64 {
        @inline(__always)
        func pack(_ tag: UInt64, _ a: Int, _ b: Int) -> UInt64 {
            tag << 56 | (UInt64(truncatingIfNeeded: a + 1) & 0xFF_FFFF) << 28 | (UInt64(truncatingIfNeeded: b) & 0xFFF_FFFF)
        }
        switch self {
        case .shock: return pack(1, 0, 0)
        case .arrivals: return pack(2, 0, 0)
        case .awards(let kind): return pack(3, 0, kind)
        case .studioLifecycle(.named(let cohort, let rank)): return pack(4, cohort, rank)
        case .studioLifecycle(.existing(let group, let member)): return pack(5, group, member)
        case .studioSubsidies(.named(let cohort, let rank)): return pack(6, cohort, rank)
        case .studioSubsidies(.existing(let group, let member)): return pack(7, group, member)
        case .candidate(.listed(let row)): return pack(8, 0, row)
        case .candidate(.arrived(let year, let index)): return pack(9, year, index)
        case .studioLifecycle(.candidate(.listed(let row))): return pack(10, 0, row)
        case .studioLifecycle(.candidate(.arrived(let year, let index))): return pack(11, year, index)
        case .studioSubsidies(.candidate(.listed(let row))): return pack(12, 0, row)
        case .studioSubsidies(.candidate(.arrived(let year, let index))): return pack(13, year, index)
        }
    }
}

/// The GSL streams of one replication: each key gets a stream of its own, seeded with the low
/// 32 bits of SplitMix64(SplitMix64(SplitMix64(seed) ⊕ replication) ⊕ key), a pure function of
/// the run's seed, the replication and the key. Every command draws this way, so two scenarios
/// run with the same seed draw the same numbers wherever their worlds coincide (common random
/// numbers), and replication k is the same in a full run, a comparison, a shard and a replay.
/// Streams are allocated once per worker and re-seeded for each replication, so that a
/// replication's cost is its seeding, not its allocation.
final class ReplicationStreams {
    private let generator: RandomGeneratorKind
    /// SplitMix64 of the run's seed, mixed with each replication.
    private let mixedSeed: UInt64
    // One worker owns these and nothing here is reentrant, so the per-access exclusivity checks
    // (a third of a keyed seeding's instructions) are turned off for them.
    /// The generators, allocated as keys first need them.
    @exclusivity(unchecked) private var generators: [RandomGenerator] = []
    /// Their streams.
    @exclusivity(unchecked) private var streams: [RandomStream] = []
    @exclusivity(unchecked) private var used = 0
    @exclusivity(unchecked) private var indices = StreamKeyTable()
    /// SplitMix64(SplitMix64(seed) ⊕ replication), mixed with each key.
    private var replicationSeed: UInt64 = 0

    /// Prepares the streams of one worker, each a generator of `generator`.
    init(generator: RandomGeneratorKind, seed: UInt64) {
        self.generator = generator
        mixedSeed = StreamSeeding.splitMix64(seed)
    }

    /// Starts replication `replication` (0-based): every key's stream starts afresh.
    func begin(replication: Int) {
        replicationSeed = StreamSeeding.splitMix64(mixedSeed ^ UInt64(truncatingIfNeeded: replication))
        used = 0
        indices.removeAll()
    }

    /// The index of `key`'s stream, seeding it on first use in this replication.
    func index(of key: StreamKey) -> Int {
        let bits = key.bits
        if let index = indices.index(of: key, bits: bits) { return index }
        let index = seedNext(bits: bits)
        indices.insert(index, for: key, bits: bits)
        return index
    }

    /// The index of a new stream for `key`, which this replication has not used: an entity's
    /// key (a studio's, a candidate's), which is asked for once, when the entity appears, and
    /// then kept by its index. It is the stream ``index(of:)`` would give, without remembering
    /// the key, so that a replication's hundreds of entities cost their seeding only.
    @inline(__always)
    func newStream(for key: StreamKey) -> Int {
        let bits = key.bits
        #if DEBUG
            // Debug builds (the tests) check that no entity's key is asked for twice.
            assert(indices.index(of: key, bits: bits) == nil, "stream key \(key) asked for twice")
            let index = seedNext(bits: bits)
            indices.insert(index, for: key, bits: bits)
            return index
        #else
            return seedNext(bits: bits)
        #endif
    }

    /// Seeds the next free stream for a key of `bits` and returns its index.
    @inline(__always)
    private func seedNext(bits: UInt64) -> Int {
        if used == streams.count {
            let added = RandomGenerator(kind: generator)
            generators.append(added)
            streams.append(added.stream)
        }
        let index = used
        used += 1
        streams[index].reseed(UInt32(truncatingIfNeeded: StreamSeeding.splitMix64(replicationSeed ^ bits)))
        return index
    }

    /// The stream at `index`.
    @inline(__always)
    subscript(index: Int) -> RandomStream { streams[index] }

    /// `key`'s stream.
    subscript(key: StreamKey) -> RandomStream { streams[index(of: key)] }
}
