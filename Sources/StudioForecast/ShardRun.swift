import Foundation

/// One slice of a run's replications (`run --shard I/N`) with what `merge` needs: the slice's
/// forecast, its `shard.json`, and, when kept, every replication's values in `replications.csv`
/// (DESIGN.md, "Shards").
///
/// Shard I of N runs the I-th of N runs of whole blocks, each replication drawing the same
/// streams as in a single run, so ``ShardMerge`` gives back the single run's forecast.
public struct ShardRun: Sendable {
    /// The scenario, whose `simulation` settings give the replications, seed and generator.
    public let scenario: Scenario
    /// The scenario file's path as given, recorded in `shard.json`.
    public let path: String
    /// The shard run, from 1.
    public let shard: Int
    /// The number of shards.
    public let shards: Int

    /// What a shard leaves to write: its forecast, `shard.json`, and the files already written
    /// under temporary names of the output folder.
    public struct Output: Sendable {
        /// The forecast of the slice's replications.
        public var forecast: Forecast
        /// The text of `shard.json`.
        public var manifest: String
        /// `replications.csv` when kept: its name and the temporary path it was written to,
        /// to be moved into place with the other files (``ForecastFolder/write(to:placing:force:)``).
        public var placed: [(name: String, temporaryPath: String)]
    }

    /// Shard `shard` of `shards` of a run of `scenario`.
    ///
    /// - Parameters:
    ///   - scenario: the scenario, with the replications, seed and generator of the whole run.
    ///   - path: the scenario file's path as given.
    ///   - shard: the shard to run, 1...`shards`.
    ///   - shards: the number of shards, at most one per block of `MonteCarloEngine.blockSize` replications.
    /// - Throws: ``ShardRunError`` when `shard` is outside 1...`shards`, the replications make
    ///   fewer blocks than `shards`, or a value of the scenario is one no scenario file allows
    ///   (``ShardRunError/invalidScenario(_:)``, see `Scenario.validate()`).
    public init(scenario: Scenario, path: String, shard: Int, of shards: Int) throws(ShardRunError) {
        guard 1 <= shard, shard <= shards else { throw .shardOutOfRange(shard: shard, shards: shards) }
        do {
            try scenario.validate()
        } catch {
            throw .invalidScenario(error)
        }
        let total = scenario.simulation.replications
        let blocks = ShardRunner.blockCount(total: total)
        guard shards <= blocks else {
            throw .tooManyShards(shard: shard, shards: shards, replications: total, blocks: blocks)
        }
        self.scenario = scenario
        self.path = path
        self.shard = shard
        self.shards = shards
    }

    /// The 0-based replications this shard runs.
    public var replications: Range<Int> {
        ShardRunner.replications(shard: shard, of: shards, total: scenario.simulation.replications)
    }

    /// Runs the shard's replications. Kept replications stream, as the blocks finish, to a
    /// temporary file in `folder`, which is removed again if anything fails.
    ///
    /// - Parameters:
    ///   - threads: worker threads.
    ///   - keepingReplications: also write `replications.csv`, every replication's values, so
    ///     that merged percentiles are exact.
    ///   - folder: the output folder, already checked with `OutputDirectory.prepare(force:)`.
    /// - Returns: the forecast, `shard.json` and the kept replications' temporary file.
    /// - Throws: ``ShardRunError`` when the temporary file cannot be written, the generator is
    ///   unknown, or the manifest cannot be encoded.
    public func run(threads: Int, keepingReplications: Bool, in folder: OutputDirectory) throws(ShardRunError)
        -> Output
    {
        let kept: ReplicationsFile?
        do {
            kept = keepingReplications ? try ReplicationsFile(scenario: scenario, in: folder) : nil
        } catch {
            throw .output(error)
        }
        let rows: ShardRunner.RowEncoder? =
            keepingReplications ? { @Sendable rows in ReplicationsFile.rows(rows) } : nil
        let result: ShardRunner.Result
        do {
            result = try ShardRunner(engine: MonteCarloEngine(scenario: scenario)).run(
                shard: shard, of: shards, threads: threads, rows: rows, write: { data in kept?.append(data) })
        } catch {
            kept?.discard()
            throw .unknownGenerator(error)
        }
        // The hash of the bytes the scenario (and every file it extends) was parsed from, as in run.json.
        let manifest = ShardManifest(
            scenarioPath: path, scenarioSHA256: ScenarioSourceHash.hexDigest(of: scenario.source), seed: scenario.simulation.seed,
            generator: scenario.simulation.generator, replications: scenario.simulation.replications,
            shard: shard,
            shards: shards, blocks: result.blocks)
        let text: String
        do {
            text = String(decoding: try manifest.encoded(), as: UTF8.self)
        } catch {
            kept?.discard()
            throw .manifest(error)
        }
        var placed: [(name: String, temporaryPath: String)] = []
        do {
            if let kept { placed.append((ReplicationsFile.name, try kept.finish())) }
        } catch {
            kept?.discard()
            throw .output(error)
        }
        return Output(forecast: result.forecast, manifest: text, placed: placed)
    }
}

/// Why a shard cannot run.
public enum ShardRunError: Error, Sendable, CustomStringConvertible {
    /// The shard is outside 1...shards.
    case shardOutOfRange(shard: Int, shards: Int)
    /// The replications make fewer blocks than shards (`shard` being the one asked for).
    case tooManyShards(shard: Int, shards: Int, replications: Int, blocks: Int)
    /// The kept replications cannot be written in the output folder.
    case output(OutputError)
    /// The scenario's generator is not one GSL knows.
    case unknownGenerator(UnknownGeneratorError)
    /// `shard.json` cannot be encoded.
    case manifest(ShardError)
    /// A value of the scenario is one no scenario file allows (`Scenario.validate()`).
    case invalidScenario(InvalidScenarioError)

    /// One line saying what to change.
    public var description: String {
        switch self {
        case .shardOutOfRange(let shard, let shards):
            return "shard \(shard) of \(shards) is outside 1...\(shards)"
        case .tooManyShards(_, _, let replications, let blocks):
            return "\(replications) replications make \(blocks) blocks of \(MonteCarloEngine.blockSize), "
                + "so at most \(blocks) shards; give fewer shards or more replications"
        case .output(let error): return error.description
        case .unknownGenerator(let error): return error.description
        case .manifest(let error): return error.description
        case .invalidScenario(let error): return error.description
        }
    }
}

extension ShardRunError: StudioForecastError {
    /// The output folder, the generator's key path or `shard.json`; none for the shard asked
    /// for, which is an argument.
    public var location: ProblemLocation {
        switch self {
        case .shardOutOfRange, .tooManyShards: return .none
        case .output(let error): return error.location
        case .unknownGenerator(let error): return error.location
        case .manifest(let error): return error.location
        case .invalidScenario(let error): return error.location
        }
    }

    /// The shard asked for is a bad argument (exit 64); the rest are the run's files and scenario (exit 1).
    public var category: ProblemCategory {
        switch self {
        case .shardOutOfRange, .tooManyShards: return .badArgument
        case .output, .unknownGenerator, .manifest, .invalidScenario: return .badInput
        }
    }

    /// One line; the shard asked for is named first as it is given, `--shard I/N: ...`.
    public var messages: [String] {
        switch self {
        case .shardOutOfRange(let shard, let shards), .tooManyShards(let shard, let shards, _, _):
            return ["--shard \(shard)/\(shards): \(description)"]
        case .output, .unknownGenerator, .manifest, .invalidScenario: return [description]
        }
    }
}
