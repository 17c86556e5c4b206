import Foundation
import StudioScenario

/// Writes a run's files into one folder all or nothing, also under signals (DESIGN.md, "Writing").
///
/// A write records its plan in a hidden journal, writes every file under a hidden temporary
/// name and flushes it to the disk, then commits by renaming the journal into place. Only then
/// is each earlier file of the same name set aside and the new one renamed in (each rename
/// atomic); the set-aside files and the journal are removed at the end. So after SIGINT or
/// SIGTERM at any moment the folder holds the complete earlier set or the complete new set and
/// no hidden files (see ``OutputSignalGuard``), and after SIGKILL the next command that touches
/// the folder restores one complete set first (see ``OutputJournal``). A folder that already
/// holds files is refused unless `force` is given; files of other names in it are left alone,
/// and a folder where a file must go is never moved. Hidden files a write leaves behind never
/// count as contents.
///
/// Public because a folder is checked before the work that fills it (`ForecastFolder.prepare`)
/// and a shard's kept replications are written into it as they are made (`ShardRun`).
public struct OutputDirectory: Sendable {
    /// The folder's path.
    public let path: String

    /// Names the folder.
    ///
    /// - Parameter path: the folder's path.
    public init(path: String) {
        self.path = path
    }

    /// The default output folder `root/leaf`, checked to lie inside `root`.
    ///
    /// `leaf` is built from a scenario's name (`nanchang-baseline`, `sweep-nanchang-baseline`);
    /// it must be one plain folder name, and the folder, with any links resolved, must sit
    /// directly in `root`.
    ///
    /// - Throws: ``OutputError/outsideRoot(_:root:)`` when it would not.
    package static func defaultFolder(_ leaf: String, under root: String = "out") throws(OutputError)
        -> OutputDirectory
    {
        let path = (root as NSString).appendingPathComponent(leaf)
        guard !leaf.isEmpty, leaf != ".", leaf != "..", !leaf.contains("/"), !leaf.contains("\0") else {
            throw OutputError.outsideRoot(path, root: root)
        }
        let resolvedRoot = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath()
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        guard resolved.deletingLastPathComponent().path == resolvedRoot.path,
            resolved.lastPathComponent == leaf
        else {
            throw OutputError.outsideRoot(path, root: root)
        }
        return OutputDirectory(path: path)
    }

    /// Whether the folder exists and holds anything besides a write's hidden leftovers.
    package var isNonEmpty: Bool {
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return contents.contains { !OutputJournal.isLeftover($0) }
    }

    /// Checks, before any work is done, that the folder can be written, restoring one complete
    /// set of files first if an earlier write was killed.
    ///
    /// - Parameter force: whether a folder that is not empty may be written.
    /// - Throws: ``OutputError`` when the path is empty, is a file or lies under one, cannot be
    ///   written, or is not empty without `force`.
    public func prepare(force: Bool) throws(OutputError) {
        guard !path.isEmpty else { throw OutputError.emptyPath }
        if POSIXFile.exists(path) {
            guard POSIXFile.isFolder(path) else { throw OutputError.notAFolder(path) }
            guard access(path, W_OK | X_OK) == 0 else { throw POSIXFile.failure(path) }
            try OutputJournal.recover(folder: path)
            if isNonEmpty && !force { throw OutputError.notEmpty(path) }
            return
        }
        // The folder will be made: the nearest existing folder above it must be writable.
        var ancestor = path
        repeat {
            let parent = FilePath.parent(of: ancestor)
            ancestor = parent.isEmpty ? "." : parent
        } while !POSIXFile.exists(ancestor) && ancestor != "." && ancestor != "/"
        guard POSIXFile.isFolder(ancestor) else { throw OutputError.notAFolder(ancestor) }
        guard access(ancestor, W_OK | X_OK) == 0 else { throw POSIXFile.failure(ancestor) }
    }

    /// Writes `files` (name and text) into the folder.
    ///
    /// A name may hold a subfolder (`base/forecast.csv`); its hidden files sit beside it.
    ///
    /// - Throws: ``OutputError`` when the folder is not empty without `force`, or a file cannot be written.
    package func write(_ files: [(name: String, contents: String)], force: Bool) throws(OutputError) {
        try write(files, placing: [], force: force)
    }

