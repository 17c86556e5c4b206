/// Why the forecast notebook cannot be exported into a run's folder
/// (``ForecastNotebook/export(into:template:force:)``).
public enum NotebookExportError: StudioForecastError {
    /// The run's folder cannot be restored or written.
    case output(OutputError)
    /// The folder holds no `forecast.csv`.
    case notARunFolder(String)
    /// The notebook at the path cannot be bound.
    case template(String, ForecastNotebookError)
    /// A `forecast.ipynb` is at the path already, and replacing it was not asked for.
    case exists(String)

    /// The folder, the template or the copy in question.
    public var location: ProblemLocation {
        switch self {
        case .output(let error): return error.location
        case .notARunFolder(let path), .template(let path, _), .exists(let path): return ProblemLocation(file: path)
        }
    }

    /// Every problem is the folder's or the template's (exit 1).
    public var category: ProblemCategory { .badInput }

    /// One line naming the path.
    public var description: String {
        switch self {
        case .output(let error): return error.description
        case .notARunFolder(let folder): return "\(folder): no forecast.csv; give the output folder of a run"
        case .template(let path, let error): return "\(path): \(error)"
        case .exists(let path): return "\(path): already exists; give --force to replace it"
        }
    }
}
