import Foundation

/// The few system calls the output folder's commit needs, each reporting failure as ``OutputError``.
///
/// They are plain POSIX calls rather than Foundation's, so that every byte is fsynced before the
/// commit and a rename is one `rename(2)`, the unit the commit protocol counts on.
enum POSIXFile {
    /// Whether anything (a file, a folder, a link) has the path.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Whether the path is a folder (following links).
    static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates a new file holding `bytes` and flushes it to the disk.
    ///
    /// - Throws: ``OutputError/cannotWrite(_:reason:)`` when the file exists or cannot be written.
    static func create(_ path: String, bytes: [UInt8]) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(path) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let error = failure(path)
                close(descriptor)
                throw error
            }
            offset += written
        }
        if fsync(descriptor) != 0 {
            let error = failure(path)
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw failure(path) }
    }

    /// Flushes a file written by other means to the disk.
    ///
    /// - Throws: ``OutputError/cannotWrite(_:reason:)`` when it cannot be opened or flushed.
    static func sync(_ path: String) throws(OutputError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(path) }
    }

    /// Renames `source` to `destination`, replacing a file there, in one atomic step.
    static func rename(_ source: String, to destination: String) throws(OutputError) {
        guard Foundation.rename(source, destination) == 0 else { throw failure(destination) }
    }

    /// Removes a file; a file already gone is not an error.
    static func remove(_ path: String) throws(OutputError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw failure(path) }
    }

    /// Flushes a folder's entries (new names, renames) to the disk; best effort.
    static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// The last system call's failure, for `path`.
    static func failure(_ path: String) -> OutputError {
        .cannotWrite(path, reason: String(cString: strerror(errno)))
    }
}
