extension SensitivityAnalysis {
    /// The most replications a scenario runs when none are asked for: the analysis runs twice
    /// as many scenarios as the file has numbers, so it keeps each run short.
    public static let defaultReplicationLimit = 2_000

    /// The replications each scenario runs: `asked`, or the base's own up to ``defaultReplicationLimit``.
    ///
    /// - Parameters:
    ///   - asked: the replications asked for, if any.
    ///   - base: the unchanged scenario.
    /// - Returns: the replications per scenario.
    public static func replications(asked: Int?, base: Scenario) -> Int {
        asked ?? min(base.simulation.replications, defaultReplicationLimit)
    }

    /// Prepares the analysis of a scenario file already read, accepting only generator names GSL
    /// knows, each scenario run with `replications`; every scenario is parsed from `source`'s bytes.
    ///
    /// - Parameters:
    ///   - source: the scenario file's path and bytes.
    ///   - step: the relative step, such as 0.1 for ±10%.
    ///   - replications: the replications each scenario runs.
    ///   - measure: the output; by default `OutputMeasure.periodNetOutflow(of:)`.
    ///   - ranges: an input's own low and high values by its name, instead of ±`step`.
    ///   - settings: applies the caller's seed and generator to every scenario.
    /// - Throws: `ScenarioErrors` listing every problem of the file.
    package init(
        source: ScenarioSource, step: Double, replications: Int, measure: OutputMeasure? = nil,
        ranges: [String: ClosedRange<Double>] = [:], settings: (Scenario) -> Scenario = { $0 }
    ) throws(ScenarioErrors) {
        try self.init(
            source: source, step: step, loader: ScenarioLoader(knownGenerators: GSLLibrary.generatorNames),
            measure: measure, ranges: ranges, prepare: { settings($0).with { $0.simulation.replications = replications } })
    }
}
