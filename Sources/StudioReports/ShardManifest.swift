package import Foundation
package import StudioSimulation
import StudioScenario

/// `shard.json`: what a shard of `run --shard I/N` ran and each of its blocks' moments, the
/// part of a shard folder that `merge` folds.
///
/// The file is JSON with sorted keys, pretty-printed, so that the same shard gives the same
/// bytes. Moments are written as decimal strings, the shortest that read back to the same
/// `Double` (a JSON reader's numbers need not), and an empty cell's extremes as `null`.
/// ``decode(_:file:)`` trusts nothing it reads: every field is checked by type and range, and
/// every block against the blocks the shard must hold.
public struct ShardManifest: Sendable, Hashable {
    /// The `tool` every manifest names.
    package static let toolName = "studio-forecast"
    /// The file's name in a shard folder.
    package static let fileName = "shard.json"

    /// The scenario file's path as the shard was given it.
    public var scenarioPath: String
    /// SHA-256 of the scenario file, 64 lowercase hex digits.
    package var scenarioSHA256: String
    /// The run's seed.
    package var seed: UInt64
    /// The GSL generator's name.
    package var generator: String
    /// All replications of the run, every shard's together.
    package var replications: Int
    /// This shard, 1-based.
    package var shard: Int
    /// The number of shards.
    public var shards: Int
    /// The shard's blocks, in order.
    package var blocks: [ShardRunner.Block]

    /// Creates a manifest.
    package init(
        scenarioPath: String, scenarioSHA256: String, seed: UInt64, generator: String,
        replications: Int, shard: Int, shards: Int, blocks: [ShardRunner.Block]
    ) {
        self.scenarioPath = scenarioPath
        self.scenarioSHA256 = scenarioSHA256
        self.seed = seed
        self.generator = generator
        self.replications = replications
        self.shard = shard
        self.shards = shards
        self.blocks = blocks
    }

    /// The replications this shard holds.
    package var range: Range<Int> { ShardRunner.replications(shard: shard, of: shards, total: replications) }

    // MARK: - Writing

    /// The file's bytes: JSON, sorted keys, pretty-printed, ending with a line end.
    ///
    /// - Throws: ``ShardError`` naming `file` should the encoder fail, which it does only for
    ///   values this type cannot hold.
    package func encoded(file: String = fileName) throws(ShardError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self) + Data("\n".utf8)
        } catch {
            throw ShardError.manifest(file: file, keyPath: "", message: "cannot be encoded: \(error)")
        }
    }

    // MARK: - Reading

    /// Reads and checks the manifest at `path`.
    ///
    /// - Throws: ``ShardError`` naming `path` when the file cannot be read or is not a valid manifest.
    package static func read(path: String) throws(ShardError) -> ShardManifest {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ShardError.unreadable(file: path, reason: (error as NSError).localizedDescription)
        }
        return try decode(data, file: path)
    }

    /// Decodes and checks a manifest from its bytes; `file` names it in errors.
    ///
    /// Checks, besides the types: `tool`, the SHA-256's form, a generator GSL knows,
    /// replications in 1...``SimulationSettings/maximumReplications``, shards in 1 up to the
    /// run's blocks, the shard in 1...shards, blocks that are exactly the shard's own (in
    /// order, each of whole replications), every block with the same number of cells, and
    /// each cell's moments possible for its block (``CellMoments/problem(replications:)``).
    ///
    /// - Throws: ``ShardError/manifest(file:keyPath:message:)`` for the first problem found.
    package static func decode(_ data: Data, file: String) throws(ShardError) -> ShardManifest {
        let manifest: ShardManifest
        do {
            manifest = try JSONDecoder().decode(ShardManifest.self, from: data)
        } catch let error as DecodingError {
            throw ShardError.manifest(file: file, keyPath: keyPath(of: error), message: message(of: error))
        } catch {
            throw ShardError.manifest(file: file, keyPath: "", message: "not a shard manifest: \(error)")
        }
        try manifest.check(file: file)
        return manifest
    }

    /// Checks the ranges and the blocks of a decoded manifest.
    private func check(file: String) throws(ShardError) {
        func fail(_ keyPath: String, _ message: String) -> ShardError {
            .manifest(file: file, keyPath: keyPath, message: message)
        }
        guard scenarioSHA256.count == 64, scenarioSHA256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw fail("scenario_sha256", "expected 64 lowercase hex digits")
        }
        guard !scenarioPath.isEmpty, !scenarioPath.contains("\0") else {
            throw fail("scenario_path", "expected the scenario file's path")
        }
        guard GSLLibrary.generatorNames.contains(generator) else {
            throw fail("generator", "'\(generator)' is not a GSL generator")
        }
        let maximum = SimulationSettings.maximumReplications
        guard (1...maximum).contains(replications) else {
            throw fail("replications", "\(replications) is outside 1...\(maximum)")
        }
        let blockCount = ShardRunner.blockCount(total: replications)
        guard (1...blockCount).contains(shards) else {
            throw fail(
                "shards",
                "\(shards) is outside 1...\(blockCount) (\(replications) replications make \(blockCount) "
                    + "blocks of \(MonteCarloEngine.blockSize))")
        }
        guard (1...shards).contains(shard) else { throw fail("shard", "\(shard) is outside 1...\(shards)") }
        let expected = ShardRunner.blocks(shard: shard, of: shards, total: replications)
        for (index, block) in blocks.enumerated() {
            let keyPath = "blocks[\(index)]"
            guard index < expected.count else {
                throw fail(
                    keyPath, "shard \(shard) of \(shards) holds \(expected.count) blocks; this one is one too many")
            }
            guard block.replications == expected[index] else {
                throw fail(
                    keyPath,
                    "replications \(block.replications) where shard \(shard) of \(shards) holds \(expected[index])")
            }
            guard block.moments.count == blocks[0].moments.count, !block.moments.isEmpty else {
                throw fail(
                    keyPath + ".cells", "\(block.moments.count) cells where blocks[0] has \(blocks[0].moments.count)")
            }
            for (cell, moments) in block.moments.enumerated() {
                if let problem = moments.problem(replications: block.replications.count) {
                    throw fail("\(keyPath).cells[\(cell)]", problem)
                }
            }
        }
        guard blocks.count == expected.count else {
            let holds = ShardRunner.replications(shard: shard, of: shards, total: replications)
            throw fail(
                "blocks",
                "\(blocks.count) blocks where shard \(shard) of \(shards) holds \(expected.count) (replications \(holds))")
        }
    }

    /// A decoding error's key path, such as `blocks[2].cells[7]`.
    private static func keyPath(of error: DecodingError) -> String {
        let context: DecodingError.Context
        var path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let found), .valueNotFound(_, let found), .dataCorrupted(let found):
            context = found
            path = context.codingPath
        case .keyNotFound(let key, let found):
            context = found
            path = context.codingPath + [key]
        @unknown default:
            return ""
        }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// A decoding error in words.
    private static func message(of error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, _): return "expected \(description(of: type))"
        case .valueNotFound(let type, _): return "expected \(description(of: type)), found null"
        case .keyNotFound: return "missing"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = context.underlyingError.map { " (\(($0 as NSError).localizedDescription))" } ?? ""
                return "not a shard manifest written by run --shard: not valid JSON\(detail)"
            }
            return context.debugDescription
        @unknown default: return "not a shard manifest written by run --shard"
        }
    }

    private static func description(of type: Any.Type) -> String {
        switch type {
        case is Int.Type, is UInt64.Type: return "a whole number"
        case is String.Type: return "a string"
        case is [Any].Type: return "a list"
        default: return "\(type)"
        }
    }
}
