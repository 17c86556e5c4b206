package import Foundation

/// A scenario file as read, once: its path and the bytes parsed.
///
/// The scenario and every variant of it (overrides, sensitivity moves) are decoded from these
/// bytes, and the SHA-256 that `run.json` and `shard.json` record is of them, so the hash is
/// of exactly what was forecast even if the file changes while a run goes on. A scenario that
/// extends another keeps the bytes of every file of its chain in ``bases``.
package struct ScenarioSource: Sendable, Hashable {
    /// The file's path as given.
    package var path: String
    /// The file's bytes, UTF-8 text without NUL bytes, at most ``ScenarioLoader/maximumFileBytes``.
    package var bytes: Data
    /// The files this one builds on through `extends:`, each as read: its base first, then the
    /// base's base, and so on; empty for a scenario that extends none.
    package var bases: [ScenarioSource]

    /// Creates a source from bytes already read; ``ScenarioLoader/readSource(path:)`` reads a
    /// file and its bases.
    ///
    /// - Parameters:
    ///   - path: the file's path as given.
    ///   - bytes: the file's bytes, UTF-8 text without NUL bytes, at most
    ///     ``ScenarioLoader/maximumFileBytes``.
    ///   - bases: the files this one builds on through `extends:`, each as read: its base first, then the
    ///     base's base, and so on; empty for a scenario that extends none.
    package init(path: String, bytes: Data, bases: [ScenarioSource] = []) {
        self.path = path
        self.bytes = bytes
        self.bases = bases
    }

    /// Every file of the scenario, this one first and then each base in turn, without their
    /// own `bases`.
    package var chain: [ScenarioSource] { [ScenarioSource(path: path, bytes: bytes)] + bases }

    /// The file's name without its folder and extension, the scenario's default name.
    package var stem: String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
}
