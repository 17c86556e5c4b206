public import ArgumentParser
import Foundation
import StudioForecast

extension Forecast.Method: @retroactive ExpressibleByArgument {}

/// `studio-forecast run [SCENARIO]`: forecasts a scenario and writes the output files.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Forecast a scenario and write forecast.csv, summary.csv, cohorts.csv, run.json, report.html and forecast.xlsx.")

    @OptionGroup var input: ScenarioInput
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var spreadsheet: SpreadsheetOptions

    @Flag(help: "Show no progress bar.")
    var quiet = false

    @Option(help: "The language of report.html and forecast.xlsx: zh (Chinese) or en (English).")
    var lang: ScenarioExplanation.Language = .zh

    @Option(help: "montecarlo (GSL replications) or exact (expected values, no sampling).")
    var method: Forecast.Method = .montecarlo

    @Option(help: "Add replications in batches until the relative MCSE of the period's mean net outflow is at most this (for example 0.001).")
    var precision: Double?

    @Option(help: "With --precision, the most replications to run.")
    var maxReplications: Int = 1_000_000

    @Option(help: "Run only the I-th of N slices of the replications (I/N, such as 2/8), for merge.")
    var shard: String?

    @Flag(help: "Also write replications.csv, every replication's values (with --shard: exact percentiles after merge), and inputs-replications.csv, each replication's drawn uncertain inputs.")
    var keepReplications = false

    @Option(help: "The output folder. Default: out/<scenario name>/.")
    var out: String?

    @Flag(help: "Replace the files of a non-empty output folder.")
    var force = false

    func validate() throws {
        try OutputFolder.validate(out: out)
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
        let folder = try ForecastFolder.prepare(out, default: scenario.name, force: force)
        let started = Date()
        let threads = simulation.threadCount
        if shard != nil || keepReplications {
            try runShard(scenario, folder: folder, threads: threads, started: started)
            return
        }
        let forecast: Forecast
        switch method {
        case .montecarlo:
            let simulation = Simulation(scenario, threads: threads)
            let bar = ProgressBar(
                total: precision == nil ? scenario.simulation.replications : maxReplications, quiet: quiet)
            if let precision {
                forecast = try simulation.run(toRelativeMCSE: precision, maxReplications: maxReplications, progress: bar.update)
            } else {
                forecast = try simulation.run(progress: bar.update)
            }
            bar.finish()
        case .exact:
            do {
                forecast = try Simulation(scenario).expectations()
            } catch {
                throw ScenarioRunError(file: input.path, problem: error)
            }
        }
        let provenance = RunProvenance(
            scenario: scenario, path: input.path, method: RunMethod(method), replications: forecast.replications,
            threads: method == .exact ? 1 : threads, started: started)
        let files = try ForecastFolder(
            run: forecast, of: scenario, provenance: provenance, language: lang, format: spreadsheet.format)
        try files.write(to: folder, force: force)
        let how =
            method == .exact
            ? "exact expectations"
            : "\(forecast.replications) replications, seed \(scenario.simulation.seed), \(scenario.simulation.generator)"
        print("\(scenario.name): \(how)\n")
        print(ForecastTable(forecast: forecast, budget: scenario.budget).render())
        let also = files.uncertainInputFileNames.map { ", " + $0 }.joined()
        print("Wrote forecast.csv, summary.csv, cohorts.csv\(also), run.json, report.html and forecast.xlsx to \(folder.path)/")
    }

    /// A slice of the replications (or all of them) with what merge needs (``ShardRun``).
    private func runShard(_ scenario: Scenario, folder: OutputDirectory, threads: Int, started: Date) throws {
        let (index, count) = shard.flatMap(Self.parseShard) ?? (1, 1)
        let slice = try ShardRun(scenario: scenario, path: input.path, shard: index, of: count)
        let output = try slice.run(threads: threads, keepingReplications: keepReplications, in: folder)
        let provenance = RunProvenance(
            scenario: scenario, path: input.path, method: .montecarlo, replications: output.forecast.replications,
            threads: threads, started: started)
        let files = try ForecastFolder(
            shard: output, of: slice, provenance: provenance, language: lang, format: spreadsheet.format)
        try files.write(to: folder, force: force)
        let range = slice.replications
        print(
            "\(scenario.name): shard \(index)/\(count), replications \(range.lowerBound + 1)–\(range.upperBound) of "
                + "\(scenario.simulation.replications)\n")
        print(ForecastTable(forecast: output.forecast, budget: scenario.budget).render())
        print("Wrote \(files.fileNames.joined(separator: ", ")) to \(folder.path)/")
    }
}
