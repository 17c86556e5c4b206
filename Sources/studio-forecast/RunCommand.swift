public import ArgumentParser
import Foundation
import StudioReports
import StudioScenario
import StudioSimulation

extension Forecast.Method: ExpressibleByArgument {}

/// `studio-forecast run [SCENARIO]`: forecasts a scenario and writes the output files.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Forecast a scenario and write forecast.csv, summary.csv, cohorts.csv and run.json.")

    @OptionGroup var input: ScenarioInput
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var spreadsheet: SpreadsheetOptions

    @Flag(help: "Show no progress bar.")
    var quiet = false

    @Option(help: "The language of report.html: zh (Chinese) or en (English).")
    var lang: ScenarioExplanation.Language = .zh

    @Option(help: "montecarlo (GSL replications) or exact (expected values, no sampling).")
    var method: Forecast.Method = .montecarlo

    @Option(help: "Add replications in batches until the relative MCSE of the period's mean net outflow is at most this (for example 0.001).")
    var precision: Double?

    @Option(help: "With --precision, the most replications to run.")
    var maxReplications: Int = 1_000_000

    @Option(help: "Run only the I-th of N slices of the replications (I/N, such as 2/8), for merge.")
    var shard: String?

    @Flag(help: "Also write replications.csv, every replication's values (with --shard: exact percentiles after merge).")
    var keepReplications = false

    @Option(help: "The output folder. Default: out/<scenario name>/.")
    var out: String?

    @Flag(help: "Replace the files of a non-empty output folder.")
    var force = false

    func validate() throws {
        try ForecastOutput.validate(out: out)
        if let precision, !(precision > 0 && precision < 1) {
            throw ValidationError("--precision \(precision) must be between 0 and 1, such as 0.001")
        }
        if !(1...SimulationSettings.maximumReplications).contains(maxReplications) {
            throw ValidationError("--max-replications \(maxReplications) is out of range 1...\(SimulationSettings.maximumReplications)")
        }
        if precision != nil && method == .exact { throw ValidationError("--precision applies to --method montecarlo") }
        if let shard {
            guard let (index, count) = Self.parseShard(shard) else {
                throw ValidationError("--shard \(shard): expected I/N with 1 ≤ I ≤ N, such as 2/8")
            }
            _ = (index, count)
            if precision != nil || method == .exact { throw ValidationError("--shard applies to a fixed Monte Carlo run") }
        }
        if keepReplications && (precision != nil || method == .exact) {
            throw ValidationError("--keep-replications applies to a fixed Monte Carlo run")
        }
    }

    /// `I/N` as (I, N), when 1 ≤ I ≤ N.
    static func parseShard(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), 1 <= index, index <= count else {
            return nil
        }
        return (index, count)
    }

    func run() throws {
        let scenario = simulation.apply(to: try input.load())
        let folder = try ForecastOutput.folder(out, default: scenario.name, force: force)
        let started = Date()
        let threads = simulation.threadCount
        if shard != nil || keepReplications {
            try runShard(scenario, folder: folder, threads: threads, started: started)
            return
        }
        let forecast: Forecast
        switch method {
        case .montecarlo:
            let engine = MonteCarloEngine(scenario: scenario)
            let bar = ProgressBar(
                total: precision == nil ? scenario.simulation.replications : maxReplications, quiet: quiet)
            if let precision {
                forecast = try PrecisionTarget(engine: engine, relativeMCSE: precision, maxReplications: maxReplications)
                    .run(threads: threads, progress: bar.update)
            } else {
                forecast = try engine.run(threads: threads, progress: bar.update)
            }
            bar.finish()
        case .exact:
            do {
                forecast = try ExactEvaluator(scenario: scenario).evaluate()
            } catch {
                printError("\(input.path): \(error)")
                throw ExitCode(1)
            }
        }
        let provenance = try ForecastOutput.provenance(
            scenario: scenario, path: input.path, method: method.rawValue, replications: forecast.replications,
            threads: method == .exact ? 1 : threads, started: started)
        try ForecastOutput.write(
            ForecastOutput.files(forecast, spreadsheet: spreadsheet) + [provenance, report(forecast, scenario)], to: folder,
            force: force)
        let how =
            method == .exact
            ? "exact expectations"
            : "\(forecast.replications) replications, seed \(scenario.simulation.seed), \(scenario.simulation.generator)"
        print("\(scenario.name): \(how)\n")
        print(ForecastTable(forecast: forecast, budget: scenario.budget).render())
        print("Wrote forecast.csv, summary.csv, cohorts.csv, run.json and report.html to \(folder.path)/")
    }

    /// `report.html` for a forecast of `scenario`.
    private func report(_ forecast: Forecast, _ scenario: Scenario) -> (name: String, contents: String) {
        ("report.html", HTMLReport(forecast: forecast, scenario: scenario, language: lang).render())
    }

    /// A slice of the replications (or all of them) with what merge needs. Kept replications
    /// stream to a temporary file in the output folder as the blocks finish.
    private func runShard(_ scenario: Scenario, folder: OutputDirectory, threads: Int, started: Date) throws {
        let (index, count) = shard.flatMap(Self.parseShard) ?? (1, 1)
        let total = scenario.simulation.replications
        let blockCount = ShardRunner.blockCount(total: total)
        guard count <= blockCount else {
            throw ArgumentError(
                description: "--shard \(index)/\(count): \(total) replications make \(blockCount) blocks of "
                    + "\(MonteCarloEngine.blockSize), so at most \(blockCount) shards; give fewer shards or more replications")
        }
        let replications = keepReplications ? try ReplicationsFile(scenario: scenario, in: folder) : nil
        let rows: ShardRunner.RowEncoder? = keepReplications ? { @Sendable rows in ReplicationsFile.rows(rows) } : nil
        let result: ShardRunner.Result
        do {
            result = try ShardRunner(engine: MonteCarloEngine(scenario: scenario)).run(
                shard: index, of: count, threads: threads, rows: rows, write: { data in replications?.append(data) })
        } catch {
            replications?.discard()
            throw error
        }
        var files = ForecastOutput.files(result.forecast, spreadsheet: spreadsheet) + [report(result.forecast, scenario)]
        files.append(
            try ForecastOutput.provenance(
                scenario: scenario, path: input.path, method: "montecarlo", replications: result.forecast.replications,
                threads: threads, started: started))
        let manifest = ShardManifest(
            scenarioPath: input.path, scenarioSHA256: ScenarioSourceHash.hexDigest(of: scenario.source), seed: scenario.simulation.seed,
            generator: scenario.simulation.generator, replications: total, shard: index,
            shards: count, blocks: result.blocks)
        var placed: [(name: String, temporaryPath: String)] = []
        do {
            files.append((ShardManifest.fileName, String(decoding: try manifest.encoded(), as: UTF8.self)))
            if let replications { placed.append((ReplicationsFile.name, try replications.finish())) }
        } catch {
            replications?.discard()
            printError("\(error)")
            throw ExitCode(1)
        }
        try folder.write(files, placing: placed, force: force)
        let range = ShardRunner.replications(shard: index, of: count, total: total)
        print(
            "\(scenario.name): shard \(index)/\(count), replications \(range.lowerBound + 1)–\(range.upperBound) of "
                + "\(total)\n")
        print(ForecastTable(forecast: result.forecast, budget: scenario.budget).render())
        print("Wrote \((files.map(\.name) + placed.map(\.name)).joined(separator: ", ")) to \(folder.path)/")
    }
}
