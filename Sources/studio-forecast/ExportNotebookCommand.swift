import ArgumentParser
import Foundation
import StudioForecast

/// `studio-forecast export-notebook RUN_DIR`: a copy of the forecast notebook bound to a run's folder.
struct ExportNotebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-notebook",
        abstract: "Write a copy of notebooks-export/forecast.ipynb into a run's folder, bound to it.")

    /// The notebook, read from the current folder like the baseline scenario.
    static let template = "notebooks-export/forecast.ipynb"

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
        guard let data = manager.contents(atPath: Self.template),
            var notebook = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            var cells = notebook["cells"] as? [[String: Any]]
        else {
            printError("\(Self.template): cannot read the notebook; run from the project's folder")
            throw ExitCode(1)
        }
        let folder = URL(fileURLWithPath: runFolder).standardizedFileURL.path
        var bound = false
        for index in cells.indices {
            guard let source = cells[index]["source"] as? String, source.contains("RUN_DIR = \"") else { continue }
            cells[index]["source"] = source.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix("RUN_DIR = \"") ? "RUN_DIR = \(Self.quoted(folder))" : String(line)
            }.joined(separator: "\n")
            bound = true
            break
        }
        guard bound else {
            printError("\(Self.template): no RUN_DIR line to bind")
            throw ExitCode(1)
        }
        notebook["cells"] = cells
        let target = (runFolder as NSString).appendingPathComponent("forecast.ipynb")
        if manager.fileExists(atPath: target) && !force {
            printError("\(target): already exists; give --force to replace it")
            throw ExitCode(1)
        }
        let json = try JSONSerialization.data(withJSONObject: notebook, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try OutputFolder.write(
            ForecastFolder(files: [("forecast.ipynb", String(decoding: json, as: UTF8.self))]), to: output, force: true)
        print("Wrote \(target), bound to \(folder)")
    }

    /// A Python string literal of `text`: backslashes, quotes and every control character escaped,
    /// so that a folder name with a newline or a quote still gives one valid line of Python.
    static func quoted(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": literal += "\\\\"
            case "\"": literal += "\\\""
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                    || scalar == "\u{2028}" || scalar == "\u{2029}"
                {
                    literal += String(format: "\\U%08x", scalar.value)
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            }
        }
        return literal + "\""
    }
}
