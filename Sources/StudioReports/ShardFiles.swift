import Foundation
public import StudioScenario
public import StudioSimulation

/// The files a shard leaves for `studio-forecast merge`: `shard.json` (what the shard ran and
/// each block's moments) and, when replications are kept, `replications.csv` (every
/// replication's values, one row each).
public enum ShardFiles {
    /// What a shard ran, read back from `shard.json`.
    public struct Manifest: Sendable {
        /// The scenario file's path and SHA-256.
        public var scenarioPath: String
        /// SHA-256 of the scenario file.
        public var scenarioSHA256: String
        /// The run's seed, generator, layout and replications.
        public var seed: UInt64
        /// The generator.
        public var generator: String
        /// The stream layout.
        public var layout: String
        /// All replications of the run.
        public var replications: Int
        /// This shard (1-based) and the number of shards.
        public var shard: Int
        /// The number of shards.
        public var shards: Int
        /// The shard's blocks.
        public var blocks: [ShardRunner.Block]
    }

    /// `shard.json`.
    public static func manifestJSON(
        _ result: ShardRunner.Result, scenario: Scenario, path: String, sha256: String, layout: StreamLayout, shard: Int,
        shards: Int
    ) -> String {
        // Moments are written as strings: Swift reads a shortest decimal back to the same bits,
        // which a JSON reader's numbers need not do.
        func number(_ value: Double) -> String { value.isFinite ? "\"\(PlainNumber.format(value))\"" : "null" }
        let blocks = result.blocks.map { block in
            let cells = block.moments.map { "[" + $0.map(number).joined(separator: ",") + "]" }.joined(separator: ",")
            return "{\"first\":\(block.replications.lowerBound),\"end\":\(block.replications.upperBound),\"cells\":[\(cells)]}"
        }
        let escapedPath = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return """
            {"tool":"studio-forecast","scenario_path":"\(escapedPath)","scenario_sha256":"\(sha256)",\
            "seed":\(scenario.simulation.seed),"generator":"\(scenario.simulation.generator)","layout":"\(layout.rawValue)",\
            "replications":\(scenario.simulation.replications),"shard":\(shard),"shards":\(shards),
            "blocks":[\(blocks.joined(separator: ",\n"))]}

            """
    }

    /// Reads `shard.json`.
    ///
    /// - Throws: ``ShardFileError`` naming the file when it is not a shard manifest.
    public static func readManifest(path: String) throws(ShardFileError) -> Manifest {
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let scenarioPath = object["scenario_path"] as? String, let sha = object["scenario_sha256"] as? String,
            let seed = (object["seed"] as? NSNumber)?.uint64Value, let generator = object["generator"] as? String,
            let layout = object["layout"] as? String, let replications = object["replications"] as? Int,
            let shard = object["shard"] as? Int, let shards = object["shards"] as? Int,
            let blockObjects = object["blocks"] as? [[String: Any]]
        else { throw ShardFileError(path: path, message: "not a shard manifest written by run --shard") }
        var blocks: [ShardRunner.Block] = []
        for block in blockObjects {
            guard let first = block["first"] as? Int, let end = block["end"] as? Int, let cells = block["cells"] as? [[Any]]
            else { throw ShardFileError(path: path, message: "a block is malformed") }
            let moments = cells.map { cell in
                cell.enumerated().map { index, value -> Double in
                    if let text = value as? String, let number = Double(text) { return number }
                    return index == 4 ? .infinity : -.infinity  // an empty cell's extremes
                }
            }
            blocks.append(ShardRunner.Block(replications: first..<end, moments: moments))
        }
        return Manifest(
            scenarioPath: scenarioPath, scenarioSHA256: sha, seed: seed, generator: generator, layout: layout,
            replications: replications, shard: shard, shards: shards, blocks: blocks)
    }

    /// `replications.csv`: a `replication` column, then one column per cell: `<year>/<metric>` for
    /// the year metrics and `cohort <year>/<age>/<metric>` for the cohort metrics; a missing value
    /// is empty.
    public static func replicationsCSV(_ values: [(replication: Int, values: [Double])], scenario: Scenario) -> String {
        let catalog = MetricCatalog(scenario: scenario)
        var header = ["replication"]
        for year in scenario.years { header += catalog.yearMetrics.map { "\(year)/\($0)" } }
        for cohort in scenario.years {
            for age in 1...scenario.horizonYears { header += catalog.cohortMetrics.map { "cohort \(cohort)/\(age)/\($0)" } }
        }
        var lines = [header.joined(separator: ",")]
        for row in values {
            lines.append(([String(row.replication)] + row.values.map(PlainNumber.format)).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads `replications.csv` into each replication's values.
    ///
    /// - Throws: ``ShardFileError`` naming the file and row when a row is malformed.
    public static func readReplications(path: String, cells: Int) throws(ShardFileError) -> [(Int, [Double])] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShardFileError(path: path, message: "cannot read the file")
        }
        var rows: [(Int, [Double])] = []
        for (offset, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst().enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == cells + 1, let replication = Int(fields[0]) else {
                throw ShardFileError(path: path, message: "row \(offset + 1): expected a replication and \(cells) values")
            }
            rows.append((replication, fields.dropFirst().map { $0.isEmpty ? .nan : Double($0) ?? .nan }))
        }
        return rows
    }
}

/// A shard's file cannot be used.
public struct ShardFileError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What is wrong.
    public var message: String

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
