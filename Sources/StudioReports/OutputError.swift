public import StudioScenario
/// The output folder could not be written.
public enum OutputError: Error, Sendable, CustomStringConvertible {
    /// The folder holds files and `--force` was not given.
    case notEmpty(String)
    /// A file or the folder could not be written.
    case cannotWrite(String, reason: String)
    /// No folder was named.
    case emptyPath
    /// The path, or a folder above it, is a file.
    case notAFolder(String)
    /// A default folder would lie outside the folder it must be in (a name that is a path).
    case outsideRoot(String, root: String)
    /// A commit journal left by an interrupted run cannot be read, so the folder cannot be restored.
    case damagedJournal(String, reason: String)

    /// One line naming the path.
    public var description: String {
        switch self {
        case .notEmpty(let path):
            return "\(path): the output folder is not empty; give --force to replace its files"
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        case .emptyPath: return "the output folder's name is empty"
        case .notAFolder(let path): return "\(path): is a file, not a folder; give another output folder"
        case .outsideRoot(let path, let root):
            return "\(path): the output folder would lie outside \(root)/; give another name or --out"
        case .damagedJournal(let path, let reason):
            return "\(path): cannot restore the folder from this journal of an interrupted run: \(reason)"
        }
    }
}

extension OutputError: StudioForecastError {
    /// The output folder (or journal) in question.
    public var location: ProblemLocation {
        switch self {
        case .notEmpty(let path), .cannotWrite(let path, _), .notAFolder(let path), .outsideRoot(let path, _),
            .damagedJournal(let path, _):
            return ProblemLocation(file: path)
        case .emptyPath: return .none
        }
    }

    /// An empty folder name is a bad argument; every other problem is the folder's.
    public var category: ProblemCategory {
        if case .emptyPath = self { return .badArgument }
        return .badInput
    }
}
