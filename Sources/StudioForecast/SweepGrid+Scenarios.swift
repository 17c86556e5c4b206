extension SweepGrid {
    /// The scenario at every point of the grid, in ``points`` order: the file `base` was read
    /// from, parsed again from the bytes already read with the point's overrides, then
    /// `settings` applied, and named after the point (``name(of:base:)``), as `sweep` runs them.
    ///
    /// - Parameters:
    ///   - base: the scenario swept, read from a file (`Scenario(contentsOf:overrides:)`).
    ///   - settings: applies the caller's replications, seed and generator to every point.
    /// - Returns: one scenario per point.
    /// - Throws: `ScenarioErrors` for a point's value the scenario cannot take, or for a `base`
    ///   not read from a file.
    public func scenarios(of base: Scenario, settings: (Scenario) -> Scenario = { $0 }) throws(ScenarioErrors)
        -> [Scenario]
    {
        guard let source = base.source else {
            throw ScenarioErrors([
                ScenarioError(
                    file: base.name, keyPath: "", line: nil,
                    message: "the scenario was not read from a file, so it cannot be read again at each point")
            ])
        }
        let loader = ScenarioLoader(knownGenerators: GSLLibrary.generatorNames)
        var scenarios: [Scenario] = []
        for point in points {
            let scenario = try loader.load(source: source, overrides: point)
            scenarios.append(settings(scenario).with { $0.name = Self.name(of: point, base: base.name) })
        }
        return scenarios
    }

    /// Runs every point's scenario on common random numbers with the first one's replications,
    /// seed and generator, keeping each point's paired difference against the first for the
    /// metric `sweep.csv` reports (`ComparisonFiles.sweepDifferences`).
    ///
    /// - Parameters:
    ///   - scenarios: the points' scenarios (``scenarios(of:settings:)``).
    ///   - threads: worker threads.
    ///   - progress: called on the calling thread with the replications done so far.
    /// - Returns: every point's forecast and its difference against the first, for
    ///   ``ForecastFolder/init(sweep:grid:scenario:provenance:language:)``.
    /// - Throws: ``SimulationError`` when the first scenario's replications are outside
    ///   1...`SimulationSettings/maximumReplications`, a value of a scenario is one no scenario
    ///   file allows (``SimulationError/invalidScenario(_:)``), the scenarios forecast different
    ///   years or the generator is unknown.
    public static func run(_ scenarios: [Scenario], threads: Int, progress: ((Int) -> Void)? = nil)
        throws(SimulationError) -> Comparison
    {
        let engine: ComparisonEngine
        do {
            engine = try ComparisonEngine(scenarios: scenarios, differences: ComparisonFiles.sweepDifferences)
        } catch {
            throw .incomparable(error)
        }
        // Every point runs the first one's replications.
        if let replications = scenarios.first?.simulation.replications,
            !(1...SimulationSettings.maximumReplications).contains(replications)
        {
            throw .replicationsOutOfRange(replications)
        }
        if let settings = scenarios.first?.simulation {
            // Every point runs the first one's simulation settings.
            for scenario in scenarios { try Simulation.validate(scenario.with { $0.simulation = settings }) }
        }
        do {
            return try engine.run(threads: threads, progress: progress)
        } catch {
            throw .unknownGenerator(error)
        }
    }
}
