/// Whose fault a problem is, which decides the command line's exit status.
public enum ProblemCategory: Sendable, Hashable, CaseIterable {
    /// A bad file: a scenario, an applicant list, a shard folder, or an output folder (exit 1).
    case badInput
    /// A bad command-line argument (exit 64, `EX_USAGE`).
    case badArgument

    /// The exit status the command line ends with.
    public var exitStatus: Int32 {
        switch self {
        case .badInput: 1
        case .badArgument: 64
        }
    }
}
