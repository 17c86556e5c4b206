import ArgumentParser
import Foundation
import StudioForecast

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
        try OutputFolder.validate(out: out)
    }

    func run() throws {
        // A named output folder is checked before the shards are read.
        let named = try out.map { try ForecastFolder.prepare($0, default: "", force: force) }
        let merge = try ShardMerge(folders: folders)
        let first = merge.manifest
        let scenario = try merge.scenario()
        let folder = try named ?? ForecastFolder.prepare(nil, default: "\(scenario.name)-merged", force: force)
        let started = Date()
        let exact = merge.isExact
        let forecast = try merge.forecast(of: scenario)
        let provenance = RunProvenance(
            scenario: scenario, path: first.scenarioPath, method: .montecarlo, replications: forecast.replications,
            threads: 1, started: started)
        try ForecastFolder(merged: forecast, of: scenario, provenance: provenance).write(to: folder, force: force)
        print("\(scenario.name): \(first.shards) shards, \(forecast.replications) replications merged"
            + (exact ? "" : " (no replications.csv: percentiles left out)") + "\n")
        print(ForecastTable(forecast: forecast, budget: scenario.budget).render())
        print("Wrote forecast.csv, summary.csv, cohorts.csv and run.json to \(folder.path)/")
    }
}
