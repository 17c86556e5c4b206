/// Benchmarks of the Monte Carlo engine on the scenario `Benchmarks/scenarios/benchmark.yaml`
/// (10 years, quota 20, heterogeneity 20, year shock 0.3), run on 2 threads:
///
/// - "Engine 100k replications": one `MonteCarloEngine.run(threads: 2)` of its 100,000 replications;
/// - "Engine 1M replications": the same scenario at 1,000,000 replications;
/// - "Engine 100k replications, applicant pool": `benchmark-pool.yaml`, the same with the quota
///   filled from an applicant pool of about three applicants per place;
/// - "GSL draws of 100k pool replications": only the GSL draws that run makes, per replication
///   1 re-seeding, 1,729 uniforms, 882 normals, 166 Beta(18.6, 1.4) and 10 Poisson(20) (counted
///   on the scenario), on 2 threads: the floor under the engine's time on that scenario.
///
/// Each iteration is one run. It measures the run's wall clock, the process's peak resident
/// memory, and studio-years per second: the run's studio-years, Σ over years of (mean assessed +
/// mean named) × replications, divided by the run's wall time. (The package's `.throughput` counts
/// iterations per second as a whole number, 0 for a run of over a second, so it is not used.)
/// Loading the scenario (setup) and summing the forecast are not measured.
///
/// Run them in release mode from the `Benchmarks` folder with `swift package benchmark`
/// (`swift package benchmark --filter "Engine 100k.*"` for one of them).

import Benchmark
import Dispatch
import StudioScenario
import StudioSimulation

/// A benchmark scenario's path, found from this file so that any working directory will do.
func scenarioPath(_ file: String) -> String {
    var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)  // Benchmarks/EngineBenchmarks/EngineBenchmarks.swift
    return (components + ["scenarios", Substring(file)]).joined(separator: "/")
}

/// Studio-years per second of wall time, recorded once per iteration.
let studioYearsPerSecond = BenchmarkMetric.custom(
    "studio-years/s", polarity: .prefersLarger, useScalingFactor: false)

/// Studio-years of a forecast: Σ over years of (mean assessed + mean named), times replications.
func studioYears(of forecast: Forecast) -> Double {
    let perReplication = forecast.years.reduce(0.0) { sum, year in
        let assessed = forecast.summary(year: year, metric: "assessed")?[.mean] ?? 0
        let named = forecast.summary(year: year, metric: "named")?[.mean] ?? 0
        return sum + assessed + named
    }
    return perReplication * Double(forecast.replications)
}

/// Registers a benchmark of one engine run of a benchmark scenario at `replications`.
func engineBenchmark(
    _ name: String, scenario file: String = "benchmark.yaml", replications: Int, maxIterations: Int,
    maxDuration: Duration
) {
    Benchmark(
        name,
        configuration: .init(
            metrics: [.wallClock, .peakMemoryResident, studioYearsPerSecond],
            timeUnits: .milliseconds,
            units: [.peakMemoryResident: .kilo, studioYearsPerSecond: .kilo],
            warmupIterations: 0,
            maxDuration: maxDuration,
            maxIterations: maxIterations)
    ) { (benchmark: Benchmark, scenario: Scenario) throws in
        let clock = ContinuousClock()
        let start = clock.now
        let forecast = try MonteCarloEngine(scenario: scenario).run(threads: 2)
        let elapsed = start.duration(to: clock.now)
        benchmark.stopMeasurement()

        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        benchmark.measurement(studioYearsPerSecond, Int((studioYears(of: forecast) / seconds).rounded()))
        blackHole(forecast)
    } setup: {
        try ScenarioLoader().load(path: scenarioPath(file)).with { $0.simulation.replications = replications }
    }
}

/// The draws of one `benchmark-pool.yaml` replication, without the model between them.
func drawPoolReplication(_ stream: RandomStream, replication: Int) -> Double {
    stream.reseed(UInt32(truncatingIfNeeded: replication &+ 1))
    var sum = 0.0
    for _ in 0..<1_729 { sum += stream.uniform() }
    for _ in 0..<882 { sum += stream.gaussian(sd: 3) }
    for _ in 0..<166 { sum += stream.beta(18.6, 1.4) }
    for _ in 0..<10 { sum += Double(stream.poisson(mean: 20)) }
    return sum
}

let benchmarks: @Sendable () -> Void = {
    engineBenchmark(
        "Engine 100k replications", replications: 100_000, maxIterations: 5, maxDuration: .seconds(30))
    engineBenchmark(
        "Engine 1M replications", replications: 1_000_000, maxIterations: 2, maxDuration: .seconds(60))
    engineBenchmark(
        "Engine 100k replications, applicant pool", scenario: "benchmark-pool.yaml", replications: 100_000,
        maxIterations: 5, maxDuration: .seconds(60))
    Benchmark(
        "GSL draws of 100k pool replications",
        configuration: .init(
            metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(30),
            maxIterations: 5)
    ) { _ in
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            let generator = try! RandomGenerator(generatorName: "mt19937")
            blackHole(
                generator.withStream { stream in
                    stride(from: worker, to: 100_000, by: 2).reduce(0.0) { $0 + drawPoolReplication(stream, replication: $1) }
                })
        }
    }
}
