public import Foundation

/// A scenario file as read, once: its path and the bytes parsed.
///
/// The scenario and every variant of it (overrides, sensitivity moves) are decoded from these
/// bytes, and the SHA-256 that `run.json` and `shard.json` record is of them, so the hash is
/// of exactly what was forecast even if the file changes while a run goes on.
public struct ScenarioSource: Sendable, Hashable {
    /// The file's path as given.
    public var path: String
    /// The file's bytes, UTF-8 text without NUL bytes, at most ``ScenarioLoader/maximumFileBytes``.
    public var bytes: Data

    /// Creates a source from bytes already read; ``ScenarioLoader/readSource(path:)`` reads a file.
    public init(path: String, bytes: Data) {
        self.path = path
        self.bytes = bytes
    }

    /// The file's name without its folder and extension, the scenario's default name.
    public var stem: String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
}
