/// The one family of errors StudioForecast reports to its users: each says where the problem
/// lies as fields, in one line per problem, and whether it is a bad file or a bad argument.
///
/// The command line prints ``messages`` on standard error, one line each, and exits with
/// ``category``'s ``ProblemCategory/exitStatus`` (1 or 64), in one place.
public protocol StudioForecastError: Error, Sendable, CustomStringConvertible {
    /// Where the (first) problem lies.
    var location: ProblemLocation { get }
    /// A bad file or a bad argument.
    var category: ProblemCategory { get }
    /// One line per problem, each naming its file, line and key path; by default ``description``.
    var messages: [String] { get }
}

extension StudioForecastError {
    /// One line: the error's ``description``.
    public var messages: [String] { [description] }
    /// A bad file, exit status 1, unless the error says otherwise.
    public var category: ProblemCategory { .badInput }
}

extension ScenarioError: StudioForecastError {
    /// The file, line and key path of the problem.
    public var location: ProblemLocation {
        ProblemLocation(file: file, line: line, keyPath: keyPath.isEmpty ? nil : keyPath)
    }
}

extension ScenarioErrors: StudioForecastError {
    /// The first problem's location.
    public var location: ProblemLocation { errors.first?.location ?? .none }
    /// One line per problem.
    public var messages: [String] { errors.map(\.description) }
}
