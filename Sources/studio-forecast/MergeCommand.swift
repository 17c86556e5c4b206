import ArgumentParser
import Foundation
import StudioReports
import StudioScenario
import StudioSimulation

/// `studio-forecast merge DIR...`: combines the folders of `run --shard I/N` into the files a
/// single run gives.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the output folders of run --shard I/N into the files a single run gives.",
        discussion: """
            Means, sd, MCSE, extremes and counts are bit-identical to a single run. Percentiles are \
            exact, and the files identical, when every shard was run with --keep-replications; \
            otherwise they are left out. Every shard must come from the same scenario file, seed \
            and generator, and all N shards must be given. Every file read is checked; a \
            damaged one is named, with the key or line, and nothing is written.
            """)

    @Argument(help: "The shards' output folders.")
    var folders: [String]

    @Option(help: "The output folder. Default: out/<scenario name>-merged/.")
    var out: String?

    @Flag(help: "Replace the files of a non-empty output folder.")
    var force = false

    func validate() throws {
        try ForecastOutput.validate(out: out)
    }

    func run() throws {
        // A named output folder is checked before the shards are read.
        let named = try out.map { _ in try ForecastOutput.folder(out, default: "", force: force) }
        var read: [(file: String, manifest: ShardManifest)] = []
        for folder in folders {
            let file = (folder as NSString).appendingPathComponent(ShardManifest.fileName)
            read.append((file, try ShardManifest.read(path: file)))
        }
        let shards = try ShardManifest.ordered(read)
        guard let first = shards.first?.manifest else { throw ExitCode(1) }
        // The files are read once: the bytes checked against the shards' hash (of the scenario
        // and every file it extends) are the bytes parsed.
        let source = try? ScenarioLoader.readSource(path: first.scenarioPath)
        guard let source, ScenarioSourceHash.hexDigest(of: source) == first.scenarioSHA256 else {
            throw ScenarioError(
                file: first.scenarioPath, keyPath: "", line: nil,
                message: source?.bases.isEmpty == false
                    ? "the scenario file or a file it extends is missing or has changed since the shards ran"
                    : "the scenario file is missing or has changed since the shards ran")
        }
        let scenario = try ScenarioInput.load(source: source).with {
            $0.simulation = SimulationSettings(replications: first.replications, seed: first.seed, generator: first.generator)
        }
        var merger = ShardMerger(scenario: scenario)
        let folder = try named ?? ForecastOutput.folder(nil, default: "\(scenario.name)-merged", force: force)
        let started = Date()
        /// The `replications.csv` beside a shard's `shard.json`.
        func replicationsPath(besides file: String) -> String {
            (FilePath.parent(of: file) as NSString).appendingPathComponent(ReplicationsFile.name)
        }
        let exact = shards.allSatisfy { FileManager.default.fileExists(atPath: replicationsPath(besides: $0.file)) }
        // Every problem of a shard's files is a ShardError naming the file and line or key, which
        // the entry point reports (exit 1); the scope only keeps the fold's names together.
        do {
            for (file, manifest) in shards { try manifest.checkCells(merger.cellCount, file: file) }
            if exact {
                let header = ReplicationsFile.header(scenario: scenario)
                for (file, manifest) in shards {
                    let path = replicationsPath(besides: file)
                    merger.expect(manifest.blocks)
                    try ReplicationsReader.read(path: path, header: header, replications: manifest.range) {
                        row throws(ShardError) in
                        do {
                            try merger.add(replication: row.replication, values: row.values)
                        } catch let error as ShardMerger.OrderError {
                            let column = error.cell.flatMap { header.indices.contains($0 + 1) ? header[$0 + 1] : nil }
                            throw ShardError.replications(
                                file: path, line: row.line, message: "\(error)" + (column.map { ", column \($0)" } ?? ""))
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
        }
        let forecast = merger.forecast()
        try ForecastOutput.write(
            ForecastOutput.files(forecast) + [
                try ForecastOutput.provenance(
                    scenario: scenario, path: first.scenarioPath, method: "montecarlo", replications: forecast.replications,
                    threads: 1, started: started)
            ], to: folder, force: force)
        print("\(scenario.name): \(first.shards) shards, \(forecast.replications) replications merged"
            + (exact ? "" : " (no replications.csv: percentiles left out)") + "\n")
        print(ForecastTable(forecast: forecast, budget: scenario.budget).render())
        print("Wrote forecast.csv, summary.csv, cohorts.csv and run.json to \(folder.path)/")
    }
}
