public import Foundation

/// A run's output folder as the files that go in it: a forecast's `forecast.csv`, `summary.csv`
/// and `cohorts.csv`, and whatever else a command adds (`run.json`, `report.html`, a workbook, a
/// comparison's files), written all or nothing (DESIGN.md, "Writing").
///
/// ```swift
/// let forecast = try Simulation(baseline).run(replications: 20_000)
/// try ForecastFolder(forecast).write(to: URL(fileURLWithPath: "out/mine"), force: true)
/// ```
///
/// Each command's whole folder, exactly as the command writes it, is one initializer:
/// ``init(run:of:provenance:language:format:)`` (`studio-forecast run`),
/// ``init(shard:of:provenance:language:format:)`` (`run --shard`),
/// ``init(comparison:of:provenance:language:format:)`` (`compare`),
/// ``init(sweep:grid:scenario:provenance:language:)`` (`sweep`),
/// ``init(sensitivity:of:measure:replications:shares:provenance:language:)`` (`sensitivity`),
/// ``init(solve:solver:provenance:language:)`` (`solve`) and ``init(merged:of:provenance:)`` (`merge`).
public struct ForecastFolder: Sendable {
    /// The text files, in the order written: each name inside the folder (it may hold a
    /// subfolder, as `base/forecast.csv`) and its text.
    public private(set) var files: [(name: String, contents: String)]
    /// Files already written under a temporary name of the output folder (a shard's kept
    /// replications), moved into place with the others.
    private var placed: [(name: String, temporaryPath: String)] = []
    /// The workbooks, written when the folder is.
    private var workbooks: [PendingWorkbook] = []

    /// Every file's name in the folder, in the order the command names them: the text files,
    /// then the files already written (`replications.csv`), then the workbooks.
    public var fileNames: [String] { files.map(\.name) + placed.map(\.name) + workbooks.map(\.name) }

    /// The files of the scenario's uncertain inputs among ``fileNames``: `inputs.csv`, and with
    /// kept replications `inputs-replications.csv`; none for a scenario without uncertain inputs.
    public var uncertainInputFileNames: [String] {
        fileNames.filter([InputsFile.summaryName, InputsFile.replicationsName].contains)
    }

    /// A folder of the given files.
    ///
    /// - Parameter files: names inside the folder and their text.
    public init(files: [(name: String, contents: String)] = []) {
        self.files = files
    }

    /// A folder holding `forecast.csv`, `summary.csv` and `cohorts.csv` of `forecast`.
    ///
    /// - Parameters:
    ///   - forecast: the forecast to write.
    ///   - format: a byte-order mark and the language of `summary.csv`'s headings; plain English by default.
    public init(_ forecast: Forecast, format: CSVFormat = CSVFormat()) {
        self.init()
        add(forecast, format: format)
    }

    /// Adds `forecast.csv`, `summary.csv` and `cohorts.csv` of `forecast`, under `subfolder`.
    ///
    /// - Parameters:
    ///   - forecast: the forecast to write.
    ///   - subfolder: a folder inside this one, such as `base`; empty for this folder itself.
    ///   - format: a byte-order mark and the language of `summary.csv`'s headings.
    public mutating func add(_ forecast: Forecast, in subfolder: String = "", format: CSVFormat = CSVFormat())
    {
        let writer = ForecastFiles(forecast: forecast)
        let prefix = subfolder.isEmpty ? "" : subfolder + "/"
        files += [
            (prefix + "forecast.csv", format.text(writer.forecastCSV())),
            (prefix + "summary.csv", format.text(writer.summaryCSV(labels: format.labels))),
            (prefix + "cohorts.csv", format.text(writer.cohortsCSV())),
        ]
    }

    /// Adds a file.
    ///
    /// - Parameters:
    ///   - name: its name inside the folder.
    ///   - contents: its text.
    public mutating func add(_ name: String, contents: String) {
        files.append((name, contents))
    }

    /// Adds `run.json`, the record of where the forecast came from.
    ///
    /// - Parameter provenance: the run's record.
    /// - Throws: ``ForecastFolderError`` when the record cannot be encoded; nothing is added then.
    public mutating func add(_ provenance: RunProvenance) throws(ForecastFolderError) {
        files.append(("run.json", try ForecastFolderError.json(of: provenance)))
    }

    /// Adds a workbook, written with the other files.
    mutating func add(_ workbook: PendingWorkbook) {
        workbooks.append(workbook)
    }

    /// Adds files already written under temporary names of the output folder.
    mutating func add(placed files: [(name: String, temporaryPath: String)]) {
        placed += files
    }

    /// Removes the files already written under temporary names, for a folder that will not be written.
    func discardPlaced() {
        for file in placed { _ = unlink(file.temporaryPath) }
    }

    /// Writes the files into the folder at `url`, all or nothing, making it if needed.
    ///
    /// A folder left by a killed write is first restored to one complete set of files.
    ///
    /// - Parameters:
    ///   - url: the folder.
    ///   - force: replace the files of a folder that is not empty; without it such a folder is refused.
    /// - Throws: `OutputError` when the folder cannot be written or is not empty without
    ///   `force`; nothing is then changed.
    public func write(to url: URL, force: Bool = false) throws(OutputError) {
        let folder = OutputDirectory(path: url.path)
        try folder.prepare(force: force)
        try write(to: folder, force: force)
    }

    /// Writes the files into `folder`, already checked with `OutputDirectory/prepare(force:)`,
    /// all or nothing, with `placed`: files already written under a temporary path of the folder.
    ///
    /// The workbooks are written first under temporary names of the folder, then every file is
    /// moved into place in one commit; if anything fails, every temporary file is removed.
    ///
    /// - Parameters:
    ///   - folder: the output folder.
    ///   - placed: files written by the caller under `OutputDirectory/temporaryPath(for:)`,
    ///     moved into place in the same commit.
    ///   - force: replace the files of a folder that is not empty.
    /// - Throws: `OutputError` when a file cannot be written; nothing is then changed.
    public func write(
        to folder: OutputDirectory, placing placed: [(name: String, temporaryPath: String)] = [], force: Bool
    ) throws(OutputError) {
        var staged = placed + self.placed
        for workbook in workbooks {
            do {
                staged.append(try workbook.stage(in: folder))
            } catch {
                for file in staged { _ = unlink(file.temporaryPath) }
                throw error
            }
        }
        try folder.write(files, placing: staged, force: force)
    }

    /// The output folder: `out` when given and otherwise `out/<leaf>` (checked to lie inside
    /// `out/`), after checking, before any work is done, that it can be written. A folder left
    /// by a killed run is restored to one complete set first.
    ///
    /// - Parameters:
    ///   - out: the folder named by the user, if any.
    ///   - leaf: the default folder's name inside `out/`, such as the scenario's name.
    ///   - force: whether a folder that is not empty may be replaced.
    /// - Returns: the folder, ready to be written.
    /// - Throws: `OutputError` when the folder cannot be written, lies outside `out/`, or is
    ///   not empty without `force`.
    public static func prepare(
        _ out: String?, default leaf: @autoclosure () -> String, force: Bool
    ) throws(OutputError) -> OutputDirectory {
        let folder: OutputDirectory
        if let out {
            folder = OutputDirectory(path: out)
        } else {
            folder = try OutputDirectory.defaultFolder(leaf())
        }
        try folder.prepare(force: force)
        return folder
    }
}
