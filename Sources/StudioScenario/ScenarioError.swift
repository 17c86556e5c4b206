/// One problem in a scenario file, located by file, key path and line.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The scenario file's path as given.
    public var file: String
    /// The key path, such as `assessment.pass_probability.in_cycle` or `existing_studios[1].count`.
    public var keyPath: String
    /// The 1-based line, when known.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, keyPath: String, line: Int?, message: String) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.message = message
    }

    /// `file:line: key.path: message`, one line.
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return keyPath.isEmpty ? "\(location): \(message)" : "\(location): \(keyPath): \(message)"
    }
}

/// Every problem found in one scenario file.
public struct ScenarioErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var errors: [ScenarioError]

    /// Creates the list.
    public init(_ errors: [ScenarioError]) {
        self.errors = errors
    }

    /// One line per problem.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
