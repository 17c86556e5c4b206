/// Where a problem lies: the file, and within it the line, the key path or the data row, as far
/// as they are known.
public struct ProblemLocation: Sendable, Hashable {
    /// The file or folder, as the user named it; `nil` for a problem with no file (an argument).
    public var file: String?
    /// The 1-based line of the file.
    public var line: Int?
    /// The key path, such as `assessment.pass_probability.in_cycle` or `blocks[2].cells`.
    public var keyPath: String?
    /// The 1-based data row (a replication of `replications.csv`), when the line does not say it.
    public var row: Int?

    /// Creates a location; every part is optional.
    ///
    /// - Parameters:
    ///   - file: the file or folder, as the user named it; `nil` for a problem with no file (an argument).
    ///   - line: the 1-based line of the file.
    ///   - keyPath: the key path, such as `assessment.pass_probability.in_cycle` or `blocks[2].cells`.
    ///   - row: the 1-based data row (a replication of `replications.csv`), when the line does not say it.
    public init(file: String? = nil, line: Int? = nil, keyPath: String? = nil, row: Int? = nil) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.row = row
    }

    /// No location: the problem is with the command itself.
    package static let none = ProblemLocation()
}
