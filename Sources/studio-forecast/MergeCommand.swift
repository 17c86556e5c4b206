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
            otherwise they are left out. Every shard must come from the same scenario file, seed, \
            generator and layout, and all N shards must be given.
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
        if out != nil { _ = try ForecastOutput.folder(out, default: "", force: force) }
        var manifests: [ShardFiles.Manifest] = []
        for folder in folders {
            do {
                manifests.append(try ShardFiles.readManifest(path: (folder as NSString).appendingPathComponent("shard.json")))
            } catch {
                printError(error.description)
                throw ExitCode(1)
            }
        }
        manifests.sort { $0.shard < $1.shard }
        let first = manifests[0]
        for manifest in manifests where
            manifest.scenarioSHA256 != first.scenarioSHA256 || manifest.seed != first.seed
            || manifest.generator != first.generator || manifest.layout != first.layout
            || manifest.replications != first.replications || manifest.shards != first.shards
        {
            printError("shard \(manifest.shard) was not run like shard \(first.shard): scenario, seed, generator, layout and replications must match")
            throw ExitCode(1)
        }
        guard manifests.map(\.shard) == Array(1...first.shards) else {
            printError("give every shard 1...\(first.shards) once; found \(manifests.map(\.shard))")
            throw ExitCode(1)
        }
        let bytes = FileManager.default.contents(atPath: first.scenarioPath) ?? Data()
        guard SHA256.hexDigest(bytes) == first.scenarioSHA256 else {
            printError("\(first.scenarioPath): the scenario file is missing or has changed since the shards ran")
            throw ExitCode(1)
        }
        let scenario = try ScenarioInput(scenario: first.scenarioPath).load().with {
            $0.simulation = SimulationSettings(replications: first.replications, seed: first.seed, generator: first.generator)
        }
        let folder = try ForecastOutput.folder(out, default: "\(scenario.name)-merged", force: force)
        let started = Date()
        let blocks = manifests.flatMap(\.blocks)
        let cells = MonteCarloEngine(scenario: scenario).cellCount
        let replicationFiles = folders.map { ($0 as NSString).appendingPathComponent("replications.csv") }
        var values: [[Double]]?
        if replicationFiles.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            var all = Array(repeating: [Double](), count: first.replications)
            for file in replicationFiles {
                do {
                    for (replication, row) in try ShardFiles.readReplications(path: file, cells: cells) { all[replication] = row }
                } catch {
                    printError(error.description)
                    throw ExitCode(1)
                }
            }
            values = all
        }
        let forecast = ShardRunner.merge(scenario: scenario, blocks: blocks, values: values)
        try ForecastOutput.write(
            ForecastOutput.files(forecast) + [
                ForecastOutput.provenance(
                    scenario: scenario, path: first.scenarioPath, method: "montecarlo", replications: forecast.replications,
                    threads: 1, started: started)
            ], to: folder, force: force)
        print("\(scenario.name): \(first.shards) shards, \(forecast.replications) replications merged"
            + (values == nil ? " (no replications.csv: percentiles left out)" : "") + "\n")
        print(ForecastTable(forecast: forecast).render())
        print("Wrote forecast.csv, summary.csv, cohorts.csv and run.json to \(folder.path)/")
    }
}
