import Foundation

/// The folders of `run --shard I/N`, read and checked, combined into the forecast a single run
/// gives (DESIGN.md, "Shards").
///
/// Means, sd, MCSE, extremes and counts are bit-identical to a single run. Percentiles are
/// exact, and the files identical, when every shard kept its replications
/// (`replications.csv`); otherwise they are left out.
public struct ShardMerge: Sendable {
    /// Each shard's `shard.json` path and manifest, in shard order.
    public let shards: [(file: String, manifest: ShardManifest)]

    /// Reads every folder's `shard.json` and checks that together they are the N shards of one run.
    ///
    /// - Parameter folders: the shards' output folders, in any order.
    /// - Throws: `ShardError` naming the file and the key of the first problem.
    public init(folders: [String]) throws(ShardError) {
        var read: [(file: String, manifest: ShardManifest)] = []
        for folder in folders {
            let file = (folder as NSString).appendingPathComponent(ShardManifest.fileName)
            read.append((file, try ShardManifest.read(path: file)))
        }
        shards = try ShardManifest.ordered(read)
        guard !shards.isEmpty else {
            throw .manifest(file: ShardManifest.fileName, keyPath: "", message: "no shard given")
        }
    }

    /// The first shard's manifest: the scenario file, seed, generator and replications every shard shares.
    public var manifest: ShardManifest { shards[0].manifest }

    /// Whether every shard kept its replications, so the merged percentiles are exact.
    public var isExact: Bool {
        shards.allSatisfy { FileManager.default.fileExists(atPath: Self.replicationsPath(besides: $0.file)) }
    }

    /// Checks that the scenario file the shards ran is still there, with the same bytes.
    ///
    /// - Returns: the file's bytes, read once, for the scenario to be parsed from.
    /// - Throws: `ShardError` naming the scenario file when it is missing or has changed.
    @discardableResult
    package func checkScenarioFile() throws(ShardError) -> ScenarioSource {
        let path = manifest.scenarioPath
        // The files are read once: the bytes checked against the shards' hash (of the scenario
        // and every file it extends) are the bytes parsed.
        let source = try? ScenarioLoader.readSource(path: path)
        guard let source, ScenarioSourceHash.hexDigest(of: source) == manifest.scenarioSHA256 else {
            throw .manifest(
                file: path, keyPath: "",
                message: source?.bases.isEmpty == false
                    ? "the scenario file or a file it extends is missing or has changed since the shards ran"
                    : "the scenario file is missing or has changed since the shards ran")
        }
        return source
    }

    /// The scenario the shards ran: the scenario file they recorded (checked to be unchanged,
    /// against the hash they recorded) and parsed from the bytes checked, with the replications, seed and
    /// generator the shards ran (``settings(of:)``).
    ///
    /// - Returns: the scenario to merge the shards of (``forecast(of:)``).
    /// - Throws: `ShardError` naming the scenario file when it is missing or has changed since
    ///   the shards ran; `ScenarioErrors` listing every problem of a file that no longer validates.
    public func scenario() throws -> Scenario {
        let source = try checkScenarioFile()
        return settings(of: try ScenarioLoader(knownGenerators: GSLLibrary.generatorNames).load(source: source))
    }

    /// `scenario` with the replications, seed and generator the shards ran.
    ///
    /// - Parameter scenario: the scenario read from `ShardManifest/scenarioPath`.
    /// - Returns: the scenario as the shards ran it.
    public func settings(of scenario: Scenario) -> Scenario {
        scenario.with {
            $0.simulation = SimulationSettings(
                replications: manifest.replications, seed: manifest.seed, generator: manifest.generator)
        }
    }

    /// Combines the shards of `scenario` (as ``settings(of:)`` gives it) into one forecast:
    /// from every shard's `replications.csv` when ``isExact``, from its blocks otherwise.
    ///
    /// - Parameter scenario: the scenario the shards ran.
    /// - Returns: the forecast a single run gives.
    /// - Throws: `ShardError` naming the file and the key or line of the first damaged value.
    public func forecast(of scenario: Scenario) throws(ShardError) -> Forecast {
        var merger = ShardMerger(scenario: scenario)
        for (file, manifest) in shards { try manifest.checkCells(merger.cellCount, file: file) }
        if isExact {
            let header = ReplicationsFile.header(scenario: scenario)
            for (file, manifest) in shards {
                let path = Self.replicationsPath(besides: file)
                merger.expect(manifest.blocks)
                try ReplicationsReader.read(path: path, header: header, replications: manifest.range) {
                    row throws(ShardError) in
                    do {
                        try merger.add(replication: row.replication, values: row.values)
                    } catch let error as ShardMerger.OrderError {
                        let column = error.cell.flatMap {
                            header.indices.contains($0 + 1) ? header[$0 + 1] : nil
                        }
                        throw ShardError.replications(
                            file: path, line: row.line,
                            message: "\(error)" + (column.map { ", column \($0)" } ?? ""))
                    } catch {
                        throw ShardError.replications(file: path, line: row.line, message: "\(error)")
                    }
                }
            }
        } else {
            for (file, manifest) in shards {
                for block in manifest.blocks {
                    do {
                        try merger.add(block)
                    } catch {
                        throw ShardError.manifest(file: file, keyPath: "blocks", message: error.description)
                    }
                }
            }
        }
        return merger.forecast()
    }

    /// The `replications.csv` beside a shard's `shard.json`.
    static func replicationsPath(besides file: String) -> String {
        (FilePath.parent(of: file) as NSString).appendingPathComponent(ReplicationsFile.name)
    }
}
