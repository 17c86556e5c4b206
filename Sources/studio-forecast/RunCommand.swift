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

    @Option(help: "montecarlo (GSL replications) or exact (expected values, no sampling).")
    var method: Forecast.Method = .montecarlo

    @Option(help: "The output folder. Default: out/<scenario name>/.")
    var out: String?

    @Flag(help: "Replace the files of a non-empty output folder.")
    var force = false

    func run() throws {
        let scenario = simulation.apply(to: try input.load())
        let folder = OutputDirectory(path: out ?? "out/\(scenario.name)")
        if folder.isNonEmpty && !force {
            printError(OutputError.notEmpty(folder.path).description)
            throw ExitCode(1)
        }
        let started = Date()
        let forecast: Forecast
        let threads = simulation.threadCount
        switch method {
        case .montecarlo:
            forecast = try MonteCarloEngine(scenario: scenario).run(threads: threads)
        case .exact:
            do {
                forecast = try ExactEvaluator(scenario: scenario).evaluate()
            } catch {
                printError("\(input.path): \(error)")
                throw ExitCode(1)
            }
        }
        let finished = Date()
        let bytes = FileManager.default.contents(atPath: input.path) ?? Data()
        let provenance = RunProvenance(
            toolVersion: StudioForecastCommand.version, scenarioName: scenario.name, scenarioPath: input.path,
            scenarioSHA256: SHA256.hexDigest(bytes), method: method.rawValue, seed: scenario.simulation.seed,
            generator: scenario.simulation.generator, gslVersion: GSLLibrary.version,
            replications: forecast.replications, threads: method == .exact ? 1 : threads, startedAt: started,
            finishedAt: finished)
        let files = ForecastFiles(forecast: forecast)
        do {
            try folder.write(
                [
                    ("forecast.csv", files.forecastCSV()), ("summary.csv", files.summaryCSV()),
                    ("cohorts.csv", files.cohortsCSV()), ("run.json", provenance.json()),
                ], force: force)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        let how =
            method == .exact
            ? "exact expectations"
            : "\(forecast.replications) replications, seed \(scenario.simulation.seed), \(scenario.simulation.generator)"
        print("\(scenario.name): \(how)\n")
        print(ForecastTable(forecast: forecast).render())
        print("Wrote forecast.csv, summary.csv, cohorts.csv and run.json to \(folder.path)/")
    }
}
