package import StudioScenario

/// The SHA-256 that `run.json` and `shard.json` record for a scenario: of exactly the bytes
/// forecast, over every file of an `extends:` chain.
///
/// For a file that extends none it is the SHA-256 of the file's bytes, as it always was. For a
/// chain it is the SHA-256 of the text made of each file's SHA-256 (64 lowercase hex digits and
/// a line break), the file named first and then each base in turn; so a change to any file of
/// the chain, or a base swapped for another, changes it, and `merge` refuses shards whose chain
/// changed.
package enum ScenarioSourceHash {
    /// The scenario's SHA-256, as described above; of no bytes for a scenario without a source.
    package static func hexDigest(of source: ScenarioSource?) -> String {
        guard let source else { return SHA256.hexDigest([UInt8]()) }
        guard !source.bases.isEmpty else { return SHA256.hexDigest(source.bytes) }
        let text = source.chain.map { SHA256.hexDigest($0.bytes) + "\n" }.joined()
        return SHA256.hexDigest(Array(text.utf8))
    }

    /// Each file of the chain with its SHA-256, for `run.json`; nil for a file that extends none.
    package static func chain(of source: ScenarioSource?) -> [RunProvenance.ChainFile]? {
        guard let source, !source.bases.isEmpty else { return nil }
        return source.chain.map { RunProvenance.ChainFile(path: $0.path, sha256: SHA256.hexDigest($0.bytes)) }
    }
}
