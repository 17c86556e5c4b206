public import ArgumentParser
import Foundation
import StudioReports
import StudioScenario
import StudioSimulation

extension Forecast.Method: ExpressibleByArgument {}
extension StreamLayout: ExpressibleByArgument {}

/// `studio-forecast run [SCENARIO]`: forecasts a scenario and writes the output files.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Forecast a scenario and write forecast.csv, summary.csv, cohorts.csv and run.json.")

    @OptionGroup var input: ScenarioInput
    @OptionGroup var simulation: SimulationOptions

    @Option(help: "montecarlo (GSL replications) or exact (expected values, no sampling).")
    var method: Forecast.Method = .montecarlo

    @Option(help: "How draws are laid out: sequential (fastest) or keyed (common random numbers, as compare uses).")
    var layout: StreamLayout = .sequential

    @Option(help: "Add replications in batches until the relative MCSE of the period's mean net outflow is at most this (for example 0.001).")
    var precision: Double?

    @Option(help: "With --precision, the most replications to run.")
    var maxReplications: Int = 1_000_000

    @Option(help: "The output folder. Default: out/<scenario name>/.")
    var out: String?

    @Flag(help: "Replace the files of a non-empty output folder.")
    var force = false

    func validate() throws {
        if let precision, !(precision > 0 && precision < 1) {
            throw ValidationError("--precision \(precision) must be between 0 and 1, such as 0.001")
        }
        if !(1...SimulationSettings.maximumReplications).contains(maxReplications) {
            throw ValidationError("--max-replications \(maxReplications) is out of range 1...\(SimulationSettings.maximumReplications)")
        }
        if precision != nil && method == .exact { throw ValidationError("--precision applies to --method montecarlo") }
    }

    func run() throws {
        let scenario = simulation.apply(to: try input.load())
        let folder = OutputDirectory(path: out ?? "out/\(scenario.name)")
        try ForecastOutput.checkEmpty(folder, force: force)
        let started = Date()
        let forecast: Forecast
        let threads = simulation.threadCount
        switch method {
        case .montecarlo:
            let engine = MonteCarloEngine(scenario: scenario, layout: layout)
            if let precision {
                forecast = try PrecisionTarget(engine: engine, relativeMCSE: precision, maxReplications: maxReplications)
                    .run(threads: threads)
            } else {
                forecast = try engine.run(threads: threads)
            }
        case .exact:
            do {
                forecast = try ExactEvaluator(scenario: scenario).evaluate()
            } catch {
                printError("\(input.path): \(error)")
                throw ExitCode(1)
            }
        }
        let provenance = ForecastOutput.provenance(
            scenario: scenario, path: input.path, method: method.rawValue, replications: forecast.replications,
            threads: method == .exact ? 1 : threads, started: started)
        try ForecastOutput.write(ForecastOutput.files(forecast) + [provenance], to: folder, force: force)
        let how =
            method == .exact
            ? "exact expectations"
            : "\(forecast.replications) replications, seed \(scenario.simulation.seed), \(scenario.simulation.generator)"
        print("\(scenario.name): \(how)\n")
        print(ForecastTable(forecast: forecast).render())
        print("Wrote forecast.csv, summary.csv, cohorts.csv and run.json to \(folder.path)/")
    }
}
