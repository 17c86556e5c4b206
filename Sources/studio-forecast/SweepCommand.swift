import ArgumentParser
import Foundation
import StudioForecast

/// `studio-forecast sweep SCENARIO --set KEY=V1,V2,...`: the scenario at each value (a grid with
/// two `--set`), on common random numbers.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario at each value of one or two key paths, on common random numbers, into sweep.csv.",
        discussion: """
            Examples: --set quota.per_year=4,5,6,8  --set selection.shortlist_score=75,80,85 \
            --set 'programme.tranche_shares=[0.3,0.3,0.4],[0.5,0.5]' \
            --set 'quota.per_year=5,{2026: 5, 2028: 8}' (a schedule by year). Two --set options make a grid. \
            Every grid point runs with the scenario's replications, seed and generator; sweep.csv has \
            one row per point and year, with the key metrics and the paired change of the cumulative \
            net outflow against the first point.
            """)

    @OptionGroup var input: ScenarioInput
    @OptionGroup var simulation: SimulationOptions

    @Option(name: .customLong("set"), help: "KEY=V1,V2,... : a key path and its values (one or two --set).")
    var settings: [String] = []

    @Option(help: "The output folder. Default: out/sweep-<scenario name>/.")
    var out: String?

    @Option(help: "The language of sweep.xlsx: zh (Chinese) or en (English).")
    var lang: ScenarioExplanation.Language = .zh

    @Flag(help: "Replace the files of a non-empty output folder.")
    var force = false

    @Flag(help: "Show no progress bar.")
    var quiet = false

    func validate() throws {
        try OutputFolder.validate(out: out)
        guard (1...SweepGrid.maximumKeys).contains(settings.count) else {
            throw refuseArgument("give one or two --set KEY=V1,V2,...")
        }
        do {
            _ = try SweepGrid(settings)
        } catch {
            throw refuseArgument("--set" + (error.setting.map { " \($0)" } ?? "") + ": \(error)")
        }
    }

    func run() throws {
        let grid = try SweepGrid(settings)
        let base = try input.load()
        let scenarios = try grid.scenarios(of: base, settings: simulation.apply)
        let folder = try ForecastFolder.prepare(out, default: "sweep-\(base.name)", force: force)
        let started = Date()
        let bar = ProgressBar(total: scenarios[0].simulation.replications, quiet: quiet)
        let comparison = try SweepGrid.run(scenarios, threads: simulation.threadCount, progress: bar.update)
        bar.finish()
        let provenance = RunProvenance(
            scenario: scenarios[0], path: input.path, method: .sweep, replications: comparison.forecasts[0].replications,
            threads: simulation.threadCount, started: started)
        try ForecastFolder(sweep: comparison, grid: grid, scenario: base, provenance: provenance, language: lang)
            .write(to: folder, force: force)
        print("\(base.name): \(comparison.forecasts[0].replications) replications a point, common random numbers\n")
        print(SweepTable(sweep: comparison, grid: grid, scenario: base).render())
        print("Wrote sweep.csv, sweep.xlsx and run.json to \(folder.path)/")
    }
}
