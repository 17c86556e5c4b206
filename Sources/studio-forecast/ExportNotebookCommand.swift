import ArgumentParser
import Foundation
import StudioForecast

/// `studio-forecast export-notebook RUN_DIR`: a copy of the forecast notebook bound to a run's folder.
struct ExportNotebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-notebook",
        abstract: "Write a copy of notebooks-export/forecast.ipynb into a run's folder, bound to it.")

    @Argument(help: "A run's output folder (holding forecast.csv).")
    var runFolder: String

    @Flag(help: "Replace a forecast.ipynb already in the folder.")
    var force = false

    func run() throws {
        let manager = FileManager.default
        let output = OutputDirectory(path: runFolder)
        do {
            // Restores a folder left by a killed run, and checks it can be written, before the notebook is made.
            try output.prepare(force: true)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        guard manager.fileExists(atPath: (runFolder as NSString).appendingPathComponent("forecast.csv")) else {
            printError("\(runFolder): no forecast.csv; give the output folder of a run")
            throw ExitCode(1)
        }
        let template = ForecastNotebook.templatePath
        let folder = URL(fileURLWithPath: runFolder).standardizedFileURL.path
        let notebook: ForecastNotebook
        do {
            notebook = try ForecastNotebook(template: manager.contents(atPath: template) ?? Data(), boundTo: folder)
        } catch {
            printError("\(template): \(error)")
            throw ExitCode(1)
        }
        let target = (runFolder as NSString).appendingPathComponent(ForecastNotebook.fileName)
        if manager.fileExists(atPath: target) && !force {
            printError("\(target): already exists; give --force to replace it")
            throw ExitCode(1)
        }
        try OutputFolder.write(
            ForecastFolder(files: [(ForecastNotebook.fileName, notebook.json)]), to: output, force: true)
        print("Wrote \(target), bound to \(folder)")
    }
}
