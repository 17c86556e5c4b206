/// Why a ``Simulation`` cannot run.
public enum SimulationError: Error, Sendable, CustomStringConvertible {
    /// The replications asked for are outside 1...`SimulationSettings/maximumReplications`.
    case replicationsOutOfRange(Int)
    /// The replication asked to be replayed is below 1 (replications are numbered from 1).
    case replicationNumberOutOfRange(Int)
    /// The relative precision asked for is outside (0, 1).
    case precisionOutOfRange(Double)
    /// The scenario's generator is not one GSL knows.
    case unknownGenerator(UnknownGeneratorError)
    /// The scenarios compared cannot be paired (they forecast different years).
    case incomparable(ComparisonError)
    /// A value of the scenario (or the variant) is one no scenario file allows (`Scenario.validate()`).
    case invalidScenario(InvalidScenarioError)

    /// One line saying what to change.
    public var description: String {
        switch self {
        case .replicationsOutOfRange(let replications):
            return
                "replications \(replications) is out of range 1...\(SimulationSettings.maximumReplications)"
        case .replicationNumberOutOfRange(let replication):
            return "replication \(replication) must be at least 1; replications are numbered from 1"
        case .precisionOutOfRange(let precision):
            return "relative MCSE \(precision) must be between 0 and 1, such as 0.001"
        case .unknownGenerator(let error): return "\(error)"
        case .incomparable(let error): return error.description
        case .invalidScenario(let error): return error.description
        }
    }
}

extension SimulationError: StudioForecastError {
    /// The generator's or the invalid value's key path; none for the replications or precision
    /// asked for, or for a pair of scenarios.
    public var location: ProblemLocation {
        switch self {
        case .unknownGenerator(let error): return error.location
        case .incomparable(let error): return error.location
        case .invalidScenario(let error): return error.location
        case .replicationsOutOfRange, .replicationNumberOutOfRange, .precisionOutOfRange: return .none
        }
    }

    /// The replications or precision asked for are a bad argument (exit 64); a scenario's
    /// generator, scenarios that cannot be paired and a value no file allows are bad input (exit 1).
    public var category: ProblemCategory {
        switch self {
        case .replicationsOutOfRange, .replicationNumberOutOfRange, .precisionOutOfRange: return .badArgument
        case .unknownGenerator, .incomparable, .invalidScenario: return .badInput
        }
    }
}
