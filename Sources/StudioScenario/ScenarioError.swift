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
    ///
    /// - Parameters:
    ///   - file: the scenario file's path as given.
    ///   - keyPath: the key path, such as `assessment.pass_probability.in_cycle` or
    ///     `existing_studios[1].count`.
    ///   - line: the 1-based line, when known.
    ///   - message: what is wrong.
    public init(file: String, keyPath: String, line: Int?, message: String) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.message = message
    }

    /// `file:line: key.path: message`, one line.
    ///
    /// Text quoted from the input (a key, a cell) may hold line breaks or other control
    /// characters; they are written as escapes such as `\u{0B}`, so a problem is always one line.
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        let text = keyPath.isEmpty ? "\(location): \(message)" : "\(location): \(keyPath): \(message)"
        return Self.oneLine(text)
    }

    /// `text` with every control character and line or paragraph separator escaped.
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}

/// Every problem found in one scenario file.
public struct ScenarioErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var errors: [ScenarioError]

    /// Creates the list.
    ///
    /// - Parameter errors: the problems, in file order.
    public init(_ errors: [ScenarioError]) {
        self.errors = errors
    }

    /// One line per problem.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
