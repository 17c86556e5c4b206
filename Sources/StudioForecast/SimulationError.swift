/// Why a ``Simulation`` cannot run.
public enum SimulationError: Error, Sendable, CustomStringConvertible {
    /// The replications asked for are outside 1...`SimulationSettings/maximumReplications`.
    case replicationsOutOfRange(Int)
    /// The relative precision asked for is outside (0, 1).
    case precisionOutOfRange(Double)
    /// The scenario's generator is not one GSL knows.
    case unknownGenerator(UnknownGeneratorError)
    /// The scenarios compared cannot be paired (they forecast different years).
    case incomparable(ComparisonError)

    /// One line saying what to change.
    public var description: String {
        switch self {
        case .replicationsOutOfRange(let replications):
            return
                "replications \(replications) is out of range 1...\(SimulationSettings.maximumReplications)"
        case .precisionOutOfRange(let precision):
            return "relative MCSE \(precision) must be between 0 and 1, such as 0.001"
        case .unknownGenerator(let error): return "\(error)"
        case .incomparable(let error): return error.description
        }
    }
}
