public import StudioScenario
/// A shard's file that `merge` cannot use, located by file and by key path or line.
public enum ShardError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file cannot be read at all.
    case unreadable(file: String, reason: String)
    /// `shard.json`, or the shards together, at a key path such as `blocks[2].first` (empty for
    /// the whole file).
    case manifest(file: String, keyPath: String, message: String)
    /// `replications.csv` at a 1-based line.
    case replications(file: String, line: Int, message: String)

    /// The file the problem is in.
    package var file: String {
        switch self {
        case .unreadable(let file, _), .manifest(let file, _, _), .replications(let file, _, _): return file
        }
    }

    /// `file: key.path: message` or `file:line: message`, one line.
    public var description: String {
        let text: String
        switch self {
        case .unreadable(let file, let reason): text = "\(file): cannot read the file: \(reason)"
        case .manifest(let file, let keyPath, let message):
            text = keyPath.isEmpty ? "\(file): \(message)" : "\(file): \(keyPath): \(message)"
        case .replications(let file, let line, let message): text = "\(file):\(line): \(message)"
        }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

extension ShardError: StudioForecastError {
    /// The file, and the key path of `shard.json` or the line of `replications.csv`.
    public var location: ProblemLocation {
        switch self {
        case .unreadable(let file, _): return ProblemLocation(file: file)
        case .manifest(let file, let keyPath, _):
            return ProblemLocation(file: file, keyPath: keyPath.isEmpty ? nil : keyPath)
        case .replications(let file, let line, _): return ProblemLocation(file: file, line: line)
        }
    }
}
