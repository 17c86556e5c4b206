import Foundation

/// Writes a run's files into one folder all or nothing (DESIGN.md, "Writing").
///
/// Every file is first written beside its final name under a temporary one; only when all are
/// written are they renamed into place, each rename atomic. A failure removes the temporary
/// files and leaves the folder's earlier files as they were. A folder that already holds
/// files is refused unless `force` is given.
public struct OutputDirectory: Sendable {
    /// The folder's path.
    public let path: String

    /// Names the folder.
    public init(path: String) {
        self.path = path
    }

    /// Whether the folder exists and holds anything.
    public var isNonEmpty: Bool {
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return !contents.isEmpty
    }

    /// Writes `files` (name and text) into the folder.
    ///
    /// - Throws: ``OutputError`` when the folder is not empty without `force`, or a file cannot be written.
    public func write(_ files: [(name: String, contents: String)], force: Bool) throws(OutputError) {
        if isNonEmpty && !force { throw OutputError.notEmpty(path) }
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotWrite(path, reason: error.localizedDescription)
        }
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        var written: [(temporary: String, final: String)] = []
        do {
            for file in files {
                let final = (path as NSString).appendingPathComponent(file.name)
                let temporary = (path as NSString).appendingPathComponent(".\(file.name).\(token).tmp")
                written.append((temporary, final))
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: temporary))
            }
            for file in written {
                guard rename(file.temporary, file.final) == 0 else {
                    throw OutputError.cannotWrite(file.final, reason: String(cString: strerror(errno)))
                }
            }
        } catch {
            for file in written { try? manager.removeItem(atPath: file.temporary) }
            if let error = error as? OutputError { throw error }
            throw OutputError.cannotWrite(path, reason: error.localizedDescription)
        }
    }
}

/// The output folder could not be written.
public enum OutputError: Error, Sendable, CustomStringConvertible {
    /// The folder holds files and `--force` was not given.
    case notEmpty(String)
    /// A file or the folder could not be written.
    case cannotWrite(String, reason: String)

    /// One line naming the path.
    public var description: String {
        switch self {
        case .notEmpty(let path): return "\(path): the output folder is not empty; give --force to replace its files"
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        }
    }
}
