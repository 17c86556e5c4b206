import Foundation

/// Reads the text files a scenario consists of (the scenario itself and its applicant list)
/// with a size bound, and finds the first NUL byte or invalid UTF-8 byte by its line.
///
/// The size is checked while reading, so a file far beyond the bound is never read whole.
package enum ScenarioText {
    /// The largest scenario file read: 1 MiB, far beyond any scenario a person writes (the
    /// baseline is under 3 KB, and a quota listed for 50 years is under 1 KB).
    package static let scenarioLimit = 1 << 20
    /// The largest applicant list read: 16 MiB, about 100,000 applicants of 160 bytes each.
    static let applicantListLimit = 16 << 20

    /// Why a file could not be read as text.
    enum Problem: Error, Equatable {
        /// The file does not exist or cannot be opened or read.
        case unreadable
        /// The file holds more than `limit` bytes.
        case tooLarge(limit: Int)
        /// The file holds a NUL byte on `line`.
        case nulByte(line: Int)
        /// The file's bytes on `line` are not UTF-8.
        case notUTF8(line: Int)

        /// The line of the problem, when it has one.
        var line: Int? {
            switch self {
            case .unreadable, .tooLarge: return nil
            case .nulByte(let line), .notUTF8(let line): return line
            }
        }

        /// The problem as the one error of a scenario file at `file`.
        func errors(file: String) -> ScenarioErrors {
            ScenarioErrors([ScenarioError(file: file, keyPath: "", line: line, message: message(kind: "scenario"))])
        }

        /// What is wrong, for a message about a file of the given kind (`scenario`, `applicant list`).
        func message(kind: String) -> String {
            switch self {
            case .unreadable: return "cannot read the file"
            case .tooLarge(let limit):
                return "the file is larger than \(ScenarioText.describe(bytes: limit)), the largest \(kind) read"
            case .nulByte: return "the file holds a NUL byte; a \(kind) is text"
            case .notUTF8: return "the file is not UTF-8 text"
            }
        }
    }

    /// The text of the file at `path`, read only if it holds at most `limit` bytes.
    static func read(path: String, limit: Int) -> Result<String, Problem> {
        readBytes(path: path, limit: limit).flatMap(decode)
    }

    /// The bytes of the file at `path`, read only if it holds at most `limit` bytes.
    static func readBytes(path: String, limit: Int) -> Result<Data, Problem> {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
            let handle = FileHandle(forReadingAtPath: path)
        else { return .failure(.unreadable) }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            return .failure(.unreadable)
        }
        guard data.count <= limit else { return .failure(.tooLarge(limit: limit)) }
        return .success(data)
    }

    /// `data` as UTF-8 text without NUL bytes, or the line of the first offending byte.
    static func decode(_ data: Data) -> Result<String, Problem> {
        let bytes = [UInt8](data)
        if let nul = bytes.firstIndex(of: 0) { return .failure(.nulByte(line: line(ofByte: nul, in: bytes))) }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return .success(String(decoding: bytes, as: UTF8.self))
            case .error: return .failure(.notUTF8(line: line(ofByte: offset, in: bytes)))
            }
        }
    }

    /// The 1-based line holding byte `offset`.
    private static func line(ofByte offset: Int, in bytes: [UInt8]) -> Int {
        bytes[..<min(offset, bytes.count)].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    /// `1 MiB`, `16 MiB`, or bytes for other sizes.
    static func describe(bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
