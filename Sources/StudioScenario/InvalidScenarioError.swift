/// A value of a scenario changed or built in code that no scenario file may hold, found by
/// ``Scenario/validate()`` before a simulation starts: the key path of the scenario format, the
/// value and what the key allows.
///
/// A scenario read from a file is checked by ``ScenarioLoader`` against the same bounds
/// (``ScenarioLimits``), so the command line never meets this error.
public struct InvalidScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The scenario's name.
    public var scenario: String
    /// The key path, such as `programme.payment_lag_years` or `existing_studios[1].count`.
    public var keyPath: String
    /// The value refused, as written in a scenario file.
    public var value: String
    /// What the key allows, such as `out of range 0...10`.
    public var requirement: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - scenario: the scenario's name.
    ///   - keyPath: the key path, such as `programme.payment_lag_years`.
    ///   - value: the value refused.
    ///   - requirement: what the key allows.
    public init(scenario: String, keyPath: String, value: String, requirement: String) {
        self.scenario = scenario
        self.keyPath = keyPath
        self.value = value
        self.requirement = requirement
    }

    /// `scenario 'name': key.path: value is requirement`, one line.
    public var description: String {
        ScenarioError.oneLine("scenario '\(scenario)': \(keyPath): \(value) \(requirement)")
    }
}

extension InvalidScenarioError {
    /// The same problem as one of a scenario file's, for the callers that report those.
    ///
    /// - Parameter file: the scenario file the scenario was read from.
    /// - Returns: the problem at `file` and the key path, with no line.
    package func scenarioError(file: String) -> ScenarioError {
        ScenarioError(file: file, keyPath: keyPath, line: nil, message: "\(value) \(requirement)")
    }
}

extension InvalidScenarioError: StudioForecastError {
    /// The key path of the value refused.
    public var location: ProblemLocation { ProblemLocation(keyPath: keyPath) }
}
