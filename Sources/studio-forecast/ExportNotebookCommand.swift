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
        let notebook = try ForecastNotebook.export(into: runFolder, force: force)
        print("Wrote \(notebook.file), bound to \(notebook.boundTo)")
    }
}
