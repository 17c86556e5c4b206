import Foundation

/// Writes a run's files into one folder all or nothing (DESIGN.md, "Writing").
///
/// Every file is first written beside its final name under a temporary one. Only when all are
/// written are they moved into place: each earlier file of the same name is set aside, the new
/// one renamed in (each rename atomic), and the set-aside files removed at the end. If any step
/// fails, the new files are removed and the set-aside ones put back, so the folder holds what it
/// held before. A folder that already holds files is refused unless `force` is given; files of
/// other names in it are left alone, and a folder where a file must go is never moved.
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
        try write(files, placing: [], force: force)
    }

    /// Writes `files` (name and text) into the folder, with `placed`: files already written
    /// under a ``temporaryPath(for:)`` of this folder, moved into place with the others (and
    /// removed, like the others' temporary files, if any step fails).
    ///
    /// - Throws: ``OutputError`` when the folder is not empty without `force`, or a file cannot be written.
    public func write(
        _ files: [(name: String, contents: String)], placing placed: [(name: String, temporaryPath: String)],
        force: Bool
    ) throws(OutputError) {
        // The placed files' temporary names are the caller's own, not earlier contents.
        let temporaryNames = Set(placed.map { ($0.temporaryPath as NSString).lastPathComponent })
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if !force && contents.contains(where: { !temporaryNames.contains($0) }) { throw OutputError.notEmpty(path) }
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotWrite(path, reason: error.localizedDescription)
        }
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let entries = files.map { (name: $0.name, contents: Optional($0.contents), written: String?.none) }
            + placed.map { (name: $0.name, contents: String?.none, written: Optional($0.temporaryPath)) }
        let plan = entries.map { file in
            // A name may hold a subfolder (`base/forecast.csv`); its temporary files sit beside it.
            let final = (path as NSString).appendingPathComponent(file.name)
            let folder = (final as NSString).deletingLastPathComponent
            let leaf = (final as NSString).lastPathComponent
            return (
                contents: file.contents, final: final, folder: folder,
                temporary: file.written ?? (folder as NSString).appendingPathComponent(".\(leaf).\(token).tmp"),
                setAside: (folder as NSString).appendingPathComponent(".\(leaf).\(token).old"))
        }
        do {
            for folder in Set(plan.map(\.folder)) {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        } catch {
            throw OutputError.cannotWrite(path, reason: error.localizedDescription)
        }
        var written: [String] = []
        var setAside: [(setAside: String, final: String)] = []
        var placed: [String] = []
        do {
            for file in plan {
                written.append(file.temporary)
                guard let contents = file.contents else { continue }
                try Data(contents.utf8).write(to: URL(fileURLWithPath: file.temporary))
            }
            for file in plan {
                var isFolder: ObjCBool = false
                if manager.fileExists(atPath: file.final, isDirectory: &isFolder) {
                    if isFolder.boolValue { throw OutputError.cannotWrite(file.final, reason: "a folder has that name") }
                    try Self.rename(file.final, to: file.setAside)
                    setAside.append((file.setAside, file.final))
                }
                try Self.rename(file.temporary, to: file.final)
                placed.append(file.final)
            }
        } catch {
            for final in placed { try? manager.removeItem(atPath: final) }
            for file in setAside { try? Self.rename(file.setAside, to: file.final) }
            for temporary in written { try? manager.removeItem(atPath: temporary) }
            throw error as? OutputError ?? OutputError.cannotWrite(path, reason: error.localizedDescription)
        }
        for file in setAside { try? manager.removeItem(atPath: file.setAside) }
    }

    /// A temporary path for a file `name` that the caller writes itself, beside its final
    /// place in this folder (created if need be), for ``write(_:placing:force:)``.
    ///
    /// - Throws: ``OutputError`` when the folder cannot be created.
    public func temporaryPath(for name: String) throws(OutputError) -> String {
        let final = (path as NSString).appendingPathComponent(name)
        let folder = (final as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotWrite(path, reason: error.localizedDescription)
        }
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        return (folder as NSString).appendingPathComponent(".\((final as NSString).lastPathComponent).\(token).tmp")
    }

    private static func rename(_ source: String, to destination: String) throws(OutputError) {
        guard Foundation.rename(source, destination) == 0 else {
            throw OutputError.cannotWrite(destination, reason: String(cString: strerror(errno)))
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
