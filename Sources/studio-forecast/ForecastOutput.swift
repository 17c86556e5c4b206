import ArgumentParser
import Foundation
import StudioReports
import StudioScenario
import StudioSimulation

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
    ) throws -> (name: String, contents: String) {
        // The hash is of the bytes the scenario (and every file it extends) was parsed from; the
        // files are not read again.
        let record = RunProvenance(
            toolVersion: StudioForecastCommand.version, scenarioName: scenario.name, scenarioPath: path,
            scenarioSHA256: ScenarioSourceHash.hexDigest(of: scenario.source), method: method, seed: scenario.simulation.seed,
            generator: scenario.simulation.generator, gslVersion: GSLLibrary.version, replications: replications,
            threads: threads, startedAt: started, finishedAt: Date(),
            scenarioChain: ScenarioSourceHash.chain(of: scenario.source))
        return ("run.json", String(decoding: try record.encoded(), as: UTF8.self))
    }

    /// Writes `files` to `folder`.
    /// - Throws: ``OutputError`` when it cannot (reported, exit 1, by the entry point).
    static func write(_ files: [(name: String, contents: String)], to folder: OutputDirectory, force: Bool) throws {
        try folder.write(files, force: force)
    }

    /// The output folder, `out` when given and otherwise `out/<leaf>` (checked to lie inside
    /// `out/`), after checking before any work is done that it can be written. A folder left by
    /// a killed run is restored to one complete set first.
    /// - Throws: ``OutputError`` when the folder cannot be used (reported, exit 1, by the entry point).
    static func folder(_ out: String?, default leaf: @autoclosure () -> String, force: Bool) throws -> OutputDirectory {
        let folder: OutputDirectory
        if let out {
            folder = OutputDirectory(path: out)
        } else {
            folder = try OutputDirectory.defaultFolder(leaf())
        }
        try folder.prepare(force: force)
        return folder
    }

    /// Refuses an empty `--out` as a bad argument (exit 64).
    static func validate(out: String?) throws {
        if let out, out.isEmpty { throw refuseArgument("--out: the output folder's name is empty; name a folder") }
    }
}
