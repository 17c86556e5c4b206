public import Foundation

/// The forecast notebook (`notebooks-export/forecast.ipynb`) bound to a run's output folder: a
/// copy whose `RUN_DIR = "..."` line names the folder, so that it reads that run's CSV files.
public struct ForecastNotebook: Sendable {
    /// The notebook's path in the repository, read from the current folder like the baseline scenario.
    public static let templatePath = "notebooks-export/forecast.ipynb"
    /// The bound copy's name in the run's folder.
    public static let fileName = "forecast.ipynb"

    /// The bound notebook's JSON text.
    public let json: String

    /// Binds the notebook `template` (the `.ipynb` file's bytes) to the run folder `folder`.
    ///
    /// - Parameters:
    ///   - template: the notebook's bytes.
    ///   - folder: the run's output folder, as an absolute path.
    /// - Throws: ``ForecastNotebookError`` when `template` is not a notebook, or has no
    ///   `RUN_DIR = "` line to bind.
    public init(template: Data, boundTo folder: String) throws(ForecastNotebookError) {
        guard var notebook = try? JSONSerialization.jsonObject(with: template) as? [String: Any],
            var cells = notebook["cells"] as? [[String: Any]]
        else {
            throw .unreadable
        }
        var bound = false
        for index in cells.indices {
            guard let source = cells[index]["source"] as? String, source.contains("RUN_DIR = \"") else {
                continue
            }
            cells[index]["source"] = source.split(separator: "\n", omittingEmptySubsequences: false).map {
                line in
                line.hasPrefix("RUN_DIR = \"") ? "RUN_DIR = \(Self.quoted(folder))" : String(line)
            }.joined(separator: "\n")
            bound = true
            break
        }
        guard bound else { throw .noRunFolderLine }
        notebook["cells"] = cells
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: notebook, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else {
            throw .unreadable
        }
        json = String(decoding: data, as: UTF8.self)
    }

    /// A Python string literal of `text`: backslashes, quotes and every control character escaped,
    /// so that a folder name with a newline or a quote still gives one valid line of Python.
    ///
    /// - Parameter text: any text.
    /// - Returns: the literal, quotes included.
    public static func quoted(_ text: String) -> String {
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

/// Why the notebook cannot be bound.
public enum ForecastNotebookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The template is not a notebook's JSON.
    case unreadable
    /// The template has no `RUN_DIR = "` line.
    case noRunFolderLine

    /// What is wrong, without the file's name.
    public var description: String {
        switch self {
        case .unreadable: return "cannot read the notebook; run from the project's folder"
        case .noRunFolderLine: return "no RUN_DIR line to bind"
        }
    }
}
