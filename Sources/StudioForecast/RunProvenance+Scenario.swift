public import Foundation

extension RunProvenance {
    /// The toolkit's version, as `studio-forecast --version` prints it and `run.json` records it.
    public static let currentToolVersion = "0.1.0"

    /// The record of a run of `scenario`, read from the file at `path`, finishing now.
    ///
    /// - Parameters:
    ///   - scenario: the scenario run, with the seed and generator used.
    ///   - path: the scenario file's path as given; the bytes hashed are those the scenario and
    ///     every file it extends were parsed from (the files are not read again).
    ///   - method: what was run: a forecast (`RunMethod.montecarlo`, `RunMethod.exact`) or an analysis.
    ///   - replications: the replications run.
    ///   - threads: the worker threads used.
    ///   - started: when the run started.
    public init(
        scenario: Scenario, path: String, method: RunMethod, replications: Int, threads: Int, started: Date
    ) {
        // The hash is of the bytes the scenario (and every file it extends) was parsed from.
        self.init(
            toolVersion: Self.currentToolVersion, scenarioName: scenario.name, scenarioPath: path,
            scenarioSHA256: ScenarioSourceHash.hexDigest(of: scenario.source), method: method,
            seed: scenario.simulation.seed,
            generator: scenario.simulation.generator, gslVersion: GSLLibrary.version,
            replications: replications,
            threads: threads, startedAt: started, finishedAt: Date(),
            scenarioChain: ScenarioSourceHash.chain(of: scenario.source))
    }

    /// The record of `forecast`, a run of `scenario` (with the seed and generator used) read from
    /// the file it was loaded from, finishing now: what a library user's folder records when
    /// given no record of its own.
    ///
    /// - Parameters:
    ///   - forecast: the forecast, whose method and replications are recorded.
    ///   - scenario: the scenario run.
    ///   - threads: the worker threads used; by default those a ``Simulation`` uses, every core.
    ///   - started: when the run started; now by default.
    public init(forecast: Forecast, of scenario: Scenario, threads: Int? = nil, started: Date = Date()) {
        self.init(
            scenario: scenario, path: scenario.source?.path ?? "", method: RunMethod(forecast.method),
            replications: forecast.replications,
            threads: forecast.method == .exact ? 1 : threads ?? Simulation(scenario).threads, started: started)
    }
}