    /// Writes `files` (name and text) into the folder, with `placed`: files the caller already
    /// wrote under a ``temporaryPath(for:)`` of this folder, moved into place with the others in
    /// the same commit (and removed, like the others' temporary files, if the write fails).
    ///
    /// - Throws: ``OutputError`` when the folder is not empty without `force`, or a file cannot be written.
    package func write(
        _ files: [(name: String, contents: String)], placing placed: [(name: String, temporaryPath: String)],
        force: Bool
    ) throws(OutputError) {
        OutputSignalGuard.writeLock.lock()
        defer { OutputSignalGuard.writeLock.unlock() }
        func full(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
        let token = "\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        let written = files.map { OutputJournal.entry(final: $0.name, token: token) }
        // A placed file keeps its temporary name, which lies beside its final one.
        let moved = placed.map { file in
            let folder = FilePath.parent(of: file.name)
            let leaf = (file.temporaryPath as NSString).lastPathComponent
            return OutputJournal.Entry(
                temporary: folder.isEmpty ? leaf : folder + "/" + leaf, final: file.name,
                setAside: OutputJournal.entry(final: file.name, token: token).setAside)
        }
        let journal = OutputJournal(entries: written + moved)
        let removeTemporaries = { for entry in journal.entries { try? POSIXFile.remove(full(entry.temporary)) } }
        do {
            try prepare(force: force)
        } catch {
            removeTemporaries()
            OutputSignalGuard.abandonWriting()
            throw error
        }
        let manager = FileManager.default
        let folders = Set(journal.entries.map { FilePath.parent(of: full($0.final)) })
        do {
            for folder in folders.sorted() {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        } catch {
            removeTemporaries()
            OutputSignalGuard.abandonWriting()
            throw OutputError.cannotWrite(path, reason: error.localizedDescription)
        }
        let pending = full(OutputJournal.pendingName)
        let committed = full(OutputJournal.committedName)
        // Before the commit point: a failure or a signal removes the temporaries and the plan.
        OutputSignalGuard.beginWriting(removing: journal.entries.map { full($0.temporary) } + [pending])
        do throws(OutputError) {
            for entry in journal.entries where POSIXFile.isFolder(full(entry.final)) {
                throw OutputError.cannotWrite(full(entry.final), reason: "a folder has that name")
            }
            try POSIXFile.create(pending, bytes: Array(journal.text().utf8))
            for (entry, file) in zip(written, files) {
                try POSIXFile.create(full(entry.temporary), bytes: Array(file.contents.utf8))
            }
            for entry in moved { try POSIXFile.sync(full(entry.temporary)) }
        } catch {
            removeTemporaries()
            try? POSIXFile.remove(pending)
            OutputSignalGuard.abandonWriting()
            throw error
        }
        // The commit: signals wait until the folder holds the complete new set.
        let mask = OutputSignalGuard.beginCommit()
        defer { OutputSignalGuard.endCommit(restoring: mask) }
        for folder in folders { POSIXFile.syncFolder(folder) }
        do {
            try POSIXFile.rename(pending, to: committed)
        } catch {
            removeTemporaries()
            try? POSIXFile.remove(pending)
            throw error
        }
        POSIXFile.syncFolder(path)
        var setAside: [OutputJournal.Entry] = []
        var placed: [OutputJournal.Entry] = []
        do {
            for entry in journal.entries {
                if POSIXFile.exists(full(entry.final)) {
                    try POSIXFile.rename(full(entry.final), to: full(entry.setAside))
                    setAside.append(entry)
                }
                try POSIXFile.rename(full(entry.temporary), to: full(entry.final))
                placed.append(entry)
            }
        } catch {
            // A rename failed while the process runs: put the earlier set back.
            for entry in placed { try? POSIXFile.remove(full(entry.final)) }
            for entry in setAside { try? POSIXFile.rename(full(entry.setAside), to: full(entry.final)) }
            removeTemporaries()
            try? POSIXFile.remove(committed)
            throw error
        }
        for folder in folders { POSIXFile.syncFolder(folder) }
        for entry in setAside { try? POSIXFile.remove(full(entry.setAside)) }
        try? POSIXFile.remove(committed)
        POSIXFile.syncFolder(path)
    }

    /// A temporary path for a file `name` that the caller writes itself, beside its final place in
    /// this folder (created if need be), for ``write(_:placing:force:)``.
    ///
    /// The name is one the folder's recovery knows as a write's hidden leftover, and from now
    /// until the write a signal removes the file (see ``OutputSignalGuard``).
    ///
    /// - Throws: ``OutputError`` when the folder cannot be created.
    package func temporaryPath(for name: String) throws(OutputError) -> String {
        let final = (path as NSString).appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(
                atPath: FilePath.parent(of: final), withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotWrite(path, reason: error.localizedDescription)
        }
        let token = "\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        let temporary = (path as NSString).appendingPathComponent(OutputJournal.entry(final: name, token: token).temporary)
        OutputSignalGuard.beginWriting(removing: [temporary])
        return temporary
    }
}
