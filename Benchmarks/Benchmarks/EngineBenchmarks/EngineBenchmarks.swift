/// Benchmarks of the Monte Carlo engine, run on 2 threads. Each iteration is one run; loading
/// the scenario (setup) and summing the forecast are not measured. Run them in release mode from
/// the `Benchmarks` folder with `swift package --disable-sandbox benchmark` (one group with
/// `--filter "Floor.*"`, for instance). Ratios are taken between benchmarks of the same run.
///
/// - "Engine 100k replications", "Engine 1M replications", "Engine 100k replications, applicant
///   pool": `benchmark.yaml` (10 years, quota 20, heterogeneity 20, year shock 0.3) and
///   `benchmark-pool.yaml` (the same filled from an applicant pool), the scenarios' generator,
///   with wall time, peak memory and studio-years per second.
/// - "Engine <scenario> <generator>" and "Floor <scenario> <generator> keyed": one run of
///   `ratioReplications` replications, and the GSL draws that run makes, per-entity seedings
///   included, with nothing of the model around them (``DrawFloor``), for taus2 and mt19937.
///   Engine ÷ floor is the engine's distance from the draw floor. "Floor <scenario> <generator>
///   one stream" makes the same draws from one stream per replication, so (keyed floor − one
///   stream floor) ÷ engine is the share of a run that keying (seeding and key derivation per
///   entity) costs.
/// - "Analyst ...": one keyed run of the baseline, and `compare`, `sweep`, `solve-quota` and
///   `sensitivity` on it at the same replications (``analystReplications``), through the library.
/// - "Memory baseline ...": peak resident memory of one baseline run at 100,000 and 1,000,000
///   replications.
///
/// `BENCHMARK_REPLICATIONS` and `ANALYST_REPLICATIONS` in the environment override the
/// replications of the ratio and analyst groups.

import Benchmark
import Foundation
import StudioScenario
import StudioSimulation

/// Replications of the engine and floor runs compared as ratios (default 20,000).
let ratioReplications = environmentCount("BENCHMARK_REPLICATIONS") ?? 20_000
/// Replications of the analyst commands and of the run they are compared with (default 5,000).
let analystReplications = environmentCount("ANALYST_REPLICATIONS") ?? 5_000

/// A positive count from the environment variable `name`, if set.
func environmentCount(_ name: String) -> Int? {
    ProcessInfo.processInfo.environment[name].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
}

/// A benchmark scenario's path, found from this file so that any working directory will do.
func scenarioPath(_ file: String) -> String {
    var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)  // Benchmarks/EngineBenchmarks/EngineBenchmarks.swift
    return (components + ["scenarios", Substring(file)]).joined(separator: "/")
}

/// A shipped scenario's path (the main package's `scenarios/`).
func shippedScenarioPath(_ file: String) -> String {
    var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(4)  // Benchmarks/Benchmarks/EngineBenchmarks/EngineBenchmarks.swift
    return (components + ["scenarios", Substring(file)]).joined(separator: "/")
}

/// Studio-years per second of wall time, recorded once per iteration.
let studioYearsPerSecond = BenchmarkMetric.custom(
    "studio-years/s", polarity: .prefersLarger, useScalingFactor: false)

/// Studio-years of a forecast: Σ over years of (mean assessed + mean named), times replications.
func studioYears(of forecast: Forecast) -> Double {
    let perReplication = forecast.years.reduce(0.0) { sum, year in
        let assessed = forecast.summary(year: year, metric: .assessed)?[.mean] ?? 0
        let named = forecast.summary(year: year, metric: .named)?[.mean] ?? 0
        return sum + assessed + named
    }
    return perReplication * Double(forecast.replications)
}

/// The configuration of a benchmark measuring wall time (and `extra` metrics) over at most
/// `maxIterations` iterations.
func configuration(
    maxIterations: Int, maxDuration: Duration, extra: [BenchmarkMetric] = []
) -> Benchmark.Configuration {
    .init(
        metrics: [.wallClock] + extra, timeUnits: .milliseconds,
        units: [.peakMemoryResident: .kilo, studioYearsPerSecond: .kilo], warmupIterations: 0,
        maxDuration: maxDuration, maxIterations: maxIterations)
}

/// Registers a benchmark of one engine run of a benchmark scenario at `replications`.
func engineBenchmark(
    _ name: String, scenario file: String = "benchmark.yaml", replications: Int, maxIterations: Int,
    maxDuration: Duration
) {
    Benchmark(
        name,
        configuration: configuration(
            maxIterations: maxIterations, maxDuration: maxDuration,
            extra: [.peakMemoryResident, studioYearsPerSecond])
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

/// The scenario at `path` with `generator` and `replications`.
func load(_ path: String, generator: String, replications: Int) throws -> Scenario {
    try ScenarioLoader().load(path: path).with {
        $0.simulation.generator = generator
        $0.simulation.replications = replications
    }
}

/// Registers "Engine <name> <generator>" and its floors "Floor <name> <generator> keyed" and
/// "Floor <name> <generator> one stream".
func floorPair(_ name: String, file: String, floor: DrawFloor, generator: String) {
    let label = "\(name) \(generator)"
    Benchmark("Engine \(label)", configuration: configuration(maxIterations: 5, maxDuration: .seconds(60))) {
        (benchmark: Benchmark, scenario: Scenario) throws in
        blackHole(try MonteCarloEngine(scenario: scenario).run(threads: 2))
    } setup: {
        try load(scenarioPath(file), generator: generator, replications: ratioReplications)
    }
    for keyed in [true, false] {
        Benchmark(
            "Floor \(label) \(keyed ? "keyed" : "one stream")",
            configuration: configuration(maxIterations: 5, maxDuration: .seconds(60))
        ) { (benchmark: Benchmark, kind: RandomGeneratorKind) in
            blackHole(floor.run(generator: kind, keyed: keyed, replications: ratioReplications))
        } setup: {
            try RandomGeneratorKind(named: generator)
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    engineBenchmark(
        "Engine 100k replications", replications: 100_000, maxIterations: 5, maxDuration: .seconds(30))
    engineBenchmark(
        "Engine 1M replications", replications: 1_000_000, maxIterations: 2, maxDuration: .seconds(60))
    engineBenchmark(
        "Engine 100k replications, applicant pool", scenario: "benchmark-pool.yaml", replications: 100_000,
        maxIterations: 5, maxDuration: .seconds(60))

    for generator in ["taus2", "mt19937"] {
        floorPair("benchmark", file: "benchmark.yaml", floor: .benchmark, generator: generator)
        floorPair("pool", file: "benchmark-pool.yaml", floor: .pool, generator: generator)
    }

    analystBenchmarks()

    for replications in [100_000, 1_000_000] {
        Benchmark(
            "Memory baseline \(replications / 1000)k taus2 keyed",
            configuration: configuration(
                maxIterations: 1, maxDuration: .seconds(600), extra: [.peakMemoryResident])
        ) { (benchmark: Benchmark, scenario: Scenario) throws in
            blackHole(try MonteCarloEngine(scenario: scenario).run(threads: 2))
        } setup: {
            try load(
                shippedScenarioPath("nanchang-baseline.yaml"), generator: "taus2", replications: replications)
        }
    }
}
