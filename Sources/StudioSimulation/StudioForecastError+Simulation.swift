public import StudioScenario

// The simulation's errors as members of the one family the command line reports
// (``StudioForecastError``); kept apart from the engines so that the engines' files stay theirs.

extension UnknownGeneratorError: StudioForecastError {
    /// A generator named in a scenario; the command line checks `--generator` itself (exit 64).
    public var location: ProblemLocation { ProblemLocation(keyPath: "simulation.generator") }
}

extension ComparisonError: StudioForecastError {
    /// The scenarios, not one place in them.
    public var location: ProblemLocation { .none }
}

extension ExactEvaluatorError: StudioForecastError {
    /// The invalid value's key path; otherwise the scenario as a whole.
    public var location: ProblemLocation {
        if case .invalidScenario(let error) = self { return error.location }
        return .none
    }
}

extension ShardMerger.OrderError: StudioForecastError {
    /// The shards' order, not one place in a file.
    package var location: ProblemLocation { .none }
}
