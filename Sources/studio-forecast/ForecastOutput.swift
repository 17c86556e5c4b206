import ArgumentParser
import Foundation
import StudioForecast

/// The files a forecast is written as, and the provenance shared by every command.
enum ForecastOutput {
    /// `forecast.csv`, `summary.csv` and `cohorts.csv`, under `folder` (empty for the top).
    static func files(
        _ forecast: Forecast, in folder: String = "", spreadsheet: SpreadsheetOptions? = nil
    ) -> [(name: String, contents: String)] {
        let files = ForecastFiles(forecast: forecast)
        let prefix = folder.isEmpty ? "" : folder + "/"
        func csv(_ text: String) -> String { spreadsheet?.csv(text) ?? text }
        return [
            (prefix + "forecast.csv", csv(files.forecastCSV())),
            (prefix + "summary.csv", csv(files.summaryCSV(labels: spreadsheet?.labels ?? .en))),
            (prefix + "cohorts.csv", csv(files.cohortsCSV())),
        ]
    }

    /// `run.json` for a run of `scenario` read from `path`.
    static func provenance(
        scenario: Scenario, path: String, method: String, replications: Int, threads: Int, started: Date
    ) -> (name: String, contents: String) {
        let bytes = FileManager.default.contents(atPath: path) ?? Data()
        let record = RunProvenance(
            toolVersion: StudioForecastCommand.version, scenarioName: scenario.name, scenarioPath: path,
            scenarioSHA256: SHA256.hexDigest(bytes), method: method, seed: scenario.simulation.seed,
            generator: scenario.simulation.generator, gslVersion: GSLLibrary.version, replications: replications,
            threads: threads, startedAt: started, finishedAt: Date())
        return ("run.json", record.json())
    }

    /// Writes `files` to `folder`, or prints why not and exits 1.
    static func write(_ files: [(name: String, contents: String)], to folder: OutputDirectory, force: Bool) throws {
        do {
            try folder.write(files, force: force)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }

    /// The output folder, `out` when given and otherwise `out/<leaf>` (checked to lie inside
    /// `out/`), after checking before any work is done that it can be written: prints why not
    /// and exits 1. A folder left by a killed run is restored to one complete set first.
    static func folder(_ out: String?, default leaf: @autoclosure () -> String, force: Bool) throws -> OutputDirectory {
        do {
            let folder: OutputDirectory
            if let out {
                folder = OutputDirectory(path: out)
            } else {
                folder = try OutputDirectory.defaultFolder(leaf())
            }
            try folder.prepare(force: force)
            return folder
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }

    /// Refuses an empty `--out` as a bad argument (exit 64).
    static func validate(out: String?) throws {
        if let out, out.isEmpty { throw refuseArgument("--out: the output folder's name is empty; name a folder") }
    }
}
