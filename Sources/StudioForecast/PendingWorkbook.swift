/// A workbook a ``ForecastFolder`` writes with its text files: kept as what it is made of, and
/// written (staged under a temporary name in the output folder) only when the folder is.
enum PendingWorkbook: Sendable {
    /// `forecast.xlsx` of a run.
    case forecast(
        Forecast, scenario: Scenario, scenarioPath: String, provenanceJSON: String,
        language: ScenarioExplanation.Language)
    /// `comparison.xlsx` of a comparison.
    case comparison(
        Comparison, periodYears: Int, provenanceJSON: String, language: ScenarioExplanation.Language)
    /// `sweep.xlsx`, `sensitivity.xlsx` or `solve.xlsx`: an analysis's table.
    case table(
        TableWorkbook.Analysis, scenarioName: String, csv: String, provenanceJSON: String,
        language: ScenarioExplanation.Language, measure: OutputMeasure?)

    /// The workbook's name in the folder.
    var name: String {
        switch self {
        case .forecast: return ForecastWorkbook.fileName
        case .comparison: return ComparisonWorkbook.fileName
        case .table(let analysis, _, _, _, _, _): return analysis.fileName
        }
    }

    /// Writes the workbook under a temporary name in `folder`.
    ///
    /// - Parameter folder: the output folder, already checked.
    /// - Returns: the workbook's name and its temporary path, to be moved into place with the folder's other files.
    /// - Throws: `OutputError` when it cannot be written (the temporary file is then removed).
    func stage(in folder: OutputDirectory) throws(OutputError) -> (name: String, temporaryPath: String) {
        switch self {
        case .forecast(let forecast, let scenario, let scenarioPath, let provenanceJSON, let language):
            return try ForecastWorkbook(
                forecast: forecast, scenario: scenario, scenarioPath: scenarioPath, provenanceJSON: provenanceJSON,
                language: language
            ).stage(in: folder)
        case .comparison(let comparison, let periodYears, let provenanceJSON, let language):
            return try ComparisonWorkbook(
                comparison: comparison, periodYears: periodYears, provenanceJSON: provenanceJSON, language: language
            ).stage(in: folder)
        case .table(let analysis, let scenarioName, let csv, let provenanceJSON, let language, let measure):
            return try TableWorkbook(
                analysis: analysis, scenarioName: scenarioName, csv: csv, provenanceJSON: provenanceJSON,
                language: language, measure: measure
            ).stage(in: folder)
        }
    }
}
