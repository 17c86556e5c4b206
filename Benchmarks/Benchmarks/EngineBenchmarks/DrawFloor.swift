import Benchmark
import Dispatch
import StudioSimulation

/// The GSL draws one replication of a scenario makes, counted on the model, with nothing of the
/// model around them: the floor under the engine's time.
///
/// The counts are means per replication, measured by counting every call of `RandomStream`'s
/// methods in a debug build running 2,000 replications of the scenario on one thread (taus2; the
/// draws are the same with one stream per replication, only the seedings differ). Assessments vary
/// with revocations, so the uniform and normal counts are rounded means.
struct DrawFloor: Sendable {
    /// Streams seeded per replication, as the engine keys them: one per studio, candidate and
    /// programme-wide purpose that draws.
    let keyedStreams: Int
    /// Uniform draws (`gsl_rng_uniform`).
    let uniforms: Int
    /// Normal draws (`gsl_ran_gaussian_ziggurat`).
    let gaussians: Int
    /// Beta draws (`gsl_ran_beta`), each a studio's heterogeneity.
    let betas: Int
    /// Poisson draws (`gsl_ran_poisson`), the year's arrivals.
    let poissons: Int
    /// The Beta's parameters: the in-cycle pass probability 0.93 times, and one minus it times,
    /// the heterogeneity 20.
    var betaA = 18.6
    var betaB = 1.4

    /// `benchmark.yaml`: 200 studios (1 Beta each), 844 assessments (1 uniform each), 10 year
    /// shocks; keyed, 200 studio streams and the shock's.
    static let benchmark = DrawFloor(keyedStreams: 201, uniforms: 844, gaussians: 10, betas: 200, poissons: 0)
    /// `benchmark-pool.yaml`: 166 studios named from the pool, 1,731 uniforms (conditions,
    /// applications, objections, assessments), 883 normals (qualities, scores, shocks), 10
    /// Poisson arrivals; keyed, 418 streams (candidates, studios, shock, arrivals).
    static let pool = DrawFloor(keyedStreams: 418, uniforms: 1_731, gaussians: 883, betas: 166, poissons: 10)

    /// Makes the draws of `replications` replications on 2 threads, as the engine lays them out:
    /// keyed, each replication seeds `keyedStreams` streams (seed derived with SplitMix64 from the
    /// run's seed, the replication and the entity, as the engine does) spread over the 10 years and
    /// spreads each year's draws over the streams seeded so far; otherwise one stream a
    /// replication, seeded once.
    func run(generator: RandomGeneratorKind, keyed: Bool, replications: Int, seed: UInt64 = 1) -> Double {
        let results = FloorResults()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            let generators = (0..<(keyed ? keyedStreams : 1)).map { _ in RandomGenerator(kind: generator) }
            let streams = generators.map { $0.withStream { $0 } }
            let sum = withExtendedLifetime(generators) {
                stride(from: worker, to: replications, by: 2).reduce(0.0) { sum, replication in
                    sum + drawReplication(replication, streams: streams, keyed: keyed, seed: seed)
                }
            }
            results.add(sum, worker: worker)
        }
        return results.total
    }

    /// One replication's draws.
    private func drawReplication(_ replication: Int, streams: [RandomStream], keyed: Bool, seed: UInt64)
        -> Double
    {
        let years = 10
        let replicationKey = StreamSeeding.splitMix64(StreamSeeding.splitMix64(seed) ^ UInt64(replication))
        if !keyed { streams[0].reseed(StreamSeeding(seed: seed).seed(forReplication: replication)) }
        var seeded = keyed ? 0 : 1
        var next = 0
        var sum = 0.0
        @inline(__always) func stream() -> RandomStream {
            let chosen = streams[next]
            next += 1
            if next >= seeded { next = 0 }
            return chosen
        }
        @inline(__always) func share(_ total: Int, _ year: Int) -> Int {
            total * (year + 1) / years - total * year / years
        }
        for year in 0..<years {
            if keyed {
                let end = keyedStreams * (year + 1) / years
                while seeded < end {
                    streams[seeded].reseed(
                        UInt32(truncatingIfNeeded: StreamSeeding.splitMix64(replicationKey ^ UInt64(seeded))))
                    seeded += 1
                }
            }
            for _ in 0..<share(gaussians, year) { sum += stream().gaussian(sd: 3) }
            for _ in 0..<share(uniforms, year) { sum += stream().uniform() }
            for _ in 0..<share(betas, year) { sum += stream().beta(betaA, betaB) }
            for _ in 0..<share(poissons, year) { sum += Double(stream().poisson(mean: 20)) }
        }
        return sum
    }
}

/// The two workers' sums, so that no draw can be optimised away.
private final class FloorResults: @unchecked Sendable {
    private var sums = [0.0, 0.0]
    private let lock = DispatchQueue(label: "floor")

    func add(_ sum: Double, worker: Int) { lock.sync { sums[worker] += sum } }

    var total: Double { lock.sync { sums.reduce(0, +) } }
}
